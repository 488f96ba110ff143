// A person's own tags as a whole: renamed, recoloured, counted, folded into another, and put
// back as they were (the tag manager and its undo).
#include "library/SqlLibrary.h"
#include "library/StoreRows.h"

namespace br {

using namespace Qt::StringLiterals;

namespace {

std::optional<Error> refuseBuiltin(const QString &id, const QString &what)
{
    for (const Campaign &c : builtinCampaigns()) {
        if (c.id == id)
            return Error{u"the campaign %1 is built in and cannot be %2"_s.arg(c.nameZh, what)};
    }
    return std::nullopt;
}

} // namespace

Result<bool> SqlLibrary::tagExists(const QString &id)
{
    PreparedStatement s = m_db->prepared("SELECT count(*) FROM campaign WHERE id = ?1");
    if (!s || s->bind(1, id).step() != Statement::Step::Row)
        return Error{m_db->lastError()};
    return s->int64(0) > 0;
}

Status SqlLibrary::updateTag(const QString &id, const QString &name, const QString &color)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{u"a tag needs a name"_s};
    if (std::optional<Error> builtin = refuseBuiltin(id, u"renamed"_s))
        return *builtin;
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    PreparedStatement taken = m_db->prepared(
        "SELECT count(*) FROM campaign WHERE id <> ?1 AND (name_zh = ?2 OR name_en = ?2)");
    if (!taken || taken->bind(1, id).bind(2, trimmed).step() != Statement::Step::Row)
        return Error{m_db->lastError()};
    if (taken->int64(0) > 0)
        return Error{u"there is a tag called %1 already"_s.arg(trimmed)};
    const Result<bool> exists = tagExists(id);
    if (!exists)
        return exists.error();
    if (!exists.value())
        return Error{u"the tag is no longer in the library (someone removed it)"_s};
    PreparedStatement update = m_db->prepared(
        "UPDATE campaign SET name_zh = ?2, name_en = ?2, color = ?3 WHERE id = ?1 AND builtin = 0");
    if (!update)
        return Error{m_db->lastError()};
    if (Status s = update->bind(1, id).bind(2, trimmed).bind(3, color).run(); !s)
        return Error{u"cannot save: %1"_s.arg(s.errorMessage())};
    return tx.commit();
}

Result<QList<std::pair<QString, int>>> SqlLibrary::tagCounts()
{
    PreparedStatement s =
        m_db->prepared("SELECT campaign_id, count(*) FROM article_campaign GROUP BY campaign_id");
    if (!s)
        return Error{m_db->lastError()};
    QList<std::pair<QString, int>> counts;
    Statement::Step step;
    while ((step = s->step()) == Statement::Step::Row)
        counts.append({s->text(0), static_cast<int>(s->int64(1))});
    if (step == Statement::Step::Error)
        return Error{s->errorMessage()};
    return counts;
}

Result<TagRecord> SqlLibrary::tagRecord(const QString &id)
{
    // One read: the tag, its articles and its judgments as they were together.
    std::optional<ReadSnapshot> snapshot;
    if (!m_db->inTransaction())
        snapshot.emplace(*m_db);
    PreparedStatement tag =
        m_db->prepared("SELECT name_zh, name_en, color FROM campaign WHERE id = ?1");
    PreparedStatement articles =
        m_db->prepared("SELECT article_id, source, set_at, set_by FROM article_campaign "
                       "WHERE campaign_id = ?1 ORDER BY article_id");
    PreparedStatement codings = m_db->prepared(
        "SELECT article_id, coder, applies, set_at FROM coding WHERE campaign_id = ?1 "
        "ORDER BY article_id, coder");
    if (!tag || !articles || !codings)
        return Error{m_db->lastError()};
    if (tag->bind(1, id).step() != Statement::Step::Row)
        return Error{u"the tag is no longer in the library (someone removed it)"_s};
    TagRecord record;
    record.tag = Campaign{id, tag->text(0), tag->text(1), tag->text(2)};
    Statement::Step step;
    articles->bind(1, id);
    while ((step = articles->step()) == Statement::Step::Row) {
        record.articles.append(
            {articles->int64(0), ArticleTag{id, StoreRows::tagSourceFrom(articles->text(1)),
                                            articles->text(2), articles->text(3)}});
    }
    if (step == Statement::Step::Error)
        return Error{articles->errorMessage()};
    codings->bind(1, id);
    while ((step = codings->step()) == Statement::Step::Row) {
        record.codings.append(
            {codings->int64(0), id, codings->text(1), codings->int64(2) != 0, codings->text(3)});
    }
    if (step == Statement::Step::Error)
        return Error{codings->errorMessage()};
    return record;
}

