// Backups with a verified restore: the day's copy and its rotation, a backup before a migration,
// a restore that brings back every row (and keeps what it replaced), and damaged backups refused.

#include "library/Backups.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "library/Migrations.h"
#include "library/SqliteDatabase.h"
#include "testsupport/LibraryDump.h"
#include "testsupport/LibrarySupport.h"
#include "testsupport/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <sys/stat.h>

using namespace br;
using namespace Qt::StringLiterals;

using test::dumpOf;

namespace {

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 0777;
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void restoreBringsBackEveryRowAndKeepsWhatItReplaced()
    {
        const QString path = m_dir.filePath(u"restore.sqlite3"_s);
        const std::unique_ptr<Library> lib = test::openLibrary(path);
        QCOMPARE(Importer(*lib).importPaths({test::seedsPath()}).pagesImported, 5);
        const qint64 first = lib->pageArticleIds(1)->front();
        QVERIFY(lib->setCampaign(first, u"anti-crime"_s, true).ok());
        test::highlight(*lib, first, u"医闹线索6条"_s, u"备份前的批注"_s);
        const QString backup = m_dir.filePath(u"copies/manual.sqlite3"_s);
        QVERIFY(lib->backupTo(backup).ok());
        QCOMPARE(modeOf(backup), mode_t(0600));
        QVERIFY(Backups::check(backup).ok());
        const QStringList atBackup = dumpOf(backup);
        QVERIFY(atBackup.size() > 100);

        // Work after the backup: a tag, a note gone, a page more.
        QVERIFY(lib->setCampaign(first, u"poverty-relief"_s, true).ok());
        QVERIFY(lib->removeAnnotation(lib->annotations(first)->front().id).ok());
        QVERIFY(lib->addTag(u"典型经验"_s, u"#2e86c1"_s).ok());
        const QStringList afterWork = dumpOf(path);
        QVERIFY(afterWork != atBackup);

        Result<QString> aside = lib->restoreFrom(backup);
        QVERIFY2(aside.ok(), qPrintable(aside.errorMessage()));
        QCOMPARE(dumpOf(path), atBackup);
        QCOMPARE(dumpOf(aside.value()), afterWork); // nothing the restore replaced is lost
        // The connection goes on with the restored library, index included.
        QCOMPARE(lib->articles()->front().campaigns, QStringList{u"anti-crime"_s});
        QVERIFY(lib->searchIds(u"医闹线索"_s)->contains(first));
        QCOMPARE(lib->annotations(first)->front().note, u"备份前的批注"_s);
    }

    void damagedBackupsAreRefusedAndChangeNothing()
    {
        const QString path = m_dir.filePath(u"damaged.sqlite3"_s);
        const std::unique_ptr<Library> lib = test::openLibrary(path);
        QCOMPARE(Importer(*lib).importPaths({test::seedsPath()}).pagesImported, 5);
        const QString good = m_dir.filePath(u"good.sqlite3"_s);
        QVERIFY(lib->backupTo(good).ok());
        const QByteArray bytes = test::readAll(good);
        const auto written = [&](const QString &name, const QByteArray &content) {
            const QString file = m_dir.filePath(name);
            QFile out(file);
            if (!out.open(QIODevice::WriteOnly))
                qFatal("cannot write");
            out.write(content);
            return file;
        };
        QByteArray flipped = bytes;
        for (qsizetype i = 8192; i < 8192 + 200; ++i)
            flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
        const QStringList before = dumpOf(path);
        for (const QString &bad : {written(u"truncated.sqlite3"_s, bytes.left(bytes.size() / 2)),
                                   written(u"flipped.sqlite3"_s, flipped),
                                   written(u"text.sqlite3"_s, "扶贫攻坚，不是数据库"_ba),
                                   m_dir.filePath(u"missing.sqlite3"_s)}) {
            Result<QString> restored = lib->restoreFrom(bad);
            QVERIFY2(!restored.ok(), qPrintable(bad));
            QVERIFY2(restored.errorMessage().contains(QFileInfo(bad).fileName()),
                     qPrintable(restored.errorMessage()));
        }
        QCOMPARE(dumpOf(path), before);
    }

