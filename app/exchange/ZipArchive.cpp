#include "exchange/ZipArchive.h"

#include <QBuffer>
#include <QDateTime>
#include <QScopeGuard>

#include <minizip/unzip.h>
#include <minizip/zip.h>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// minizip's file functions over the QBuffer given as `opaque`.
voidpf openBuffer(voidpf opaque, const void *, int mode)
{
    auto *buffer = static_cast<QBuffer *>(opaque);
    const QIODevice::OpenMode how = (mode & ZLIB_FILEFUNC_MODE_CREATE) != 0
                                        ? QIODevice::ReadWrite | QIODevice::Truncate
                                        : QIODevice::ReadOnly;
    if (!buffer->isOpen() && !buffer->open(how))
        return nullptr;
    return buffer;
}

uLong readBuffer(voidpf, voidpf stream, void *data, uLong size)
{
    const qint64 n =
        static_cast<QBuffer *>(stream)->read(static_cast<char *>(data), static_cast<qint64>(size));
    return n < 0 ? 0 : static_cast<uLong>(n);
}

uLong writeBuffer(voidpf, voidpf stream, const void *data, uLong size)
{
    const qint64 n = static_cast<QBuffer *>(stream)->write(static_cast<const char *>(data),
                                                           static_cast<qint64>(size));
    return n < 0 ? 0 : static_cast<uLong>(n);
}

ZPOS64_T tellBuffer(voidpf, voidpf stream)
{
    return static_cast<ZPOS64_T>(static_cast<QBuffer *>(stream)->pos());
}

long seekBuffer(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    auto *buffer = static_cast<QBuffer *>(stream);
    qint64 base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        base = buffer->pos();
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        base = buffer->size();
    return buffer->seek(base + static_cast<qint64>(offset)) ? 0 : -1;
}

int closeBuffer(voidpf, voidpf)
{
    return 0;
}

int bufferError(voidpf, voidpf)
{
    return 0;
}

zlib_filefunc64_def bufferFunctions(QBuffer *buffer)
{
    zlib_filefunc64_def f{};
    f.zopen64_file = openBuffer;
    f.zread_file = readBuffer;
    f.zwrite_file = writeBuffer;
    f.ztell64_file = tellBuffer;
    f.zseek64_file = seekBuffer;
    f.zclose_file = closeBuffer;
    f.zerror_file = bufferError;
    f.opaque = buffer;
    return f;
}

} // namespace

struct ZipWriter::State
{
    QBuffer buffer;
    zipFile zip = nullptr;
};

ZipWriter::ZipWriter() : m_state(std::make_unique<State>())
{
    zlib_filefunc64_def functions = bufferFunctions(&m_state->buffer);
    m_state->zip = zipOpen2_64("memory", APPEND_STATUS_CREATE, nullptr, &functions);
}

ZipWriter::~ZipWriter()
{
    if (m_state->zip)
        zipClose(m_state->zip, nullptr);
}

Status ZipWriter::add(const QString &name, const QByteArray &bytes)
{
    if (!m_state->zip)
        return Error{u"cannot make the zip archive"_s};
    zip_fileinfo info{};
    const QDateTime now = QDateTime::currentDateTime();
    info.tmz_date.tm_year = static_cast<uInt>(now.date().year());
    info.tmz_date.tm_mon = static_cast<uInt>(now.date().month() - 1);
    info.tmz_date.tm_mday = static_cast<uInt>(now.date().day());
    info.tmz_date.tm_hour = static_cast<uInt>(now.time().hour());
    info.tmz_date.tm_min = static_cast<uInt>(now.time().minute());
    info.tmz_date.tm_sec = static_cast<uInt>(now.time().second());
    const QByteArray utf8Name = name.toUtf8();
    // Bit 11 of the general purpose flags: the name is UTF-8.
    if (zipOpenNewFileInZip4_64(m_state->zip, utf8Name.constData(), &info, nullptr, 0, nullptr, 0,
                                nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS,
                                DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nullptr, 0, 0, 1 << 11,
                                bytes.size() >= 0xffffffffLL ? 1 : 0) != ZIP_OK)
        return Error{u"cannot add %1 to the zip archive"_s.arg(name)};
    if (!bytes.isEmpty() && zipWriteInFileInZip(m_state->zip, bytes.constData(),
                                                static_cast<unsigned>(bytes.size())) != ZIP_OK)
        return Error{u"cannot write %1 into the zip archive"_s.arg(name)};
    if (zipCloseFileInZip(m_state->zip) != ZIP_OK)
        return Error{u"cannot finish %1 in the zip archive"_s.arg(name)};
    return {};
}

Result<QByteArray> ZipWriter::finish()
{
    if (!m_state->zip)
        return Error{u"cannot make the zip archive"_s};
    const int closed = zipClose(m_state->zip, nullptr);
    m_state->zip = nullptr;
    if (closed != ZIP_OK)
        return Error{u"cannot finish the zip archive"_s};
    return m_state->buffer.data();
}

Result<QList<ZipEntry>> readZip(const QByteArray &bytes, qint64 maxTotalBytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    zlib_filefunc64_def functions = bufferFunctions(&buffer);
    unzFile zip = unzOpen2_64("memory", &functions);
    if (!zip)
        return Error{u"is not a zip archive"_s};
    const auto closeZip = qScopeGuard([&] { unzClose(zip); });
    // The sizes the directory declares first, so nothing is unpacked of an archive too large.
    // Unsigned, as the directory declares them: a size of 2^63 and more must not wrap the sum.
    const auto limit = static_cast<quint64>(std::max<qint64>(maxTotalBytes, 0));
    quint64 declared = 0;
    for (int at = unzGoToFirstFile(zip); at == UNZ_OK; at = unzGoToNextFile(zip)) {
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
            return Error{u"has a damaged zip directory"_s};
        if (info.uncompressed_size > limit - declared) {
            return Error{u"would unpack to more than %1 MB"_s.arg(maxTotalBytes / (1024 * 1024))};
        }
        declared += info.uncompressed_size;
    }
    QList<ZipEntry> entries;
    for (int at = unzGoToFirstFile(zip); at == UNZ_OK; at = unzGoToNextFile(zip)) {
        unz_file_info64 info{};
        char name[1024] = {};
        if (unzGetCurrentFileInfo64(zip, &info, name, sizeof name - 1, nullptr, 0, nullptr, 0) !=
            UNZ_OK)
            return Error{u"has a damaged zip directory"_s};
        ZipEntry entry;
        entry.name = QString::fromUtf8(name);
        if (unzOpenCurrentFile(zip) != UNZ_OK)
            return Error{u"cannot unpack %1"_s.arg(entry.name)};
        // Read no more than declared: a lying directory does not make it unpack more.
        entry.bytes.resize(static_cast<qsizetype>(info.uncompressed_size));
        qsizetype filled = 0;
        while (filled < entry.bytes.size()) {
            const int n = unzReadCurrentFile(
                zip, entry.bytes.data() + filled,
                static_cast<unsigned>(std::min<qsizetype>(entry.bytes.size() - filled, 1 << 20)));
            if (n <= 0)
                break;
            filled += n;
        }
        // Nothing may follow what the directory declared (the CRC is checked on the whole).
        char extra = 0;
        const bool longer = unzReadCurrentFile(zip, &extra, 1) > 0;
        const int closed = unzCloseCurrentFile(zip); // checks the CRC
        if (filled != entry.bytes.size() || longer || closed != UNZ_OK)
            return Error{u"has a damaged entry %1"_s.arg(entry.name)};
        entries.append(std::move(entry));
    }
    return entries;
}

} // namespace br
