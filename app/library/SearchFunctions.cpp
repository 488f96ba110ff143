#include "library/SearchFunctions.h"

#include "library/Fts5Api.h"

#include <sqlite3.h>

#include <QString>

#include <algorithm>
#include <array>
#include <cmath>

namespace br {

using namespace Qt::StringLiterals;

namespace {

qint64 scalar(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        value = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return value;
}

// Reads one of SQLite's varints (seven bits a byte, most significant first, high bit set on all
// but the last; at most five for a 32-bit value) at p, before `end`, into `value`: false when it
// runs past `end` or past five bytes, `value` then holding what was read.
bool readVarint(const unsigned char *&p, const unsigned char *end, quint32 &value)
{
    value = 0;
    for (int k = 0; k < 5; ++k) {
        if (p >= end)
            return false;
        const unsigned char byte = *p++;
        value = (value << 7) | (byte & 0x7Fu);
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

// The sum of the varints of an article_fts_docsize blob: one token count per column.
int sumOfVarints(const unsigned char *p, int n)
{
    int sum = 0;
    for (const unsigned char *end = p + n; p < end;) {
        quint32 value = 0;
        readVarint(p, end, value);
        sum += static_cast<int>(value);
    }
    return sum;
}

// Counts the instances of a phrase in each column (of two), from the position list that
// xPhraseFirst left in `it` after the first instance, in `column` (-1: none). The list is read
// here rather than through xPhraseNext, one indirect call per instance, which took most of the
// time of ranking a common term: it is FTS5's position list as stored in the index (varints: 1
// then a column number where the column changes, otherwise 2 + the offset's increase), the very
// bytes xPhraseNext reads. tst_search checks the order this gives against FTS5's own bm25().
// False when the list does not read as one.
bool countInstances(const Fts5PhraseIter &it, int column, std::array<int, 2> &perColumn)
{
    const unsigned char *p = it.a;
    while (column >= 0) {
        if (static_cast<size_t>(column) >= perColumn.size())
            return false;
        ++perColumn[static_cast<size_t>(column)];
        if (p >= it.b)
            break;
        quint32 value = 0;
        if (!readVarint(p, it.b, value))
            return false;
        if (value == 1) {
            quint32 next = 0;
            if (!readVarint(p, it.b, next) || !readVarint(p, it.b, value))
                return false;
            column = static_cast<int>(next);
        }
    }
    return true;
}

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

} // namespace

void PositionReader::start(const Fts5PhraseIter &it, int column, int offset)
{
    p = it.a;
    end = it.b;
    atEnd = column < 0 || offset < 0;
    damaged = false;
    position = atEnd ? 0 : (static_cast<quint64>(column) << 32) | static_cast<quint32>(offset);
}

void PositionReader::nextSlowly()
{
    if (p >= end) {
        atEnd = true;
        return;
    }
    quint32 value = 0;
    if (!readVarint(p, end, value))
        return fail();
    quint64 column = position >> 32;
    quint64 offset = position & 0xFFFFFFFFu;
    if (value == 1) {
        quint32 newColumn = 0;
        if (!readVarint(p, end, newColumn) || !readVarint(p, end, value))
            return fail();
        column = newColumn;
        offset = 0;
    }
    if (value < 2)
        return fail();
    offset += value - 2;
    if (offset > 0xFFFFFFFFu)
        return fail();
    position = (column << 32) | offset;
}

void PositionReader::fail()
{
    atEnd = true;
    damaged = true;
}

// The two functions that fill a HitList (see there): br_hits(t, list) adds the row it is called
// on; br_phrase_hits(t, list), on the first row, every article holding the phrase.
struct HitReader
{
    static HitList *listOf(sqlite3_context *context, int count, sqlite3_value **values)
    {
        auto *list = count > 0
                         ? static_cast<HitList *>(sqlite3_value_pointer(values[0], kHitListPointer))
                         : nullptr;
        if (!list)
            sqlite3_result_error(context, "no HitList bound", -1);
        return list;
    }

    static void row(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                    int count, sqlite3_value **values)
    {
        // Kept with the cursor after its first row: sqlite3_value_pointer() compares type names
        // on every call.
        auto *list = static_cast<HitList *>(api->xGetAuxdata(fts, 0));
        if (!list) {
            list = listOf(context, count, values);
            if (!list)
                return;
            if (const int rc = api->xSetAuxdata(fts, list, nullptr); rc != SQLITE_OK) {
                sqlite3_result_error_code(context, rc);
                return;
            }
        }
        if (const int rc = take(api, fts, *list); rc != SQLITE_OK)
            sqlite3_result_error_code(context, rc);
    }

    static void phrase(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                       int count, sqlite3_value **values)
    {
        HitList *list = listOf(context, count, values);
        if (!list || list->m_walked)
            return;
        list->m_walked = true;
        struct Walk
        {
            const Fts5ExtensionApi *api;
            HitList *list;
        } walk{api, list};
        const int rc = api->xQueryPhrase(
            fts, 0, &walk, [](const Fts5ExtensionApi *, Fts5Context *hit, void *data) {
                const auto *hitsOf = static_cast<Walk *>(data);
                HitList &into = *hitsOf->list;
                const qint64 id = hitsOf->api->xRowid(hit);
                if (id < into.m_from)
                    return SQLITE_OK;
                if (id > into.m_to || into.m_ids.size() >= into.m_most)
                    return SQLITE_DONE; // xQueryPhrase stops, without an error
                if (into.m_filter) {
                    const IdList &kept = *into.m_filter;
                    while (into.m_filterAt < kept.size() && kept[into.m_filterAt] < id)
                        ++into.m_filterAt;
                    if (into.m_filterAt == kept.size() && !into.ranks())
                        return SQLITE_DONE; // no more to keep, and the count is not wanted
                    if (into.m_filterAt == kept.size() || kept[into.m_filterAt] != id) {
                        ++into.m_filteredOut;
                        return SQLITE_OK;
                    }
                }
                return take(hitsOf->api, hit, into);
            });
        if (rc != SQLITE_OK)
            sqlite3_result_error_code(context, rc);
    }

    // Counts, into `perColumn`, where the query's phrases (its tokens, each a phrase of its own)
    // stand one after the other as one run: as FTS5 counts the instances of the phrase they
    // make, `"a" + "b" + "c"`. FTS5 found the articles holding them all; the run is matched
    // here, on the position lists as stored, which costs a third of what FTS5's own phrase
    // matching does (卫生健康 in a million articles: 18 ms for the articles holding its three
    // tokens, 50 to match them as a phrase).
    static int countRun(const Fts5ExtensionApi *api, Fts5Context *fts, int phrases, HitList &list,
                        std::array<int, 2> &perColumn)
    {
        std::vector<PositionReader> &readers = list.m_readers;
        std::vector<int> &shifts = list.m_shifts; // where each phrase stands in the run
        readers.resize(static_cast<size_t>(phrases));
        shifts.assign(static_cast<size_t>(phrases), 0);
        for (int i = 0; i < phrases; ++i) {
            Fts5PhraseIter it;
            int column = -1;
            int offset = -1;
            if (const int rc = api->xPhraseFirst(fts, i, &it, &column, &offset); rc != SQLITE_OK)
                return rc;
            readers[static_cast<size_t>(i)].start(it, column, offset);
            if (i + 1 < phrases)
                shifts[static_cast<size_t>(i) + 1] =
                    shifts[static_cast<size_t>(i)] + api->xPhraseSize(fts, i);
        }
        // Led by the token with the shortest list, most likely the fewest places to try; the
        // others are read up to each of them. A run is counted where it starts.
        size_t leadIndex = 0;
        for (size_t i = 1; i < readers.size(); ++i) {
            if (readers[i].end - readers[i].p < readers[leadIndex].end - readers[leadIndex].p)
                leadIndex = i;
        }
        PositionReader &lead = readers[leadIndex];
        const auto leadShift = static_cast<quint64>(shifts[leadIndex]);
        for (; !lead.atEnd; lead.next()) {
            if ((lead.position & 0xFFFFFFFFu) < leadShift)
                continue; // the run would start before its column does
            const quint64 start = lead.position - leadShift;
            bool run = true;
            for (size_t i = 0; i < readers.size() && run; ++i) {
                if (i == leadIndex)
                    continue;
                PositionReader &reader = readers[i];
                const quint64 wanted = start + static_cast<quint64>(shifts[i]);
                while (!reader.atEnd && reader.position < wanted)
                    reader.next();
                if (reader.atEnd)
                    return reader.damaged ? SQLITE_CORRUPT_VTAB : SQLITE_OK; // no run later
                run = reader.position == wanted;
            }
            if (run) {
                const quint64 column = start >> 32;
                if (column >= perColumn.size())
                    return SQLITE_CORRUPT_VTAB;
                ++perColumn[column];
            }
        }
        return lead.damaged ? SQLITE_CORRUPT_VTAB : SQLITE_OK;
    }

    static int take(const Fts5ExtensionApi *api, Fts5Context *fts, HitList &list)
    {
        const qint64 id = api->xRowid(fts);
        const int phrases = api->xPhraseCount(fts);
        if (phrases > 1) {
            // A run of tokens: only where they stand together is the article a hit.
            std::array<int, 2> perColumn{};
            if (const int rc = countRun(api, fts, phrases, list, perColumn); rc != SQLITE_OK)
                return rc;
            if (perColumn[0] + perColumn[1] == 0)
                return SQLITE_OK;
            list.m_ids.push_back(id);
            return list.ranks() ? rank(api, fts, id, perColumn, list) : SQLITE_OK;
        }
        list.m_ids.push_back(id);
        if (!list.ranks())
            return SQLITE_OK;
        // As bm25() counts: every instance, weighted by its column.
        Fts5PhraseIter it;
        int column = 0;
        int offset = 0;
        if (const int rc = api->xPhraseFirst(fts, 0, &it, &column, &offset); rc != SQLITE_OK)
            return rc;
        std::array<int, 2> perColumn{};
        if (!countInstances(it, column, perColumn))
            return SQLITE_CORRUPT_VTAB;
        return rank(api, fts, id, perColumn, list);
    }

    // Adds bm25's part of hit `id`, the phrase `perColumn` times in each column.
    static int rank(const Fts5ExtensionApi *api, Fts5Context *fts, qint64 id,
                    const std::array<int, 2> &perColumn, HitList &list)
    {
        if (list.m_rowCount == 0) {
            sqlite3_int64 rows = 0;
            sqlite3_int64 tokens = 0;
            int rc = api->xRowCount(fts, &rows);
            if (rc == SQLITE_OK)
                rc = api->xColumnTotalSize(fts, -1, &tokens);
            if (rc != SQLITE_OK)
                return rc;
            list.m_rowCount = rows;
            list.m_averageLength =
                rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
        }
        int length = list.m_lengths ? list.m_lengths->lengthOf(id) : -1;
        if (length < 0) {
            if (const int rc = api->xColumnSize(fts, -1, &length); rc != SQLITE_OK)
                return rc;
        }
        list.m_parts.push_back(list.m_partMemo.part(perColumn, length, [&] {
            double frequency = 0;
            for (size_t c = 0; c < perColumn.size(); ++c)
                frequency += perColumn[c] * (c < list.m_weights.size() ? list.m_weights[c] : 1.0);
            // In the order FTS5's bm25() computes it, so that both give the same doubles.
            const double norm =
                kK1 * (1 - kB + kB * static_cast<double>(length) / list.m_averageLength);
            return (frequency * (kK1 + 1.0)) / (frequency + norm);
        }));
        return SQLITE_OK;
    }
};

void PhraseHits::clear(size_t phrases)
{
    if (m_phrases.size() < phrases)
        m_phrases.resize(phrases);
    for (size_t p = 0; p < phrases; ++p) {
        m_phrases[p].ids.clear();
        m_phrases[p].parts.clear();
        m_phrases[p].hits = 0;
    }
    m_used = phrases;
    m_rowCount = 0;
}

void PhraseHits::take(size_t phrase, HitList &range)
{
    Phrase &into = m_phrases[phrase];
    m_rowCount = std::max(m_rowCount, range.rowCount());
    into.hits += range.hits();
    if (into.ids.empty()) { // the first range: its memory traded for ours, nothing copied
        into.ids.swap(range.m_ids);
        into.parts.swap(range.m_parts);
        return;
    }
    into.ids.insert(into.ids.end(), range.ids().begin(), range.ids().end());
    into.parts.insert(into.parts.end(), range.parts().begin(), range.parts().end());
}

template <typename Each> void PhraseHits::forEachShared(Each each) const
{
    if (m_used == 0)
        return;
    // Led by the phrase with the fewest hits; the others gallop ahead to each of its ids (a
    // common term beside a rare one is passed over in strides, not hit by hit).
    size_t lead = 0;
    for (size_t p = 1; p < m_used; ++p) {
        if (m_phrases[p].ids.size() < m_phrases[lead].ids.size())
            lead = p;
    }
    std::vector<size_t> at(m_used, 0);
    const IdList &leading = m_phrases[lead].ids;
    for (size_t i = 0; i < leading.size(); ++i) {
        const qint64 id = leading[i];
        at[lead] = i;
        bool everywhere = true;
        for (size_t p = 0; p < m_used && everywhere; ++p) {
            if (p == lead)
                continue;
            const IdList &ids = m_phrases[p].ids;
            size_t from = at[p];
            size_t step = 1;
            while (from + step < ids.size() && ids[from + step] < id) {
                from += step;
                step *= 2;
            }
            const auto found = std::lower_bound(
                ids.begin() + static_cast<std::ptrdiff_t>(from),
                ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), from + step + 1)),
                id);
            at[p] = static_cast<size_t>(found - ids.begin());
            if (at[p] == ids.size())
                return;
            everywhere = ids[at[p]] == id;
        }
        if (everywhere)
            each(id, at);
    }
}

