// Search at archive scale: a library of N articles made from the seed pages (shuffled stories,
// varied pages, some GB18030 and Big5), a fixed mix of 1-, 2- and 4-character terms and two-term
// queries answered by the index and, in the same run, by a LIKE '%…%' scan. Prints one line:
//   articles=… text_mb=… db_mb=… index_mb=… index_ratio=… index_seconds=… rebuild_seconds=…
//   index_vs_rebuild=… search_p50_ms=… search_p95_ms=… scan_p95_ms=… speedup=…
// Usage: bench_search [ARTICLES=100000] [LIBRARY_FILE]   (an existing LIBRARY_FILE is reused)
// With BR_BENCH_VERBOSE=1 set, each query's hit count and time go to stderr.

#include "BenchSupport.h"
#include "PageGenerator.h"

#include "library/CjkTokenizer.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "library/PageReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <vector>

using namespace br;
using bench::peakRssMb;
using bench::percentile;
using namespace Qt::StringLiterals;

namespace {

double seconds(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

double scalar(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s = nullptr;
    double value = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        value = sqlite3_column_double(s, 0);
    sqlite3_finalize(s);
    return value;
}

// The index alone (both tables: pairs and characters), built twice into a copy of the articles:
// the way the importer builds it (batches of pages, one transaction and one statement per table
// each), and by FTS5's own 'rebuild'.
std::pair<double, double> indexTimes(const QString &libraryPath, const QString &scratch)
{
    sqlite3 *db = nullptr;
    sqlite3_open(scratch.toUtf8().constData(), &db);
    (void)registerCjkTokenizer(db);
    const QByteArray attach = "ATTACH DATABASE '" + libraryPath.toUtf8() + "' AS lib";
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr,
                 nullptr);
    sqlite3_exec(db, attach.constData(), nullptr, nullptr, nullptr);
    sqlite3_exec(
        db,
        "CREATE TABLE article AS SELECT a.id, a.page_id, a.kicker || char(10) || a.title || "
        "char(10) || a.subtitle AS head, b.plain_text AS body FROM lib.article a "
        "JOIN lib.article_body b ON b.article_id = a.id;"
        "CREATE VIRTUAL TABLE fts USING fts5(head, body, content='article', content_rowid='id', "
        "tokenize='br_cjk pairs', detail=full);"
        "CREATE VIRTUAL TABLE chars USING fts5(head, body, content='article', content_rowid='id', "
        "tokenize='br_cjk chars', detail=none, columnsize=0);"
        "CREATE INDEX article_page ON article(page_id);",
        nullptr, nullptr, nullptr);
    sqlite3_exec(db, "DETACH DATABASE lib", nullptr, nullptr, nullptr);

    // The last page of each batch, batches made as the importer makes them.
    sqlite3_stmt *pages = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT page_id, sum(length(head) + length(body)) FROM article "
                       "GROUP BY page_id ORDER BY page_id",
                       -1, &pages, nullptr);
    std::vector<sqlite3_int64> batchEnds;
    qint64 batchCharacters = 0;
    while (sqlite3_step(pages) == SQLITE_ROW) {
        batchCharacters += sqlite3_column_int64(pages, 1);
        if (batchCharacters >= Importer::kBatchCharacters) {
            batchEnds.push_back(sqlite3_column_int64(pages, 0));
            batchCharacters = 0;
        }
    }
    batchEnds.push_back(std::numeric_limits<sqlite3_int64>::max());
    sqlite3_finalize(pages);
    std::vector<sqlite3_stmt *> inserts;
    for (const char *sql : {"INSERT INTO fts(rowid, head, body) SELECT id, head, body FROM article "
                            "WHERE page_id > ?1 AND page_id <= ?2 ORDER BY id",
                            "INSERT INTO chars(rowid, head, body) SELECT id, head, body FROM "
                            "article WHERE page_id > ?1 AND page_id <= ?2 ORDER BY id"}) {
        sqlite3_stmt *insert = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &insert, nullptr);
        inserts.push_back(insert);
    }
    QElapsedTimer timer;
    timer.start();
    sqlite3_int64 previousEnd = 0;
    for (const sqlite3_int64 end : batchEnds) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (sqlite3_stmt *insert : inserts) {
            sqlite3_bind_int64(insert, 1, previousEnd);
            sqlite3_bind_int64(insert, 2, end);
            sqlite3_step(insert);
            sqlite3_reset(insert);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        previousEnd = end;
    }
    const double incremental = seconds(timer);
    for (sqlite3_stmt *insert : inserts)
        sqlite3_finalize(insert);
    timer.restart();
    sqlite3_exec(db,
                 "INSERT INTO fts(fts) VALUES('rebuild'); INSERT INTO chars(chars) "
                 "VALUES('rebuild');",
                 nullptr, nullptr, nullptr);
    const double rebuild = seconds(timer);
    sqlite3_close(db);
    return {incremental, rebuild};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 wanted = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 100000;
    QTemporaryDir dir;
    const QString path =
        argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(u"search.sqlite3"_s);

    Result<std::unique_ptr<Library>> opened = Library::open(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.errorMessage()));
        return 1;
    }
    std::unique_ptr<Library> owned = std::move(opened).value();
    Library &library = *owned;
    if (!bench::fillLibrary(library, QStringLiteral(BR_SEEDS_DIR), wanted)) {
        std::fprintf(stderr, "cannot store the generated pages\n");
        return 1;
    }

    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    (void)registerCjkTokenizer(db);
    const double articles = scalar(db, "SELECT count(*) FROM article");
    // The text the index indexes (headlines and bodies, UTF-8) and both its tables.
    const double textMb =
        scalar(db, "SELECT sum(length(CAST(head AS BLOB)) + length(CAST(body AS BLOB))) FROM "
                   "article_text") /
        1048576.0;
    const double indexMb = scalar(db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE "
                                      "'article_fts%' OR name LIKE 'article_chars%'") /
                           1048576.0;
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    const double dbMb =
        static_cast<double>(QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size()) /
        1048576.0;

    const QStringList mix{u"县"_s,       u"镇"_s,        u"贫"_s,        u"党"_s,
                          u"扶贫"_s,     u"创城"_s,      u"涉黑"_s,      u"莘县"_s,
                          u"医院"_s,     u"扫黑除恶"_s,  u"精准扶贫"_s,  u"文明城市"_s,
                          u"卫生健康"_s, u"扶贫 莘县"_s, u"医院 党建"_s, u"创城 志愿者"_s};
    std::vector<double> searchMs;
    std::vector<double> scanMs;
    QElapsedTimer timer;
    for (int round = 0; round < 5; ++round) {
        for (const QString &query : mix) {
            timer.restart();
            int total = 0;
            const Result<QList<SearchHit>> hits = library.search(query, QString(), 20, &total);
            searchMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            if (qEnvironmentVariableIsSet("BR_BENCH_VERBOSE"))
                std::fprintf(stderr, "query=%s total=%d ms=%.1f\n", qPrintable(query), total,
                             searchMs.back());
            if (!hits)
                return 1;
            if (round > 0)
                continue;
            // The same question by scanning the text.
            const QStringList terms = query.split(u' ');
            const QByteArray sql = terms.size() == 1
                                       ? "SELECT count(*) FROM article_body "
                                         "WHERE plain_text LIKE ?1"
                                       : "SELECT count(*) FROM article_body "
                                         "WHERE plain_text LIKE ?1 AND plain_text LIKE ?2";
            sqlite3_stmt *scan = nullptr;
            sqlite3_prepare_v2(db, sql.constData(), -1, &scan, nullptr);
            QList<QByteArray> patterns;
            for (const QString &term : terms)
                patterns.append((u'%' + term + u'%').toUtf8());
            for (int k = 0; k < patterns.size(); ++k)
                sqlite3_bind_text(scan, k + 1, patterns[k].constData(),
                                  static_cast<int>(patterns[k].size()), SQLITE_STATIC);
            timer.restart();
            sqlite3_step(scan);
            scanMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            sqlite3_finalize(scan);
        }
    }
    sqlite3_close(db);
    owned.reset(); // closed before the index is timed on a copy
    const auto [indexSeconds, rebuildSeconds] = indexTimes(path, dir.filePath(u"index.sqlite3"_s));
    const double searchP95 = percentile(searchMs, 0.95);
    const double scanP95 = percentile(scanMs, 0.95);
    std::printf(
        "articles=%.0f text_mb=%.0f db_mb=%.0f index_mb=%.0f index_ratio=%.2f index_seconds=%.1f "
        "rebuild_seconds=%.1f index_vs_rebuild=%.2f search_p50_ms=%.1f search_p95_ms=%.1f "
        "scan_p95_ms=%.0f speedup=%.0f\n",
        articles, textMb, dbMb, indexMb, indexMb / textMb, indexSeconds, rebuildSeconds,
        indexSeconds / rebuildSeconds, percentile(searchMs, 0.5), searchP95, scanP95,
        scanP95 / searchP95);
    return 0;
}
