#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <atomic>

#include <utility>

namespace br {

// One statement of a database engine, prepared once and run again and again: bound by position
// (?1, ?2 … in the SQL, whatever the engine), stepped row by row. Text is bound with its length,
// never as a NUL-terminated string; reset() clears bindings and results before a new use.
class Statement
{
public:
    virtual ~Statement() = default;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Clears earlier bindings and results; call before binding a new row.
    virtual Statement &reset() = 0;
    virtual Statement &bind(int index, QStringView text) = 0;
    // Text already encoded as UTF-8 (JSON documents, digests), bound without converting it.
    virtual Statement &bindUtf8(int index, QByteArray utf8) = 0;
    virtual Statement &bind(int index, qint64 value) = 0;
    Statement &bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    virtual Statement &bind(int index, double value) = 0;
    virtual Statement &bindNull(int index) = 0;

    enum class Step
    {
        Row,
        Done,
        Error
    };
    virtual Step step() = 0;
    // Runs a statement that returns no rows.
    virtual Status run() = 0;

    virtual QString text(int column) const = 0;
    // An integer column; a truth value (a comparison, EXISTS) reads as 1 or 0 on every engine.
    virtual qint64 int64(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual bool isNull(int column) const = 0;
    virtual QString errorMessage() const = 0;

protected:
    Statement() = default;
};

// A cached statement on loan: reset when the loan ends, so no half-stepped statement keeps a
// read transaction (and with it an old snapshot of the library) open after its use.
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

// A connection to the database a library lives in (SqliteDatabase: a file; PgDatabase: a server):
// a cache of prepared statements and write transactions. The store's SQL is written once, in
// SQLite's words where the engines differ only in spelling (?N parameters); each engine's
// connection makes it its own.
class Database
{
public:
    virtual ~Database() = default;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    enum class Engine
    {
        Sqlite,
        Postgres
    };
    virtual Engine engine() const = 0;

    // The cached statement for `sql` (a string literal: its address is the cache key), prepared on
    // first use and reset when the returned loan ends. Empty (and logged) when the SQL does not
    // prepare.
    virtual PreparedStatement prepared(const char *sql) = 0;
    // Several statements of trusted, constant SQL (schema changes); never user text.
    virtual Status execScript(const char *sql) = 0;

    virtual bool isReadOnly() const = 0;
    // The id the last INSERT of this connection gave its row.
    virtual qint64 lastInsertId() = 0;
    virtual QString lastError() const = 0;

    // A write transaction (see Transaction): taken up front, so a writer waits for other writers
    // at its start (the busy timeout) rather than failing half-way. Another writer holding the
    // lock past the timeout is an error of kind Busy.
    virtual Status beginWrite() = 0;
    // Who holds the write lock, as far as the system tells: "process 1234 (sqlite3)", a server's
    // "wang (psql, 10.0.0.7, server process 4711)"; "" when nobody or not known.
    virtual QString writeLockHolder() = 0;
    // While *cancel is set, a writer waiting for the lock gives up at once (an error of kind
    // Busy) instead of at the timeout's end; nullptr: never. Where the engine cannot stop a wait
    // half-way, it ends at the timeout.
    virtual void setWaitCancel(const std::atomic_bool *cancel) = 0;
    virtual Status commitWrite() = 0;
    virtual void rollbackWrite() = 0;
    // A read transaction: every read until its end sees the library as it was at its start.
    virtual Status beginSnapshot() = 0;
    // A transaction or snapshot is open on this connection: what it reads is one state already.
    bool inTransaction() const { return m_writeDepth > 0; }

    // See Library::changesByOthers.
    virtual Result<qint64> changesByOthers() = 0;

protected:
    Database() = default;

private:
    friend class Transaction;
    friend class ReadSnapshot;
    int m_writeDepth = 0; // transactions open on this connection, the outermost one included
};

// One read transaction (Database::beginSnapshot) until destruction: what a long read — a copy of
// the whole library — sees does not change under it. Writes inside it are savepoints of it.
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(Database &db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

    const Status &begun() const { return m_begun; }

private:
    Database &m_db;
    Status m_begun;
};

// One write transaction: begun on construction, rolled back on destruction unless commit()
// succeeded. Inside another (a copy, a batch of edits) it is a savepoint of that one: its
// rollback undoes just its own writes, and nothing is kept until the outermost commits.
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
