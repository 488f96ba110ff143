#pragma once

#include "core/Result.h"
#include "library/SearchFunctions.h"
#include "library/SearchQuery.h"

#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace br {

class SqliteDatabase;

// Reads the hits of a search's phrases from one of the two index tables (see HitList): on the
// library's own connection and, in a large library, on read-only connections of its own as well,
// one thread each, side by side. A phrase of one token is walked, in one call, in slices of
// article ids side by side; one of several tokens, whose every hit costs FTS5 a match of
// positions, is cut into ranges of article ids, read row by row. Which connection reads what is
// decided as they go, so that one busy with a common token does not hold up the rest.
//
// Every hit of a read, and the article lengths ranking takes, come from one state of the library:
// the library's connection alone reads inside one transaction; connections side by side read in
// transactions of their own, and when another connection committed meanwhile (PRAGMA
// data_version of the library's connection tells), everything is read again alone.
class HitReaders final
{
public:
    enum class Table
    {
        Pairs,     // article_fts: runs of two characters or more, ranked
        Characters // article_chars: single characters, ids only
    };

    // `lengths`: the article lengths ranking reads (see HitList), read again here as needed; it
    // must outlive this.
    explicit HitReaders(DocumentLengths *lengths);
    ~HitReaders();
    HitReaders(const HitReaders &) = delete;
    HitReaders &operator=(const HitReaders &) = delete;

    // Reads the hits of `phrases` (of `table`'s tokens), ranked or not, into `into`: every hit
    // of each, or, of several phrases of one token, every hit of the one with the fewest and
    // those of the others among its articles (each with its count of hits all the same; see
    // PhraseHits); `lastId`, the highest article id, tells how to cut the ranges.
    Status read(SqliteDatabase &library, Table table, const QList<SearchQuery::Phrase> &phrases,
                qint64 lastId, bool ranked, PhraseHits &into);

    // Below this many ids, one connection reads every phrase, each walked in one slice: the
    // threads would cost more than they save.
    static constexpr qint64 kSideBySideFrom = 20000;
    // For tests: read side by side from `fromIds` ids on, with `connections` connections (0: one
    // a core); setSideBySide(kSideBySideFrom, 0) is how it is otherwise.
    static void setSideBySide(qint64 fromIds, int connections);
    // For tests: called on the reading thread after each range or slice of ids side by side is
    // read (first and last id), before the next; an empty function for none.
    using RangeReadFn = std::function<void(qint64 first, qint64 last)>;
    static void setAfterRangeRead(RangeReadFn afterRead);

private:
    struct Range
    {
        size_t phrase;
        qint64 first = 0; // the ids kept
        qint64 last = 0;
        bool walk = true;      // br_phrase_hits walks the phrase, else br_hits reads row by row
        bool filtered = false; // read after the others, keeping only the leader's articles
    };
    // Reads the hits of `range` into `list`: those in `filter` only, if given; `most` at most.
    static Status readRange(SqliteDatabase &db, Table table, const QString &expression,
                            const Range &range, HitList &list, const IdList *filter,
                            size_t most = std::numeric_limits<size_t>::max());
    // Reads ranges[i] for each i of `which` into lists[i] on `connections` (the library's
    // first), a thread for each but the first, those filtered by `filter`; a failure, if any.
    Status readRanges(const std::vector<SqliteDatabase *> &connections, Table table,
                      const QList<SearchQuery::Phrase> &phrases, const std::vector<Range> &ranges,
                      const std::vector<size_t> &which, const IdList *filter,
                      std::vector<HitList> &lists);
    // Of the phrases of one token, the one with the fewest hits, as its first kProbeHits tell
    // (nullopt if that read failed).
    std::optional<size_t> fewestHits(SqliteDatabase &db, Table table,
                                     const QList<SearchQuery::Phrase> &phrases, qint64 lastId);
    static constexpr size_t kProbeHits = 1000;
    // The library's connection and as many readers as can be opened, up to `wanted` in all.
    std::vector<SqliteDatabase *> connections(SqliteDatabase &library, size_t wanted);

    DocumentLengths *m_lengths;
    std::vector<std::unique_ptr<SqliteDatabase>> m_readers;
    QString m_readersPath;         // the file the readers were opened on
    bool m_cannotOpenMore = false; // opening one failed
    // A list per range, kept for their memory: [ranked] ids only, with bm25's parts.
    std::array<std::vector<HitList>, 2> m_lists;
    HitList m_probe; // the first hits fewestHits reads, ids only
};

} // namespace br
