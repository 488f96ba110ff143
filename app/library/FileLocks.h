#pragma once

#include <QString>

namespace br {

// Who holds an SQLite library's write lock, read from the system's table of file locks (Linux's
// /proc/locks; nothing elsewhere). SQLite takes POSIX advisory locks: in WAL mode a writer holds
// the exclusive lock on byte 120 of the -shm file (WAL_WRITE_LOCK), in rollback mode a write lock
// on the database file itself.
namespace FileLocks {

// "process 1234 (sqlite3)" for each other process holding the write lock on the library at
// `databasePath`, joined by ", "; "" when none is seen.
QString writerOf(const QString &databasePath);

} // namespace FileLocks

} // namespace br
