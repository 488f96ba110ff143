#pragma once

#include "core/Result.h"

#include <QtGlobal>

#include <vector>

struct sqlite3;

namespace br {

// The token count of every indexed article (headline and body together), by rowid, read from
// FTS5's own article_fts_docsize. bm25 needs it for every hit it ranks, and FTS5 reads it with
// one B-tree lookup per hit: three quarters of the time of ranking a broad term (扶贫 in a third
// of 100,000 articles: 22 ms with FTS5's bm25(), 4 ms with these lengths in memory).
class DocumentLengths final
{
public:
    // Reads the lengths again when the database changed since the last call (on this
    // connection or another one); otherwise does nothing.
    Status refresh(sqlite3 *db);
    // The length of `rowid`, or -1 when it is not known (FTS5 is asked then).
    int lengthOf(qint64 rowid) const
    {
        return rowid >= 0 && static_cast<size_t>(rowid) < m_lengths.size()
                   ? m_lengths[static_cast<size_t>(rowid)]
                   : -1;
    }

private:
    std::vector<int> m_lengths; // by rowid; -1 where there is no article
    qint64 m_dataVersion = -1;  // PRAGMA data_version when read: other connections' commits
    qint64 m_changes = -1;      // sqlite3_total_changes64 when read: this connection's writes
};

// Article ids in ascending order, the sets search combines.
using IdList = std::vector<qint64>;

// Articles with their bm25 scores (same index in both), ids ascending; smaller is better, as
// FTS5's bm25() gives them.
struct ScoredIds
{
    IdList ids;
    std::vector<double> scores;
};

// The hits of one phrase, gathered by one of two auxiliary functions, either
//  - all of them in a single call of br_phrase_hits on the first matching row, which walks them
//    with xQueryPhrase, FTS5 calling back once per hit:
//      SELECT br_phrase_hits(t, ?2) FROM t WHERE t MATCH ?1 LIMIT 1
//  - or those among the articles of a range of ids, row by row, with br_hits:
//      SELECT count(*) FROM t WHERE t MATCH ?1 AND rowid BETWEEN ?3 AND ?4 AND br_hits(t, ?2)
//    count() keeps the loop inside SQLite: no row comes back to the caller per hit.
// (?1 one phrase, ?2 this list as kHitListPointer.) The walk costs little more than reading the
// token's doclist: 22 ms for 扶贫's 351,000 hits in a million articles, where the ranges take
// 37 ms, and bm25() row by row took 76. Ranges can be read side by side, on several connections
// (HitReaders), which pays where FTS5 spends long on every hit: matching the positions of a
// phrase of several tokens (卫生健康: 53 ms walked, 32 in two ranges on two cores).
// A list serves search after search: its memory is kept, so that a broad term does not pay for
// fresh pages each time.
class HitList final
{
public:
    // Ids only (the chars table, or a search that is not ranked).
    HitList() = default;
    // Ids with bm25's part for each hit: the weighted count of the phrase (`weights` by column)
    // against the article's length (FTS5 is asked where `lengths` does not know it).
    HitList(const DocumentLengths *lengths, std::vector<double> weights)
        : m_lengths(lengths), m_weights(std::move(weights))
    {
    }

    void clear()
    {
        m_ids.clear();
        m_parts.clear();
        m_rowCount = 0;
        m_walked = false;
    }
    // Ascending.
    const IdList &ids() const { return m_ids; }
    // By hit, when ranking: f(k1 + 1) / (f + k1(1 - b + b·length / average length)), bm25's
    // part before the phrase's idf, computed as FTS5's bm25() computes it (k1 = 1.2, b = 0.75).
    const std::vector<double> &parts() const { return m_parts; }
    // The articles in the table when read (known once a hit was read).
    qint64 rowCount() const { return m_rowCount; }

private:
    friend struct HitReader;
    friend class PhraseHits;
    bool ranks() const { return !m_weights.empty(); }

    const DocumentLengths *m_lengths = nullptr;
    std::vector<double> m_weights;
    IdList m_ids;
    std::vector<double> m_parts;
    qint64 m_rowCount = 0;
    double m_averageLength = 1; // in tokens, read with the first hit
    bool m_walked = false;      // br_phrase_hits read them all
};

// Every hit of every phrase of a search, an AND of phrases, each phrase's put together from its
// ranges; what the search is answered and ranked from.
class PhraseHits final
{
public:
    // Forgets the hits (keeping the memory), ready for a search of `phrases` phrases.
    void clear(size_t phrases);
    // Adds the hits of the next range of `phrase` (its ranges in ascending order), leaving
    // `range` to be cleared before its next use.
    void take(size_t phrase, HitList &range);

    // The articles holding every phrase.
    IdList intersection() const;
    // The same articles with the scores FTS5's bm25(t, weights…) gives them, into `scored` (its
    // memory reused). The ranges must have been read with ranking.
    void scoredIntersection(ScoredIds &scored) const;

private:
    struct Phrase
    {
        IdList ids;
        std::vector<double> parts;
    };
    // Calls each(id, at) for every id all phrases hold, ascending; at[i]: its hit in phrase i.
    template <typename Each> void forEachShared(Each each) const;

    std::vector<Phrase> m_phrases; // the first m_used are the search's
    size_t m_used = 0;
    qint64 m_rowCount = 0; // articles in the table
};

// Registers br_hits and br_phrase_hits (see HitList) on one connection.
Status registerSearchFunctions(sqlite3 *db);

inline constexpr const char *kHitListPointer = "br_hit_list";

} // namespace br
