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
    // Two statements: one that names the article uses the table's key.
    PreparedStatement s =
        articleId ? m_db->prepared("SELECT article_id, coder, campaign_id, applies, set_at FROM "
                                   "coding WHERE article_id = ?1 ORDER BY coder, campaign_id")
                  : m_db->prepared("SELECT article_id, coder, campaign_id, applies, set_at FROM "
                                   "coding ORDER BY article_id, coder, campaign_id");
    if (!s)
        return Error{m_db->lastError()};
    if (articleId)
        s->bind(1, *articleId);
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

Status SqlLibrary::markCoded(qint64 articleId, const std::optional<QStringList> &shown)
{
    if (m_author.isEmpty())
        return Error{u"this connection names no person, so no coding can be theirs"_s};
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    PreparedStatement exists = m_db->prepared("SELECT 1 FROM article WHERE id = ?1");
    PreparedStatement tags =
        m_db->prepared("SELECT campaign_id FROM article_campaign WHERE article_id = ?1");
    PreparedStatement all = m_db->prepared("SELECT id FROM campaign ORDER BY id");
    PreparedStatement judge = m_db->prepared(kUpsertCoding);
    if (!exists || !tags || !all || !judge)
        return Error{m_db->lastError()};
    if (exists->bind(1, articleId).step() != Statement::Step::Row)
        return Error{u"there is no article %1 in the library"_s.arg(articleId)};
    QStringList yes;
    if (shown) {
        yes = *shown;
    } else {
        tags->bind(1, articleId);
        while (tags->step() == Statement::Step::Row)
            yes.append(tags->text(0));
    }
    QStringList campaigns;
    while (all->step() == Statement::Step::Row)
        campaigns.append(all->text(0));
    const QString stamp = now();
    for (const QString &campaign : campaigns) {
        if (Status s = judge->reset()
                           .bind(1, articleId)
                           .bind(2, m_author)
                           .bind(3, campaign)
                           .bind(4, yes.contains(campaign) ? 1 : 0)
                           .bind(5, stamp)
                           .run();
            !s)
            return Error{u"cannot save: %1"_s.arg(s.errorMessage())};
    }
    return tx.commit();
}

Status SqlLibrary::undoCodingStep(const CodingStep &step)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    if (!step.campaign.isEmpty() && step.tagBefore != step.tagAfter) {
        PreparedStatement tagged =
            m_db->prepared("SELECT source, set_at, set_by FROM article_campaign WHERE "
                           "article_id = ?1 AND campaign_id = ?2");
        PreparedStatement untag = m_db->prepared(
            "DELETE FROM article_campaign WHERE article_id = ?1 AND campaign_id = ?2");
        PreparedStatement retag = m_db->prepared(
            "INSERT INTO article_campaign (article_id, campaign_id, source, set_at, set_by) "
            "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (article_id, campaign_id) DO NOTHING");
        if (!tagged || !untag || !retag)
            return Error{m_db->lastError()};
        std::optional<ArticleTag> now;
        if (tagged->bind(1, step.articleId).bind(2, step.campaign).step() == Statement::Step::Row) {
            now = ArticleTag{step.campaign, StoreRows::tagSourceFrom(tagged->text(0)),
                             tagged->text(1), tagged->text(2)};
        }
        // Only when it is as the step left it: a colleague's tag or untag since stays.
        if (now == step.tagAfter) {
            Status s;
            if (const std::optional<ArticleTag> &was = step.tagBefore; was && !now) {
                s = retag->bind(1, step.articleId)
                        .bind(2, step.campaign)
                        .bind(3, StoreRows::tagSourceName(was->source))
                        .bind(4, was->setAt)
                        .bind(5, was->setBy) // as it was: the tag is theirs again
                        .run();
            } else if (!was) {
                s = untag->bind(1, step.articleId).bind(2, step.campaign).run();
            }
            if (!s)
                return Error{u"cannot save: %1"_s.arg(s.errorMessage())};
        }
    }
    PreparedStatement judged = m_db->prepared(
        "SELECT applies FROM coding WHERE article_id = ?1 AND coder = ?2 AND campaign_id = ?3");
    PreparedStatement forget = m_db->prepared(
        "DELETE FROM coding WHERE article_id = ?1 AND coder = ?2 AND campaign_id = ?3");
    PreparedStatement judge = m_db->prepared(kUpsertCoding);
    if (!judged || !forget || !judge)
        return Error{m_db->lastError()};
    const auto find = [](const QList<Coding> &in, const QString &campaign) -> const Coding * {
        for (const Coding &c : in) {
            if (c.campaign == campaign)
                return &c;
        }
        return nullptr;
    };
    QStringList campaigns;
    for (const QList<Coding> *side : {&step.ownBefore, &step.ownAfter}) {
        for (const Coding &c : *side) {
            if (!campaigns.contains(c.campaign))
                campaigns.append(c.campaign);
        }
    }
    for (const QString &campaign : campaigns) {
        const Coding *before = find(step.ownBefore, campaign);
        const Coding *after = find(step.ownAfter, campaign);
        judged->reset().bind(1, step.articleId).bind(2, m_author).bind(3, campaign);
        std::optional<bool> current;
        if (judged->step() == Statement::Step::Row)
            current = judged->int64(0) != 0;
        const std::optional<bool> left = after ? std::optional<bool>(after->applies) : std::nullopt;
        if (current != left)
            continue; // judged again since (the command line, another window): that stands
        Status s =
            before
                ? judge->reset()
                      .bind(1, step.articleId)
                      .bind(2, m_author)
                      .bind(3, campaign)
                      .bind(4, before->applies ? 1 : 0)
                      .bind(5, before->setAt.isEmpty() ? now() : before->setAt)
                      .run()
                : forget->reset().bind(1, step.articleId).bind(2, m_author).bind(3, campaign).run();
        if (!s)
            return Error{u"cannot save: %1"_s.arg(s.errorMessage())};
    }
    return tx.commit();
}

} // namespace br
