#include "library/Backups.h"
#include "library/SqliteErrors.h"

#include "library/Migrations.h"
#include "library/SqliteDatabase.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <sqlite3.h>

#include <cstdio>
#include <sys/stat.h>

namespace br::Backups {

using namespace Qt::StringLiterals;

namespace {

// Daily backups are named by their day; those before a migration by the schema they left.
constexpr auto kDailyFormat = "yyyy-MM-dd";
const QString kSuffix = u".sqlite3"_s;

QString sqliteError(sqlite3 *db)
{
    return SqliteErrors::messageOf(db);
}

Status copyPages(sqlite3 *from, sqlite3 *to)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return Error{sqliteError(to)};
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    // sqlite3_backup_finish() leaves the step's error on the copy's connection, where the full
    // disk can be told from other causes.
    if (stepped != SQLITE_DONE || finished != SQLITE_OK)
        return Error{sqliteError(to)};
    return {};
}

// What PRAGMA integrity_check or quick_check says: "ok", or what it found.
QString verdictOf(sqlite3 *db, const char *pragma)
{
    sqlite3_stmt *check = nullptr;
    if (sqlite3_prepare_v2(db, pragma, -1, &check, nullptr) != SQLITE_OK)
        return sqliteError(db);
    // A badly damaged file has hundreds of findings, in rows of many lines: the first few say
    // what it is, the count says how bad.
    constexpr qsizetype kShown = 4;
    QStringList found;
    qsizetype more = 0;
    while (sqlite3_step(check) == SQLITE_ROW) {
        const QString row =
            QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(check, 0)));
        for (const QString &line : row.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.startsWith(u"*** in database"_s))
                continue;
            if (found.size() < kShown)
                found.append(line.trimmed());
            else
                ++more;
        }
    }
    sqlite3_finalize(check);
    if (found.isEmpty())
        return u"no answer"_s;
    QString verdict = found.join(u"; "_s);
    if (more > 0)
        verdict += u"; and %1 more"_s.arg(more);
    return verdict;
}

struct Connection
{
    sqlite3 *db = nullptr;
    ~Connection() { sqlite3_close(db); }
};

QString integrityOf(sqlite3 *db)
{
    return verdictOf(db, "PRAGMA integrity_check");
}

Status openFile(const QString &file, int flags, Connection &into)
{
    if (sqlite3_open_v2(QFile::encodeName(file).constData(), &into.db, flags, nullptr) != SQLITE_OK)
        return Error{u"cannot open %1: %2"_s.arg(file, sqliteError(into.db))};
    return {};
}

} // namespace

// write(), and without the check for a copy of a damaged library kept for the record.
Status writeCopy(SqliteDatabase &db, const QString &target, bool checked);

QString folderFor(const QString &libraryPath)
{
    const QFileInfo info(libraryPath);
    return info.absoluteDir().filePath(info.completeBaseName() + u".backups"_s);
}

Status write(SqliteDatabase &db, const QString &target)
{
    return writeCopy(db, target, true);
}

Status writeCopy(SqliteDatabase &db, const QString &target, bool checked)
{
    const QFileInfo info(target);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{u"cannot make the backup folder %1"_s.arg(info.absolutePath())};
    ::chmod(QFile::encodeName(info.absolutePath()).constData(), 0700);
    const QString temporary = target + u".part"_s;
    QFile::remove(temporary);
    const auto removeTemporary = qScopeGuard([&] { QFile::remove(temporary); });
    {
        Connection copy;
        if (Status s = openFile(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, copy); !s)
            return s;
        if (Status s = copyPages(db.handle(), copy.db); !s)
            return Error{u"cannot back up the library to %1: %2"_s.arg(target, s.errorMessage())};
        // A backup is a single file: no -wal beside it to lose.
        sqlite3_exec(copy.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
        const QString verdict = checked ? integrityOf(copy.db) : u"ok"_s;
        if (verdict != u"ok"_s)
            return Error{u"the backup %1 failed its check: %2"_s.arg(target, verdict)};
    }
    ::chmod(QFile::encodeName(temporary).constData(), 0600);
    if (std::rename(QFile::encodeName(temporary).constData(),
                    QFile::encodeName(target).constData()) != 0)
        return Error{u"cannot put the backup in place at %1"_s.arg(target)};
    return {};
}

Result<QString> daily(SqliteDatabase &db, const QDate &today)
{
    const QString folder = folderFor(db.path());
    const QString target =
        QDir(folder).filePath(today.toString(QString::fromLatin1(kDailyFormat)) + kSuffix);
    if (QFileInfo::exists(target))
        return QString();
    if (Status s = write(db, target); !s)
        return s.error();
    rotate(folder, today);
    return target;
}

Result<QString> beforeMigration(SqliteDatabase &db, int fromVersion)
{
    const QString target =
        QDir(folderFor(db.path()))
            .filePath(u"before-schema-%1-%2%3"_s.arg(fromVersion)
                          .arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s))
                          .arg(kSuffix));
    if (Status s = write(db, target); !s)
        return s.error();
    return target;
}

