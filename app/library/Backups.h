#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace br {

class SqliteDatabase;

// Copies of a library that a person can go back to, as Zotero and Anki keep them: one on the
// first open of each day and one before every schema migration, in a folder beside the library
// (library.sqlite3 → library.backups/), by SQLite's online backup API (a consistent copy while
// the library is open, other connections' commits included), each checked with
// PRAGMA integrity_check before it takes its name. The folder keeps the newest backup of each of
// the last 7 days and the newest of each of the 4 weeks before them; backups before a migration
// are kept.
namespace Backups {

QString folderFor(const QString &libraryPath);

// Writes a checked copy of `db` to `target`: written under a temporary name beside it, checked,
// then renamed over it (readable by its owner only). An existing `target` stays as it was when
// anything fails.
Status write(SqliteDatabase &db, const QString &target);

// The day's backup, when the folder has none for `today` yet; then the rotation. Returns the file
// written, or an empty string when today's was there.
Result<QString> daily(SqliteDatabase &db, const QDate &today = QDate::currentDate());

// The backup before a migration from schema `fromVersion`.
Result<QString> beforeMigration(SqliteDatabase &db, int fromVersion);

// Removes the daily backups the rotation does not keep; returns their names.
QStringList rotate(const QString &folder, const QDate &today);

// What PRAGMA quick_check finds wrong with the open database, or "" when it finds nothing.
QString quickCheck(SqliteDatabase &db);
// The newest backup of the library at `libraryPath` that passes check(), or "".
QString newest(const QString &libraryPath);

// A backup that can be restored: an SQLite file that passes PRAGMA integrity_check and holds a
// Bulletin Reader library of a schema this program knows.
Status check(const QString &file);

// Puts `backup` in place of the library `db` is open on, after checking it: the current library
// is first kept aside as a backup of its own (returned), then the backup's pages are copied onto
// it with the online backup API, in one step that other connections see whole or not at all.
Result<QString> restore(SqliteDatabase &db, const QString &backup);

} // namespace Backups
} // namespace br