Result<TagMerge> SqlLibrary::mergeTag(const QString &from, const QString &into)
{
    if (from == into)
        return Error{u"a tag cannot be merged into itself"_s};
    if (std::optional<Error> builtin = refuseBuiltin(from, u"merged away"_s))
        return *builtin;
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    for (const QString &id : {from, into}) {
        const Result<bool> exists = tagExists(id);
        if (!exists)
            return exists.error();
        if (!exists.value())
            return Error{u"the tag is no longer in the library (someone removed it)"_s};
    }
    // What the merge adds to `into`, read before it does: its undo takes back just that.
    PreparedStatement newArticles = m_db->prepared(
        "SELECT a.article_id FROM article_campaign a WHERE a.campaign_id = ?1 AND NOT EXISTS "
        "(SELECT 1 FROM article_campaign b WHERE b.article_id = a.article_id AND "
        "b.campaign_id = ?2) ORDER BY a.article_id");
    PreparedStatement newCodings = m_db->prepared(
        "SELECT a.article_id, a.coder, a.applies, a.set_at FROM coding a WHERE "
        "a.campaign_id = ?1 AND NOT EXISTS (SELECT 1 FROM coding b WHERE b.article_id = "
        "a.article_id AND b.coder = a.coder AND b.campaign_id = ?2) ORDER BY a.article_id, "
        "a.coder");
    // (The WHERE keeps SQLite from reading ON CONFLICT as a join's ON.)
    PreparedStatement articles = m_db->prepared(
        "INSERT INTO article_campaign (article_id, campaign_id, source, set_at, set_by) "
        "SELECT article_id, ?2, source, set_at, set_by FROM article_campaign "
        "WHERE campaign_id = ?1 ON CONFLICT (article_id, campaign_id) DO NOTHING");
    PreparedStatement codings = m_db->prepared(
        "INSERT INTO coding (article_id, coder, campaign_id, applies, set_at) "
        "SELECT article_id, coder, ?2, applies, set_at FROM coding WHERE campaign_id = ?1 "
        "ON CONFLICT (article_id, coder, campaign_id) DO NOTHING");
    PreparedStatement remove = m_db->prepared("DELETE FROM campaign WHERE id = ?1 AND builtin = 0");
    if (!newArticles || !newCodings || !articles || !codings || !remove)
        return Error{m_db->lastError()};
    TagMerge added;
    Statement::Step step;
    newArticles->bind(1, from).bind(2, into);
    while ((step = newArticles->step()) == Statement::Step::Row)
        added.articles.append(newArticles->int64(0));
    if (step == Statement::Step::Error)
        return Error{newArticles->errorMessage()};
    newCodings->bind(1, from).bind(2, into);
    while ((step = newCodings->step()) == Statement::Step::Row) {
        added.codings.append({newCodings->int64(0), into, newCodings->text(1),
                              newCodings->int64(2) != 0, newCodings->text(3)});
    }
    if (step == Statement::Step::Error)
        return Error{newCodings->errorMessage()};
    for (Statement *s : {&*articles, &*codings}) {
        if (Status st = s->bind(1, from).bind(2, into).run(); !st)
            return Error{u"cannot save: %1"_s.arg(st.errorMessage())};
    }
    if (Status st = remove->bind(1, from).run(); !st)
        return Error{u"cannot save: %1"_s.arg(st.errorMessage())};
    if (Status st = tx.commit(); !st)
        return st.error();
    return added;
}

Status SqlLibrary::restoreTag(const TagRecord &record, const QString &mergedInto,
                              const TagMerge &added)
{
    if (std::optional<Error> builtin = refuseBuiltin(record.tag.id, u"restored"_s))
        return *builtin;
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    const auto failed = [](const Status &s) {
        return Error{u"cannot save: %1"_s.arg(s.errorMessage())};
    };
    // The id is the tag's identity in every export: another tag that took it meanwhile (a new
    // tag, an imported project's) is never overwritten.
    const Result<bool> taken = tagExists(record.tag.id);
    if (!taken)
        return taken.error();
    if (taken.value()) {
        return Error{u"the tag %1 cannot be put back: another tag has its place in the library "
                     u"now"_s.arg(record.tag.nameZh)};
    }
    if (!mergedInto.isEmpty()) {
        PreparedStatement untag = m_db->prepared(
            "DELETE FROM article_campaign WHERE article_id = ?1 AND campaign_id = ?2");
        PreparedStatement unjudge = m_db->prepared(
            "DELETE FROM coding WHERE article_id = ?1 AND coder = ?2 AND campaign_id = ?3");
        if (!untag || !unjudge)
            return Error{m_db->lastError()};
        for (const qint64 articleId : added.articles) {
            if (Status s = untag->reset().bind(1, articleId).bind(2, mergedInto).run(); !s)
                return failed(s);
        }
        for (const Coding &c : added.codings) {
            if (Status s = unjudge->reset()
                               .bind(1, c.articleId)
                               .bind(2, c.coder)
                               .bind(3, mergedInto)
                               .run();
                !s)
                return failed(s);
        }
    }
    PreparedStatement tag = m_db->prepared(
        "INSERT INTO campaign (id, name_zh, name_en, color, builtin) VALUES (?1, ?2, ?3, ?4, 0)");
    PreparedStatement article = m_db->prepared(
        "INSERT INTO article_campaign (article_id, campaign_id, source, set_at, set_by) "
        "SELECT id, ?2, ?3, ?4, ?5 FROM article WHERE id = ?1");
    PreparedStatement coding =
        m_db->prepared("INSERT INTO coding (article_id, coder, campaign_id, applies, set_at) "
                       "SELECT id, ?2, ?3, CAST(?4 AS INTEGER), ?5 FROM article WHERE id = ?1");
    if (!tag || !article || !coding)
        return Error{m_db->lastError()};
    if (Status s = tag->bind(1, record.tag.id)
                       .bind(2, record.tag.nameZh)
                       .bind(3, record.tag.nameEn)
                       .bind(4, record.tag.color)
                       .run();
        !s)
        return failed(s);
    // Articles gone meanwhile (a correction of the split) are left out.
    for (const auto &[articleId, t] : record.articles) {
        if (Status s = article->reset()
                           .bind(1, articleId)
                           .bind(2, record.tag.id)
                           .bind(3, StoreRows::tagSourceName(t.source))
                           .bind(4, t.setAt)
                           .bind(5, t.setBy)
                           .run();
            !s)
            return failed(s);
    }
    for (const Coding &c : record.codings) {
        if (Status s = coding->reset()
                           .bind(1, c.articleId)
                           .bind(2, c.coder)
                           .bind(3, record.tag.id)
                           .bind(4, c.applies ? 1 : 0)
                           .bind(5, c.setAt)
                           .run();
            !s)
            return failed(s);
    }
    return tx.commit();
}

} // namespace br
