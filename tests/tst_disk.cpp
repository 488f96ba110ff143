// A disk that fills up, and files that are not what they should be: each error names its real
// cause, and the library is left as it was. The full disk is a tiny tmpfs the test mounts (it
// needs the right to mount one: root, as in CI; skipped with a message elsewhere).

#include "library/Importer.h"
#include "library/Library.h"
#include "testsupport/CliProcess.h"
#include "testsupport/LibraryDump.h"
#include "testsupport/LibrarySupport.h"
#include "testsupport/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

void cut(const QString &path, qint64 size)
{
    QVERIFY(::truncate(QFile::encodeName(path).constData(), size) == 0);
}

// Writes zeros into `path` until the disk holding it is full.
void fillDisk(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    QVERIFY(fd >= 0);
    const QByteArray block(4096, '\0');
    while (::write(fd, block.constData(), static_cast<size_t>(block.size())) > 0) {
    }
    const char byte = 0;
    while (::write(fd, &byte, 1) > 0) {
    }
    ::close(fd);
}

} // namespace

class TestDisk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_library; // the seeds imported; never changed
    QString m_disk;    // the tmpfs, when it could be mounted

    QString copyOfLibrary(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        if (!QFile::copy(m_library, path))
            qFatal("cannot copy the library");
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_library = m_dir.filePath(u"seeds.sqlite3"_s);
        const std::unique_ptr<Library> lib = test::openLibrary(m_library);
        QCOMPARE(Importer(*lib).importPaths({test::seedsPath()}).pagesImported, 5);
    }

    void cleanupTestCase()
    {
        if (!m_disk.isEmpty())
            QProcess::execute(u"umount"_s, {m_disk});
    }

    // A library cut short, a few bytes of one, and a file that is no database are each called
    // what they are, not "not a Bulletin Reader library" for all three.
    void eachUnreadableFileIsCalledWhatItIs()
    {
        const qint64 size = QFileInfo(m_library).size();
        QVERIFY(size % 4096 == 0 && size > 100000);

        const QString half = copyOfLibrary(u"half.sqlite3"_s);
        cut(half, size / 2);
        Result<std::unique_ptr<Library>> opened = Library::open(half);
        QVERIFY(!opened.ok());
        QVERIFY2(
            opened.errorMessage().contains(
                u"is cut short: its header says %1 bytes, but the file holds %2"_s.arg(size).arg(
                    size / 2)),
            qPrintable(opened.errorMessage()));

        const QString stub = copyOfLibrary(u"stub.sqlite3"_s);
        cut(stub, 50);
        opened = Library::open(stub);
        QVERIFY2(!opened.ok() && opened.errorMessage().contains(u"50 bytes are left of it"_s),
                 qPrintable(opened.errorMessage()));

        const QString notes = m_dir.filePath(u"notes.sqlite3"_s);
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(test::readAll(test::seedsPath(u"000_d0625b9e1a2b4771.txt"_s)));
        file.close();
        opened = Library::open(notes);
        QVERIFY2(!opened.ok() && opened.errorMessage().contains(u"no SQLite database at all"_s),
                 qPrintable(opened.errorMessage()));
        QVERIFY(!opened.errorMessage().contains(u"cut short"_s));

        // Another program's database (with or without a schema version of its own) is named as
        // such and left exactly as it was: no tables of ours, not even its journal mode changed.
        for (const int version : {0, 5}) {
            const QString other = m_dir.filePath(u"places-%1.sqlite"_s.arg(version));
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(other).constData(), &db), SQLITE_OK);
            const QByteArray sql = "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); "
                                   "INSERT INTO moz_places (url) VALUES ('https://example.org'); "
                                   "PRAGMA user_version = " +
                                   QByteArray::number(version);
            QCOMPARE(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(db);
            const QStringList before = test::dumpOf(other);
            opened = Library::open(other);
            QVERIFY(!opened.ok());
            QVERIFY2(opened.errorMessage().contains(
                         u"another program's SQLite database (tables moz_places)"_s),
                     qPrintable(opened.errorMessage()));
            QCOMPARE(test::dumpOf(other), before);
            QVERIFY(!QFile::exists(other + u"-wal"_s));
            QCOMPARE(sqlite3_open(QFile::encodeName(other).constData(), &db), SQLITE_OK);
            sqlite3_stmt *mode = nullptr;
            sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &mode, nullptr);
            QCOMPARE(sqlite3_step(mode), SQLITE_ROW);
            QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(mode, 0))),
                     QByteArray("delete"));
            sqlite3_finalize(mode);
            sqlite3_close(db);
        }

        // Cut inside its last page, a library still opens — for reading only, the damage said.
        const QString tail = copyOfLibrary(u"tail.sqlite3"_s);
        cut(tail, size - 1000);
        opened = Library::open(tail);
        QVERIFY2(opened.ok(), qPrintable(opened.errorMessage()));
        QVERIFY(opened.value()->isReadOnly());
        QVERIFY2(opened.value()->damage().contains(u"cut short"_s),
                 qPrintable(opened.value()->damage()));
    }

    void aFullDiskIsNamedAndLeavesTheLibraryAsItWas()
    {
        m_disk = m_dir.filePath(u"disk"_s);
        QVERIFY(QDir().mkpath(m_disk));
        QProcess mount;
        mount.start(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=4m"_s, u"tmpfs"_s, m_disk});
        if (!mount.waitForFinished(10000) || mount.exitCode() != 0) {
            m_disk.clear();
            QSKIP("cannot mount a tmpfs here (it needs root, or CAP_SYS_ADMIN)");
        }
        // A library with one page on the tiny disk, open (as in the window) when the disk fills.
        const QString path = m_disk + u"/library.sqlite3"_s;
        const QString fullWords = u"the disk holding %1 is full"_s.arg(m_disk);
        QStringList before;
        {
            const std::unique_ptr<Library> lib = test::openLibrary(path);
            QCOMPARE(Importer(*lib)
                         .importPaths({test::seedsPath(u"000_d0625b9e1a2b4771.txt"_s)})
                         .pagesImported,
                     1);
            before = test::dumpOf(path);
            fillDisk(m_disk + u"/filler"_s);
            // Import: each page named with the cause, none half stored.
            const ImportReport report = Importer(*lib).importPaths({test::seedsPath()});
            QCOMPARE(report.pagesImported, 0);
            QCOMPARE(report.duplicates, 1);
            QCOMPARE(report.refused.size(), 4);
            for (const Refusal &r : report.refused)
                QVERIFY2(r.reason.contains(fullWords), qPrintable(r.reason));
            // An edit.
            const qint64 first = lib->pageArticleIds(1)->front();
            const Status tagged = lib->setCampaign(first, u"anti-crime"_s, true);
            QVERIFY(!tagged.ok());
            QVERIFY2(tagged.errorMessage().contains(fullWords), qPrintable(tagged.errorMessage()));
            // A backup onto the same disk: refused, nothing left of it.
            const QString backup = m_disk + u"/copy.sqlite3"_s;
            const Status copied = lib->backupTo(backup);
            QVERIFY(!copied.ok());
            QVERIFY2(copied.errorMessage().contains(fullWords), qPrintable(copied.errorMessage()));
            QVERIFY(!QFile::exists(backup));
        }
        QCOMPARE(test::dumpOf(path), before);
        // Opened anew on the full disk: it opens, or — when SQLite can make no -shm there — the
        // disk is named, not the library called damaged.
        const Result<std::unique_ptr<Library>> reopened = Library::open(path);
        QVERIFY2(reopened.ok() || reopened.errorMessage().contains(fullWords),
                 qPrintable(reopened.errorMessage()));

        // Exports onto the full disk: the file named with the system's cause, nothing left.
        for (const QString &format : {u"csv"_s, u"xlsx"_s}) {
            const QString out = m_disk + u"/articles."_s + format;
            const test::CliRun run = test::runCli(
                {u"--db"_s, m_library, u"export"_s, u"--format"_s, format, u"-o"_s, out});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(u"cannot write %1: No space left on device"_s.arg(out)),
                     qPrintable(run.err));
            QVERIFY2(!QFile::exists(out), qPrintable(out));
        }

        // Room again: the rerun imports exactly the rest.
        QVERIFY(QFile::remove(m_disk + u"/filler"_s));
        const std::unique_ptr<Library> lib = test::openLibrary(path);
        const ImportReport rerun = Importer(*lib).importPaths({test::seedsPath()});
        QVERIFY2(rerun.refused.isEmpty(),
                 qPrintable(rerun.refused.value(0).reason + lib->damage()));
        QCOMPARE(rerun.pagesImported, 4);
        QCOMPARE(rerun.duplicates, 1);
        QVERIFY(rerun.refused.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDisk)
#include "tst_disk.moc"
