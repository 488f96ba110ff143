// Files an import meets in real folders: names in other encodings, folders it cannot read, FIFOs,
// devices behind links, links to nothing, loops of links, files too large, and the library itself.
// Every file found is imported or named with its reason; nothing hangs, nothing reads forever.
#include "library/Importer.h"
#include "library/Library.h"
#include "library/PageReader.h"
#include "testsupport/CliProcess.h"
#include "testsupport/ProcLocks.h"
#include "testsupport/TestSupport.h"
#include "text/PageSplitter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;
namespace test = br::test;

namespace {

// Creates a file by the bytes of its name (QFile would take a QString, which cannot hold them).
void writeNative(const QByteArray &path, const QByteArray &bytes)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QVERIFY2(fd >= 0, path.constData());
    QCOMPARE(::write(fd, bytes.constData(), static_cast<size_t>(bytes.size())),
             static_cast<ssize_t>(bytes.size()));
    ::close(fd);
}

const QByteArray kLatin1Name = "caf\xe9-page.txt";       // "café" in Latin-1
const QByteArray kGbkName = "\xc0\xfb\xc0\xed-page.txt"; // "利理" in GBK

} // namespace

class TestImportHostile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_folder;

    // The folder every test imports: two pages with names that are not UTF-8, and one of each
    // kind of thing that is not a page.
    void makeFolder()
    {
        m_folder = QFile::encodeName(m_dir.filePath(u"pages"_s));
        QVERIFY(::mkdir(m_folder.constData(), 0755) == 0);
        writeNative(m_folder + '/' + kLatin1Name,
                    test::readAll(test::seedsPath(u"000_d0625b9e1a2b4771.txt"_s)));
        writeNative(m_folder + '/' + kGbkName,
                    test::readAll(test::seedsPath(u"001_1f928a1e1901fd81.txt"_s)));
        const QByteArray locked = m_folder + "/locked";
        QVERIFY(::mkdir(locked.constData(), 0755) == 0);
        writeNative(locked + "/inside.txt",
                    test::readAll(test::seedsPath(u"002_b9b4038e393f2d11.txt"_s)));
        QVERIFY(::chmod(locked.constData(), 0) == 0);
        QVERIFY(::mkfifo(QByteArray(m_folder + "/pipe.txt").constData(), 0644) == 0);
        QVERIFY(::symlink("/dev/zero", QByteArray(m_folder + "/zero.txt").constData()) == 0);
        QVERIFY(::symlink("/nonexistent/page.txt",
                          QByteArray(m_folder + "/dangling.txt").constData()) == 0);
        QVERIFY(::symlink(".", QByteArray(m_folder + "/loop").constData()) == 0);
        // Larger than any page may be, and sparse: refused by its size, never read.
        const int fd =
            ::open(QByteArray(m_folder + "/huge.txt").constData(), O_WRONLY | O_CREAT, 0644);
        QVERIFY(fd >= 0);
        QVERIFY(::ftruncate(fd, br::PageReader::kMaxFileBytes + 1) == 0);
        ::close(fd);
    }

    // Root reads any folder whatever its mode: the program then runs as nobody, as a user would,
    // from a copy nobody can reach (the build may be under /root). Where nobody can run nothing
    // at all (a chroot whose / is 0700), it runs as it is and the unreadable folder is not tried.
    QStringList asUser()
    {
        if (::geteuid() != 0)
            return {};
        const QString copy = m_dir.filePath(u"bulletin-reader"_s);
        if (!QFile::exists(copy)) {
            if (!QFile::copy(QStringLiteral(BR_CLI_PATH), copy))
                qFatal("cannot copy the program for the unprivileged run");
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                            QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup |
                                            QFile::ExeGroup);
        }
        const QStringList wrapper{
            u"setpriv"_s, u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, u"--"_s,
            copy};
        m_unprivileged =
            test::runCli({u"--version"_s}, QProcessEnvironment::systemEnvironment(), wrapper)
                .exitCode == 0;
        if (!m_unprivileged)
            qInfo("this machine lets no other user run the program: the unreadable folder is "
                  "not tried");
        return m_unprivileged ? wrapper : QStringList();
    }
    bool m_unprivileged = ::geteuid() != 0;

