#pragma once

#include "core/Result.h"

namespace br {

class PgDatabase;

// The library's schema on a PostgreSQL server: the file's tables, views and their meaning
// (Migrations), in the server's types, plus the search index of character pairs (SearchGrams)
// and who did what (each tag, import and note records the role that made it). Versioned in
// br_schema and brought forward in one transaction under the writers' lock; a database written by
// a newer program is refused, never touched.
namespace PgSchema {

inline constexpr int kCurrentVersion = 5;

// Brings the schema to `targetVersion` (below the current one only for tests of a migration).
Status migrate(PgDatabase &db, int targetVersion = kCurrentVersion);

} // namespace PgSchema
} // namespace br
