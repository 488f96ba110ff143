#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace br {

// A zip archive made in memory (REFI-QDA's .qdpx is one): entries added in order, deflated, then
// the archive's bytes for the caller to write through its own device. minizip does the format;
// its file functions read and write a QBuffer, so no file is opened behind the caller's back.
class ZipWriter final
{
public:
    ZipWriter();
    ~ZipWriter();
    ZipWriter(const ZipWriter &) = delete;
    ZipWriter &operator=(const ZipWriter &) = delete;

    Status add(const QString &name, const QByteArray &bytes);
    // The archive; the writer takes no more entries.
    Result<QByteArray> finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

struct ZipEntry
{
    QString name;
    QByteArray bytes;
};

// The entries of a zip archive in `bytes`. An archive whose entries would unpack to more than
// `maxTotalBytes` (a zip bomb, or just too much) is refused before it is unpacked.
Result<QList<ZipEntry>> readZip(const QByteArray &bytes, qint64 maxTotalBytes);

} // namespace br
