// The SQLite store: search (the rest of the class is in SqlLibrary.cpp).
//
// A query is answered as sets of article ids: the pairs table for every run of two characters or
// more (the runs of a term with punctuation as the index holds them, SearchQuery::Phrase), the
// characters table for single characters, the campaign's articles, less what the
// excluded terms match, checked against the text when a term holds punctuation or spaces. Each
// set comes out of SQLite in id order and is intersected here: SQLite plans `rowid IN (SELECT
// … MATCH …)` as one index probe per row (more than a second for 党 医院 on 100,000 articles).
// The included terms' hits are read by HitReaders, side by side in a large library; ranking (bm25
// over the pairs table, headline weighted up) is worked out as the pairs table's hits are read;
// only the hits shown are sorted.

#include "library/SearchQuery.h"
#include "library/SqliteDatabase.h"
#include "library/SqliteLibrary.h"
#include "text/CharFold.h"

#include <algorithm>
#include <iterator>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// The ids a one-parameter query returns (`sql` orders them by id).
Result<IdList> idsOf(Database &db, const char *sql, const QString &parameter)
{
    PreparedStatement s = db.prepared(sql);
    if (!s)
        return Error{db.lastError()};
    if (!parameter.isNull())
        s->bind(1, parameter);
    IdList ids;
    Statement::Step step;
    while ((step = s->step()) == Statement::Step::Row)
        ids.push_back(s->int64(0));
    if (step == Statement::Step::Error)
        return Error{u"search failed: %1"_s.arg(s->errorMessage())};
    return ids;
}

IdList intersection(const IdList &a, const IdList &b)
{
    IdList both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return both;
}

IdList difference(const IdList &a, const IdList &b)
{
    IdList rest;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(rest));
    return rest;
}

constexpr const char *kPairMatches =
    "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 ORDER BY rowid";
constexpr const char *kCharacterMatches =
    "SELECT rowid FROM article_chars WHERE article_chars MATCH ?1 ORDER BY rowid";

} // namespace

Result<IdList> SqliteLibrary::matchingIds(const SearchQuery &query, const QString &campaign,
                                          ScoredIds *scored)
{
    if (query.isEmpty())
        return IdList();
    // Every query here is built by SearchQuery out of index tokens, and bound as a value.
    std::optional<IdList> ids; // nullopt: every article so far
    const auto narrow = [&](const char *sql, const QString &parameter) -> Status {
        Result<IdList> found = idsOf(file(), sql, parameter);
        if (!found)
            return found.error();
        ids = ids ? intersection(*ids, found.value()) : std::move(found).value();
        return {};
    };
    const SearchQuery::Phrases included = query.includedPhrases();
    qint64 lastId = 0;
    if (!included.pairs.isEmpty() || !included.characters.isEmpty()) {
        Result<IdList> last = idsOf(file(), "SELECT max(id) FROM article", QString());
        if (!last)
            return last.error();
        lastId = last->empty() ? 0 : last->front();
    }
    if (!included.pairs.isEmpty()) {
        if (Status s = m_hitReaders.read(file(), HitReaders::Table::Pairs, included.pairs, lastId,
                                         scored != nullptr, m_pairHits);
            !s)
            return s.error();
        if (scored) {
            m_pairHits.scoredIntersection(*scored);
            ids = scored->ids;
        } else {
            ids = m_pairHits.intersection();
        }
    }
    if (!included.characters.isEmpty() && (!ids || !ids->empty())) {
        if (Status s = m_hitReaders.read(file(), HitReaders::Table::Characters, included.characters,
                                         lastId, false, m_characterHits);
            !s)
            return s.error();
        IdList found = m_characterHits.intersection();
        ids = ids ? intersection(*ids, found) : std::move(found);
    }
    if (!campaign.isEmpty() && (!ids || !ids->empty()))
        if (Status s = narrow("SELECT article_id FROM article_campaign WHERE campaign_id = ?1 "
                              "ORDER BY article_id",
                              campaign);
            !s)
            return s.error();
    if (!ids) // nothing the index can narrow down: only -terms, or terms of punctuation
        if (Status s = narrow("SELECT id FROM article ORDER BY id", QString()); !s)
            return s.error();

    const SearchQuery::Expressions excluded = query.excludedExpressions();
    for (const auto &[sql, expression] : {std::pair{kPairMatches, excluded.pairs},
                                          std::pair{kCharacterMatches, excluded.characters}}) {
        if (expression.isEmpty() || ids->empty())
            continue;
        Result<IdList> found = idsOf(file(), sql, expression);
        if (!found)
            return found.error();
        *ids = difference(*ids, found.value());
    }
    if (!query.needsTextCheck())
        return std::move(*ids);
    // Terms with punctuation or spaces: the index found the articles that have their words; the
    // text decides.
    // One read for them all: a read of its own for each text took and gave back the file's locks
    // every time (inside a transaction already, the snapshot is not needed and not begun).
    const ReadSnapshot oneRead(*m_db);
    SqliteStatement *text =
        file().preparedSqlite("SELECT plain_text FROM article_body WHERE article_id = ?1");
    if (!text)
        return Error{m_db->lastError()};
    const PreparedStatement loan(text); // reset before the snapshot ends
    IdList checked;
    QString folded; // one buffer for every text
    for (const qint64 id : *ids) {
        text->reset().bind(1, id);
        const Statement::Step step = text->step();
        if (step == Statement::Step::Error) // not an article less: the search failed
            return Error{u"search failed: %1"_s.arg(text->errorMessage())};
        if (step == Statement::Step::Done)
            continue; // deleted since the index was read
        CharFold::foldUtf8(text->utf8(0), folded);
        if (query.matchesFolded(folded))
            checked.push_back(id);
    }
    return checked;
}

