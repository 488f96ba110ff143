#pragma once

#include "library/Database.h"

#include <map>
#include <memory>
#include <optional>
#include <vector>

struct pg_conn;
struct pg_result;

namespace br {

class PgDatabase;

// One statement on a PostgreSQL server over libpq: the store's SQL with its ?N parameters written
// as $N, prepared on the server at its first use, every value sent as text with its length (the
// server infers each parameter's type from where it stands) and every result read as text.
class PgStatement final : public Statement
{
public:
    PgStatement(PgDatabase &db, const char *sql, QByteArray name);
    ~PgStatement() override;

    using Statement::bind;
    PgStatement &reset() override;
    PgStatement &bind(int index, QStringView text) override;
    PgStatement &bindUtf8(int index, QByteArray utf8) override;
    PgStatement &bind(int index, qint64 value) override;
    PgStatement &bind(int index, double value) override;
    PgStatement &bindNull(int index) override;

    Step step() override;
    Status run() override;

    QString text(int column) const override;
    qint64 int64(int column) const override;
    double real(int column) const override;
    bool isNull(int column) const override;
    QString errorMessage() const override;
    // The SQLSTATE of the last failure ("55P03": lock_timeout ran out), "" when none.
    QByteArray sqlState() const;

    // ?N as $N, outside quoted strings and identifiers.
    static QByteArray toServerSql(const char *sql);

private:
    bool execute();
    PgStatement &setParameter(int index, std::optional<QByteArray> value);

    PgDatabase &m_db;
    QByteArray m_sql;
    QByteArray m_name; // of the server's prepared statement; empty until prepared
    bool m_prepared = false;
    std::vector<std::optional<QByteArray>> m_parameters;
    pg_result *m_result = nullptr;
    int m_row = -1;
    QString m_error;
    QString m_bindError; // a value the server cannot take, said when the statement runs
};

// A connection to a library on a PostgreSQL server, named by a URL in libpq's form. Writers take
// the library's advisory lock at the start of their transaction, as SQLite's BEGIN IMMEDIATE
// takes the file's: one writer at a time, each waiting at most kLockTimeoutMs for the others.
class PgDatabase final : public Database
{
public:
    ~PgDatabase() override;

    static Result<std::unique_ptr<PgDatabase>> open(const QString &url, bool readOnly);

    pg_conn *handle() const { return m_conn; }

    Engine engine() const override { return Engine::Postgres; }
    PreparedStatement prepared(const char *sql) override;
    Status execScript(const char *sql) override;

    bool isReadOnly() const override { return m_readOnly; }
    qint64 lastInsertId() override;
    QString lastError() const override;

    Status beginWrite() override;
    // From pg_locks and pg_stat_activity: the session holding the writers' advisory lock.
    QString writeLockHolder() override;
    // A wait for the lock ends at lock_timeout: libpq's wait is not cut short here.
    void setWaitCancel(const std::atomic_bool *) override {}
    Status commitWrite() override;
    void rollbackWrite() override;
    Status beginSnapshot() override;
    // Every write transaction notifies the channel br_library_changed as it commits, and every
    // connection listens: the count of notifications from other connections read so far.
    Result<qint64> changesByOthers() override;

    // The role this connection works as: who its tags, notes and imports are by.
    const QString &user() const { return m_user; }
    // The server's message for the last failed call.
    static QString messageOf(pg_conn *conn);

    static constexpr int kLockTimeoutMs = 5000;
    // The advisory lock every writer of a library takes (an arbitrary constant of ours).
    static constexpr qint64 kWriterLock = 0x4272'5265'6164; // "BrRead"

private:
    PgDatabase(pg_conn *conn, bool readOnly);

    pg_conn *m_conn = nullptr;
    bool m_readOnly = false;
    QString m_user;
    int m_statementCount = 0;
    qint64 m_changesByOthers = 0;
    std::map<const char *, std::unique_ptr<PgStatement>> m_statements;
};

} // namespace br
