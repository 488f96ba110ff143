#include "library/SqliteDatabase.h"

#include "library/CjkTokenizer.h"
#include "library/Collation.h"
#include "library/FileLocks.h"
#include "library/LibraryFiles.h"
#include "library/Migrations.h"
#include "library/SearchFunctions.h"
#include "library/SqliteErrors.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QUrl>

#include <sqlite3.h>

#include <cstring>
#include <sys/stat.h>
#include <sys/statvfs.h>

namespace br {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDatabase, "br.library.database")

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql) : m_db(db)
{
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, &tail);
    if (rc != SQLITE_OK) {
        m_error = SqliteErrors::messageOf(db);
        m_stmt = nullptr;
        return;
    }
    while (tail && *tail && std::strchr(" \t\r\n;", *tail))
        ++tail;
    if (tail && *tail) {
        m_error = u"more than one SQL statement"_s;
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement &SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_boundText.clear();
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, QStringView text)
{
    // Bound as UTF-8 (the file's encoding, so SQLite converts nothing) with its byte length: the
    // text may hold any character, NUL included. The buffer stays alive until the next reset(), so
    // SQLite need not copy it.
    return bindUtf8(index, text.toUtf8());
}

SqliteStatement &SqliteStatement::bindUtf8(int index, QByteArray text)
{
    m_boundText.append(std::move(text));
    const QByteArray &utf8 = m_boundText.last();
    sqlite3_bind_text64(m_stmt, index, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
                        SQLITE_STATIC, SQLITE_UTF8);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

SqliteStatement &SqliteStatement::bindPointer(int index, const void *pointer, const char *type)
{
    // SQLite hands the pointer back unchanged; it never writes through it.
    sqlite3_bind_pointer(m_stmt, index, const_cast<void *>(pointer), type, nullptr);
    return *this;
}

Statement::Step SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return Step::Row;
    if (rc == SQLITE_DONE)
        return Step::Done;
    return Step::Error;
}

Status SqliteStatement::run()
{
    const Step result = step();
    Status status = result == Step::Error ? Status(Error{errorMessage()}) : Status::success();
    sqlite3_reset(m_stmt);
    return status;
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int bytes = sqlite3_column_bytes(m_stmt, column);
    return data ? QString::fromUtf8(data, bytes) : QString();
}

QByteArrayView SqliteStatement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(data, data ? sqlite3_column_bytes(m_stmt, column) : 0);
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString SqliteStatement::errorMessage() const
{
    return SqliteErrors::messageOf(m_db);
}

SqliteDatabase::SqliteDatabase(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path))
{
    if (m_path != u":memory:"_s && !m_path.isEmpty())
        LibraryFiles::add(m_path);
}

SqliteDatabase::~SqliteDatabase()
{
    m_statements.clear(); // finalize before closing
    sqlite3_close(m_db);
    if (m_path != u":memory:"_s && !m_path.isEmpty())
        LibraryFiles::remove(m_path);
}

namespace {

// A library that cannot be written — the file or its folder (where SQLite keeps the WAL) is not
// writable — is opened read-only rather than not at all.
bool mustOpenReadOnly(const QString &path)
{
    const QFileInfo file(path);
    if (!file.exists())
        return false;
    return !file.isWritable() || !QFileInfo(file.absolutePath()).isWritable();
}

// A folder that cannot be written holds no -shm that SQLite could make for its WAL, so a library
// there cannot even be read the usual way ("attempt to write a readonly database"). When nobody
// can change it either — a read-only file system, or a folder and file without a write bit for
// anyone (a writer needs the folder for its log) — it is read as immutable, which needs neither
// lock nor -shm. A folder only this user may not write in (a colleague's) is not: its owner may
// write the file meanwhile, and an immutable reader would see torn pages.
bool inReadOnlyFolder(const QString &path)
{
    const QFileInfo file(path);
    if (!file.exists() || QFileInfo(file.absolutePath()).isWritable())
        return false;
    const QByteArray folder = QFile::encodeName(file.absolutePath());
    struct statvfs volume
    {
    };
    if (::statvfs(folder.constData(), &volume) == 0 && (volume.f_flag & ST_RDONLY))
        return true;
    struct stat folderStat
    {
    };
    struct stat fileStat
    {
    };
    return ::stat(folder.constData(), &folderStat) == 0 &&
           ::stat(QFile::encodeName(path).constData(), &fileStat) == 0 &&
           (folderStat.st_mode & 0222) == 0 && (fileStat.st_mode & 0222) == 0;
}

// Whether the connection's last failure was the file's own damage.
Error::Kind damageKind(sqlite3 *db)
{
    const int code = sqlite3_extended_errcode(db) & 0xff;
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB || !SqliteErrors::cutShort(db).isEmpty()
               ? Error::Kind::Damaged
               : Error::Kind::Other;
}

} // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const QString &path, OpenMode mode)
{
    const bool readOnly = mode == OpenMode::ReadOnly || mustOpenReadOnly(path);
    const bool creating = !readOnly && !QFileInfo::exists(path);
    const bool immutable = inReadOnlyFolder(path);
    // Changes still in the log would be passed over by an immutable read: said, not hidden.
    if (immutable && QFileInfo(path + u"-wal"_s).size() > 0)
        return Error{u"cannot open the library %1: its folder cannot be written, and it holds "
                     u"changes not yet merged into the file (%1-wal); open it once where it can "
                     u"be written"_s.arg(path)};
    sqlite3 *db = nullptr;
    const QByteArray name =
        immutable
            ? QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded() + "?immutable=1"
            : path.toUtf8();
    const int flags =
        (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        (immutable ? SQLITE_OPEN_URI : 0) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(name.constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message =
            db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(db);
        return Error{u"cannot open the library %1: %2"_s.arg(path, message)};
    }
    // A new library is its owner's alone (notes are private); SQLite gives its -wal and -shm the
    // same mode. chmod() names the file without opening it, so no lock is touched.
    if (creating)
        ::chmod(name.constData(), 0600);
    std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(db, path));
    sqlite3_busy_handler(db, &SqliteDatabase::waitForLock, database.get());
    sqlite3_extended_result_codes(db, 1);
    // Check the file really is a database before changing anything in it.
    if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) !=
        SQLITE_OK)
        return Error{u"%1: %2"_s.arg(path, SqliteErrors::whyUnreadable(db, database->lastError())),
                     damageKind(db)};
    // Every connection to a library needs the search tokenizer before it touches the index.
    if (Status s = registerCjkTokenizer(db); !s)
        return Error{u"cannot set up the library %1: %2"_s.arg(path, s.errorMessage())};
    if (Status s = registerSearchFunctions(db); !s)
        return Error{u"cannot set up the library %1: %2"_s.arg(path, s.errorMessage())};
    if (Status s = registerPinyinCollation(db); !s)
        return Error{u"cannot set up the library %1: %2"_s.arg(path, s.errorMessage())};
    if (Status s = Migrations::refuseOtherDatabases(*database); !s)
        return Error{u"%1: %2"_s.arg(path, s.errorMessage()), damageKind(db)};
    // The log is merged into the file once it holds 32 MiB rather than SQLite's 4: an import's
    // index pages, rewritten batch after batch, are then copied and synced far fewer times.
    const char *setup = database->isReadOnly()
                            ? "PRAGMA foreign_keys=ON;"
                            : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                              "PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=8192;";
    if (Status s = database->execScript(setup); !s)
        return Error{u"cannot set up the library %1: %2"_s.arg(path, s.errorMessage())};
    return database;
}

