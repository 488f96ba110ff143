#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>
#include <memory>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace br {

// One prepared statement over the sqlite3 C API. It refuses SQL holding more than one statement,
// binds text with its byte length (never as a NUL-terminated string) and resets itself before
// each use, so a cached statement can be bound and stepped again and again.
class Statement final
{
public:
    Statement(sqlite3 *db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    const QString &prepareError() const { return m_error; }

    // Clears earlier bindings and results; call before binding a new row.
    Statement &reset();
    Statement &bind(int index, QStringView text);
    // Text already encoded as UTF-8 (JSON documents, digests), bound without converting it.
    Statement &bindUtf8(int index, QByteArray utf8);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Statement &bind(int index, double value);
    Statement &bindNull(int index);
    // A C++ object for an SQL function of ours (sqlite3_bind_pointer): only a function asking for
    // the same `type` sees it; it must outlive the statement's use.
    Statement &bindPointer(int index, const void *pointer, const char *type);

    enum class Step
    {
        Row,
        Done,
        Error
    };
    Step step();
    // Runs a statement that returns no rows.
    Status run();

    QString text(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    bool isNull(int column) const;
    QString errorMessage() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
    QList<QByteArray> m_boundText; // UTF-8 of bound text, alive until the next reset()
};

// A cached statement on loan: reset when the loan ends, so no half-stepped statement keeps a
// read transaction (and with it an old snapshot of the file) open after its use.
class PreparedStatement final
{
public:
    explicit PreparedStatement(Statement *statement = nullptr) : m_statement(statement) {}
    ~PreparedStatement()
    {
        if (m_statement)
            m_statement->reset();
    }
    PreparedStatement(PreparedStatement &&other) noexcept
        : m_statement(std::exchange(other.m_statement, nullptr))
    {
    }
    PreparedStatement(const PreparedStatement &) = delete;
    PreparedStatement &operator=(const PreparedStatement &) = delete;
    PreparedStatement &operator=(PreparedStatement &&) = delete;

    explicit operator bool() const { return m_statement != nullptr; }
    Statement *operator->() const { return m_statement; }
    Statement &operator*() const { return *m_statement; }

private:
    Statement *m_statement;
};

// An open library file: the connection, its settings, a cache of prepared statements, and
// transactions. The only class that talks to sqlite3 directly besides Statement and the search's
// own tokenizer and functions, which SQLite calls back (CjkTokenizer, SearchFunctions).
class Database final
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    enum class OpenMode
    {
        ReadWrite,
        ReadOnly
    };
    // Opens (creating if needed) in WAL mode with foreign keys on and a busy timeout; read-only
    // when asked, or when the file or its folder cannot be written.
    static Result<std::unique_ptr<Database>> open(const QString &path,
                                                  OpenMode mode = OpenMode::ReadWrite);

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    // The cached statement for `sql` (a string literal: its address is the cache key), prepared on
    // first use and reset when the returned loan ends. Empty (and logged) when the SQL does not
    // prepare.
    PreparedStatement prepared(const char *sql);

    // Several statements of trusted, constant SQL (schema changes); never user text.
    Status execScript(const char *sql);

    int userVersion();
    bool isReadOnly() const;
    qint64 lastInsertId() const;
    QString lastError() const;

    static constexpr int kBusyTimeoutMs = 5000;

private:
    explicit Database(sqlite3 *db, QString path);

    sqlite3 *m_db = nullptr;
    QString m_path;
    std::map<const char *, std::unique_ptr<Statement>> m_statements;
};

// One write transaction: BEGIN IMMEDIATE on construction (so a writer waits for the lock up front
// rather than failing half-way), ROLLBACK on destruction unless commit() succeeded.
class Transaction final
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &begun() const { return m_begun; }
    Status commit();

private:
    Database &m_db;
    Status m_begun;
    bool m_open = false;
};

} // namespace br
