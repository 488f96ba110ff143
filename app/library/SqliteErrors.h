#pragma once

#include <QString>

struct sqlite3;

namespace br {

// What went wrong with an SQLite library file, said by its real cause rather than SQLite's
// catch-all words: "database or disk is full" names the full disk and what is free on it,
// "database disk image is malformed" a file cut short (its header promises more than it holds) or
// damaged, "file is not a database" a file that is no SQLite file at all.
namespace SqliteErrors {

// The connection's last error.
QString messageOf(sqlite3 *db);

// Why the file a connection has open cannot be read as a library, from its header as SQLite's
// own file layer reads it (so no other descriptor is opened on it; see LibraryFiles). `message`:
// what SQLite said.
QString whyUnreadable(sqlite3 *db, const QString &message);

// What is wrong when the file a connection has open holds less than its header says it does, or
// ends inside a page (a copy cut short); "" when its length is right. Reads only the header.
QString cutShort(sqlite3 *db);

} // namespace SqliteErrors

} // namespace br