IdList PhraseHits::intersection() const
{
    if (m_used == 1)
        return m_phrases.front().ids;
    IdList ids;
    forEachShared([&](qint64 id, const std::vector<size_t> &) { ids.push_back(id); });
    return ids;
}

void PhraseHits::scoredIntersection(ScoredIds &scored) const
{
    scored.ids.clear();
    scored.scores.clear();
    if (m_used == 0)
        return;
    const auto rows = static_cast<double>(m_rowCount);
    std::vector<double> idf;
    for (size_t p = 0; p < m_used; ++p) {
        const auto h = static_cast<double>(m_phrases[p].hits);
        // As FTS5's bm25(): a term in more than half the articles gets a tiny positive idf.
        const double value = std::log((rows - h + 0.5) / (h + 0.5));
        idf.push_back(value <= 0.0 ? 1e-6 : value);
    }
    if (m_used == 1) {
        // Even one phrase's idf is applied: it scales every score alike, but rounding can make
        // two scores one ulp apart equal, and FTS5 then puts the lower id first.
        const Phrase &phrase = m_phrases.front();
        scored.ids.assign(phrase.ids.begin(), phrase.ids.end());
        scored.scores.resize(phrase.parts.size());
        std::transform(phrase.parts.begin(), phrase.parts.end(), scored.scores.begin(),
                       [&](double part) { return -(idf.front() * part); });
        return;
    }
    forEachShared([&](qint64 id, const std::vector<size_t> &at) {
        double score = 0;
        for (size_t p = 0; p < m_used; ++p)
            score += idf[p] * m_phrases[p].parts[at[p]];
        scored.ids.push_back(id);
        scored.scores.push_back(-score);
    });
}

