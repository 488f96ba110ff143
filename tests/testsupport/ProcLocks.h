#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <sys/stat.h>
#include <unistd.h>

namespace br::test {

// Whether this process holds a POSIX lock on `path`, as the kernel lists it in /proc/locks
// ("1: POSIX ADVISORY READ 1234 fe:00:10952933 128 128"). SQLite holds one on the database file
// and one on its -shm for as long as a WAL connection is open: losing them is the corruption trap
// of sqlite.org/howtocorrupt.html 2.2.
inline bool holdsLockOn(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly))
        return false;
    const QByteArray pid = QByteArray::number(::getpid());
    const QByteArray inodeSuffix = ':' + QByteArray::number(static_cast<qulonglong>(st.st_ino));
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        // "N:" POSIX ADVISORY READ|WRITE PID MAJ:MIN:INODE START END; "->" marks waiters.
        if (fields.size() < 6 || fields.value(1) != "POSIX" || fields.value(1) == "->")
            continue;
        if (fields.value(4) == pid && fields.value(5).endsWith(inodeSuffix))
            return true;
    }
    return false;
}

} // namespace br::test
