#include "library/PageReader.h"

#include "core/LocalFile.h"
#include "library/LibraryFiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>

namespace br {

using namespace Qt::StringLiterals;

Result<ReadPage> PageReader::readFile(const QString &path) const
{
    Result<QByteArray> bytes = readPageBytes(LocalFile::nativePath(path));
    if (!bytes)
        return bytes.error();
    return readBytes(path, bytes.value());
}

Result<QByteArray> PageReader::readPageBytes(const QByteArray &nativePath)
{
    if (LibraryFiles::contains(nativePath))
        return Error{QCoreApplication::translate(
            "PageReader", "is a file of the open library, never read as a page")};
    return LocalFile::readRegular(nativePath, kMaxFileBytes);
}

QByteArray PageReader::digest(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

Result<ReadPage> PageReader::readBytes(const QString &path, const QByteArray &bytes,
                                       QByteArray sha256) const
{
    Result<DecodedText> decoded = TextDecoder::decode(bytes);
    if (!decoded)
        return decoded.error();
    ReadPage read;
    read.path = path;
    read.fileName = QFileInfo(path).fileName();
    read.sha256 = sha256.isEmpty() ? digest(bytes) : std::move(sha256);
    read.byteSize = bytes.size();
    read.decoded = std::move(decoded).value();
    read.page = m_splitter.split(read.decoded.text);
    for (Article &article : read.page.articles)
        article.suggestions = m_suggester.suggest(article);
    read.places = m_places.recognizePage(read.page.articles);
    for (qsizetype i = 0; i < read.page.articles.size(); ++i)
        read.units.append(m_units.suggest(read.page.articles[i], read.places[i]));
    return read;
}

} // namespace br
