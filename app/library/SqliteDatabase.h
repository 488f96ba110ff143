#pragma once

#include "library/Database.h"

#include <QByteArrayView>
#include <QList>

#include <map>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace br {

// One prepared statement over the sqlite3 C API. It refuses SQL holding more than one statement
// and resets itself before each use, so a cached statement can be bound and stepped again and
// again.
class SqliteStatement final : public Statement
{
public:
    SqliteStatement(sqlite3 *db, const char *sql);
    ~SqliteStatement() override;

    bool isValid() const { return m_stmt != nullptr; }
    const QString &prepareError() const { return m_error; }

    using Statement::bind;
    SqliteStatement &reset() override;
    SqliteStatement &bind(int index, QStringView text) override;
    SqliteStatement &bindUtf8(int index, QByteArray utf8) override;
    SqliteStatement &bind(int index, qint64 value) override;
    SqliteStatement &bind(int index, double value) override;
    SqliteStatement &bindNull(int index) override;
    // A C++ object for an SQL function of ours (sqlite3_bind_pointer): only a function asking for
    // the same `type` sees it; it must outlive the statement's use.
    SqliteStatement &bindPointer(int index, const void *pointer, const char *type);

    Step step() override;
    Status run() override;

    QString text(int column) const override;
    // A text column's UTF-8 as SQLite holds it, valid until the next step or reset.
    QByteArrayView utf8(int column) const;
    qint64 int64(int column) const override;
    double real(int column) const override;
    bool isNull(int column) const override;
    QString errorMessage() const override;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
    QList<QByteArray> m_boundText; // UTF-8 of bound text, alive until the next reset()
};

// An open library file: the connection, its settings, a cache of prepared statements, and
// transactions. The only class that talks to sqlite3 directly besides SqliteStatement and the
// search's own tokenizer and functions, which SQLite calls back (CjkTokenizer, SearchFunctions).
class SqliteDatabase final : public Database
{
public:
    ~SqliteDatabase() override;

    enum class OpenMode
    {
        ReadWrite,
        ReadOnly
    };
    // Opens (creating if needed) in WAL mode with foreign keys on and a busy handler (it waits up
    // to kBusyTimeoutMs for another writer, less when cancelled); read-only when asked, or when the
    // file or its folder cannot be written.
    static Result<std::unique_ptr<SqliteDatabase>> open(const QString &path,
                                                        OpenMode mode = OpenMode::ReadWrite);

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    Engine engine() const override { return Engine::Sqlite; }
    PreparedStatement prepared(const char *sql) override;
    // The same statement with what only SQLite has (bindPointer).
    SqliteStatement *preparedSqlite(const char *sql);
    Status execScript(const char *sql) override;

    int userVersion();
    bool isReadOnly() const override;
    qint64 lastInsertId() override;
    QString lastError() const override;

    // BEGIN IMMEDIATE: the write lock is taken at the start.
    Status beginWrite() override;
    // Read from the system's table of file locks (Linux's /proc/locks).
    QString writeLockHolder() override;
    void setWaitCancel(const std::atomic_bool *cancel) override { m_waitCancel = cancel; }
    Status commitWrite() override;
    void rollbackWrite() override;
    // BEGIN and a first read: in WAL mode the snapshot is taken at the first read.
    Status beginSnapshot() override;
    // PRAGMA data_version: it changes when another connection commits.
    Result<qint64> changesByOthers() override;

    static constexpr int kBusyTimeoutMs = 5000;

private:
    explicit SqliteDatabase(sqlite3 *db, QString path);
    // SQLite's busy handler: waits in short steps up to kBusyTimeoutMs, and not at all once the
    // wait is cancelled.
    static int waitForLock(void *database, int attempts);

    sqlite3 *m_db = nullptr;
    QString m_path;
    const std::atomic_bool *m_waitCancel = nullptr;
    std::map<const char *, std::unique_ptr<SqliteStatement>> m_statements;
};

} // namespace br