    void damagedLibraryOpensReadOnlyAndComesBackFromItsBackup()
    {
        const QString path = m_dir.filePath(u"flipped-library.sqlite3"_s);
        qint64 first = 0;
        QString kept;
        {
            const std::unique_ptr<Library> lib = test::openLibrary(path);
            QCOMPARE(Importer(*lib).importPaths({test::seedsPath()}).pagesImported, 5);
            first = lib->pageArticleIds(1)->front();
            QVERIFY(lib->setCampaign(first, u"anti-crime"_s, true).ok());
            kept = lib->dailyBackup().value();
            QVERIFY(!kept.isEmpty());
            QVERIFY(lib->damage().isEmpty());
        }
        // 200 bytes flipped inside the file, as a failing disk does.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QByteArray bytes = file.readAll();
            for (qsizetype i = 40960; i < 40960 + 200; ++i)
                bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
            file.seek(0);
            file.write(bytes);
        }
        const std::unique_ptr<Library> lib = test::openLibrary(path);
        QVERIFY2(!lib->damage().isEmpty(), "the damage went unnoticed");
        QVERIFY(lib->isReadOnly());
        QVERIFY(!lib->setCampaign(first, u"poverty-relief"_s, true).ok());
        QCOMPARE(Backups::newest(path), kept);
        Result<QString> aside = lib->restoreFrom(kept);
        QVERIFY2(aside.ok(), qPrintable(aside.errorMessage()));
        QVERIFY(QFileInfo(aside.value()).fileName().startsWith(u"damaged-"_s));
        QVERIFY(lib->damage().isEmpty());
        QVERIFY(!lib->isReadOnly());
        QCOMPARE(lib->article(first)->campaigns, QStringList{u"anti-crime"_s});
        QVERIFY(lib->setCampaign(first, u"poverty-relief"_s, true).ok());
        QVERIFY(test::openLibrary(path)->damage().isEmpty());
    }

    // A file too large to check as it opens is checked by the window in the background; what
    // that check finds makes the open library read only from then on.
    void aDamageFoundAfterOpeningMakesTheLibraryReadOnly()
    {
        const QString path = m_dir.filePath(u"checked-later.sqlite3"_s);
        {
            const std::unique_ptr<Library> lib = test::openLibrary(path);
            QCOMPARE(Importer(*lib).importPaths({test::seedsPath()}).pagesImported, 5);
            const Result<QString> sound = Library::quickCheck(path);
            QVERIFY2(sound.ok(), qPrintable(sound.errorMessage()));
            QCOMPARE(sound.value(), QString());
            const qint64 first = lib->pageArticleIds(1)->front();
            QVERIFY(lib->foundDamaged(u"Page 11: btreeInitPage() returns error code 11"_s).ok());
            QVERIFY(lib->isReadOnly());
            QCOMPARE(lib->damage(), u"Page 11: btreeInitPage() returns error code 11"_s);
            QVERIFY(!lib->setCampaign(first, u"poverty-relief"_s, true).ok());
            QVERIFY(lib->article(first).ok()); // still read
        }
        // The check itself sees pages whose headers were flipped (in a library closed as usual,
        // so that its file holds everything).
        const QString sound = m_dir.filePath(u"checked-later-sound.sqlite3"_s);
        QCOMPARE(Importer(*test::openLibrary(sound)).importPaths({test::seedsPath()}).pagesImported,
                 5);
        QFile copy(sound);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QByteArray bytes = copy.readAll();
        copy.close();
        for (qsizetype page = 4096; page < bytes.size(); page += 4096 * 4) {
            for (qsizetype i = page; i < page + 8; ++i)
                bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
        }
        const QString flipped = m_dir.filePath(u"checked-later-flipped.sqlite3"_s);
        QFile out(flipped);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        const Result<QString> damaged = Library::quickCheck(flipped);
        QVERIFY2(damaged.ok(), qPrintable(damaged.errorMessage()));
        QVERIFY(!damaged->isEmpty());
    }

    void dailyBackupOnceADayAndItsRotation()
    {
        const QString path = m_dir.filePath(u"daily.sqlite3"_s);
        const std::unique_ptr<Library> lib = test::openLibrary(path);
        QCOMPARE(lib->dailyBackup().value(), QString()); // an empty library: nothing to keep
        QCOMPARE(Importer(*lib).importPaths({test::seedsPath()}).pagesImported, 5);
        const Result<QString> today = lib->dailyBackup();
        QVERIFY(today.ok());
        QVERIFY(today->endsWith(QDate::currentDate().toString(u"yyyy-MM-dd"_s) + u".sqlite3"_s));
        QCOMPARE(modeOf(Backups::folderFor(path)), mode_t(0700));
        QCOMPARE(lib->dailyBackup().value(), QString()); // once a day

        // Sixty days of backups: the rotation keeps the last 7 days and one for each of 4 weeks.
        const QString folder = m_dir.filePath(u"rotation"_s);
        QVERIFY(QDir().mkpath(folder));
        const QDate day(2026, 12, 1);
        for (int back = 0; back < 60; ++back) {
            QFile f(QDir(folder).filePath(day.addDays(-back).toString(u"yyyy-MM-dd"_s) +
                                          u".sqlite3"_s));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QFile kept(QDir(folder).filePath(u"before-schema-7-20261001-101010.sqlite3"_s));
        QVERIFY(kept.open(QIODevice::WriteOnly));
        kept.close();
        const QStringList removed = Backups::rotate(folder, day);
        QCOMPARE(removed.size(), 60 - 11);
        const QStringList left = QDir(folder).entryList(QDir::Files, QDir::Name);
        QCOMPARE(left.size(), 12);
        QVERIFY(left.contains(u"2026-11-25.sqlite3"_s));  // the 7th day back
        QVERIFY(!left.contains(u"2026-10-01.sqlite3"_s)); // two months back
        QVERIFY(left.contains(u"before-schema-7-20261001-101010.sqlite3"_s));
    }

    void migrationIsPrecededByABackup()
    {
        const QString path = m_dir.filePath(u"old.sqlite3"_s);
        {
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(path);
            QVERIFY(db.ok());
            QVERIFY(Migrations::migrate(*db.value(), 7).ok());
        }
        const std::unique_ptr<Library> lib = test::openLibrary(path);
        const QStringList kept =
            QDir(Backups::folderFor(path)).entryList({u"before-schema-7-*.sqlite3"_s}, QDir::Files);
        QCOMPARE(kept.size(), 1);
        const QString copy = QDir(Backups::folderFor(path)).filePath(kept.front());
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(QFile::encodeName(copy).constData(), &db, SQLITE_OPEN_READONLY,
                                 nullptr),
                 SQLITE_OK);
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, nullptr);
        QCOMPARE(sqlite3_step(s), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(s, 0), 7); // the library as it was before
        sqlite3_finalize(s);
        sqlite3_close(db);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
