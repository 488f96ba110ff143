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

// The hits of the pairs table with their br_bm25 scores (same index in both), ids ascending.
struct ScoredIds
{
    IdList ids;
    std::vector<double> scores;
};

// The ranking function of the search, on one connection: br_bm25(article_fts, lengths, head
// weight, body weight) is FTS5's bm25() (k1 = 1.2, b = 0.75, the same idf) with the article
// lengths taken from the DocumentLengths bound as pointer ("br_lengths"); smaller is better, as
// with bm25(), and in the same order (for a query of one phrase the scores are bm25's divided by
// the phrase's idf).
Status registerSearchFunctions(sqlite3 *db);

inline constexpr const char *kLengthsPointer = "br_lengths";

} // namespace br
