// I/O faults, the way SQLite tests itself (its "ioerr" tests): an import, an edit and a migration
// are run again and again with the Nth write, sync or lock failing — once, or from then on — for
// every N the operation reaches (the first ones each, then spread over the rest). Each run must end
// with the library as it was before the failed transaction (or with the transaction done), the
// failure reported, the file passing SQLite's integrity check and its search index agreeing with
// the text; and a rerun without faults must import exactly what is missing.

#include "library/Importer.h"
#include "library/Library.h"
#include "library/Migrations.h"
#include "library/SqliteDatabase.h"
#include "testsupport/FaultVfs.h"
#include "testsupport/LibraryCheck.h"
#include "testsupport/LibraryDump.h"
#include "testsupport/LibrarySupport.h"
#include "testsupport/SearchSupport.h"
#include "testsupport/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace br;
using namespace Qt::StringLiterals;
using test::articlesByPage;
using test::damageOf;
using test::FaultVfs;

namespace {

const char *nameOf(FaultVfs::Operation operation)
{
    switch (operation) {
    case FaultVfs::Operation::Write:
        return "write";
    case FaultVfs::Operation::Sync:
        return "sync";
    case FaultVfs::Operation::Lock:
        return "lock";
    }
    return "?";
}

// The fault points tried for an operation that makes `count` of them: every one of the first 12,
// then about 24 more spread evenly over the rest, and the last; every one with BR_FAULTS_EVERY=1
// (the long run, scripts/fault-run.sh).
QList<int> faultPoints(int count)
{
    QList<int> points;
    if (qEnvironmentVariableIntValue("BR_FAULTS_EVERY") == 1) {
        for (int n = 1; n <= count; ++n)
            points.append(n);
        return points;
    }
    for (int n = 1; n <= count && n <= 12; ++n)
        points.append(n);
    const int step = std::max(1, (count - 12) / 24);
    for (int n = 13; n < count; n += step)
        points.append(n);
    if (count > 12)
        points.append(count);
    return points;
}

void copyFile(const QString &from, const QString &to)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(to + suffix);
    if (!QFile::copy(from, to))
        qFatal("cannot copy %s", qPrintable(from));
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pristine; // two seed pages imported; closed, so the file holds everything
    QString m_imported; // the same after the import under test, made without faults
    QStringList m_newPages;
    int m_runs = 0;
    int m_faultsFired = 0;

    QString work() const { return m_dir.filePath(u"work.sqlite3"_s); }

