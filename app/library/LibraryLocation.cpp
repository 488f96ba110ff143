#include "library/LibraryLocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

#include <sys/stat.h>

namespace br {

using namespace Qt::StringLiterals;

LibraryLocation LibraryLocation::file(const QString &path)
{
    return LibraryLocation(Kind::File, path);
}

LibraryLocation LibraryLocation::fromText(const QString &text)
{
    // libpq knows the scheme in lower case only: POSTGRESQL://… would be read as key=value
    // settings, and its complaint would quote the whole URL, password and all.
    for (const QString &scheme : {u"postgresql://"_s, u"postgres://"_s}) {
        if (text.startsWith(scheme, Qt::CaseInsensitive))
            return LibraryLocation(Kind::Server, scheme + text.mid(scheme.size()));
    }
    return file(text);
}

QString LibraryLocation::shown() const
{
    if (m_kind == Kind::File)
        return m_text;
    QUrl url(m_text);
    if (!url.isValid())
        return m_text.section(u'@', -1); // whatever came before an @ may hold a password
    url.setPassword(QString());
    QUrlQuery query(url);
    query.removeAllQueryItems(u"password"_s);
    url.setQuery(query);
    return url.toString();
}

QString LibraryLocation::scrubbed(QString message) const
{
    if (m_kind == Kind::File)
        return message;
    message.replace(m_text, shown());
    const QUrl url(m_text);
    const QString password = url.password(QUrl::FullyDecoded);
    if (!password.isEmpty())
        message.replace(password, u"***"_s);
    const QString passwordAsWritten = url.password(QUrl::FullyEncoded);
    if (!passwordAsWritten.isEmpty())
        message.replace(passwordAsWritten, u"***"_s);
    const QString fromQuery = QUrlQuery(url).queryItemValue(u"password"_s);
    if (!fromQuery.isEmpty())
        message.replace(fromQuery, u"***"_s);
    return message;
}

QString LibraryLocation::name() const
{
    if (m_kind == Kind::File)
        return QFileInfo(m_text).fileName();
    const QString database = QUrl(m_text).path().section(u'/', -1);
    return database.isEmpty() ? shown() : database;
}

Result<LibraryLocation> resolveLibraryLocation(const QString &commandLine)
{
    if (!commandLine.isEmpty())
        return LibraryLocation::fromText(commandLine);
    const QString fromEnvironment = qEnvironmentVariable("BULLETIN_READER_DB");
    if (!fromEnvironment.isEmpty())
        return LibraryLocation::fromText(fromEnvironment);
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
    return LibraryLocation::file(QDir(folder).filePath(u"library.sqlite3"_s));
}

} // namespace br