Result<QList<qint64>> SqliteLibrary::searchIds(const QString &query, const QString &campaign)
{
    Result<IdList> ids = matchingIds(SearchQuery::parse(query), campaign);
    if (!ids)
        return ids.error();
    return QList<qint64>(ids->begin(), ids->end());
}

Result<QList<qint64>> SqliteLibrary::rankedIds(const SearchQuery &parsed, const QString &campaign,
                                               int limit, int *total)
{
    ScoredIds &scored = m_scored; // the last search's, to be forgotten
    scored.ids.clear();
    scored.scores.clear();
    const Result<IdList> matching = matchingIds(parsed, campaign, &scored);
    if (!matching)
        return matching.error();
    const IdList &ids = matching.value();
    if (total)
        *total = static_cast<int>(ids.size());
    const auto shown = static_cast<size_t>(limit > 0 ? std::min<qsizetype>(limit, std::ssize(ids))
                                                     : std::ssize(ids));

    // Best first by bm25 over the pairs, then by id. Single characters are only known to be in an
    // article, not how often: a query of nothing else keeps id order.
    QList<qint64> order;
    if (scored.ids.empty()) {
        order = QList<qint64>(ids.begin(), ids.begin() + static_cast<qsizetype>(shown));
        return order;
    }
    // The best `shown` in a heap, its worst on top: no copy of every hit to sort.
    std::vector<std::pair<double, qint64>> best;
    best.reserve(shown);
    size_t at = 0; // `ids` is a subset of the scored ids, both ascending
    for (const qint64 id : ids) {
        while (scored.ids[at] < id)
            ++at;
        const std::pair candidate{scored.scores[at], id};
        if (best.size() < shown) {
            best.push_back(candidate);
            std::push_heap(best.begin(), best.end());
        } else if (shown > 0 && candidate < best.front()) {
            std::pop_heap(best.begin(), best.end());
            best.back() = candidate;
            std::push_heap(best.begin(), best.end());
        }
    }
    std::sort_heap(best.begin(), best.end());
    order.reserve(static_cast<qsizetype>(best.size()));
    for (const auto &[score, id] : best)
        order.append(id);
    return order;
}

} // namespace br
