#pragma once

#include "core/Result.h"

#include <QString>

namespace br {

// Where the library file is: `--db PATH` if given, else $BULLETIN_READER_DB, else library.sqlite3
// in the platform's application-data folder (created when missing, readable by its owner only).
// Without HOME (or XDG_DATA_HOME) there is no such folder: that is said, not guessed at.
Result<QString> resolveLibraryPath(const QString &commandLinePath);

} // namespace br
