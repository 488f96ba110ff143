// Every file the program writes is written whole or not at all: a failing device or a full disk
// gives an error naming the file and the system's reason, an existing file stays as it was, and
// nothing is ever written onto the library, its -wal or -shm, or onto a device or a FIFO.
#include "exchange/OutputFile.h"
#include "exchange/Tabular.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "testsupport/CliProcess.h"
#include "testsupport/FailDevice.h"
#include "testsupport/TestSupport.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
namespace test = br::test;

namespace {

br::Tabular sampleTable(int rows)
{
    br::Tabular table;
    table.name = u"Articles"_s;
    table.header = {u"Id"_s, u"Title"_s, u"Note"_s};
    for (int i = 0; i < rows; ++i)
        table.rows.append(QVariantList{i, u"聊城市卫计系统挤压黑恶势力滋生空间 %1"_s.arg(i),
                                       u"扎实推进脱贫攻坚，第%1期"_s.arg(i)});
    return table;
}

QByteArray digestOf(const QString &path)
{
    return QCryptographicHash::hash(test::readAll(path), QCryptographicHash::Sha256);
}

} // namespace

class TestExchange : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    int m_articles = 0; // in the library before any export was tried

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"lib.sqlite3"_s);
        auto library = br::Library::open(m_db);
        QVERIFY(library.ok());
        br::Importer importer(*library.value());
        const br::ImportReport report = importer.importPaths({test::seedsPath()});
        QCOMPARE(report.pagesImported, 5);
        m_articles = report.articles;
    }

    void writersFailWithTheDevice_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<qint64>("capacity");
        for (const qint64 capacity : {qint64(0), qint64(100), qint64(4000)}) {
            QTest::addRow("csv after %lld bytes", capacity) << u"csv"_s << capacity;
            QTest::addRow("xlsx after %lld bytes", capacity) << u"xlsx"_s << capacity;
        }
    }

    void writersFailWithTheDevice()
    {
        QFETCH(QString, format);
        QFETCH(qint64, capacity);
        test::FailDevice device(capacity);
        QVERIFY(device.open(QIODevice::WriteOnly));
        const br::Tabular table = sampleTable(400);
        const br::Status s =
            format == u"csv"_s ? br::writeCsv(device, table) : br::writeXlsx(device, {table});
        QVERIFY(!s.ok());
        QCOMPARE(s.errorMessage(), u"No space left on device"_s);
    }

    void writersSucceedWithRoom()
    {
        test::FailDevice device(100'000'000);
        QVERIFY(device.open(QIODevice::WriteOnly));
        QVERIFY(br::writeCsv(device, sampleTable(10)).ok());
        QVERIFY(device.data().startsWith("\xEF\xBB\xBF"
                                         "Id,Title,Note\r\n0,"));
    }

    void csvKeepsFormulasAsText()
    {
        br::Tabular table;
        table.header = {u"Title"_s, u"Count"_s};
        table.rows.append(QVariantList{u"=HYPERLINK(\"http://x\",\"点击\")"_s, -3});
        table.rows.append(QVariantList{u"+cmd|' /C calc'!A0"_s, 1});
        table.rows.append(QVariantList{u"@SUM(1)"_s, 2});
        table.rows.append(QVariantList{u"-2+3"_s, 3});
        table.rows.append(QVariantList{u"说\"好\"，a,b"_s, 4});
        table.rows.append(QVariantList{u"两行\n文字"_s, 5});
        table.rows.append(QVariantList{u"平常的标题"_s, 6});
        const QString csv = QString::fromUtf8(br::toCsv(table));
        QVERIFY(csv.contains(u"\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",-3\r\n"_s));
        QVERIFY(csv.contains(u"'+cmd|' /C calc'!A0,1\r\n"_s));
        QVERIFY(csv.contains(u"'@SUM(1),2\r\n"_s));
        QVERIFY(csv.contains(u"'-2+3,3\r\n"_s)); // text; the number -3 above stays a number
        // Quoted when a comma, quote or line break is in it, its quotes doubled; else as it is.
        QVERIFY(csv.contains(u"\r\n\"说\"\"好\"\"，a,b\",4\r\n"_s));
        QVERIFY(csv.contains(u"\r\n\"两行\n文字\",5\r\n"_s));
        QVERIFY(csv.contains(u"\r\n平常的标题,6\r\n"_s));
    }

    void aFailedWriteLeavesTheOldFile()
    {
        const QString path = m_dir.filePath(u"kept.csv"_s);
        QVERIFY(br::OutputFile::write(path, [](QIODevice &d) {
                    return br::OutputFile::writeAll(d, "old content\n");
                }).ok());
        const br::Status s = br::OutputFile::write(path, [](QIODevice &d) -> br::Status {
            (void)br::OutputFile::writeAll(d, "half of the new");
            return br::Error{u"the table could not be read"_s};
        });
        QVERIFY(!s.ok());
        QVERIFY(s.errorMessage().contains(path));
        QCOMPARE(test::readAll(path), QByteArray("old content\n"));
        QCOMPARE(QDir(m_dir.path()).entryList({u"kept.csv*"_s}, QDir::Files | QDir::Hidden),
                 QStringList{u"kept.csv"_s}); // no temporary left behind
    }

    void neverOntoTheLibraryOrADevice_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addRow("the library") << u"lib.sqlite3"_s;
        QTest::addRow("its WAL") << u"lib.sqlite3-wal"_s;
        QTest::addRow("its shared memory") << u"lib.sqlite3-shm"_s;
        QTest::addRow("its journal, not there yet") << u"lib.sqlite3-journal"_s;
        QTest::addRow("a link to it") << u"link.csv"_s;
        QTest::addRow("the null device") << u"/dev/null"_s;
        QTest::addRow("the full device") << u"/dev/full"_s;
        QTest::addRow("a FIFO") << u"fifo.csv"_s;
        QTest::addRow("a folder") << u"folder.csv"_s;
    }

    void neverOntoTheLibraryOrADevice()
    {
        QFETCH(QString, target);
        const QString path = target.startsWith(u'/') ? target : m_dir.filePath(target);
        if (target == u"link.csv"_s && !QFile::exists(path))
            QVERIFY(QFile::link(m_db, path));
        if (target == u"fifo.csv"_s && !QFile::exists(path))
            QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0644) == 0);
        if (target == u"folder.csv"_s)
            QDir().mkpath(path);
        const QByteArray before = digestOf(m_db);
        for (const QString &format : {u"csv"_s, u"xlsx"_s}) {
            // As a user would type it: the command line, on the same library.
            const test::CliRun run =
                test::runCli({u"--db"_s, m_db, u"export"_s, u"--format"_s, format, u"-o"_s, path});
            QVERIFY2(run.exitCode != 0, qPrintable(run.out));
            QVERIFY2(run.err.contains(u"cannot write"_s), qPrintable(run.err));
            QVERIFY(!run.out.contains(u"written"_s));
        }
        const test::CliRun report =
            test::runCli({u"--db"_s, m_db, u"report"_s, u"--format"_s, u"csv"_s, u"-o"_s, path});
        QVERIFY(report.exitCode != 0);
        QCOMPARE(digestOf(m_db), before);
        auto library = br::Library::open(m_db);
        QVERIFY2(library.ok(), qPrintable(library.errorMessage()));
        QCOMPARE(library.value()->articleCount().value(), m_articles);
    }

    void aLinkedLibrarysFilesAreItsTargets()
    {
        // SQLite keeps the -wal and -shm beside the file a link to the database points to.
        QTemporaryDir real, links;
        QVERIFY(QFile::copy(m_db, real.filePath(u"real.sqlite3"_s)));
        const QString link = links.filePath(u"linked.sqlite3"_s);
        QVERIFY(QFile::link(real.filePath(u"real.sqlite3"_s), link));
        auto library = br::Library::open(link);
        QVERIFY(library.ok());
        QVERIFY(QFile::exists(real.filePath(u"real.sqlite3-wal"_s)));
        for (const QString &name : {u"real.sqlite3"_s, u"real.sqlite3-wal"_s, u"real.sqlite3-shm"_s,
                                    u"real.sqlite3-journal"_s})
            QVERIFY2(!br::OutputFile::refusal(real.filePath(name)).isEmpty(), qPrintable(name));
        QVERIFY(!br::OutputFile::refusal(link).isEmpty());
        QVERIFY(br::OutputFile::refusal(real.filePath(u"export.csv"_s)).isEmpty());
    }

    void aFullDiskFailsTheExportAndKeepsTheOldFile()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root");
        QTemporaryDir mountPoint;
        const QByteArray where = QFile::encodeName(mountPoint.path());
        if (::mount("tmpfs", where.constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP("this machine does not let the test mount a tmpfs");
        struct Unmount
        {
            QByteArray where;
            ~Unmount() { ::umount(where.constData()); }
        } unmount{where};
        for (const QString &format : {u"csv"_s, u"xlsx"_s}) {
            const QString path = mountPoint.filePath(u"articles."_s + format);
            // A small existing export, then one that does not fit beside it.
            QVERIFY(br::OutputFile::write(path, [](QIODevice &d) {
                        return br::OutputFile::writeAll(d, "Id,Title\r\n1,old\r\n");
                    }).ok());
            const QByteArray old = test::readAll(path);
            QFile filler(mountPoint.filePath(u"filler"_s));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            filler.write(QByteArray(128 * 1024, 'x')); // fills the disk: the write stops short
            filler.close();
            const test::CliRun run =
                test::runCli({u"--db"_s, m_db, u"export"_s, u"--format"_s, format, u"-o"_s, path});
            QVERIFY2(run.exitCode != 0, qPrintable(run.out));
            QVERIFY2(run.err.contains(u"No space left on device"_s), qPrintable(run.err));
            QVERIFY(run.err.contains(path));
            QCOMPARE(test::readAll(path), old);
            QCOMPARE(QDir(mountPoint.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
            QFile::remove(filler.fileName());
            QFile::remove(path);
        }
        // With room again, the same export succeeds.
        const test::CliRun ok = test::runCli(
            {u"--db"_s, m_db, u"export"_s, u"-o"_s, mountPoint.filePath(u"articles.csv"_s)});
        QCOMPARE(ok.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestExchange)
#include "tst_exchange.moc"
