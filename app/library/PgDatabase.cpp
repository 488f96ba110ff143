#include "library/PgDatabase.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStringList>

#include <libpq-fe.h>

namespace br {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPg, "br.library.postgres")

namespace {

// The result of one simple query; the server's message when it failed.
Status simpleQuery(pg_conn *conn, const char *sql)
{
    PGresult *result = PQexec(conn, sql);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    Status outcome;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        outcome = Error{result ? QString::fromUtf8(PQresultErrorMessage(result)).trimmed()
                               : PgDatabase::messageOf(conn)};
    PQclear(result);
    return outcome;
}

} // namespace

PgStatement::PgStatement(PgDatabase &db, const char *sql, QByteArray name)
    : m_db(db), m_sql(toServerSql(sql)), m_name(std::move(name))
{
}

PgStatement::~PgStatement()
{
    PQclear(m_result);
}

QByteArray PgStatement::toServerSql(const char *sql)
{
    QByteArray out;
    char quote = 0;
    for (const char *p = sql; *p; ++p) {
        const char c = *p;
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?' && p[1] >= '0' && p[1] <= '9') {
            out.append('$');
            continue;
        }
        out.append(c);
    }
    return out;
}

PgStatement &PgStatement::reset()
{
    PQclear(m_result);
    m_result = nullptr;
    m_row = -1;
    m_parameters.clear();
    m_error.clear();
    m_bindError.clear();
    return *this;
}

PgStatement &PgStatement::setParameter(int index, std::optional<QByteArray> value)
{
    if (index < 1)
        return *this;
    if (m_parameters.size() < static_cast<size_t>(index))
        m_parameters.resize(static_cast<size_t>(index));
    m_parameters[static_cast<size_t>(index - 1)] = std::move(value);
    return *this;
}

PgStatement &PgStatement::bind(int index, QStringView text)
{
    return bindUtf8(index, text.toUtf8());
}

PgStatement &PgStatement::bindUtf8(int index, QByteArray utf8)
{
    // libpq sends a text value up to its first NUL, and the server stores no NUL in text: such a
    // value is refused whole rather than kept cut short.
    if (utf8.contains('\0'))
        m_bindError = u"a text holds a NUL character (U+0000), which a PostgreSQL server cannot "
                      u"store"_s;
    return setParameter(index, std::move(utf8));
}

PgStatement &PgStatement::bind(int index, qint64 value)
{
    return setParameter(index, QByteArray::number(value));
}

PgStatement &PgStatement::bind(int index, double value)
{
    return setParameter(index, QByteArray::number(value, 'g', 17));
}

PgStatement &PgStatement::bindNull(int index)
{
    return setParameter(index, std::nullopt);
}

bool PgStatement::execute()
{
    if (!m_bindError.isEmpty()) {
        m_error = m_bindError;
        return false;
    }
    pg_conn *conn = m_db.handle();
    if (!m_prepared) {
        PGresult *prepared = PQprepare(conn, m_name.constData(), m_sql.constData(), 0, nullptr);
        const bool ok = prepared && PQresultStatus(prepared) == PGRES_COMMAND_OK;
        if (!ok)
            m_error = prepared ? QString::fromUtf8(PQresultErrorMessage(prepared)).trimmed()
                               : PgDatabase::messageOf(conn);
        PQclear(prepared);
        if (!ok) {
            qCCritical(lcPg) << "SQL does not prepare:" << m_error << m_sql;
            return false;
        }
        m_prepared = true;
    }
    std::vector<const char *> values;
    std::vector<int> lengths;
    values.reserve(m_parameters.size());
    lengths.reserve(m_parameters.size());
    for (const std::optional<QByteArray> &p : m_parameters) {
        values.push_back(p ? p->constData() : nullptr);
        lengths.push_back(p ? static_cast<int>(p->size()) : 0);
    }
    PQclear(m_result);
    m_result = PQexecPrepared(conn, m_name.constData(), static_cast<int>(values.size()),
                              values.data(), lengths.data(), nullptr, 0);
    const ExecStatusType status = m_result ? PQresultStatus(m_result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        m_error = m_result ? QString::fromUtf8(PQresultErrorMessage(m_result)).trimmed()
                           : PgDatabase::messageOf(conn);
        PQclear(m_result);
        m_result = nullptr;
        return false;
    }
    m_row = -1;
    return true;
}

Statement::Step PgStatement::step()
{
    if (!m_result && !execute())
        return Step::Error;
    if (++m_row < PQntuples(m_result))
        return Step::Row;
    return Step::Done;
}

Status PgStatement::run()
{
    PQclear(m_result);
    m_result = nullptr;
    const bool ok = execute();
    // The bindings stay for another run, as SQLite keeps them.
    return ok ? Status::success() : Status(Error{m_error});
}

QString PgStatement::text(int column) const
{
    if (!m_result)
        return QString();
    const char *value = PQgetvalue(m_result, m_row, column);
    return QString::fromUtf8(value, PQgetlength(m_result, m_row, column));
}

qint64 PgStatement::int64(int column) const
{
    if (!m_result)
        return 0;
    const char *value = PQgetvalue(m_result, m_row, column);
    // Truth values come as t / f: 1 and 0, as SQLite gives them.
    if (value[0] == 't' && value[1] == 0)
        return 1;
    if (value[0] == 'f' && value[1] == 0)
        return 0;
    return QByteArray(value).toLongLong();
}

double PgStatement::real(int column) const
{
    return m_result ? QByteArray(PQgetvalue(m_result, m_row, column)).toDouble() : 0.0;
}

bool PgStatement::isNull(int column) const
{
    return !m_result || PQgetisnull(m_result, m_row, column) == 1;
}

