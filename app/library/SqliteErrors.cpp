#include "library/SqliteErrors.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <sqlite3.h>

#include <array>
#include <sys/statvfs.h>

namespace br {

using namespace Qt::StringLiterals;

namespace {

QString mainFile(sqlite3 *db)
{
    const char *file = sqlite3_db_filename(db, "main");
    return file ? QString::fromUtf8(file) : QString();
}

// -1 when the system does not tell.
qint64 freeBytesOf(const QString &folder)
{
    struct statvfs volume
    {
    };
    if (::statvfs(QFile::encodeName(folder).constData(), &volume) != 0)
        return -1;
    return static_cast<qint64>(volume.f_bavail) * static_cast<qint64>(volume.f_frsize);
}

quint32 bigEndian(const unsigned char *bytes, int count)
{
    quint32 value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8) | bytes[i];
    return value;
}

} // namespace

QString SqliteErrors::messageOf(sqlite3 *db)
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    const int code = sqlite3_extended_errcode(db);
    if ((code & 0xff) != SQLITE_FULL && (code & 0xff) != SQLITE_IOERR)
        return message;
    // An I/O error on a disk with next to nothing free is the full disk too: SQLite cannot even
    // make the library's shared-memory file (-shm) there, and calls that an I/O error.
    const QString folder = QFileInfo(mainFile(db)).absolutePath();
    const qint64 free = freeBytesOf(folder);
    constexpr qint64 kNextToNothing = 256 * 1024;
    if ((code & 0xff) == SQLITE_FULL && free >= kNextToNothing)
        return u"the disk holding SQLite's temporary files is full (TMPDIR, else /var/tmp or "
               u"/tmp; %1 has %2 free); nothing of this change was saved (%3)"_s.arg(
                   folder,
                   QLocale::c().formattedDataSize(free, 1, QLocale::DataSizeTraditionalFormat),
                   message);
    if ((code & 0xff) == SQLITE_FULL || (free >= 0 && free < kNextToNothing))
        return u"the disk holding %1 is full (%2 free); nothing of this change was saved (%3)"_s
            .arg(folder,
                 QLocale::c().formattedDataSize(std::max<qint64>(free, 0), 1,
                                                QLocale::DataSizeTraditionalFormat),
                 message);
    return u"the disk could not be read or written (%1, error %2)"_s.arg(message).arg(code);
}

QString SqliteErrors::whyUnreadable(sqlite3 *db, const QString &message)
{
    sqlite3_file *file = nullptr;
    sqlite3_int64 size = -1;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
        !file->pMethods || file->pMethods->xFileSize(file, &size) != SQLITE_OK)
        return u"it cannot be read as a library (%1)"_s.arg(message);
    std::array<unsigned char, 100> header{};
    const int read = file->pMethods->xRead(file, header.data(), static_cast<int>(header.size()), 0);
    static constexpr char kMagic[] = "SQLite format 3";
    const bool magic = std::equal(kMagic, kMagic + sizeof kMagic, header.begin());
    if (!magic) {
        if (size < static_cast<sqlite3_int64>(sizeof kMagic))
            return u"it is not a Bulletin Reader library: it holds only %1 bytes, not even the "
                   u"start of a database"_s.arg(size);
        return u"it is not a Bulletin Reader library: it is no SQLite database at all (%1)"_s.arg(
            message);
    }
    if (read != SQLITE_OK || size < static_cast<sqlite3_int64>(header.size()))
        return u"it is cut short: %1 bytes are left of it, less than a database's header; it "
               u"looks like a copy that stopped part-way"_s.arg(size);
    if (const QString cut = cutShort(db); !cut.isEmpty())
        return u"%1 (%2)"_s.arg(cut, message);
    // Not the file's fault: the disk's (full, or failing), or a lock, or the folder's rights.
    const int code = sqlite3_extended_errcode(db) & 0xff;
    if (code == SQLITE_IOERR || code == SQLITE_FULL)
        return u"it cannot be read: %1"_s.arg(messageOf(db));
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        return u"it is damaged (%1)"_s.arg(message);
    return u"it cannot be opened (%1)"_s.arg(message);
}

QString SqliteErrors::cutShort(sqlite3 *db)
{
    // Pages still in the write-ahead log are the library's too: a checkpoint that a full disk
    // stopped half-way leaves a file shorter than its header until the next one ends it. (stat()
    // opens nothing.)
    if (QFileInfo(mainFile(db) + u"-wal"_s).size() > 0)
        return QString();
    sqlite3_file *file = nullptr;
    sqlite3_int64 size = -1;
    std::array<unsigned char, 100> header{};
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
        !file->pMethods || file->pMethods->xFileSize(file, &size) != SQLITE_OK || size < 100 ||
        file->pMethods->xRead(file, header.data(), static_cast<int>(header.size()), 0) != SQLITE_OK)
        return QString();
    quint32 pageSize = bigEndian(header.data() + 16, 2);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pages = bigEndian(header.data() + 28, 4);
    // The size in the header is trusted only when its change counter agrees (as SQLite does).
    const bool sizeValid = bigEndian(header.data() + 24, 4) == bigEndian(header.data() + 92, 4);
    const sqlite3_int64 promised = static_cast<sqlite3_int64>(pageSize) * pages;
    if (pageSize < 512 || ((!sizeValid || size >= promised) && size % pageSize == 0))
        return QString();
    return u"it is cut short: its header says %1 bytes, but the file holds %2; it looks like a "
           u"copy that stopped part-way, or one written to a disk that filled up"_s.arg(promised)
               .arg(size);
}

} // namespace br
