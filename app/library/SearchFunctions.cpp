#include "library/SearchFunctions.h"

#include "library/Fts5Api.h"

#include <sqlite3.h>

#include <QString>

#include <algorithm>
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

// The sum of the varints of an article_fts_docsize blob: one token count per column, in
// SQLite's varint (seven bits a byte, most significant first, high bit set on all but the last).
int sumOfVarints(const unsigned char *p, int n)
{
    int sum = 0;
    for (int i = 0; i < n;) {
        quint32 value = 0;
        for (int k = 0; i < n && k < 5; ++k) {
            const unsigned char b = p[i++];
            value = (value << 7) | (b & 0x7Fu);
            if (!(b & 0x80))
                break;
        }
        sum += static_cast<int>(value);
    }
    return sum;
}

// What bm25 works out once per query: the idf of every phrase and the average length.
struct QueryStatistics
{
    std::vector<double> idf;
    double averageLength = 1;
};

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

int countRow(const Fts5ExtensionApi *, Fts5Context *, void *count)
{
    ++*static_cast<qint64 *>(count);
    return SQLITE_OK;
}

QueryStatistics *statisticsOf(const Fts5ExtensionApi *api, Fts5Context *fts, int &rc)
{
    if (auto *known = static_cast<QueryStatistics *>(api->xGetAuxdata(fts, 0)))
        return known;
    auto *statistics = new QueryStatistics;
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    statistics->averageLength =
        rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
    const int phrases = api->xPhraseCount(fts);
    if (phrases == 1) {
        // One phrase: its idf scales every score alike and cannot change the order, so the
        // second pass over its hits that working it out takes is skipped.
        statistics->idf.push_back(1.0);
    }
    for (int i = 0; rc == SQLITE_OK && phrases > 1 && i < phrases; ++i) {
        qint64 hits = 0;
        rc = api->xQueryPhrase(fts, i, &hits, countRow);
        const auto n = static_cast<double>(rows);
        const auto h = static_cast<double>(hits);
        // As FTS5's bm25(): a term in more than half the articles gets a tiny positive idf.
        const double idf = std::log((n - h + 0.5) / (h + 0.5));
        statistics->idf.push_back(idf <= 0.0 ? 1e-6 : idf);
    }
    if (rc == SQLITE_OK)
        rc = api->xSetAuxdata(fts, statistics,
                              [](void *p) { delete static_cast<QueryStatistics *>(p); });
    else
        delete statistics;
    return rc == SQLITE_OK ? statistics : nullptr;
}

void bm25Function(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                  int count, sqlite3_value **values)
{
    int rc = SQLITE_OK;
    const QueryStatistics *statistics = statisticsOf(api, fts, rc);
    if (!statistics) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    const auto *lengths = count > 0 ? static_cast<const DocumentLengths *>(
                                          sqlite3_value_pointer(values[0], kLengthsPointer))
                                    : nullptr;
    const auto weightOf = [&](int column) {
        return column + 1 < count ? sqlite3_value_double(values[column + 1]) : 1.0;
    };
    int length = lengths ? lengths->lengthOf(api->xRowid(fts)) : -1;
    if (length < 0)
        rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    const double norm =
        kK1 * (1 - kB + kB * static_cast<double>(length) / statistics->averageLength);
    double score = 0;
    for (size_t phrase = 0; phrase < statistics->idf.size(); ++phrase) {
        double frequency = 0;
        Fts5PhraseIter it;
        int column = 0;
        int offset = 0;
        for (api->xPhraseFirst(fts, static_cast<int>(phrase), &it, &column, &offset); column >= 0;
             api->xPhraseNext(fts, &it, &column, &offset))
            frequency += weightOf(column);
        // In the order FTS5 computes it, so that both give the same doubles.
        score += statistics->idf[phrase] * ((frequency * (kK1 + 1.0)) / (frequency + norm));
    }
    sqlite3_result_double(context, -score);
}

} // namespace

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
    if (!api || api->xCreateFunction(api, "br_bm25", nullptr, bm25Function, nullptr) != SQLITE_OK)
        return Error{u"cannot register br_bm25: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(db)))};
    return {};
}

} // namespace br
