#pragma once

#include "core/Result.h"

#include <QString>

namespace br {

// Where a library is kept: a file on this computer, or a database on a server named by a URL
// (libpq's form, postgresql://USER@HOST:PORT/DBNAME or ?host=SOCKETDIR). A connection is opened
// from a location (Library::open), so everything that opens one again — the import's thread,
// the list's background search — opens the same library whatever kind it is.
class LibraryLocation final
{
public:
    enum class Kind
    {
        File,
        Server
    };

    LibraryLocation() = default;
    static LibraryLocation file(const QString &path);
    // What a person named (--db, BULLETIN_READER_DB, the window's choice): a postgresql:// or
    // postgres:// URL names a server, anything else a file.
    static LibraryLocation fromText(const QString &text);

    Kind kind() const { return m_kind; }
    bool isFile() const { return m_kind == Kind::File; }
    // The file's path (File), or the URL as given (Server): what fromText reads back.
    const QString &text() const { return m_text; }
    // For messages and titles: the file's path, or the URL with any password left out.
    QString shown() const;
    // `message` with this location's password, and its URL as given, replaced by what shown()
    // gives: for the server's own messages, which may quote them.
    QString scrubbed(QString message) const;
    // The library's short name: the file's name, or the database's.
    QString name() const;

    friend bool operator==(const LibraryLocation &, const LibraryLocation &) = default;

private:
    LibraryLocation(Kind kind, QString text) : m_kind(kind), m_text(std::move(text)) {}

    Kind m_kind = Kind::File;
    QString m_text;
};

// Where the library is: `--db PATH|URL` if given, else $BULLETIN_READER_DB, else library.sqlite3
// in the platform's application-data folder (created when missing, readable by its owner only).
// Without HOME (or XDG_DATA_HOME) there is no such folder: that is said, not guessed at.
Result<LibraryLocation> resolveLibraryLocation(const QString &commandLine);

} // namespace br
