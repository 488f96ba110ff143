#pragma once

#include "core/Result.h"

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

struct sqlite3;
struct Fts5PhraseIter;

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

// One of FTS5's position lists as stored (see countInstances in the .cpp), read a position at a
// time: `position` holds the column in its high 32 bits and the offset in the low ones, so that
// positions compare as FTS5 orders them.
struct PositionReader
{
    const unsigned char *p = nullptr;
    const unsigned char *end = nullptr;
    quint64 position = 0;
    bool atEnd = true;
    bool damaged = false; // the list did not read as one

    // From where xPhraseFirst left `it`, with its first position in `column` and `offset`.
    void start(const Fts5PhraseIter &it, int column, int offset);
    void next()
    {
        // Most steps are one byte, a small increase in the same column: read here, inline.
        if (p < end && *p >= 2 && *p < 0x80) {
            position += *p++ - 2u;
            return;
        }
        nextSlowly();
    }

private:
    void nextSlowly(); // the end, a new column, a longer varint
    void fail();
};

// bm25's part of a hit by what it depends on, the phrase's count in each column (of two) and the
// article's length, for one average length: most hits of a broad term share a few counts and a
// few hundred lengths, and a look-up here costs less than the two divisions that work it out.
// The parts are the ones `compute` gives, to the last bit.
class Bm25PartMemo final
{
public:
    Bm25PartMemo() { clear(); }
    void clear() { m_slots.fill({kNoKey, 0.0}); }

    template <typename Compute>
    double part(const std::array<int, 2> &perColumn, int length, Compute compute)
    {
        if (perColumn[0] >= kMostCount || perColumn[1] >= kMostCount || length < 0)
            return compute();
        const quint64 key = (static_cast<quint64>(perColumn[0]) << 48) |
                            (static_cast<quint64>(perColumn[1]) << 32) |
                            static_cast<quint32>(length);
        Slot &slot = m_slots[static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kBits))];
        if (slot.key != key)
            slot = {key, compute()};
        return slot.part;
    }

private:
    static constexpr int kBits = 10;
    static constexpr int kMostCount = 1 << 16;
    static constexpr quint64 kNoKey = ~0ull; // no key: counts stay under 2^16
    struct Slot
    {
        quint64 key;
        double part;
    };
    std::array<Slot, size_t{1} << kBits> m_slots;
};

// The hits of one phrase, gathered by one of two auxiliary functions, either
//  - all of them, or those of a slice of ids (setBounds), in a single call of br_phrase_hits on
//    the first matching row, which walks them with xQueryPhrase, FTS5 calling back once per hit
//    from the first:
//      SELECT br_phrase_hits(t, ?2) FROM t WHERE t MATCH ?1 LIMIT 1
//  - or those among the articles of a range of ids, row by row, with br_hits:
//      SELECT count(*) FROM t WHERE t MATCH ?1 AND rowid BETWEEN ?3 AND ?4 AND br_hits(t, ?2)
//    count() keeps the loop inside SQLite: no row comes back to the caller per hit.
// (?1 one phrase, or the tokens of a run each a phrase of its own, "a" AND "b" AND "c", whose
// run br_hits then matches; ?2 this list as kHitListPointer.) The walk costs little more than
// reading the token's doclist: 22 ms for 扶贫's 351,000 hits in a million articles, where the
// ranges take 37 ms, and bm25() row by row took 76. A run is matched row by row, in ranges that
// can be read side by side, on several connections (HitReaders): 卫生健康, three tokens, in a
// million articles on two cores, 24 ms, where FTS5's own phrase match took 53 walked and 31 in
// two ranges.
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

    // Forgets the hits, keeping the memory.
    void clear()
    {
        m_ids.clear();
        m_parts.clear();
        m_rowCount = 0;
        m_walked = false;
        m_filteredOut = 0;
        m_partMemo.clear(); // the average length it was worked out with may change
    }
    // Ascending.
    const IdList &ids() const { return m_ids; }
    // By hit, when ranking: f(k1 + 1) / (f + k1(1 - b + b·length / average length)), bm25's
    // part before the phrase's idf, computed as FTS5's bm25() computes it (k1 = 1.2, b = 0.75).
    const std::vector<double> &parts() const { return m_parts; }
    // br_phrase_hits keeps the hits from id `from` to `to` only, passing over those before and
    // stopping after, or after keeping `most` (the whole walk by default; clear() keeps them).
    void setBounds(qint64 from, qint64 to, size_t most = std::numeric_limits<size_t>::max())
    {
        m_from = from;
        m_to = to;
        m_most = most;
    }
    // br_phrase_hits keeps only the hits in `ids` (ascending, left unchanged until the walk is
    // done), counting the others (hits()); nullptr for every hit. Call after setBounds.
    void setFilter(const IdList *ids)
    {
        m_filter = ids;
        m_filterAt = ids ? static_cast<size_t>(std::lower_bound(ids->begin(), ids->end(), m_from) -
                                               ids->begin())
                         : 0;
    }
    // How many hits were read: those kept and those the filter passed over (short when the read
    // does not rank: it stops once the filter holds no more ids).
    qint64 hits() const { return static_cast<qint64>(m_ids.size()) + m_filteredOut; }
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
    bool m_walked = false;      // br_phrase_hits has read its slice
    qint64 m_from = 0;          // the ids br_phrase_hits keeps
    qint64 m_to = std::numeric_limits<qint64>::max();
    size_t m_most = std::numeric_limits<size_t>::max();
    const IdList *m_filter = nullptr;
    size_t m_filterAt = 0;    // in m_filter: the first id not below the last hit
    qint64 m_filteredOut = 0; // hits not in m_filter
    // Scratch for matching a run of tokens (see HitReader::countRun), kept for its memory.
    std::vector<PositionReader> m_readers;
    std::vector<int> m_shifts;
    Bm25PartMemo m_partMemo;
};

// The hits of the phrases of a search, an AND of phrases, each phrase's put together from its
// ranges; what the search is answered and ranked from. A phrase may hold only the hits among
// another phrase's articles (those all phrases share are all there), with its count of hits
// all the same (bm25's idf).
class PhraseHits final
{
public:
    // Forgets the hits (keeping the memory), ready for a search of `phrases` phrases.
    void clear(size_t phrases);
    // Adds the hits of the next range of `phrase` (its ranges in ascending order), leaving
    // `range` to be cleared before its next use.
    void take(size_t phrase, HitList &range);
    // The hits of `phrase` so far.
    const IdList &idsOf(size_t phrase) const { return m_phrases[phrase].ids; }

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
        qint64 hits = 0; // the articles holding it, with those a filter passed over
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
