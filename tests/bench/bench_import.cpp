// Imports N pages made from the seeds into a new library and, in the same run, inserts the same
// page and article rows and their search index (both tables) with bare SQLite (prepared
// statements, the importer's batches, the same pragmas) as the reference, and once more without
// the index.
// Prints one line:
//   pages=… mb=… seconds=… mb_per_s=… peak_rss_mb=… reference_seconds=… ratio=…
//   reference_noindex_seconds=… sqlite3_import_seconds=… ratio_sqlite3=…
// and, when a sqlite3 shell is on the PATH, the same rows loaded by its .import from CSV with an
// FTS5 trigram index (sqlite3_import_seconds, ratio_sqlite3; -1 without the shell).
// Usage: bench_import [PAGES=2000]

#include "BenchSupport.h"
#include "PageGenerator.h"

#include "library/CjkTokenizer.h"
#include "library/Importer.h"
#include "library/Library.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <vector>

using namespace br;
using bench::peakRssMb;
using namespace Qt::StringLiterals;

namespace {

struct Row
{
    QByteArray pageText;
    QList<QList<QByteArray>> articles; // title, blocks json, plain text, search head
};

// Reads back what the import stored, to insert exactly the same rows again.
QList<Row> rowsOf(const QString &libraryPath)
{
    QList<Row> rows;
    sqlite3 *db = nullptr;
    sqlite3_open_v2(libraryPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *pages = nullptr;
    sqlite3_prepare_v2(db, "SELECT page_id, raw_text FROM page_text ORDER BY page_id", -1, &pages,
                       nullptr);
    sqlite3_stmt *arts = nullptr;
    sqlite3_prepare_v2(
        db,
        "SELECT a.title, b.blocks, b.plain_text, a.kicker || char(10) || a.title || char(10) || "
        "a.subtitle FROM article a JOIN article_body b ON b.article_id = a.id "
        "WHERE a.page_id = ?1 ORDER BY a.ord",
        -1, &arts, nullptr);
    const auto column = [](sqlite3_stmt *s, int c) {
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(s, c)),
                          sqlite3_column_bytes(s, c));
    };
    while (sqlite3_step(pages) == SQLITE_ROW) {
        Row row;
        row.pageText = column(pages, 1);
        sqlite3_bind_int64(arts, 1, sqlite3_column_int64(pages, 0));
        while (sqlite3_step(arts) == SQLITE_ROW)
            row.articles.append(
                {column(arts, 0), column(arts, 1), column(arts, 2), column(arts, 3)});
        sqlite3_reset(arts);
        rows.append(std::move(row));
    }
    sqlite3_finalize(arts);
    sqlite3_finalize(pages);
    sqlite3_close(db);
    return rows;
}

// The same rows with bare SQLite: pages, articles and (when `index`) their search index, in the
// importer's batches: one transaction each, the index written by one statement per table.
double bareInsertSeconds(const QString &path, const QList<Row> &rows, bool index)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    (void)registerCjkTokenizer(db);
    sqlite3_exec(
        db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "CREATE TABLE page (id INTEGER PRIMARY KEY, raw_text TEXT NOT NULL);"
        "CREATE TABLE article (id INTEGER PRIMARY KEY, page_id INTEGER NOT NULL, ord INTEGER,"
        " title TEXT, blocks TEXT, plain_text TEXT, head TEXT);"
        "CREATE VIRTUAL TABLE article_fts USING fts5(head, plain_text, content='article', "
        "content_rowid='id', tokenize='br_cjk pairs', detail=full);"
        "CREATE VIRTUAL TABLE article_chars USING fts5(head, plain_text, content='article', "
        "content_rowid='id', tokenize='br_cjk chars', detail=none, columnsize=0);",
        nullptr, nullptr, nullptr);
    sqlite3_stmt *page = nullptr;
    sqlite3_stmt *article = nullptr;
    std::vector<sqlite3_stmt *> indexes;
    sqlite3_prepare_v2(db, "INSERT INTO page (raw_text) VALUES (?1)", -1, &page, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO article (page_id, ord, title, blocks, plain_text, head) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                       -1, &article, nullptr);
    for (const char *sql : {"INSERT INTO article_fts (rowid, head, plain_text) SELECT id, head, "
                            "plain_text FROM article WHERE id > ?1",
                            "INSERT INTO article_chars (rowid, head, plain_text) SELECT id, head, "
                            "plain_text FROM article WHERE id > ?1"}) {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
        indexes.push_back(statement);
    }
    QElapsedTimer timer;
    timer.start();
    sqlite3_int64 lastIndexed = 0;
    qsizetype batchCharacters = 0;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const Row &row = rows[r];
        if (batchCharacters == 0)
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_text(page, 1, row.pageText.constData(), static_cast<int>(row.pageText.size()),
                          SQLITE_STATIC);
        sqlite3_step(page);
        sqlite3_reset(page);
        const sqlite3_int64 pageId = sqlite3_last_insert_rowid(db);
        int ord = 0;
        for (const QList<QByteArray> &a : row.articles) {
            sqlite3_bind_int64(article, 1, pageId);
            sqlite3_bind_int(article, 2, ord++);
            for (int c = 0; c < 4; ++c)
                sqlite3_bind_text(article, 3 + c, a[c].constData(), static_cast<int>(a[c].size()),
                                  SQLITE_STATIC);
            sqlite3_step(article);
            sqlite3_reset(article);
        }
        batchCharacters += QString::fromUtf8(row.pageText).size();
        if (batchCharacters < Importer::kBatchCharacters && r + 1 < rows.size())
            continue;
        const sqlite3_int64 lastArticle = sqlite3_last_insert_rowid(db);
        for (sqlite3_stmt *statement : indexes) {
            if (!index)
                break;
            sqlite3_bind_int64(statement, 1, lastIndexed);
            sqlite3_step(statement);
            sqlite3_reset(statement);
        }
        lastIndexed = lastArticle;
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        batchCharacters = 0;
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(page);
    sqlite3_finalize(article);
    for (sqlite3_stmt *statement : indexes)
        sqlite3_finalize(statement);
    sqlite3_close(db);
    return seconds;
}

