#include "LibraryWindowLock.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

#include <unistd.h>

namespace br::ui {

namespace {

constexpr int kHandOverTimeoutMs = 2000;

QString serverName(const QString &libraryPath)
{
    const QFileInfo info(libraryPath);
    const QString canonical = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    const QByteArray key = QString::number(::getuid()).toUtf8() + '\0' + canonical.toUtf8();
    return QStringLiteral("bulletin-reader-") +
           QString::fromLatin1(
               QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
}

} // namespace

LibraryWindowLock::LibraryWindowLock(const QString &libraryPath, QObject *parent)
    : QObject(parent), m_name(serverName(libraryPath))
{
}

bool LibraryWindowLock::handOver() const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(kHandOverTimeoutMs))
        return false;
    socket.write("activate\n");
    socket.waitForBytesWritten(kHandOverTimeoutMs);
    socket.disconnectFromServer();
    return true;
}

bool LibraryWindowLock::claim()
{
    if (handOver())
        return false;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // Another start took the name in the meantime, or a window that crashed left its
        // socket: only a socket nobody answers on is removed.
        if (handOver())
            return false;
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name))
            return true; // no local sockets here: the window works, without the hand-over
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            Q_EMIT activationRequested();
        }
    });
    return true;
}

} // namespace br::ui
