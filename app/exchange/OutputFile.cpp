#include "exchange/OutputFile.h"

#include "core/LocalFile.h"
#include "library/LibraryFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace br::OutputFile {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OutputFile", text);
}

Error cannotWrite(const QString &path, const QString &reason)
{
    return Error{tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason)};
}

} // namespace

QString refusal(const QString &path)
{
    const QByteArray native = LocalFile::nativePath(path);
    if (LibraryFiles::contains(native))
        return tr("it is a file of the open library, which an export never replaces");
    if (const QString kind = LocalFile::irregularKind(native); !kind.isEmpty())
        return tr("it is %1, not a regular file").arg(kind);
    return {};
}

Status write(const QString &path, const Writer &write)
{
    if (const QString reason = refusal(path); !reason.isEmpty())
        return cannotWrite(path, reason);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(path, file.errorString());
    if (Status written = write(file); !written) {
        file.cancelWriting();
        return cannotWrite(path, written.errorMessage());
    }
    // QSaveFile::commit() closes (and so flushes) the file but only looks at errors of earlier
    // writes: the last buffered bytes are flushed here, where a failure can still be seen.
    if (file.error() != QFileDevice::NoError || !file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return cannotWrite(path, reason);
    }
    if (!file.commit())
        return cannotWrite(path, file.errorString());
    return {};
}

Status writeAll(QIODevice &device, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const qint64 n = device.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return Error{device.errorString().isEmpty() ? tr("the write failed")
                                                        : device.errorString()};
        done += static_cast<qsizetype>(n);
    }
    return {};
}

} // namespace br::OutputFile
