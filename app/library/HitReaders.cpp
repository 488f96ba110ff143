#include "library/HitReaders.h"

#include "library/SqliteDatabase.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <limits>
#include <optional>
#include <thread>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// By table (HitReaders::Table): a range of ids row by row, and a phrase walked whole.
constexpr const char *kRangeSql[] = {
    "SELECT count(*) FROM article_fts "
    "WHERE article_fts MATCH ?1 AND rowid BETWEEN ?3 AND ?4 AND br_hits(article_fts, ?2)",
    "SELECT count(*) FROM article_chars "
    "WHERE article_chars MATCH ?1 AND rowid BETWEEN ?3 AND ?4 AND br_hits(article_chars, ?2)"};
constexpr const char *kWholeSql[] = {
    "SELECT br_phrase_hits(article_fts, ?2) FROM article_fts WHERE article_fts MATCH ?1 LIMIT 1",
    "SELECT br_phrase_hits(article_chars, ?2) FROM article_chars "
    "WHERE article_chars MATCH ?1 LIMIT 1"};

// bm25's column weights: a term in the headline counts four times.
constexpr double kHeadWeight = 4.0;
constexpr double kBodyWeight = 1.0;
// No more threads than this, however many cores: the ranges of a search are a few milliseconds
// each.
constexpr size_t kMostConnections = 8;

std::atomic<qint64> g_sideBySideFrom{HitReaders::kSideBySideFrom};
std::atomic<int> g_connections{0};
HitReaders::RangeReadFn g_afterRangeRead; // set by tests before a search, not during one

} // namespace

// A phrase walked whole (`range` null), or the articles of a range, row by row.
Status HitReaders::readRange(SqliteDatabase &db, Table table, const QString &expression,
                             const Range *range, HitList &list)
{
    const auto t = static_cast<size_t>(table);
    SqliteStatement *s = db.preparedSqlite(range ? kRangeSql[t] : kWholeSql[t]);
    if (!s)
        return Error{db.lastError()};
    const PreparedStatement loan(s); // reset, ending its read, when done with
    list.clear();
    s->bind(1, expression).bindPointer(2, &list, kHitListPointer);
    if (range)
        s->bind(3, range->first).bind(4, range->last);
    if (s->step() == Statement::Step::Error)
        return Error{u"search failed: %1"_s.arg(s->errorMessage())};
    return {};
}

void HitReaders::setSideBySide(qint64 fromIds, int connections)
{
    g_sideBySideFrom = fromIds;
    g_connections = connections;
}

void HitReaders::setAfterRangeRead(RangeReadFn afterRead)
{
    g_afterRangeRead = std::move(afterRead);
}

HitReaders::HitReaders(DocumentLengths *lengths) : m_lengths(lengths) {}

HitReaders::~HitReaders() = default;

std::vector<SqliteDatabase *> HitReaders::connections(SqliteDatabase &library, size_t wanted)
{
    if (m_readersPath != library.path()) {
        m_readers.clear();
        m_readersPath = library.path();
        m_cannotOpenMore = false;
    }
    while (m_readers.size() + 1 < wanted && !m_cannotOpenMore) {
        Result<std::unique_ptr<SqliteDatabase>> reader =
            SqliteDatabase::open(library.path(), SqliteDatabase::OpenMode::ReadOnly);
        if (!reader) {
            m_cannotOpenMore = true; // not tried again search after search
            break;                   // the library's own connection reads what they would have
        }
        m_readers.push_back(std::move(reader).value());
    }
    std::vector<SqliteDatabase *> all{&library};
    for (size_t i = 0; i < m_readers.size() && all.size() < wanted; ++i)
        all.push_back(m_readers[i].get());
    return all;
}