QStringList rotate(const QString &folder, const QDate &today)
{
    QList<QDate> days;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({u"*"_s + kSuffix}, QDir::Files)) {
        const QDate day = QDate::fromString(name.left(10), QString::fromLatin1(kDailyFormat));
        if (day.isValid() && name.size() == 10 + kSuffix.size())
            days.append(day);
    }
    std::sort(days.begin(), days.end(), std::greater<>());
    QList<QDate> keep = days.mid(0, 7);
    // Before them, the newest backup of each of the 4 weeks (counted back from today).
    QList<qint64> weeks;
    for (const QDate &day : days.mid(7)) {
        const qint64 week = day.daysTo(today) / 7;
        if (week <= 5 && !weeks.contains(week) && weeks.size() < 4) {
            weeks.append(week);
            keep.append(day);
        }
    }
    QStringList removed;
    for (const QDate &day : days) {
        if (keep.contains(day))
            continue;
        const QString name = day.toString(QString::fromLatin1(kDailyFormat)) + kSuffix;
        if (QFile::remove(dir.filePath(name)))
            removed.append(name);
    }
    return removed;
}

QString quickCheck(SqliteDatabase &db)
{
    const QString verdict = verdictOf(db.handle(), "PRAGMA quick_check");
    return verdict == u"ok"_s ? QString() : QString(verdict).replace(u'\n', u' ');
}

QString newest(const QString &libraryPath)
{
    const QDir dir(folderFor(libraryPath));
    for (const QFileInfo &file : dir.entryInfoList({u"*"_s + kSuffix}, QDir::Files, QDir::Time)) {
        if (check(file.filePath()))
            return file.filePath();
    }
    return QString();
}

Status check(const QString &file)
{
    if (!QFileInfo(file).isFile())
        return Error{u"%1 is not a file"_s.arg(file)};
    Connection backup;
    if (Status s = openFile(file, SQLITE_OPEN_READONLY, backup); !s)
        return s;
    const QString verdict = integrityOf(backup.db);
    if (verdict != u"ok"_s)
        return Error{u"%1 is damaged: %2"_s.arg(file, verdict)};
    sqlite3_stmt *version = nullptr;
    int schema = -1;
    if (sqlite3_prepare_v2(backup.db, "PRAGMA user_version", -1, &version, nullptr) == SQLITE_OK &&
        sqlite3_step(version) == SQLITE_ROW)
        schema = sqlite3_column_int(version, 0);
    sqlite3_finalize(version);
    const bool hasPages = sqlite3_exec(backup.db, "SELECT count(*) FROM page", nullptr, nullptr,
                                       nullptr) == SQLITE_OK;
    if (schema < 1 || !hasPages)
        return Error{u"%1 is not a Bulletin Reader library"_s.arg(file)};
    if (schema > Migrations::kCurrentVersion) {
        return Error{
            u"%1 was written by a newer Bulletin Reader (schema %2)"_s.arg(file).arg(schema)};
    }
    return {};
}

Result<QString> restore(SqliteDatabase &db, const QString &backup)
{
    if (Status s = check(backup); !s)
        return s.error();
    // A damaged library is kept aside as it is, damage and all, for whoever wants to look.
    const bool damaged = !quickCheck(db).isEmpty();
    const QString aside =
        QDir(folderFor(db.path()))
            .filePath(u"%1-%2%3"_s.arg(damaged ? u"damaged"_s : u"before-restore"_s,
                                       QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s),
                                       kSuffix));
    if (Status s = writeCopy(db, aside, !damaged); !s)
        return Error{
            u"the current library could not be kept aside, so nothing was restored: %1"_s.arg(
                s.errorMessage())};
    Connection from;
    if (Status s = openFile(backup, SQLITE_OPEN_READONLY, from); !s)
        return s.error();
    if (Status s = copyPages(from.db, db.handle()); !s)
        return Error{
            u"cannot restore %1: %2 (the library is as it was)"_s.arg(backup, s.errorMessage())};
    return aside;
}

} // namespace br::Backups
