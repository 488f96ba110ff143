// Library: search (the rest of the class is in Library.cpp).

#include "library/Database.h"
#include "library/Library.h"
#include "library/SearchQuery.h"
#include "text/CharFold.h"

namespace br {

using namespace Qt::StringLiterals;

Result<QList<qint64>> Library::searchIds(const QString &query, const QString &campaign, bool ranked)
{
    const SearchQuery parsed = SearchQuery::parse(query);
    if (parsed.isEmpty())
        return QList<qint64>();
    QList<qint64> ids;
    const QString included = parsed.matchExpression();
    const QString excluded = parsed.excludedExpression();
    Statement::Step step;
    if (!included.isEmpty()) {
        // Only expressions built by SearchQuery reach MATCH, as a bound value.
        const QString match =
            excluded.isEmpty() ? included : u'(' + included + u") NOT (" + excluded + u')';
        // bm25 is only worked out when asked for: CASE does not evaluate its other branch.
        PreparedStatement s = m_db->prepared(
            "SELECT f.rowid FROM article_fts f WHERE article_fts MATCH ?1 AND (?2 = '' OR EXISTS "
            "(SELECT 1 FROM article_campaign c WHERE c.article_id = f.rowid AND c.campaign_id = "
            "?2)) "
            "ORDER BY CASE WHEN ?3 = 1 THEN bm25(article_fts, 4.0, 1.0) END, f.rowid");
        if (!s)
            return Error{m_db->lastError()};
        s->bind(1, match).bind(2, campaign).bind(3, ranked ? 1 : 0);
        while ((step = s->step()) == Statement::Step::Row)
            ids.append(s->int64(0));
        if (step == Statement::Step::Error)
            return Error{u"search failed: %1"_s.arg(s->errorMessage())};
    } else {
        // Nothing the index can narrow down (only -terms, or terms of punctuation): every article,
        // less what the index excludes, checked against the text below.
        PreparedStatement s = m_db->prepared(
            "SELECT a.id FROM article a WHERE (?1 = '' OR a.id NOT IN (SELECT rowid FROM "
            "article_fts WHERE article_fts MATCH ?1)) AND (?2 = '' OR EXISTS (SELECT 1 FROM "
            "article_campaign c WHERE c.article_id = a.id AND c.campaign_id = ?2)) ORDER BY a.id");
        if (!s)
            return Error{m_db->lastError()};
        s->bind(1, excluded).bind(2, campaign);
        while ((step = s->step()) == Statement::Step::Row)
            ids.append(s->int64(0));
        if (step == Statement::Step::Error)
            return Error{u"search failed: %1"_s.arg(s->errorMessage())};
    }
    if (!parsed.needsTextCheck())
        return ids;
    // Terms with punctuation or spaces: the index found the articles that have their words; the
    // text decides.
    PreparedStatement text = m_db->prepared("SELECT plain_text FROM article WHERE id = ?1");
    if (!text)
        return Error{m_db->lastError()};
    QList<qint64> checked;
    for (const qint64 id : ids) {
        text->reset().bind(1, id);
        if (text->step() == Statement::Step::Row &&
            parsed.matchesFolded(CharFold::fold(text->text(0))))
            checked.append(id);
    }
    return checked;
}

Result<QList<SearchHit>> Library::search(const QString &query, const QString &campaign, int limit,
                                         int *total)
{
    const SearchQuery parsed = SearchQuery::parse(query);
    Result<QList<qint64>> ids = QList<qint64>();
    const QString included = parsed.matchExpression();
    if (limit > 0 && !included.isEmpty() && !parsed.needsTextCheck()) {
        // The index decides alone: count every hit, rank only what will be shown.
        const QString excluded = parsed.excludedExpression();
        const QString match =
            excluded.isEmpty() ? included : u'(' + included + u") NOT (" + excluded + u')';
        PreparedStatement count = m_db->prepared(
            "SELECT count(*) FROM article_fts f WHERE article_fts MATCH ?1 AND (?2 = '' OR EXISTS "
            "(SELECT 1 FROM article_campaign c WHERE c.article_id = f.rowid AND c.campaign_id = "
            "?2))");
        PreparedStatement top = m_db->prepared(
            "SELECT f.rowid FROM article_fts f WHERE article_fts MATCH ?1 AND (?2 = '' OR EXISTS "
            "(SELECT 1 FROM article_campaign c WHERE c.article_id = f.rowid AND c.campaign_id = "
            "?2)) "
            "ORDER BY bm25(article_fts, 4.0, 1.0) LIMIT ?3");
        if (!count || !top)
            return Error{m_db->lastError()};
        count->bind(1, match).bind(2, campaign);
        if (count->step() != Statement::Step::Row)
            return Error{u"search failed: %1"_s.arg(count->errorMessage())};
        if (total)
            *total = static_cast<int>(count->int64(0));
        top->bind(1, match).bind(2, campaign).bind(3, limit);
        while (top->step() == Statement::Step::Row)
            ids->append(top->int64(0));
    } else {
        ids = searchIds(query, campaign);
        if (!ids)
            return ids.error();
        if (total)
            *total = static_cast<int>(ids->size());
    }
    PreparedStatement info =
        m_db->prepared("SELECT a.page_id, a.title, p.file_name, a.plain_text FROM article a "
                       "JOIN page p ON p.id = a.page_id WHERE a.id = ?1");
    if (!info)
        return Error{m_db->lastError()};
    QList<SearchHit> hits;
    const qsizetype count = limit > 0 ? std::min<qsizetype>(limit, ids->size()) : ids->size();
    for (qsizetype i = 0; i < count; ++i) {
        SearchHit hit;
        hit.articleId = ids.value()[i];
        info->reset().bind(1, hit.articleId);
        if (info->step() != Statement::Step::Row)
            continue;
        hit.pageId = info->int64(0);
        hit.title = info->text(1);
        hit.pageFile = info->text(2);
        // Made here rather than by FTS5's snippet(): one pass over one text, and it marks exactly
        // the substrings the search matched.
        hit.snippet = parsed.snippet(info->text(3), kMatchStart, kMatchEnd);
        hit.rank = static_cast<double>(i);
        hits.append(std::move(hit));
    }
    return hits;
}

} // namespace br
