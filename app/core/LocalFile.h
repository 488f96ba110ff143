#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <sys/types.h>

namespace br {

// File names as the operating system holds them: bytes, not text. A name that is not valid UTF-8
// (Latin-1 or GBK bytes from another machine) can still be opened by its bytes, and is shown by
// `displayName`, never dropped or guessed.
namespace LocalFile {

// `path` as the bytes the system calls take (QFile::encodeName).
QByteArray nativePath(const QString &path);

// A name or path for people: the UTF-8 it holds, each byte that is not UTF-8 as \xNN and each
// control character as \xNN too (so a name can not move a terminal's cursor or fake a line).
QString displayName(const QByteArray &nativePath);

// Which file a path names, as the kernel knows it (stat, following links): two paths name the same
// file when both fields are equal.
struct Identity
{
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const Identity &) const = default;
};
// nullopt when the path names nothing (or cannot be looked at).
std::optional<Identity> identity(const QByteArray &nativePath);

// What a path names when it is not a regular file, in words ("a FIFO (named pipe)", "a device",
// "a socket", "a folder"), or an empty string when it is a regular file or names nothing.
QString irregularKind(const QByteArray &nativePath);

// The whole content of a regular file, and nothing else: a FIFO, a device or a socket is refused
// before it is opened (a FIFO with no writer blocks, /dev/zero never ends), and so is a file larger
// than `maxBytes` — checked before reading and again while reading, for a file that grows. The
// descriptor is opened with O_NONBLOCK and checked with fstat, so a file swapped for a FIFO between
// the two looks is refused as well.
Result<QByteArray> readRegular(const QByteArray &nativePath, qint64 maxBytes);

// "12 MB" for messages about sizes.
QString megabytes(qint64 bytes);

} // namespace LocalFile

} // namespace br
