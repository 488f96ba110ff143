#include "library/PageReader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace br {

using namespace Qt::StringLiterals;

Result<ReadPage> PageReader::readFile(const QString &path) const
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error{u"does not exist"_s};
    if (info.isDir())
        return Error{u"is a folder, not a page file"_s};
    if (info.size() > kMaxFileBytes)
        return Error{u"is too large (%1 MB; at most %2 MB)"_s.arg(info.size() / (1024 * 1024))
                         .arg(kMaxFileBytes / (1024 * 1024))};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"cannot be read: %1"_s.arg(file.errorString())};
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{u"cannot be read: %1"_s.arg(file.errorString())};
    return readBytes(path, bytes);
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
