#include "library/LibraryFiles.h"

#include "core/LocalFile.h"

#include <QFileInfo>
#include <QList>
#include <QMutex>

namespace br::LibraryFiles {

namespace {

// SQLite's names for the files beside a database.
constexpr const char *kCompanionSuffixes[] = {"-wal", "-shm", "-journal"};

struct OpenLibrary
{
    QString path;
    QByteArray database; // absolute, native
    QByteArray folder;   // the folder it is in, native
    QByteArray fileName; // its name in that folder, native
};

struct Registry
{
    QMutex mutex;
    QList<OpenLibrary> open; // one entry per connection
};

Registry &registry()
{
    static Registry r;
    return r;
}

bool sameFile(const std::optional<LocalFile::Identity> &a, const QByteArray &b)
{
    return a && a == LocalFile::identity(b);
}

// The folder a path is in and its name there, resolving a link in the last part so that a link
// to a library's future -wal is caught too.
std::pair<QByteArray, QByteArray> folderAndName(const QByteArray &nativePath)
{
    const QFileInfo info(QFile::decodeName(nativePath));
    const QFileInfo target = info.isSymLink() ? QFileInfo(info.symLinkTarget()) : info;
    return {LocalFile::nativePath(target.absolutePath()), LocalFile::nativePath(target.fileName())};
}

} // namespace

void add(const QString &databasePath)
{
    // Where SQLite keeps the -wal and -shm: beside the file a link to the database points to.
    const QFileInfo given(databasePath);
    const QFileInfo info(given.exists() ? given.canonicalFilePath() : given.absoluteFilePath());
    OpenLibrary entry{databasePath, LocalFile::nativePath(info.absoluteFilePath()),
                      LocalFile::nativePath(info.absolutePath()),
                      LocalFile::nativePath(info.fileName())};
    QMutexLocker lock(&registry().mutex);
    registry().open.append(std::move(entry));
}

void remove(const QString &databasePath)
{
    QMutexLocker lock(&registry().mutex);
    QList<OpenLibrary> &open = registry().open;
    for (qsizetype i = 0; i < open.size(); ++i) {
        if (open[i].path == databasePath) {
            open.removeAt(i);
            return;
        }
    }
}

bool contains(const QByteArray &nativePath)
{
    QMutexLocker lock(&registry().mutex);
    if (registry().open.isEmpty())
        return false;
    const std::optional<LocalFile::Identity> candidate = LocalFile::identity(nativePath);
    const auto [folder, name] = folderAndName(nativePath);
    const std::optional<LocalFile::Identity> candidateFolder = LocalFile::identity(folder);
    for (const OpenLibrary &library : registry().open) {
        if (sameFile(candidate, library.database))
            return true;
        const bool besideIt = sameFile(candidateFolder, library.folder);
        if (besideIt && name == library.fileName)
            return true;
        for (const char *suffix : kCompanionSuffixes) {
            const QByteArray companion = library.fileName + suffix;
            if (besideIt && name == companion)
                return true;
            if (sameFile(candidate, library.folder + '/' + companion))
                return true; // a hard link or a link to it
        }
    }
    return false;
}

} // namespace br::LibraryFiles
