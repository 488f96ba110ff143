#include "library/HitReaders.h"

#include "library/SqliteDatabase.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <optional>
#include <thread>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// By table (HitReaders::Table): a range of ids row by row, and a phrase walked.
constexpr const char *kRangeSql[] = {
    "SELECT count(*) FROM article_fts "
    "WHERE article_fts MATCH ?1 AND rowid BETWEEN ?3 AND ?4 AND br_hits(article_fts, ?2)",
    "SELECT count(*) FROM article_chars "
    "WHERE article_chars MATCH ?1 AND rowid BETWEEN ?3 AND ?4 AND br_hits(article_chars, ?2)"};
constexpr const char *kWalkSql[] = {
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

// Where the slices of a walk begin, for `count` slices of ids up to `lastId` (the first from the
// smallest id there can be), and after the last one the largest (where the last slice ends). FTS5
// walks a phrase from its first hit only, so a slice's walk passes over every hit before it: at
// about 0.3 of what a hit it keeps costs (扶贫 in a million articles). The slices are cut so that
// each costs the same, hits spread evenly: the first holds the most ids.
std::vector<qint64> walkBounds(qint64 lastId, qint64 count)
{
    constexpr double kPassedOver = 0.3;
    // Slice i, from x(i) to x(i+1) of the ids, costs x(i+1) - (1 - kPassedOver) x(i): the same
    // `each` for all when x(i+1) = each + (1 - kPassedOver) x(i), with x(count) = 1.
    const double each = kPassedOver / (1 - std::pow(1 - kPassedOver, static_cast<double>(count)));
    std::vector<qint64> bounds{std::numeric_limits<qint64>::min()};
    double upTo = 0;
    for (qint64 i = 1; i < count; ++i) {
        upTo = each + (1 - kPassedOver) * upTo;
        bounds.push_back(static_cast<qint64>(upTo * static_cast<double>(lastId)) + 1);
    }
    bounds.push_back(std::numeric_limits<qint64>::max());
    return bounds;
}

} // namespace

// The hits of a range of ids: walked, or row by row.
Status HitReaders::readRange(SqliteDatabase &db, Table table, const QString &expression,
                             const Range &range, HitList &list, const IdList *filter, size_t most)
{
    const auto t = static_cast<size_t>(table);
    SqliteStatement *s = db.preparedSqlite(range.walk ? kWalkSql[t] : kRangeSql[t]);
    if (!s)
        return Error{db.lastError()};
    const PreparedStatement loan(s); // reset, ending its read, when done with
    list.clear();
    // For the walk: the rows are bound below.
    list.setBounds(range.first, range.last, most);
    list.setFilter(filter);
    s->bind(1, expression).bindPointer(2, &list, kHitListPointer);
    if (!range.walk)
        s->bind(3, range.first).bind(4, range.last);
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
                              const std::vector<Range> &ranges, const std::vector<size_t> &which,
                              const IdList *filter, std::vector<HitList> &lists)
{
    std::atomic<size_t> next{0};
    std::vector<Status> failures(connections.size());
    const auto work = [&](size_t connection) {
        for (size_t w = next++; w < which.size(); w = next++) {
            const size_t r = which[w];
            const Range &range = ranges[r];
            const SearchQuery::Phrase &phrase = phrases[static_cast<qsizetype>(range.phrase)];
            Status read = readRange(*connections[connection], table,
                                    range.walk ? phrase.expression : phrase.tokensExpression, range,
                                    lists[r], range.filtered ? filter : nullptr);
            if (!read) {
                failures[connection] = std::move(read);
                next = which.size(); // the others stop too
                return;
            }
            if (connections.size() > 1 && g_afterRangeRead)
                g_afterRangeRead(range.first, range.last);
        }
    };
    {
        std::vector<std::jthread> threads;
        for (size_t c = 1; c < connections.size() && c < which.size(); ++c)
            threads.emplace_back(work, c);
        work(0);
    } // joined
    for (Status &failure : failures) {
        if (!failure)
            return failure;
    }
    return {};
}

std::optional<size_t> HitReaders::fewestHits(SqliteDatabase &db, Table table,
                                             const QList<SearchQuery::Phrase> &phrases,
                                             qint64 lastId)
{
    std::optional<size_t> fewest;
    double fewestHits = 0;
    for (qsizetype p = 0; p < phrases.size(); ++p) {
        if (phrases[p].tokens != 1)
            continue;
        const Range whole{static_cast<size_t>(p), std::numeric_limits<qint64>::min(),
                          std::numeric_limits<qint64>::max(), true};
        if (!readRange(db, table, phrases[p].expression, whole, m_probe, nullptr, kProbeHits))
            return std::nullopt; // the read proper will say why
        const IdList &first = m_probe.ids();
        // The first hits spread as the rest do, as far as anyone can tell.
        const double hits = first.size() < kProbeHits ? static_cast<double>(first.size())
                                                      : static_cast<double>(first.size()) *
                                                            (static_cast<double>(lastId) + 1) /
                                                            (static_cast<double>(first.back()) + 1);
        if (!fewest || hits < fewestHits) {
            fewest = static_cast<size_t>(p);
            fewestHits = hits;
        }
    }
    return fewest;
}