    // Runs `run` on the library `prepare` makes — once to count the operations of the kind it
    // makes, then once for every fault point among them — and hands each outcome to `check`
    // with where the fault was.
    template <typename Prepare, typename Run, typename Check>
    void atEveryFaultPoint(FaultVfs::Operation operation, bool persistent, Prepare prepare, Run run,
                           Check check)
    {
        prepare();
        FaultVfs::arm(operation, std::numeric_limits<int>::max(), false);
        (void)run();
        const int count = FaultVfs::counted();
        FaultVfs::disarm();
        QVERIFY(count > 0);
        qInfo("%s: %d operations", nameOf(operation), count);
        for (const int n : faultPoints(count)) {
            prepare();
            FaultVfs::arm(operation, n, persistent);
            auto outcome = run();
            FaultVfs::disarm();
            ++m_runs;
            m_faultsFired += FaultVfs::failed() > 0;
            const QString where =
                u"%1 fault at %2 of %3"_s.arg(QLatin1StringView(nameOf(operation)))
                    .arg(n)
                    .arg(count);
            check(outcome, where);
            if (QTest::currentTestFailed())
                return;
        }
    }
    void copyPristine() const { copyFile(m_pristine, work()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        FaultVfs::install();
        m_pristine = m_dir.filePath(u"pristine.sqlite3"_s);
        {
            const std::unique_ptr<Library> lib = test::openLibrary(m_pristine);
            QCOMPARE(Importer(*lib)
                         .importPaths({test::seedsPath(u"000_d0625b9e1a2b4771.txt"_s),
                                       test::seedsPath(u"001_1f928a1e1901fd81.txt"_s)})
                         .pagesImported,
                     2);
        }
        m_newPages = {test::seedsPath(u"002_b9b4038e393f2d11.txt"_s),
                      test::seedsPath(u"003_87001ad0ac9e6170.txt"_s),
                      test::seedsPath(u"004_a1b20d376ccfc04f.txt"_s),
                      test::dataPath(u"pages/feature_story.txt"_s),
                      test::dataPath(u"pages/special_issue.txt"_s)};
        m_imported = m_dir.filePath(u"imported.sqlite3"_s);
        copyFile(m_pristine, m_imported);
        const std::unique_ptr<Library> lib = test::openLibrary(m_imported);
        QCOMPARE(Importer(*lib).importPaths(m_newPages).pagesImported, 5);
    }

    void cleanupTestCase()
    {
        FaultVfs::disarm();
        qInfo("fault_runs=%d faults_fired=%d damaged=0", m_runs, m_faultsFired);
    }

    // Another program holding the write lock (here a Python script in a BEGIN IMMEDIATE) is
    // waited for once per batch, not once per page; the person is told which process it is, and
    // can cancel the wait.
    void aWriterHoldingTheLibraryIsWaitedForOnce_data()
    {
        QTest::addColumn<bool>("cancel");
        QTest::newRow("let go") << false;
        QTest::newRow("cancelled") << true;
    }

    void aWriterHoldingTheLibraryIsWaitedForOnce()
    {
        QFETCH(bool, cancel);
        copyFile(m_pristine, work());
        const std::unique_ptr<Library> lib = test::openLibrary(work());
        QProcess holder;
        holder.start(u"python3"_s, {u"-c"_s,
                                    u"import sqlite3, sys\n"
                                    u"c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                                    u"c.execute('BEGIN IMMEDIATE')\n"
                                    u"print('held', flush=True)\n"
                                    u"sys.stdin.read()\n"_s,
                                    work()});
        QVERIFY(holder.waitForReadyRead(10000));
        QCOMPARE(holder.readAllStandardOutput().trimmed(), QByteArray("held"));
        const qint64 pid = holder.processId();

        std::atomic_bool stop = false;
        QStringList holders;
        Importer::Watch watch;
        watch.cancel = &stop;
        watch.waiting = [&](const QString &who) {
            holders.append(who);
            if (cancel)
                stop = true;
            else
                holder.closeWriteChannel(); // the script ends, and its lock with it
        };
        const ImportReport report = Importer(*lib).importPaths(m_newPages, watch);
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));