QString PgStatement::errorMessage() const
{
    return m_error;
}

PgDatabase::PgDatabase(pg_conn *conn, bool readOnly) : m_conn(conn), m_readOnly(readOnly) {}

PgDatabase::~PgDatabase()
{
    m_statements.clear();
    PQfinish(m_conn);
}

QString PgDatabase::messageOf(pg_conn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}

Result<std::unique_ptr<PgDatabase>> PgDatabase::open(const QString &url, bool readOnly)
{
    const QByteArray info = url.toUtf8();
    pg_conn *conn = PQconnectdb(info.constData());
    if (!conn)
        return Error{u"cannot reach the server: out of memory"_s};
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString message = messageOf(conn);
        PQfinish(conn);
        return Error{u"cannot connect to the server: %1"_s.arg(message)};
    }
    std::unique_ptr<PgDatabase> db(new PgDatabase(conn, readOnly));
    const QByteArray setup =
        "SET client_encoding = 'UTF8'; SET lock_timeout = " + QByteArray::number(kLockTimeoutMs) +
        "; SET client_min_messages = warning; LISTEN br_library_changed;" +
        (readOnly ? " SET default_transaction_read_only = on;" : "");
    if (Status s = simpleQuery(conn, setup.constData()); !s)
        return Error{u"cannot set up the connection: %1"_s.arg(s.errorMessage())};
    PreparedStatement who = db->prepared("SELECT current_user");
    if (!who || who->step() != Statement::Step::Row)
        return Error{u"cannot ask the server who this is: %1"_s.arg(db->lastError())};
    db->m_user = who->text(0);
    return db;
}

PreparedStatement PgDatabase::prepared(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        const QByteArray name = "br" + QByteArray::number(++m_statementCount);
        it = m_statements.emplace(sql, std::make_unique<PgStatement>(*this, sql, name)).first;
    }
    it->second->reset();
    return PreparedStatement(it->second.get());
}

Status PgDatabase::execScript(const char *sql)
{
    return simpleQuery(m_conn, sql);
}

qint64 PgDatabase::lastInsertId()
{
    PreparedStatement s = prepared("SELECT lastval()");
    return s && s->step() == Statement::Step::Row ? s->int64(0) : 0;
}

QString PgDatabase::lastError() const
{
    return messageOf(m_conn);
}

Status PgDatabase::beginWrite()
{
    if (m_readOnly)
        return Error{u"the library is open for reading only"_s};
    if (Status s = simpleQuery(m_conn, "BEGIN"); !s)
        return s;
    // Another writer holding the lock longer than lock_timeout: said as SQLite says it.
    PreparedStatement lock = prepared("SELECT pg_advisory_xact_lock(?1)");
    if (!lock || lock->bind(1, kWriterLock).step() != Statement::Step::Row) {
        const QString message = lock ? lock->errorMessage() : lastError();
        // Only a lock_timeout that ran out is worth waiting for again; a lost connection is not.
        const bool timedOut = lock && static_cast<PgStatement &>(*lock).sqlState() == "55P03";
        (void)simpleQuery(m_conn, "ROLLBACK");
        if (!timedOut)
            return Error{u"cannot take the writers' lock: %1"_s.arg(message)};
        return Error{u"the library is busy (another person is saving): %1"_s.arg(message),
                     Error::Kind::Busy};
    }
    return {};
}

QByteArray PgStatement::sqlState() const
{
    const char *state = m_result ? PQresultErrorField(m_result, PG_DIAG_SQLSTATE) : nullptr;
    return state ? QByteArray(state) : QByteArray();
}

QString PgDatabase::writeLockHolder()
{
    // An advisory lock on a bigint key shows as classid (high half) and objid (low half).
    PreparedStatement holder = prepared(
        "SELECT a.pid, coalesce(a.usename, ''), coalesce(a.application_name, ''), "
        "coalesce(host(a.client_addr), '') FROM pg_locks l JOIN pg_stat_activity a "
        "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
        "AND ((l.classid::bigint << 32) | l.objid::bigint) = ?1 AND l.pid <> pg_backend_pid()");
    if (!holder || holder->bind(1, kWriterLock).step() != Statement::Step::Row)
        return QString();
    QStringList about;
    for (int column : {2, 3}) {
        if (!holder->text(column).isEmpty())
            about.append(holder->text(column));
    }
    about.append(
        QCoreApplication::translate("FileLocks", "server process %1").arg(holder->int64(0)));
    const QString who = holder->text(1).isEmpty()
                            ? QCoreApplication::translate("FileLocks", "another connection")
                            : holder->text(1);
    return u"%1 (%2)"_s.arg(who, about.join(u", "_s));
}

Status PgDatabase::commitWrite()
{
    // Delivered to the listeners when, and only when, the transaction commits.
    if (Status s = simpleQuery(m_conn, "NOTIFY br_library_changed"); !s)
        return s;
    return simpleQuery(m_conn, "COMMIT");
}

Result<qint64> PgDatabase::changesByOthers()
{
    if (PQconsumeInput(m_conn) != 1)
        return Error{messageOf(m_conn)};
    const int self = PQbackendPID(m_conn);
    while (PGnotify *notification = PQnotifies(m_conn)) {
        if (notification->be_pid != self)
            ++m_changesByOthers;
        PQfreemem(notification);
    }
    return m_changesByOthers;
}

Status PgDatabase::beginSnapshot()
{
    return simpleQuery(m_conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

void PgDatabase::rollbackWrite()
{
    (void)simpleQuery(m_conn, "ROLLBACK");
}

} // namespace br
