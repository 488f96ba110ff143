#pragma once

#include <sqlite3.h>

namespace br {

// The FTS5 API of a connection, through which tokenizers and ranking functions are registered,
// or nullptr when this SQLite has no FTS5 (as documented: SELECT fts5(?1) with a bound pointer).
inline fts5_api *fts5ApiOf(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

} // namespace br