PreparedStatement SqliteDatabase::prepared(const char *sql)
{
    return PreparedStatement(preparedSqlite(sql));
}

SqliteStatement *SqliteDatabase::preparedSqlite(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto statement = std::make_unique<SqliteStatement>(m_db, sql);
        if (!statement->isValid()) {
            qCCritical(lcDatabase) << "SQL does not prepare:" << statement->prepareError() << sql;
            return nullptr;
        }
        it = m_statements.emplace(sql, std::move(statement)).first;
    }
    it->second->reset();
    return it->second.get();
}

Status SqliteDatabase::execScript(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        // The message of a failed statement lacks what the error code tells (a full disk).
        const int code = sqlite3_errcode(m_db) & 0xff;
        const QString error = code == SQLITE_FULL || code == SQLITE_IOERR || !message
                                  ? SqliteErrors::messageOf(m_db)
                                  : QString::fromUtf8(message);
        sqlite3_free(message);
        return Error{error};
    }
    return {};
}

int SqliteDatabase::userVersion()
{
    PreparedStatement s = prepared("PRAGMA user_version");
    return s && s->step() == Statement::Step::Row ? static_cast<int>(s->int64(0)) : -1;
}

bool SqliteDatabase::isReadOnly() const
{
    return sqlite3_db_readonly(m_db, "main") == 1;
}

qint64 SqliteDatabase::lastInsertId()
{
    return sqlite3_last_insert_rowid(m_db);
}

QString SqliteDatabase::lastError() const
{
    return SqliteErrors::messageOf(m_db);
}

int SqliteDatabase::waitForLock(void *database, int attempts)
{
    constexpr int kStepMs = 10;
    const auto *self = static_cast<const SqliteDatabase *>(database);
    if ((self->m_waitCancel && self->m_waitCancel->load()) || attempts * kStepMs >= kBusyTimeoutMs)
        return 0;
    sqlite3_sleep(kStepMs);
    return 1;
}

Status SqliteDatabase::beginWrite()
{
    if (isReadOnly())
        return Error{u"the library is open for reading only"_s};
    Status begun = execScript("BEGIN IMMEDIATE");
    // A snapshot that is out of date (SQLITE_BUSY_SNAPSHOT) is no lock to wait for.
    if (const int code = sqlite3_extended_errcode(m_db);
        !begun && (code & 0xff) == SQLITE_BUSY && code != SQLITE_BUSY_SNAPSHOT)
        return Error{begun.errorMessage(), Error::Kind::Busy};
    return begun;
}

QString SqliteDatabase::writeLockHolder()
{
    return FileLocks::writerOf(m_path);
}

Status SqliteDatabase::commitWrite()
{
    return execScript("COMMIT");
}

Result<qint64> SqliteDatabase::changesByOthers()
{
    PreparedStatement s = prepared("PRAGMA data_version");
    if (!s || s->step() != Statement::Step::Row)
        return Error{lastError()};
    return s->int64(0);
}

Status SqliteDatabase::beginSnapshot()
{
    if (Status s = execScript("BEGIN;"); !s)
        return s;
    // The read that takes the snapshot; should it fail, no transaction is left open for the
    // caller (who sees an error) to forget.
    if (Status s = execScript("SELECT count(*) FROM sqlite_schema;"); !s) {
        rollbackWrite();
        return s;
    }
    return {};
}

void SqliteDatabase::rollbackWrite()
{
    (void)execScript("ROLLBACK");
}

} // namespace br
