// A power cut in the middle of an import: the program's `import` is killed with SIGKILL at points
// spread over its whole run — reading, writing batches, building the index, the checkpoint as it
// closes — and after each kill the library must pass SQLite's integrity check, its search index
// must agree with the text, every page must be whole or absent, and a rerun must import exactly
// the pages that are missing. CI kills it 8 times; scripts/crash-run.sh as often as asked
// (BR_CRASH_KILLS).

#include "PageGenerator.h"
#include "library/Library.h"
#include "library/SqliteDatabase.h"
#include "testsupport/CliProcess.h"
#include "testsupport/LibraryCheck.h"
#include "testsupport/LibrarySupport.h"
#include "testsupport/SearchSupport.h"
#include "testsupport/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

// Pages enough for three of the importer's batches (Importer::kBatchCharacters): some kills land
// between two commits.
constexpr int kPages = 1000;

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pages;
    QMap<QString, int> m_expected; // what an import that is not killed stores
    qint64 m_importMs = 0;

    QString library(int run) const { return m_dir.filePath(u"run-%1.sqlite3"_s.arg(run)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Pages made from the seeds' articles, in several encodings and layouts: enough for
        // some batches and a few seconds of work.
        m_pages = m_dir.filePath(u"pages"_s);
        QVERIFY(QDir().mkpath(m_pages));
        bench::PageGenerator generator(test::seedsPath(), 20261201);
        for (int i = 0; i < kPages; ++i) {
            QFile file(m_pages + u"/page-%1.txt"_s.arg(i, 4, 10, QChar(u'0')));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(generator.page(i));
        }
        const QString reference = m_dir.filePath(u"reference.sqlite3"_s);
        QElapsedTimer timer;
        timer.start();
        const test::CliRun run = test::runCli({u"--db"_s, reference, u"import"_s, m_pages});
        m_importMs = timer.elapsed();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        m_expected = test::articlesByPage(reference);
        QCOMPARE(m_expected.size(), kPages);
    }

    void aKilledImportLosesNothingAndTheRerunImportsTheRest()
    {
        const int kills = std::max(1, qEnvironmentVariableIntValue("BR_CRASH_KILLS"));
        const int runs = qEnvironmentVariableIsSet("BR_CRASH_KILLS") ? kills : 8;
        QRandomGenerator random(20261201);
        int partial = 0;    // kills that left some pages in, between two batch commits
        int unfinished = 0; // kills that left the import undone: the rerun had pages to import
        for (int run = 0; run < runs; ++run) {
            const QString path = library(run);
            // Kill points spread over the whole import, its start and its close included.
            const qint64 killAfterMs =
                (m_importMs * (run % 8 + 1)) / 8 - random.bounded(static_cast<int>(m_importMs / 8));
            QProcess import;
            import.start(QStringLiteral(BR_CLI_PATH), {u"--db"_s, path, u"import"_s, m_pages});
            QVERIFY(import.waitForStarted());
            QTest::qWait(static_cast<int>(std::max<qint64>(killAfterMs, 1)));
            // An import that already ended has no process to kill (and kill(0) would kill this
            // test's whole process group).
            if (const qint64 pid = import.processId(); pid > 0) {
                ::kill(static_cast<pid_t>(pid), SIGKILL);
                QVERIFY(import.waitForFinished(60000));
            }
            const QString where = u"run %1, killed after %2 ms"_s.arg(run).arg(killAfterMs);
            if (!QFile::exists(path))
                continue; // killed before the library was made

            // Killed while the new library was being made, it has no tables yet (the schema is
            // one transaction): nothing to check but the file.
            const bool made = SqliteDatabase::open(path, SqliteDatabase::OpenMode::ReadOnly)
                                  .value()
                                  ->userVersion() > 0;
            const QString damage = test::damageOf(path, made);
            QVERIFY2(damage.isEmpty(), qPrintable(where + u": "_s + damage));
            const QMap<QString, int> stored = test::articlesByPage(path);
            for (auto it = stored.cbegin(); it != stored.cend(); ++it)
                QVERIFY2(m_expected.value(it.key(), -1) == it.value(),
                         qPrintable(where + u": a page not whole"_s));
            if (stored.size() > 20) {
                const std::unique_ptr<Library> lib = test::openLibrary(path);
                test::compareWithBruteForce(*lib, test::corpusOf(path), 30);
            }
            partial += stored.size() > 0 && stored.size() < m_expected.size();
            unfinished += stored.size() < m_expected.size();

            const test::CliRun rerun = test::runCli({u"--db"_s, path, u"import"_s, m_pages});
            QVERIFY2(rerun.exitCode == 0, qPrintable(where + u": "_s + rerun.err));
            const QRegularExpressionMatch said =
                QRegularExpression(u"Imported (\\d+) pages? .*; (\\d+) duplicates? skipped"_s)
                    .match(rerun.out);
            QVERIFY2(said.hasMatch(), qPrintable(rerun.out));
            QCOMPARE(said.captured(1).toInt(), static_cast<int>(m_expected.size() - stored.size()));
            QCOMPARE(said.captured(2).toInt(), static_cast<int>(stored.size()));
            QCOMPARE(test::articlesByPage(path), m_expected);
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
                QFile::remove(path + suffix);
        }
        qInfo("kills=%d survived=%d unfinished=%d killed_midway=%d damaged=0 import_ms=%lld", runs,
              runs, unfinished, partial, m_importMs);
        // The kills must have landed inside the import, not only before or after it.
        QVERIFY(unfinished > 0);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
