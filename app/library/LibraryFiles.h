#pragma once

#include <QByteArray>
#include <QString>

namespace br {

// The files SQLite keeps for every library this process has open: the database and, beside it,
// its -wal, -shm and -journal. SQLite's locks on them are POSIX advisory locks, which belong to
// the process: one close() of any descriptor on the file, by anyone in the process, drops them all
// (sqlite.org/howtocorrupt.html, 2.2), and another process then takes itself for the last
// connection, checkpoints and deletes the WAL this one still uses. So nothing but SQLite may open
// these files: whatever is about to open a path (the importer, every export) asks here first,
// before its open(), by the file's device and inode and by its name beside the database (a -wal
// that does not exist yet is still the library's).
namespace LibraryFiles {

// Called by Database when a connection opens and closes; counted, so two connections to one
// library keep it registered until both are closed.
void add(const QString &databasePath);
void remove(const QString &databasePath);

// Whether `nativePath` is, or will be, one of the files of a library this process has open.
bool contains(const QByteArray &nativePath);

} // namespace LibraryFiles

} // namespace br
