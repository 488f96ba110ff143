// Each person's own judgments of articles' campaigns (the table `coding`), for coder agreement.
#include "library/SqlLibrary.h"
#include "library/StoreRows.h"

namespace br {

using namespace Qt::StringLiterals;
using StoreRows::now;

namespace {

constexpr const char *kUpsertCoding =
    "INSERT INTO coding (article_id, coder, campaign_id, applies, set_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (article_id, coder, campaign_id) DO UPDATE SET "
    "applies = excluded.applies, set_at = excluded.set_at";

} // namespace

Result<QList<Coding>> SqlLibrary::codings(std::optional<qint64> articleId)
{
    PreparedStatement s =
        m_db->prepared("SELECT article_id, coder, campaign_id, applies, set_at FROM coding "
                       "WHERE ?1 = 0 OR article_id = ?1 ORDER BY article_id, coder, campaign_id");
    if (!s)
        return Error{m_db->lastError()};
    s->bind(1, articleId.value_or(0));
    QList<Coding> found;
    Statement::Step step;
    while ((step = s->step()) == Statement::Step::Row)
        found.append({s->int64(0), s->text(2), s->text(1), s->int64(3) != 0, s->text(4)});
    if (step == Statement::Step::Error)
        return Error{s->errorMessage()};
    return found;
}

Status SqlLibrary::writeOwnCoding(qint64 articleId, const QString &campaign, bool applies)
{
    if (m_author.isEmpty())
        return {}; // nobody to attribute a judgment to
    PreparedStatement s = m_db->prepared(kUpsertCoding);
    if (!s)
        return Error{m_db->lastError()};
    return s->bind(1, articleId)
        .bind(2, m_author)
        .bind(3, campaign)
        .bind(4, applies ? 1 : 0)
        .bind(5, now())
        .run();
}

Status SqlLibrary::insertCodings(qint64 articleId, const QList<Coding> &codings)
{
    if (codings.isEmpty())
        return {};
    PreparedStatement s = m_db->prepared(kUpsertCoding);
    if (!s)
        return Error{m_db->lastError()};
    for (const Coding &c : codings) {
        if (Status st = s->reset()
                            .bind(1, articleId)
                            .bind(2, c.coder)
                            .bind(3, c.campaign)
                            .bind(4, c.applies ? 1 : 0)
                            .bind(5, c.setAt.isEmpty() ? now() : c.setAt)
                            .run();
            !st)
            return st;
    }
    return {};
}

Status SqlLibrary::markCoded(qint64 articleId)
{
    if (m_author.isEmpty())
        return Error{u"this connection names no person, so no coding can be theirs"_s};
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    PreparedStatement exists = m_db->prepared("SELECT 1 FROM article WHERE id = ?1");
    PreparedStatement judge = m_db->prepared(
        "INSERT INTO coding (article_id, coder, campaign_id, applies, set_at) "
        "SELECT ?1, ?2, c.id, CASE WHEN EXISTS (SELECT 1 FROM article_campaign t "
        "WHERE t.article_id = ?1 AND t.campaign_id = c.id) THEN 1 ELSE 0 END, ?3 FROM campaign c "
        "WHERE true ON CONFLICT (article_id, coder, campaign_id) DO UPDATE SET "
        "applies = excluded.applies, set_at = excluded.set_at");
    if (!exists || !judge)
        return Error{m_db->lastError()};
    if (exists->bind(1, articleId).step() != Statement::Step::Row)
        return Error{u"there is no article %1 in the library"_s.arg(articleId)};
    if (Status s = judge->bind(1, articleId).bind(2, m_author).bind(3, now()).run(); !s)
        return Error{u"cannot save: %1"_s.arg(s.errorMessage())};
    return tx.commit();
}

Status SqlLibrary::setOwnCoding(qint64 articleId, const QList<Coding> &mine)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    PreparedStatement clear =
        m_db->prepared("DELETE FROM coding WHERE article_id = ?1 AND coder = ?2");
    if (!clear)
        return Error{m_db->lastError()};
    if (Status s = clear->bind(1, articleId).bind(2, m_author).run(); !s)
        return Error{u"cannot save: %1"_s.arg(s.errorMessage())};
    QList<Coding> own;
    for (Coding c : mine) {
        c.coder = m_author; // nobody sets another person's judgments
        own.append(c);
    }
    if (Status s = insertCodings(articleId, own); !s)
        return Error{u"cannot save: %1"_s.arg(s.errorMessage())};
    return tx.commit();
}

} // namespace br
