#include "library/LibraryLocation.h"

#include <QDir>
#include <QStandardPaths>

namespace br {

using namespace Qt::StringLiterals;

QString resolveLibraryPath(const QString &commandLinePath)
{
    if (!commandLinePath.isEmpty())
        return commandLinePath;
    const QString fromEnvironment = qEnvironmentVariable("BULLETIN_READER_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(u"library.sqlite3"_s);
}

} // namespace br
