#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <functional>

namespace br {

// Every file the program writes — exports, reports, charts — goes through here: whole or not at
// all. The content is written to a QSaveFile; every write and the final flush are checked (a
// QFileDevice buffers, so a full disk often shows only at the flush, which QSaveFile::commit()
// does not look at), and only when all succeeded is the file renamed into place. A failure leaves
// no half file and an existing file as it was, and says what the system said.
namespace OutputFile {

// Why `path` must not be written, or an empty string: it is one of the files of a library this
// process has open (the database, its -wal, -shm or journal: LibraryFiles), or it exists and is
// not a regular file (a device, a FIFO, a folder).
QString refusal(const QString &path);

using Writer = std::function<Status(QIODevice &)>;
// Refuses what `refusal` names, then writes what `write` puts on the device.
Status write(const QString &path, const Writer &write);

// `bytes` on `device`, all of them or an error with the device's reason.
Status writeAll(QIODevice &device, const QByteArray &bytes);

} // namespace OutputFile

} // namespace br
