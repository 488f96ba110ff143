#include "library/FileLocks.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>
#include <QStringList>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace br {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kWalWriteLockByte = 120; // the -shm file's first lock byte (sqlite3's wal.c)

// /proc/locks names a file by "MAJOR:MINOR:INODE", the device in hexadecimal.
QString lockKeyOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return QString();
    return u"%1:%2:%3"_s.arg(major(st.st_dev), 2, 16, QChar(u'0'))
        .arg(minor(st.st_dev), 2, 16, QChar(u'0'))
        .arg(static_cast<qulonglong>(st.st_ino));
}

QString describeProcess(qint64 pid)
{
    QFile comm(u"/proc/%1/comm"_s.arg(pid));
    QString name;
    if (comm.open(QIODevice::ReadOnly))
        name = QString::fromLocal8Bit(comm.readAll()).trimmed();
    // Shown to the person, in their language.
    return name.isEmpty()
               ? QCoreApplication::translate("FileLocks", "process %1").arg(pid)
               : QCoreApplication::translate("FileLocks", "process %1 (%2)").arg(pid).arg(name);
}

} // namespace

QString FileLocks::writerOf(const QString &databasePath)
{
    const QString database = lockKeyOf(databasePath);
    const QString shm = lockKeyOf(databasePath + u"-shm"_s);
    QFile locks(u"/proc/locks"_s);
    if (database.isEmpty() || !locks.open(QIODevice::ReadOnly))
        return QString();
    // "1: POSIX  ADVISORY  WRITE 1234 fd:01:5678 120 120" ("->" lines are waiters, not holders;
    // an OFD lock's process is -1, unknown).
    QStringList holders;
    QSet<qint64> seen;
    const QList<QByteArray> lines = locks.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        // SQLite's locks are POSIX ones (or open file description locks); flock() and leases are
        // somebody else's.
        if (fields.size() < 8 || (fields[1] != "POSIX" && fields[1] != "OFDLCK") ||
            fields[3] != "WRITE")
            continue;
        const qint64 pid = fields[4].toLongLong();
        const QString file = QString::fromLatin1(fields[5]);
        const qint64 start = fields[6].toLongLong();
        const qint64 end =
            fields[7] == "EOF" ? std::numeric_limits<qint64>::max() : fields[7].toLongLong();
        const bool walWriter =
            !shm.isEmpty() && file == shm && start <= kWalWriteLockByte && kWalWriteLockByte <= end;
        if ((!walWriter && file != database) || pid == ::getpid() || seen.contains(pid))
            continue;
        seen.insert(pid);
        holders.append(pid > 0 ? describeProcess(pid)
                               : QCoreApplication::translate("FileLocks", "another program"));
    }
    return holders.join(u", "_s);
}

} // namespace br
