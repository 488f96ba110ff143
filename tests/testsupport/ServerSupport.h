#pragma once

// For the suites of a library on a server: a database of its own on the test server that ctest
// starts (scripts/test-postgres.sh, the fixture "postgres"), made afresh for each test.
#include "library/PgDatabase.h"

#include <QString>
#include <QtGlobal>

namespace br::test {

// The URL of the test server's maintenance database.
inline QString serverUrl()
{
    const QString url = qEnvironmentVariable("BR_TEST_POSTGRES");
    if (url.isEmpty())
        qFatal("BR_TEST_POSTGRES is not set: run this suite through ctest (scripts/test.sh), "
               "which starts the test server");
    return url;
}

// A new, empty database `name` (letters, digits and _ only) on the test server, and its URL.
inline QString freshServerLibrary(const QString &name)
{
    const QString admin = serverUrl();
    Result<std::unique_ptr<PgDatabase>> db = PgDatabase::open(admin, false);
    if (!db)
        qFatal("cannot reach the test server: %s", qPrintable(db.errorMessage()));
    const QByteArray quoted = '"' + name.toLatin1() + '"';
    const QList<QByteArray> statements{"DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)",
                                       "CREATE DATABASE " + quoted};
    for (const QByteArray &sql : statements) {
        if (Status s = db.value()->execScript(sql.constData()); !s)
            qFatal("%s: %s", sql.constData(), qPrintable(s.errorMessage()));
    }
    QString url = admin;
    url.replace(QStringLiteral("/postgres?"), u'/' + name + u'?');
    return url;
}

// A login role `name` on the test server that may read and write every table (as a team's
// administrator makes each coder: GRANT pg_read_all_data, pg_write_all_data).
inline void serverRole(const QString &name)
{
    Result<std::unique_ptr<PgDatabase>> db = PgDatabase::open(serverUrl(), false);
    if (!db)
        qFatal("cannot reach the test server: %s", qPrintable(db.errorMessage()));
    const QByteArray role = name.toLatin1();
    const QByteArray sql = "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" +
                           role + "') THEN CREATE ROLE \"" + role +
                           "\" LOGIN; END IF; END $$; GRANT pg_read_all_data, pg_write_all_data "
                           "TO \"" +
                           role + "\"";
    if (Status s = db.value()->execScript(sql.constData()); !s)
        qFatal("%s: %s", sql.constData(), qPrintable(s.errorMessage()));
}

} // namespace br::test