Status HitReaders::readRanges(const std::vector<SqliteDatabase *> &connections, Table table,
                              const QList<SearchQuery::Phrase> &phrases,
                              const std::vector<Range> &ranges, std::vector<HitList> &lists)
{
    std::atomic<size_t> next{0};
    std::vector<Status> failures(connections.size());
    const auto work = [&](size_t connection) {
        for (size_t r = next++; r < ranges.size(); r = next++) {
            const Range &range = ranges[r];
            const SearchQuery::Phrase &phrase = phrases[static_cast<qsizetype>(range.phrase)];
            Status read = readRange(*connections[connection], table,
                                    range.whole ? phrase.expression : phrase.tokensExpression,
                                    range.whole ? nullptr : &range, lists[r]);
            if (!read) {
                failures[connection] = std::move(read);
                next = ranges.size(); // the others stop too
                return;
            }
            if (!range.whole && connections.size() > 1 && g_afterRangeRead)
                g_afterRangeRead(range.first, range.last);
        }
    };
    {
        std::vector<std::jthread> threads;
        for (size_t c = 1; c < connections.size(); ++c)
            threads.emplace_back(work, c);
        work(0);
    } // joined
    for (Status &failure : failures) {
        if (!failure)
            return failure;
    }
    return {};
}

Status HitReaders::read(SqliteDatabase &library, Table table,
                        const QList<SearchQuery::Phrase> &phrases, qint64 lastId, bool ranked,
                        PhraseHits &into)
{
    const bool sideBySide = lastId >= g_sideBySideFrom && !library.inTransaction();
    const int cores = g_connections > 0 ? g_connections.load() : QThread::idealThreadCount();
    const size_t wanted =
        sideBySide ? std::clamp<size_t>(static_cast<size_t>(cores), 1, kMostConnections) : 1;
    // The walks first: each is one piece of work, which the ranges then even out. A phrase of
    // several tokens is read row by row, br_hits matching the run (which costs less than FTS5's
    // phrase match, walked or not: see HitList), in a range for each connection: each range
    // costs FTS5 a seek of every token to its first id, and more, smaller ones evened out no
    // better (卫生健康 in a million articles on two cores, with FTS5 matching the phrase: 31 ms
    // in two ranges, 34 in six). The last ends at the largest id there can be, so that an
    // article added since `lastId` was read is not left out.
    std::vector<Range> ranges;
    for (qsizetype p = 0; p < phrases.size(); ++p) {
        if (phrases[p].tokens == 1)
            ranges.push_back({static_cast<size_t>(p)});
    }
    const auto cuts = static_cast<qint64>(wanted);
    const qint64 span = std::max<qint64>(1, (lastId + cuts) / cuts);
    for (qsizetype p = 0; p < phrases.size(); ++p) {
        if (phrases[p].tokens == 1)
            continue;
        for (qint64 c = 0; c < cuts; ++c)
            ranges.push_back(
                {static_cast<size_t>(p), c * span,
                 c + 1 == cuts ? std::numeric_limits<qint64>::max() : (c + 1) * span - 1, false});
    }
    std::vector<HitList> &lists = m_lists[ranked ? 1 : 0];
    while (lists.size() < ranges.size())
        lists.push_back(ranked ? HitList(m_lengths, {kHeadWeight, kBodyWeight}) : HitList());

    // On the library's connection alone, everything in one transaction (unless one is open: what
    // it reads is one state already), the lengths ranking reads included.
    const auto readAlone = [&]() -> Status {
        std::optional<ReadSnapshot> snapshot;
        if (!library.inTransaction()) {
            snapshot.emplace(library);
            if (!snapshot->begun())
                return snapshot->begun();
        }
        if (ranked) {
            if (Status s = m_lengths->refresh(library.handle()); !s)
                return s;
        }
        return readRanges({&library}, table, phrases, ranges, lists);
    };
    const std::vector<SqliteDatabase *> readers =
        connections(library, std::min(wanted, ranges.size()));
    if (readers.size() == 1) {
        if (Status read = readAlone(); !read)
            return read;
    } else {
        // Side by side, each connection in a transaction of its own: they read one state when
        // no other connection committed meanwhile, else everything is read again alone.
        Result<qint64> before = library.changesByOthers();
        if (!before)
            return before.error();
        if (ranked) {
            if (Status s = m_lengths->refresh(library.handle()); !s)
                return s;
        }
        if (Status read = readRanges(readers, table, phrases, ranges, lists); !read)
            return read;
        Result<qint64> after = library.changesByOthers();
        if (!after)
            return after.error();
        if (after.value() != before.value()) {
            if (Status again = readAlone(); !again)
                return again;
        }
    }
    into.clear(static_cast<size_t>(phrases.size()));
    for (size_t r = 0; r < ranges.size(); ++r)
        into.take(ranges[r].phrase, lists[r]);
    return {};
}

} // namespace br
