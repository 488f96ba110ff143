#pragma once

#include "core/Result.h"
#include "library/LibraryLocation.h"
#include "library/Stores.h"

#include <QString>

#include <memory>

namespace br {

// One open connection to a library: pages, their articles and everything people add to them,
// behind the store's interfaces (Stores.h), plus what the connection itself knows — where the
// library is, whether it can be written, who is working — and the copies kept of it. The SQLite
// file (SqliteLibrary) is one implementation; the only place with SQL is behind these.
class Library : public PageStore,
                public ArticleStore,
                public TagStore,
                public AnnotationStore,
                public SearchStore,
                public CoverageStore,
                public SavedViewStore
{
public:
    virtual ~Library();

    // Opens or creates the library at `location` and brings its schema up to date. A library
    // that cannot be written opens read-only (see isReadOnly()); `readOnly` asks for that
    // explicitly.
    static Result<std::unique_ptr<Library>> open(const LibraryLocation &location,
                                                 bool readOnly = false);
    // The same for a location as a person writes it (LibraryLocation::fromText): a path or URL.
    static Result<std::unique_ptr<Library>> open(const QString &location, bool readOnly = false);

    virtual const LibraryLocation &location() const = 0;
    // True when the library could not be opened for writing: every edit will fail.
    virtual bool isReadOnly() const = 0;
    // What the store's own check found wrong with the library when it was opened ("" when
    // nothing): a damaged library opens for reading only, so nothing is written into it.
    virtual const QString &damage() const = 0;
    // A check made after the library opened (the window's quick check of a large file, in the
    // background) found it damaged: from now on it is read only, and damage() says why.
    virtual Status foundDamaged(const QString &damage) = 0;
    // What SQLite's quick check of a library file says ("" when it is sound), on a connection of
    // its own: what the window runs in the background for a file too large to check on open. An
    // error when the file could not be checked at all (that is no damage found).
    static Result<QString> quickCheck(const QString &path);
    // Files up to this size are quick-checked as they open; larger ones only in the background.
    static constexpr qint64 kCheckedOnOpenBytes = 32LL * 1024 * 1024;
    // Who the annotations this connection adds are by.
    virtual const QString &author() const = 0;

    // Backups (see Backups): the day's, when there is none yet and the library has pages and can
    // be written (what the program does on its first open of a day; any connection, a read-only
    // one too, can make it); one to a file a person names; and a restore from one, after which
    // the library is brought to the current schema. The restore returns where the library as it
    // was before was kept.
    virtual Result<QString> dailyBackup() = 0;
    virtual Status backupTo(const QString &file) = 0;
    virtual Result<QString> restoreFrom(const QString &backup) = 0;

    // A count that grows whenever another connection — another window, the command line, a
    // colleague on the server — has committed a change since the last call: an open window
    // asks every second or so and shows the library anew. Cheap: no table is read.
    virtual Result<qint64> changesByOthers() = 0;

    // Several edits as one transaction (a copy of a whole library): every edit made while the
    // batch is open is kept only when it commits, and none when it is dropped.
    class Batch
    {
    public:
        virtual ~Batch() = default;
        virtual Status commit() = 0;
    };
    virtual Result<std::unique_ptr<Batch>> beginBatch() = 0;
    // Reads that all see the library as it was at this call, until the snapshot is dropped (a
    // copy: a colleague's re-split meanwhile is not half seen). Nothing is written through it.
    class Snapshot
    {
    public:
        virtual ~Snapshot() = default;
    };
    virtual Result<std::unique_ptr<Snapshot>> beginSnapshot() = 0;

protected:
    Library() = default;
};

} // namespace br
