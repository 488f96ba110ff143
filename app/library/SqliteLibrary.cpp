#include "library/SqliteLibrary.h"

#include "library/Backups.h"
#include "library/LibraryFiles.h"
#include "library/Migrations.h"
#include "library/SqliteDatabase.h"
#include "library/SqliteErrors.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <pwd.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace br {

Q_LOGGING_CATEGORY(lcLibrary, "br.library.file")

using namespace Qt::StringLiterals;

namespace {

// Who a file library's tags and notes are by: $BULLETIN_READER_USER when set (several people
// coding on one computer account), else the login name of the process's user.
QString loginName()
{
    if (const QString named = qEnvironmentVariable("BULLETIN_READER_USER").trimmed();
        !named.isEmpty())
        return named;
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER");
}

} // namespace

SqliteLibrary::SqliteLibrary(std::unique_ptr<SqliteDatabase> db)
    : SqlLibrary(nullptr, LibraryLocation::file(db->path()), loginName())
{
    m_db = std::move(db);
}

SqliteDatabase &SqliteLibrary::file() const
{
    return static_cast<SqliteDatabase &>(*m_db);
}

Result<std::unique_ptr<Library>> SqliteLibrary::open(const QString &path, bool readOnly)
{
    Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(
        path, readOnly ? SqliteDatabase::OpenMode::ReadOnly : SqliteDatabase::OpenMode::ReadWrite);
    if (!db) {
        const QString newest = Backups::newest(path);
        if (newest.isEmpty())
            return db.error();
        return Error{
            u"%1\nThe newest backup is %2 (bulletin-reader --db LIBRARY restore BACKUP "
            u"puts it in place, keeping this file aside)."_s.arg(db.errorMessage(), newest)};
    }
    // A damaged file is seen before anything is written into it: one that fails SQLite's quick
    // check opens for reading only, and says so. The check reads the whole file (0.12 s for
    // 25 MB here), which every command pays: larger files are checked by the window, in the
    // background (quickCheck, foundDamaged).
    // That the file is as long as its header says costs nothing, whatever its size.
    QString damage = SqliteErrors::cutShort(db.value()->handle());
    if (damage.isEmpty() && QFileInfo(path).size() <= kCheckedOnOpenBytes)
        damage = Backups::quickCheck(*db.value());
    if (!damage.isEmpty() && !db.value()->isReadOnly()) {
        db = SqliteDatabase::open(path, SqliteDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
    }
    // A copy of the library as it was before a migration changes it.
    const int version = db.value()->userVersion();
    if (version > 0 && version < Migrations::kCurrentVersion && !db.value()->isReadOnly() &&
        damage.isEmpty()) {
        if (Result<QString> kept = Backups::beforeMigration(*db.value(), version); !kept)
            return Error{u"%1: not updated, because no backup could be made first: %2"_s.arg(
                path, kept.errorMessage())};
    }
    if (Status s = Migrations::migrate(*db.value()); !s)
        return Error{u"%1: %2"_s.arg(path, s.errorMessage())};
    // Schema 13 rewrote the article and page rows: their pages are strewn over the file among the
    // free ones the texts left (12.5 GB for 8.2 GB at 1,000,000 articles; the report by county
    // 2.75 s for 1.45 s, a walk over the list 10.8 s for 5.5 s). Made compact once, where the
    // disk has room for the copy VACUUM makes; a VACUUM that fails leaves the library as it was.
    constexpr int kTextsMoved = 13; // the schema that moved the texts out of the rows
    if (version > 0 && version < kTextsMoved && !db.value()->isReadOnly() && damage.isEmpty()) {
        // statvfs, not QStorageInfo: that one finds no mount for a folder in a chroot.
        struct statvfs disk = {};
        const bool known =
            statvfs(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &disk) == 0;
        const double room =
            known ? static_cast<double>(disk.f_bavail) * static_cast<double>(disk.f_frsize) : 0;
        if (room > 2.0 * static_cast<double>(QFileInfo(path).size()) &&
            !db.value()->execScript("VACUUM"))
            qCWarning(lcLibrary, "%s: not made compact after the update", qUtf8Printable(path));
    }
    std::unique_ptr<SqliteLibrary> library(new SqliteLibrary(std::move(db).value()));
    library->m_damage = damage;
    return std::unique_ptr<Library>(std::move(library));
}

Status SqliteLibrary::indexInBothTables(const std::array<const char *, 2> &statements,
                                        const QList<qint64> &values)
{
    for (const char *sql : statements) {
        PreparedStatement index = m_db->prepared(sql);
        if (!index)
            return Error{m_db->lastError()};
        for (const qint64 value : values) {
            if (Status s = index->reset().bind(1, value).run(); !s)
                return s.error();
        }
    }
    return {};
}

Result<QList<PageStore::Added>> SqliteLibrary::addPages(const QList<const ReadPage *> &pages)
{
    (void)m_db->execScript("PRAGMA temp_store=MEMORY;"); // speed only: a failure changes nothing
    Result<QList<Added>> added = SqlLibrary::addPages(pages);
    (void)m_db->execScript("PRAGMA temp_store=DEFAULT;");
    return added;
}

Status SqliteLibrary::indexArticlesAbove(qint64 lastId)
{
    // The new articles as the view article_text shows them, in one statement per table. FTS5
    // writes what it has gathered at every statement that changes it, so one statement per
    // article made thousands of tiny index segments to merge again and again: the import's index
    // cost 2.4 times FTS5's own 'rebuild'.
    return indexInBothTables({"INSERT INTO article_fts (rowid, head, body) SELECT id, head, body "
                              "FROM article_text WHERE id > ?1 ORDER BY id",
                              "INSERT INTO article_chars (rowid, head, body) SELECT id, head, "
                              "body FROM article_text WHERE id > ?1 ORDER BY id"},
                             {lastId});
}

Status SqliteLibrary::indexArticles(const QList<qint64> &ids)
{
    // Deleted articles leave both tables by the trigger article_fts_delete.
    return indexInBothTables({"INSERT INTO article_fts (rowid, head, body) SELECT id, head, body "
                              "FROM article_text WHERE id = ?1",
                              "INSERT INTO article_chars (rowid, head, body) SELECT id, head, "
                              "body FROM article_text WHERE id = ?1"},
                             ids);
}

Result<QString> SqliteLibrary::dailyBackup()
{
    // A read-only connection copies as well as any (the window makes the copy on one of its
    // own, away from the person's); a library that cannot be written, or a damaged one, is not
    // copied day by day.
    if (!m_damage.isEmpty() || !QFileInfo(path()).isWritable())
        return QString();
    const Result<qint64> pages = pageCount();
    if (!pages || pages.value() == 0)
        return QString();
    return Backups::daily(file());
}

Status SqliteLibrary::foundDamaged(const QString &damage)
{
    m_damage = damage; // read only from now on (isReadOnly), whatever follows
    Result<std::unique_ptr<SqliteDatabase>> reading =
        SqliteDatabase::open(path(), SqliteDatabase::OpenMode::ReadOnly);
    if (!reading)
        return reading.error();
    m_db = std::move(reading).value();
    return {};
}

Result<QString> Library::quickCheck(const QString &path)
{
    Result<std::unique_ptr<SqliteDatabase>> db =
        SqliteDatabase::open(path, SqliteDatabase::OpenMode::ReadOnly);
    // Too damaged to be opened at all is a finding too; a lock or the disk is not.
    if (!db && db.error().kind == Error::Kind::Damaged)
        return db.errorMessage();
    if (!db)
        return db.error();
    return Backups::quickCheck(*db.value());
}

Status SqliteLibrary::backupTo(const QString &file)
{
    if (LibraryFiles::contains(QFile::encodeName(file)))
        return Error{u"%1 is a file of an open library: a backup goes elsewhere"_s.arg(file)};
    return Backups::write(this->file(), file);
}

Result<QString> SqliteLibrary::restoreFrom(const QString &backup)
{
    // A library opened read-only because it is damaged is what a restore is for: it gets a
    // connection that writes.
    if (isReadOnly() && !m_damage.isEmpty()) {
        Result<std::unique_ptr<SqliteDatabase>> writable =
            SqliteDatabase::open(path(), SqliteDatabase::OpenMode::ReadWrite);
        if (!writable || writable.value()->isReadOnly())
            return Error{
                u"the library's file cannot be written: nothing can be restored onto it"_s};
        m_db = std::move(writable).value();
        m_damage.clear();
    }
    if (isReadOnly())
        return Error{u"the library is read-only: nothing can be restored onto it"_s};
    Result<QString> aside = Backups::restore(this->file(), backup);
    if (!aside)
        return aside.error();
    if (Status s = Migrations::migrate(this->file()); !s)
        return Error{
            u"restored, but the restored library cannot be updated: %1"_s.arg(s.errorMessage())};
    return aside;
}

} // namespace br