QByteArray csvField(const QByteArray &field)
{
    QByteArray quoted = field;
    quoted.replace('"', "\"\"");
    return '"' + quoted + '"';
}

// The same page and article rows loaded by the sqlite3 shell's .import from CSV, with an FTS5
// trigram index of the articles built in one statement: the plainest load SQLite offers, timed
// as a whole process. -1 when there is no sqlite3 shell.
double sqliteShellSeconds(const QDir &dir, const QList<Row> &rows)
{
    QFile pages(dir.filePath(u"pages.csv"_s));
    QFile articles(dir.filePath(u"articles.csv"_s));
    if (!pages.open(QIODevice::WriteOnly) || !articles.open(QIODevice::WriteOnly))
        return -1;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        pages.write(QByteArray::number(r + 1) + ',' + csvField(rows[r].pageText) + '\n');
        int ord = 0;
        for (const QList<QByteArray> &a : rows[r].articles) {
            articles.write(QByteArray::number(r + 1) + ',' + QByteArray::number(ord++) + ',' +
                           csvField(a[0]) + ',' + csvField(a[1]) + ',' + csvField(a[2]) + ',' +
                           csvField(a[3]) + '\n');
        }
    }
    pages.close();
    articles.close();
    QFile script(dir.filePath(u"load.sql"_s));
    if (!script.open(QIODevice::WriteOnly))
        return -1;
    script.write("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n"
                 "CREATE TABLE page (id INTEGER PRIMARY KEY, raw_text TEXT NOT NULL);\n"
                 "CREATE TABLE article (id INTEGER PRIMARY KEY, page_id INTEGER NOT NULL, "
                 "ord INTEGER, title TEXT, blocks TEXT, plain_text TEXT, head TEXT);\n"
                 "CREATE TEMP TABLE article_csv (page_id, ord, title, blocks, plain_text, head);\n"
                 ".mode csv\n");
    script.write(".import '" + pages.fileName().toUtf8() + "' page\n");
    script.write(".import '" + articles.fileName().toUtf8() + "' article_csv\n");
    script.write("BEGIN;\nINSERT INTO article (page_id, ord, title, blocks, plain_text, head) "
                 "SELECT * FROM article_csv;\n"
                 "CREATE VIRTUAL TABLE article_fts USING fts5(head, plain_text, "
                 "content='article', content_rowid='id', tokenize='trigram');\n"
                 "INSERT INTO article_fts (article_fts) VALUES ('rebuild');\nCOMMIT;\n");
    script.close();
    QProcess shell;
    shell.setStandardInputFile(script.fileName());
    shell.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    shell.start(u"sqlite3"_s, {dir.filePath(u"shell.sqlite3"_s)});
    if (!shell.waitForFinished(-1) || shell.exitStatus() != QProcess::NormalExit ||
        shell.exitCode() != 0)
        return -1;
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int pageCount = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 2000;
    QTemporaryDir dir;
    const QString pagesDir = dir.filePath(u"pages"_s);
    QDir().mkpath(pagesDir);
    bench::PageGenerator generator(QStringLiteral(BR_SEEDS_DIR), 20261123);
    qint64 bytes = 0;
    for (int i = 0; i < pageCount; ++i) {
        const QByteArray page = generator.page(i);
        QFile file(QDir(pagesDir).filePath(u"page_%1.txt"_s.arg(i, 5, 10, QChar(u'0'))));
        if (!file.open(QIODevice::WriteOnly) || file.write(page) != page.size()) {
            std::fprintf(stderr, "cannot write the generated pages\n");
            return 1;
        }
        bytes += page.size();
    }

    const QString libraryPath = dir.filePath(u"library.sqlite3"_s);
    QElapsedTimer timer;
    timer.start();
    ImportReport report;
    {
        Result<std::unique_ptr<Library>> library = Library::open(libraryPath);
        if (!library) {
            std::fprintf(stderr, "%s\n", qPrintable(library.errorMessage()));
            return 1;
        }
        report = Importer(*library.value()).importPaths({pagesDir});
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double peak = peakRssMb();
    if (report.pagesImported != pageCount) {
        std::fprintf(stderr, "imported %d of %d pages (%lld refused)\n", report.pagesImported,
                     pageCount, static_cast<long long>(report.refused.size()));
        return 1;
    }
    const QList<Row> rows = rowsOf(libraryPath);
    const double referenceSeconds =
        bareInsertSeconds(dir.filePath(u"reference.sqlite3"_s), rows, true);
    const double storeOnlySeconds =
        bareInsertSeconds(dir.filePath(u"store.sqlite3"_s), rows, false);
    const double shellSeconds = sqliteShellSeconds(QDir(dir.path()), rows);
    const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
    std::printf("pages=%d articles=%d mb=%.1f readers=%d seconds=%.2f mb_per_s=%.2f "
                "peak_rss_mb=%.0f reference_seconds=%.2f ratio=%.2f "
                "reference_noindex_seconds=%.2f sqlite3_import_seconds=%.2f ratio_sqlite3=%.2f\n",
                pageCount, report.articles, mb, Importer::readerCount(pageCount), seconds,
                mb / seconds, peak, referenceSeconds, seconds / referenceSeconds, storeOnlySeconds,
                shellSeconds, shellSeconds > 0 ? seconds / shellSeconds : -1.0);
    return 0;
}
