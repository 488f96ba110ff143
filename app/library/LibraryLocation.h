#pragma once

#include <QString>

namespace br {

// Where the library file is: `--db PATH` if given, else $BULLETIN_READER_DB, else library.sqlite3
// in the platform's application-data folder (created when missing).
QString resolveLibraryPath(const QString &commandLinePath);

} // namespace br
