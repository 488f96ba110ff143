#include "library/LibraryLocation.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <sys/stat.h>

namespace br {

using namespace Qt::StringLiterals;

Result<QString> resolveLibraryPath(const QString &commandLinePath)
{
    if (!commandLinePath.isEmpty())
        return commandLinePath;
    const QString fromEnvironment = qEnvironmentVariable("BULLETIN_READER_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    // Qt would make "//.local/share/…" of an empty HOME: a folder nobody meant.
    if (qEnvironmentVariableIsEmpty("XDG_DATA_HOME") && qEnvironmentVariableIsEmpty("HOME")) {
        return Error{u"no library was named and there is no home folder to keep one in: HOME is "
                     u"not set. Set HOME, or name the library with --db PATH or "
                     u"BULLETIN_READER_DB"_s};
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (folder.isEmpty())
        return Error{u"there is no application-data folder to keep the library in"_s};
    if (!QDir(folder).exists()) {
        if (!QDir().mkpath(folder))
            return Error{u"cannot make the folder %1 for the library"_s.arg(folder)};
        // Notes are private: the folder is its owner's alone, as KeePassXC keeps its databases.
        ::chmod(QFile::encodeName(folder).constData(), 0700);
    }
    return QDir(folder).filePath(u"library.sqlite3"_s);
}

} // namespace br