Status DocumentLengths::refresh(sqlite3 *db)
{
    const qint64 dataVersion = scalar(db, "PRAGMA data_version");
    const qint64 changes = sqlite3_total_changes64(db);
    if (dataVersion == m_dataVersion && changes == m_changes)
        return {};
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT id, sz FROM article_fts_docsize", -1, &s, nullptr) !=
        SQLITE_OK)
        return Error{
            u"cannot read the article lengths: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(db)))};
    m_lengths.assign(static_cast<size_t>(std::max<qint64>(0, scalar(db, "SELECT max(id) FROM "
                                                                        "article_fts_docsize")) +
                                         1),
                     -1);
    while (sqlite3_step(s) == SQLITE_ROW) {
        const qint64 id = sqlite3_column_int64(s, 0);
        if (id < 0 || static_cast<size_t>(id) >= m_lengths.size())
            continue;
        const auto *blob = static_cast<const unsigned char *>(sqlite3_column_blob(s, 1));
        m_lengths[static_cast<size_t>(id)] = sumOfVarints(blob, sqlite3_column_bytes(s, 1));
    }
    sqlite3_finalize(s);
    m_dataVersion = dataVersion;
    m_changes = changes;
    return {};
}

Status registerSearchFunctions(sqlite3 *db)
{
    fts5_api *api = fts5ApiOf(db);
    if (!api ||
        api->xCreateFunction(api, "br_hits", nullptr, &HitReader::row, nullptr) != SQLITE_OK ||
        api->xCreateFunction(api, "br_phrase_hits", nullptr, &HitReader::phrase, nullptr) !=
            SQLITE_OK)
        return Error{u"cannot register the search's functions: %1"_s.arg(
            QString::fromUtf8(sqlite3_errmsg(db)))};
    return {};
}

} // namespace br
