#include "core/LocalFile.h"

#include "core/SafeText.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace br::LocalFile {

using namespace Qt::StringLiterals;

namespace {

// The length of the UTF-8 sequence at `bytes[i]` and its code point, or 0 when it is not one
// (a stray continuation byte, a truncated or overlong sequence, a surrogate, past U+10FFFF).
int utf8Sequence(const QByteArray &bytes, qsizetype i, char32_t &codePoint)
{
    const auto byte = [&](qsizetype k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = byte(i);
    int length = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        codePoint = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        codePoint = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        codePoint = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        codePoint = lead & 0x07;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (byte(i + k) & 0x3F);
    }
    if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

QString kindOf(mode_t mode)
{
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        return QCoreApplication::translate("LocalFile", "a folder");
    if (S_ISFIFO(mode))
        return QCoreApplication::translate("LocalFile", "a FIFO (named pipe)");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QCoreApplication::translate("LocalFile", "a device");
    if (S_ISSOCK(mode))
        return QCoreApplication::translate("LocalFile", "a socket");
    return QCoreApplication::translate("LocalFile", "not a regular file");
}

Error systemError(const char *what, int error)
{
    return Error{u"%1: %2"_s.arg(QCoreApplication::translate("LocalFile", what),
                                 QString::fromLocal8Bit(std::strerror(error)))};
}

Error tooLarge(qint64 size, qint64 maxBytes)
{
    // Just over the limit reads "64 MB; at most 64 MB" in megabytes: then in bytes.
    const QString shown = megabytes(size) == megabytes(maxBytes)
                              ? QCoreApplication::translate("LocalFile", "%1 bytes").arg(size)
                              : megabytes(size);
    return Error{QCoreApplication::translate("LocalFile", "is too large (%1; at most %2)")
                     .arg(shown, megabytes(maxBytes))};
}

} // namespace

QByteArray nativePath(const QString &path)
{
    return QFile::encodeName(path);
}

QString displayName(const QByteArray &nativePath)
{
    QString shown;
    shown.reserve(nativePath.size());
    for (qsizetype i = 0; i < nativePath.size();) {
        char32_t c = 0;
        const int length = utf8Sequence(nativePath, i, c);
        if (length == 0) {
            shown += u"\\x%1"_s.arg(static_cast<uint>(static_cast<unsigned char>(nativePath[i])), 2,
                                    16, QChar(u'0'));
            ++i;
            continue;
        }
        shown += SafeText::isControl(c) ? SafeText::escape(c) : QString::fromUcs4(&c, 1);
        i += length;
    }
    return shown;
}

std::optional<Identity> identity(const QByteArray &nativePath)
{
    struct stat st;
    if (::stat(nativePath.constData(), &st) != 0)
        return std::nullopt;
    return Identity{st.st_dev, st.st_ino};
}

QString irregularKind(const QByteArray &nativePath)
{
    struct stat st;
    if (::stat(nativePath.constData(), &st) != 0)
        return {};
    return kindOf(st.st_mode);
}

Result<QByteArray> readRegular(const QByteArray &nativePath, qint64 maxBytes)
{
    struct stat st;
    if (::stat(nativePath.constData(), &st) != 0)
        return errno == ENOENT ? Error{QCoreApplication::translate("LocalFile", "does not exist")}
                               : systemError("cannot be read", errno);
    if (const QString kind = kindOf(st.st_mode); !kind.isEmpty())
        return Error{QCoreApplication::translate("LocalFile", "is %1, not a page file").arg(kind)};
    if (st.st_size > maxBytes)
        return tooLarge(st.st_size, maxBytes);

    const int fd = ::open(nativePath.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return systemError("cannot be read", errno);
    struct Closer
    {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    if (::fstat(fd, &st) != 0)
        return systemError("cannot be read", errno);
    if (const QString kind = kindOf(st.st_mode); !kind.isEmpty())
        return Error{QCoreApplication::translate("LocalFile", "is %1, not a page file").arg(kind)};

    QByteArray bytes;
    bytes.resize(static_cast<qsizetype>(std::min<qint64>(st.st_size, maxBytes)) + 1);
    qsizetype filled = 0;
    for (;;) {
        if (filled == bytes.size()) {
            if (filled > maxBytes)
                return tooLarge(filled, maxBytes);
            bytes.resize(std::min<qsizetype>(bytes.size() * 2 + 4096, maxBytes + 1));
        }
        const ssize_t n =
            ::read(fd, bytes.data() + filled, static_cast<size_t>(bytes.size() - filled));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return systemError("cannot be read", errno);
        }
        if (n == 0)
            break;
        filled += n;
    }
    if (filled > maxBytes)
        return tooLarge(filled, maxBytes);
    bytes.truncate(filled);
    return bytes;
}

QString megabytes(qint64 bytes)
{
    return QCoreApplication::translate("LocalFile", "%1 MB")
        .arg(static_cast<double>(bytes) / (1024.0 * 1024.0), 0, 'f',
             bytes < 10 * 1024 * 1024 ? 1 : 0);
}

} // namespace br::LocalFile
