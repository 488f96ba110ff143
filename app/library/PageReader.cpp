#include "library/PageReader.h"

#include "text/ContentSniffer.h"
#include "text/PageDetailsFinder.h"

#include "core/LocalFile.h"
#include "library/LibraryFiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>

#include <openssl/evp.h>

namespace br {

using namespace Qt::StringLiterals;

Result<ReadPage> PageReader::readFile(const QString &path) const
{
    Result<QByteArray> bytes = readPageBytes(LocalFile::nativePath(path));
    if (!bytes)
        return bytes.error();
    return readBytes(path, bytes.value());
}

Result<QByteArray> PageReader::readPageBytes(const QByteArray &nativePath, qint64 maxBytes)
{
    if (LibraryFiles::contains(nativePath))
        return Error{QCoreApplication::translate(
            "PageReader", "is a file of the open library, never read as a page")};
    return LocalFile::readRegular(nativePath, maxBytes);
}

QByteArray PageReader::digest(const QByteArray &bytes)
{
    // OpenSSL's, not QCryptographicHash: it uses the processor's SHA instructions, and Qt's
    // portable code took a twentieth of an import's reading.
    unsigned char sum[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.constData(), static_cast<size_t>(bytes.size()), sum, &length, EVP_sha256(),
                   nullptr) != 1) // an OpenSSL set up without it: the same sum
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    return QByteArray(reinterpret_cast<const char *>(sum), static_cast<qsizetype>(length)).toHex();
}

PageReader::PageReader(PageFormats formats) : m_formats(std::move(formats)) {}

Result<ReadPage> PageReader::readBytes(const QString &path, const QByteArray &bytes,
                                       QByteArray sha256, const std::atomic_bool *cancel) const
{
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    Result<DecodedText> decoded = TextDecoder::decodeDocument(bytes);
    if (!decoded)
        return decoded.error();
    if (decoded->html && !m_formats.html)
        return Error{u"is an HTML document, not a plain-text page"_s};
    ReadPage read;
    read.path = path;
    read.fileName = QFileInfo(path).fileName();
    read.sha256 = sha256.isEmpty() ? digest(bytes) : std::move(sha256);
    read.byteSize = bytes.size();
    read.decoded = std::move(decoded).value();
    if (read.decoded.html) {
        Result<Page> page = m_formats.html(read.decoded.text);
        if (!page)
            return page.error();
        read.page = std::move(page).value();
    } else {
        read.page = m_splitter.split(read.decoded.text, cancel);
    }
    if (cancelled())
        return Error{u"not read: the import was cancelled"_s};
    read.details = PageDetailsFinder::find(path, read.page.masthead, read.decoded.text);
    PageAnalysis analysis = analyse(read.page.articles);
    read.places = std::move(analysis.places);
    read.units = std::move(analysis.units);
    return read;
}

PageReader::PageAnalysis PageReader::analyse(QList<Article> &articles) const
{
    PageAnalysis analysis;
    for (Article &article : articles)
        article.suggestions = m_suggester.suggest(article);
    analysis.places = m_places.recognizePage(articles);
    for (qsizetype i = 0; i < articles.size(); ++i)
        analysis.units.append(m_units.suggest(articles[i], analysis.places[i]));
    return analysis;
}

Result<Page> PageReader::split(const QString &text) const
{
    if (!ContentSniffer::looksLikeHtml(text))
        return m_splitter.split(text);
    if (!m_formats.html)
        return Error{u"the page is an HTML document, and this program has no reader for it"_s};
    return m_formats.html(text);
}

} // namespace br
