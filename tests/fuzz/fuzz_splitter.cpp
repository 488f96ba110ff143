// The whole reading of a page on any bytes — decoding, the split into articles, campaign
// suggestions, places and units — as the importer runs it: no crash, no undefined behaviour, and
// an article never holds a line the page does not have.
#include "library/PageReader.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const br::PageReader reader; // the model and gazetteer are read once
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const br::Result<br::ReadPage> page = reader.readBytes(QStringLiteral("fuzz.txt"), bytes);
    if (!page)
        return 0;
    // Lines end at LF, CR LF or a lone CR, as the splitter reads them.
    QString text = page->decoded.text;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
        .replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const qsizetype lines = text.count(QLatin1Char('\n')) + 1;
    for (const br::Article &article : page->page.articles) {
        if (article.startLine < 0 || article.endLine < article.startLine || article.endLine > lines)
            std::abort();
    }
    if (page->places.size() != page->page.articles.size() ||
        page->units.size() != page->page.articles.size())
        std::abort();
    return 0;
}