        QCOMPARE(holders.size(), 1); // one wait for the one batch
        QVERIFY2(holders.front().contains(u"process %1 (python3)"_s.arg(pid)),
                 qPrintable(holders.front()));
        QVERIFY(report.refused.isEmpty());
        QCOMPARE(report.cancelled, cancel);
        QCOMPARE(report.pagesImported, cancel ? 0 : 5);
        QCOMPARE(lib->pageCount().value(), cancel ? 2 : 7);
    }

    // A snapshot whose first read fails (its lock refused) leaves no transaction open on the
    // connection: the next write begins as always. (After an I/O error SQLite rolls back by
    // itself; after others, such as a damaged page, beginSnapshot does.)
    void aSnapshotThatCannotReadLeavesNoTransaction()
    {
        copyFile(m_pristine, work());
        Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(work());
        QVERIFY(db.ok());
        FaultVfs::arm(FaultVfs::Operation::Lock, 1, false);
        const Status snapshot = db.value()->beginSnapshot();
        const int failed = FaultVfs::failed();
        FaultVfs::disarm();
        QCOMPARE(failed, 1);
        QVERIFY(!snapshot.ok());
        QVERIFY(sqlite3_get_autocommit(db.value()->handle()));
        const Status write = db.value()->beginWrite();
        QVERIFY2(write.ok(), qPrintable(write.errorMessage()));
        db.value()->rollbackWrite();
    }

    void importSurvivesEveryFault_data()
    {
        QTest::addColumn<FaultVfs::Operation>("operation");
        QTest::addColumn<bool>("persistent");
        for (const auto operation :
             {FaultVfs::Operation::Write, FaultVfs::Operation::Sync, FaultVfs::Operation::Lock}) {
            for (const bool persistent : {false, true})
                QTest::addRow("%s %s", nameOf(operation), persistent ? "persistent" : "once")
                    << operation << persistent;
        }
    }

    void importSurvivesEveryFault()
    {
        QFETCH(FaultVfs::Operation, operation);
        QFETCH(bool, persistent);
        const QStringList before = test::dumpOf(m_pristine);
        const QMap<QString, int> expected = articlesByPage(m_imported);
        const auto import = [&] {
            Result<std::unique_ptr<Library>> lib = Library::open(work());
            if (!lib) {
                ImportReport refused;
                refused.refused.append({work(), lib.errorMessage()});
                return refused;
            }
            return Importer(*lib.value()).importPaths(m_newPages);
        };
        atEveryFaultPoint(
            operation, persistent, [this] { copyPristine(); }, import,
            [&](const ImportReport &report, const QString &where) {
                QVERIFY2(damageOf(work()).isEmpty(),
                         qPrintable(where + u": "_s + damageOf(work())));
                // Every page is in whole, as the import without faults stored it, or not at all —
                // and then named with its cause.
                const QMap<QString, int> pages = articlesByPage(work());
                for (auto it = pages.cbegin(); it != pages.cend(); ++it)
                    QVERIFY2(expected.value(it.key(), -1) == it.value(), qPrintable(where));
                const int stored = static_cast<int>(pages.size()) - 2;
                QVERIFY2(report.pagesImported <= stored, qPrintable(where));
                if (stored < 5)
                    QVERIFY2(!report.refused.isEmpty(), qPrintable(where + u": nothing named"_s));
                for (const Refusal &refusal : report.refused)
                    QVERIFY2(!refusal.reason.isEmpty(), qPrintable(where));
                // What was there before the import is still there, row for row.
                const QStringList after = test::dumpOf(work());
                const QSet<QString> afterRows(after.cbegin(), after.cend());
                for (const QString &row : before) {
                    if (!row.startsWith(u"campaign_unit"_s) && !row.startsWith(u"unit\x1f"_s))
                        QVERIFY2(afterRows.contains(row), qPrintable(where + u": lost "_s + row));
                }
                // A rerun imports exactly the rest.
                {
                    const std::unique_ptr<Library> lib = test::openLibrary(work());
                    const ImportReport rerun = Importer(*lib).importPaths(m_newPages);
                    QVERIFY2(rerun.refused.isEmpty(), qPrintable(where));
                    QCOMPARE(rerun.pagesImported, 5 - stored);
                    QCOMPARE(rerun.duplicates, stored);
                }
                QCOMPARE(articlesByPage(work()), expected);
            });
        // The search index agrees with the text after the last run.
        const std::unique_ptr<Library> lib = test::openLibrary(work());
        test::compareWithBruteForce(*lib, test::corpusOf(work()), 40);
    }

    void anEditSurvivesEveryFault_data() { importSurvivesEveryFault_data(); }

    void anEditSurvivesEveryFault()
    {
        QFETCH(FaultVfs::Operation, operation);
        QFETCH(bool, persistent);
        const QStringList before = test::dumpOf(m_pristine);
        qint64 article = 0;
        {
            const std::unique_ptr<Library> lib = test::openLibrary(m_pristine);
            article = lib->pageArticleIds(1)->front();
        }
        // One tag and one highlight with a note: two transactions.
        struct Outcome
        {
            bool opened = false;
            Status tagged = Error{u"not tried"_s};
            bool annotated = false;
            QString error;
        };
        const auto edit = [&] {
            Outcome outcome;
            Result<std::unique_ptr<Library>> lib = Library::open(work());
            if (!lib) {
                outcome.error = lib.errorMessage();
                return outcome;
            }
            outcome.opened = true;
            outcome.tagged = lib.value()->setCampaign(article, u"anti-crime"_s, true);
            const Result<ArticleDetail> shown = lib.value()->article(article);
            if (!shown) {
                outcome.error = shown.errorMessage();
                return outcome;
            }
            const QString text = shown->article.plainText();
            Annotation a = Annotation::forSelection(article, text, 2, 8, u"#ffe066"_s);
            a.note = u"核实"_s;
            const Result<qint64> added = lib.value()->addAnnotation(a);
            outcome.annotated = added.ok();
            if (!added)
                outcome.error = added.errorMessage();
            return outcome;
        };
        atEveryFaultPoint(
            operation, persistent, [this] { copyPristine(); }, edit,
            [&](const Outcome &outcome, const QString &where) {
                QVERIFY2(damageOf(work()).isEmpty(),
                         qPrintable(where + u": "_s + damageOf(work())));
                // A failure is reported, never swallowed.
                if (FaultVfs::failed() > 0 && outcome.tagged.ok() && outcome.annotated) {
                    // The fault hit something SQLite retries or does without (a lock it takes
                    // again); then both edits are there.
                } else if (!outcome.opened || !outcome.tagged.ok() || !outcome.annotated) {
                    QVERIFY2(!outcome.error.isEmpty() || !outcome.tagged.ok(), qPrintable(where));
                }
                const std::unique_ptr<Library> lib = test::openLibrary(work());
                const bool tagPresent = lib->article(article)->tags.size() == 1;
                const bool notePresent = lib->annotations(article)->size() == 1;
                QCOMPARE(tagPresent, outcome.opened && outcome.tagged.ok());
                QCOMPARE(notePresent, outcome.annotated);
                if (!tagPresent && !notePresent) {
                    QStringList now = test::dumpOf(work());
                    QCOMPARE(now, before); // nothing half-written
                }
            });
    }

    void aMigrationSurvivesEveryFault_data() { importSurvivesEveryFault_data(); }

    void aMigrationSurvivesEveryFault()
    {
        QFETCH(FaultVfs::Operation, operation);
        QFETCH(bool, persistent);
        // A library of schema 7 with a page, an article and a highlight.
        const QString old = m_dir.filePath(u"schema7.sqlite3"_s);
        if (!QFile::exists(old)) {
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(old);
            QVERIFY(db.ok());
            QVERIFY(Migrations::migrate(*db.value(), 7).ok());
            QVERIFY(db.value()
                        ->execScript(
                            "INSERT INTO page (id, file_name, source_path, sha256, byte_size, "
                            "encoding, raw_text, imported_at) VALUES (1, 'a.txt', 'a.txt', 'x', "
                            "1, 'UTF-8', '村电商扶贫', 'now');"
                            "INSERT INTO article (id, page_id, ord, start_line, end_line, blocks, "
                            "plain_text) VALUES (7, 1, 0, 1, 1, '[]', '村电商扶贫');"
                            "INSERT INTO annotation (article_id, start_offset, end_offset, quote, "
                            "color, created_at, updated_at) VALUES (7, 3, 5, '扶贫', '#ffe066', "
                            "'now', 'now')")
                        .ok());
        }
        const QStringList before = test::dumpOf(old);
        const auto migrate = [&] { return Library::open(work()); };
        const auto copyOld = [&] {
            copyFile(old, work());
            QDir(m_dir.filePath(u"work.backups"_s)).removeRecursively();
        };
        atEveryFaultPoint(operation, persistent, copyOld, migrate,
                          [&](Result<std::unique_ptr<Library>> &opened, const QString &where) {
                              const bool migrated = opened.ok();
                              opened = Error{}; // closed
                              QVERIFY2(damageOf(work(), migrated).isEmpty(),
                                       qPrintable(where + u": "_s + damageOf(work(), migrated)));
                              Result<std::unique_ptr<SqliteDatabase>> db =
                                  SqliteDatabase::open(work(), SqliteDatabase::OpenMode::ReadOnly);
                              QVERIFY(db.ok());
                              const int version = db.value()->userVersion();
                              db = Error{};
                              if (migrated) {
                                  QCOMPARE(version, Migrations::kCurrentVersion);
                              } else {
                                  // Not updated, and nothing changed in it: the whole migration or
                                  // none of it.
                                  QCOMPARE(version, 7);
                                  QCOMPARE(test::dumpOf(work()), before);
                              }
                              // Opened again without faults, it is migrated and its highlight is
                              // where it was.
                              const std::unique_ptr<Library> lib = test::openLibrary(work());
                              QCOMPARE(lib->annotations(7)->front().quote, u"扶贫"_s);
                          });
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
