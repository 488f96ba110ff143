#pragma once

#include "core/Result.h"

#include <QString>

namespace br {

class Database;
class SqliteDatabase;

// The library's schema, versioned with PRAGMA user_version and migrated forward step by step in one
// transaction: either the file reaches the current version or it stays as it was. A file written by
// a newer program is refused, never touched.
namespace Migrations {

inline constexpr int kCurrentVersion = 15;

// A new article's or annotation's stable name (a random uuid, as urn:uuid IRIs in exports use
// it).
QString newUuid();

// The three campaigns, once: what every new library, file or server, starts with.
Status insertBuiltinCampaigns(Database &db);

// Reads the publication, date and page number of every page that lacks one off the page and its
// file's name (PageDetailsFinder), keeping what a person set: schema 14, on either engine.
Status findPageDetails(Database &db);

// Another program's SQLite database (a browser's history, a reference manager's library) is never
// taken for a library: refused before anything is written into it, not even the journal mode. A
// new library has no table at all, one of ours has its pages.
Status refuseOtherDatabases(SqliteDatabase &db);

// Brings `db` to `targetVersion` (the current one unless a test asks for an older schema).
Status migrate(SqliteDatabase &db, int targetVersion = kCurrentVersion);

} // namespace Migrations
} // namespace br