Status HitReaders::read(SqliteDatabase &library, Table table,
                        const QList<SearchQuery::Phrase> &phrases, qint64 lastId, bool ranked,
                        PhraseHits &into)
{
    const bool sideBySide = lastId >= g_sideBySideFrom && !library.inTransaction();
    const int cores = g_connections > 0 ? g_connections.load() : QThread::idealThreadCount();
    const size_t wanted =
        sideBySide ? std::clamp<size_t>(static_cast<size_t>(cores), 1, kMostConnections) : 1;
    // The walks first, in a slice of ids for each connection, the later slices of every phrase
    // before the earlier ones (they begin by passing over the hits before them, see
    // walkBounds); the ranges then even them out.
    // 扶贫's 353,000 hits in a million articles took 25 ms walked whole, 18 in two slices side
    // by side. A phrase of several tokens is read row by row, br_hits matching the run (which
    // costs less than FTS5's phrase match, walked or not: see HitList), in a range for each
    // connection: each range costs FTS5 a seek of every token to its first id, and more,
    // smaller ones evened out no better (卫生健康 in a million articles on two cores, with FTS5
    // matching the phrase: 31 ms in two ranges, 34 in six). The last slice or range ends at the
    // largest id there can be, so that an article added since `lastId` was read is not left out.
    // Several phrases of one token: the one likely to have the fewest hits is read first, the
    // others then keep only the articles it is in (see HitList::setFilter), passing over the
    // rest at about 0.3 of the cost, each one's hits counted all the same, for its idf (in a
    // million articles, 扶贫 莘县 27 → 24 ms, 医院 党建 23 → 18).
    const auto walked = std::count_if(phrases.begin(), phrases.end(),
                                      [](const SearchQuery::Phrase &p) { return p.tokens == 1; });
    const std::optional<size_t> leader =
        walked > 1 ? fewestHits(library, table, phrases, lastId) : std::nullopt;
    std::vector<Range> ranges;
    const auto cuts = static_cast<qint64>(wanted);
    const std::vector<qint64> slices = walkBounds(lastId, cuts);
    for (size_t c = slices.size() - 1; c > 0; --c) {
        for (qsizetype p = 0; p < phrases.size(); ++p) {
            if (phrases[p].tokens == 1)
                ranges.push_back({static_cast<size_t>(p), slices[c - 1],
                                  c + 1 == slices.size() ? slices[c] : slices[c] - 1, true,
                                  leader && *leader != static_cast<size_t>(p)});
        }
    }
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

    // Those not filtered, gathered into `into`, then those filtered by the leader's hits.
    const auto readAll = [&](const std::vector<SqliteDatabase *> &connections) -> Status {
        into.clear(static_cast<size_t>(phrases.size()));
        for (const bool filtered : {false, true}) {
            std::vector<size_t> which;
            for (size_t r = 0; r < ranges.size(); ++r) {
                if (ranges[r].filtered == filtered)
                    which.push_back(r);
            }
            if (which.empty())
                continue;
            const IdList *filter = filtered ? &into.idsOf(*leader) : nullptr;
            if (filter && filter->empty())
                break; // no article holds them all: the others' counts do not matter
            if (Status s = readRanges(connections, table, phrases, ranges, which, filter, lists);
                !s)
                return s;
            // Each phrase's ranges in the order of their ids.
            std::sort(which.begin(), which.end(), [&](size_t a, size_t b) {
                return std::pair(ranges[a].phrase, ranges[a].first) <
                       std::pair(ranges[b].phrase, ranges[b].first);
            });
            for (const size_t r : which)
                into.take(ranges[r].phrase, lists[r]);
        }
        return {};
    };
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
        return readAll({&library});
    };
    const std::vector<SqliteDatabase *> readers =
        connections(library, std::min(wanted, ranges.size()));
    if (readers.size() == 1)
        return readAlone();
    // Side by side, each connection in a transaction of its own: they read one state when no
    // other connection committed meanwhile, else everything is read again alone.
    Result<qint64> before = library.changesByOthers();
    if (!before)
        return before.error();
    if (ranked) {
        if (Status s = m_lengths->refresh(library.handle()); !s)
            return s;
    }
    if (Status read = readAll(readers); !read)
        return read;
    Result<qint64> after = library.changesByOthers();
    if (!after)
        return after.error();
    return after.value() == before.value() ? Status() : readAlone();
}

} // namespace br