private Q_SLOTS:
    void cleanupTestCase() { ::chmod(QByteArray(m_folder + "/locked").constData(), 0755); }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0777) == 0);
        makeFolder();
    }

    // A library in a folder nobody may write in (a shared archive, a read-only mount) opens for
    // reading: lists and reports work, an edit is refused as such; SQLite could make no -shm
    // there, so the program reads the file as immutable.
    void aLibraryInAFolderNobodyMayWriteIsRead()
    {
        const QStringList user = asUser();
        if (::geteuid() == 0 && !m_unprivileged)
            QSKIP("no other user can run the program here, and root writes any folder");
        const QByteArray folder = QFile::encodeName(m_dir.filePath(u"archive"_s));
        QVERIFY(::mkdir(folder.constData(), 0755) == 0);
        const QString db = QFile::decodeName(folder) + u"/library.sqlite3"_s;
        QCOMPARE(test::runCli({u"--db"_s, db, u"import"_s, test::seedsPath()}).exitCode, 0);
        QVERIFY(!QFile::exists(db + u"-wal"_s)); // merged into the file when the import closed it
        QVERIFY(::chmod(QFile::encodeName(db).constData(), 0444) == 0);
        QVERIFY(::chmod(folder.constData(), 0555) == 0);
        const auto run = [&](const QStringList &arguments) {
            return test::runCli(QStringList{u"--db"_s, db} + arguments,
                                QProcessEnvironment::systemEnvironment(), user);
        };
        const test::CliRun list = run({u"list"_s});
        const test::CliRun report = run({u"report"_s, u"--by"_s, u"county"_s});
        const test::CliRun tag = run({u"tag"_s, u"1"_s, u"anti-crime"_s});
        ::chmod(folder.constData(), 0755);
        QVERIFY2(list.exitCode == 0 && list.out.contains(u"聊城市卫计系统"_s),
                 qPrintable(list.out + list.err));
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        QVERIFY(tag.exitCode != 0);
        QVERIFY2(tag.err.contains(u"reading only"_s), qPrintable(tag.err));
    }

    void everyFileIsImportedOrNamed()
    {
        const QString db = m_dir.filePath(u"hostile.sqlite3"_s);
        const test::CliRun run =
            test::runCli({u"--db"_s, db, u"import"_s, QFile::decodeName(m_folder)},
                         QProcessEnvironment::systemEnvironment(), asUser());
        QCOMPARE(run.exitCode, 1); // some refused, the rest imported
        // The locked folder's page goes in too where the program runs as root.
        const QString imported = m_unprivileged ? u"Imported 2 pages"_s : u"Imported 3 pages"_s;
        QVERIFY2(run.out.contains(imported), qPrintable(run.out + run.err));
        const auto named = [&](const QString &file, const QString &reason) {
            const QString line =
                u"refused: %1/%2: %3"_s.arg(QFile::decodeName(m_folder), file, reason);
            if (!run.err.contains(line))
                qWarning().noquote() << "missing:" << line << "\nin:" << run.err;
            return run.err.contains(line);
        };
        if (m_unprivileged)
            QVERIFY(named(u"locked"_s, u"is a folder that cannot be read: Permission denied"_s));
        QVERIFY(named(u"pipe.txt"_s, u"is a FIFO (named pipe), not a page file"_s));
        QVERIFY(named(u"zero.txt"_s, u"is a device, not a page file"_s));
        QVERIFY(named(u"dangling.txt"_s, u"is a link to nothing"_s));
        QVERIFY(named(u"huge.txt"_s, u"is too large (%1 bytes; at most 64 MB)"_s.arg(
                                         br::PageReader::kMaxFileBytes + 1)));
        QVERIFY(!run.err.contains(u"loop/"_s)); // the link back into the folder is walked once

        // The two pages went in under names shown as their bytes are: UTF-8 where they are,
        // \xNN where they are not — never dropped, never replaced by a guess.
        const test::CliRun list = test::runCli({u"--db"_s, db, u"list"_s, u"--json"_s});
        QCOMPARE(list.exitCode, 0);
        QStringList files;
        const QJsonArray articles =
            QJsonDocument::fromJson(list.out.toUtf8()).object().value(u"articles"_s).toArray();
        for (const QJsonValue &v : articles)
            files.append(v.toObject().value(u"page"_s).toString());
        files.removeDuplicates();
        QCOMPARE(files.size(), m_unprivileged ? 2 : 3);
        QVERIFY2(files.contains(u"caf\\xe9-page.txt"_s), qPrintable(files.join(u' ')));
        QVERIFY2(files.contains(u"\\xc0\\xfb\\xc0\\xed-page.txt"_s), qPrintable(files.join(u' ')));
    }

    void aNamedFifoOrDeviceIsRefusedNotRead()
    {
        const QString db = m_dir.filePath(u"named.sqlite3"_s);
        const test::CliRun run =
            test::runCli({u"--db"_s, db, u"import"_s, QFile::decodeName(m_folder + "/pipe.txt"),
                          u"/dev/zero"_s, u"/dev/null"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"pipe.txt: is a FIFO (named pipe), not a page file"_s),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(u"refused: /dev/zero: is a device, not a page file"_s));
        QVERIFY(run.err.contains(u"refused: /dev/null: is a device, not a page file"_s));
        const test::CliRun segment = test::runCli({u"segment"_s, u"/dev/zero"_s});
        QCOMPARE(segment.exitCode, 1);
        QVERIFY(segment.err.contains(u"/dev/zero: is a device, not a page file"_s));
    }

    void controlCharactersInNamesAreEscaped()
    {
        QTemporaryDir dir;
        const QByteArray folder = QFile::encodeName(dir.path());
        // A name that would clear the terminal's line and print a fake message.
        writeNative(folder + "/evil\x1b[2K\rok.png", QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 12));
        const test::CliRun run =
            test::runCli({u"--db"_s, m_dir.filePath(u"evil.sqlite3"_s), u"import"_s, dir.path()});
        QVERIFY2(run.err.contains(u"evil\\x1b[2K\\x0dok.png"_s), qPrintable(run.err));
        QVERIFY(!run.err.contains(u'\x1b'));

        // Page text is not trusted either: a title with a terminal escape in it is shown escaped.
        QByteArray page = test::readAll(test::seedsPath(u"000_d0625b9e1a2b4771.txt"_s));
        page.replace("聊城市卫计系统挤压黑恶势力滋生空间",
                     "聊城市卫计系统\x1b]0;owned\x07挤压黑恶势力滋生空间");
        writeNative(folder + "/title.txt", page);
        const test::CliRun segment =
            test::runCli({u"segment"_s, QFile::decodeName(folder + "/title.txt")});
        QCOMPARE(segment.exitCode, 0);
        QVERIFY2(segment.out.contains(u"聊城市卫计系统\\x1b]0;owned\\x07挤压"_s),
                 qPrintable(segment.out));
        QVERIFY(!segment.out.contains(u'\x1b') && !segment.out.contains(u'\x07'));
    }

    // A page of a million lines takes a minute and a half to read: a cancel stops it part-way
    // rather than after it. Stopped splits give no articles, stopped reads say they stopped,
    // and the import ends cancelled with nothing half-stored.
    void readingALongPageCanBeCancelled()
    {
        const std::atomic_bool stop = true;
        const QString seed =
            QString::fromUtf8(test::readAll(test::seedsPath(u"001_1f928a1e1901fd81.txt"_s)));
        QVERIFY(!br::PageSplitter().split(seed).articles.isEmpty());
        QVERIFY(br::PageSplitter().split(seed, &stop).articles.isEmpty());
        const br::Result<br::ReadPage> read =
            br::PageReader().readBytes(u"seed.txt"_s, seed.toUtf8(), {}, &stop);
        QVERIFY(!read.ok());
        QVERIFY2(read.errorMessage().contains(u"cancelled"_s), qPrintable(read.errorMessage()));

        // 400,000 distinct lines of the seeds' text (about 30 MB), cancelled while it is read.
        const QStringList lines = seed.split(u'\n', Qt::SkipEmptyParts);
        QString page;
        for (int i = 0; i < 400000; ++i)
            page += lines[i % lines.size()].left(5 + i % 30) + QString::number(i) + u'\n';
        const QString path = m_dir.filePath(u"long-page.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(page.toUtf8());
        file.close();
        const QString libraryPath = m_dir.filePath(u"cancelled.sqlite3"_s);
        br::Result<std::unique_ptr<br::Library>> lib = br::Library::open(libraryPath);
        QVERIFY(lib.ok());
        std::atomic_bool cancel = false;
        br::Importer::Watch watch;
        watch.cancel = &cancel;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            cancel = true;
        });
        const br::ImportReport report = br::Importer(*lib.value()).importPaths({path}, watch);
        canceller.join();
        QVERIFY(report.cancelled);
        QCOMPARE(report.pagesImported, 0);
        QVERIFY(report.refused.isEmpty());
        QCOMPARE(lib.value()->pageCount().value(), 0);
    }

    void theLibraryInTheFolderIsNeverOpened()
    {
        // Importing the folder the library lives in: its files are named, not read — one open()
        // and close() of them in this process would drop SQLite's locks.
        QTemporaryDir dir;
        const QString db = dir.filePath(u"library.sqlite3"_s);
        QFile::copy(test::seedsPath(u"003_87001ad0ac9e6170.txt"_s), dir.filePath(u"page.txt"_s));
        auto library = br::Library::open(db);
        QVERIFY(library.ok());
        QVERIFY(br::test::holdsLockOn(db));
        QVERIFY(br::test::holdsLockOn(db + u"-shm"_s));
        br::Importer importer(*library.value());
        const br::ImportReport report = importer.importPaths({dir.path()});
        QCOMPARE(report.pagesImported, 1);
        QStringList refused;
        for (const br::Refusal &r : report.refused)
            refused.append(QFileInfo(r.path).fileName() + u": "_s + r.reason);
        refused.sort();
        QCOMPARE(refused,
                 QStringList(
                     {u"library.sqlite3-shm: is a file of the open library, never read as a page"_s,
                      u"library.sqlite3-wal: is a file of the open library, never read as a page"_s,
                      u"library.sqlite3: is a file of the open library, never read as a page"_s}));
        QVERIFY(br::test::holdsLockOn(db));
        QVERIFY(br::test::holdsLockOn(db + u"-shm"_s));
    }
};

QTEST_GUILESS_MAIN(TestImportHostile)
#include "tst_import_hostile.moc"
