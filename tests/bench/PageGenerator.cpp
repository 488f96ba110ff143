#include "PageGenerator.h"

#include "library/Importer.h"
#include "library/Library.h"
#include "library/PageReader.h"
#include "text/PageSplitter.h"

#include <QDir>
#include <QFile>

#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <memory>
#include <vector>

namespace br::bench {

using namespace Qt::StringLiterals;

namespace {

// Strict conversion: an empty result when a character has no code in `codec`.
QByteArray encodeStrict(const char *codec, const QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(codec, &status), ucnv_close);
    if (U_FAILURE(status))
        return {};
    ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                          &status);
    QByteArray out(text.size() * 4 + 16, Qt::Uninitialized);
    const int32_t n = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()),
                                      reinterpret_cast<const UChar *>(text.utf16()),
                                      static_cast<int32_t>(text.size()), &status);
    if (U_FAILURE(status))
        return {};
    out.truncate(n);
    return out;
}

QString toTraditional(const QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
    if (U_FAILURE(status))
        return text;
    icu::UnicodeString s(reinterpret_cast<const UChar *>(text.utf16()),
                         static_cast<int32_t>(text.size()));
    t->transliterate(s);
    return QString(reinterpret_cast<const QChar *>(s.getBuffer()), s.length());
}

} // namespace

PageGenerator::PageGenerator(const QString &seedsDir, quint32 seed) : m_random(seed)
{
    const QDir dir(seedsDir);
    for (const QString &name : dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(file.readAll());
        const QStringList lines = text.split(u'\n');
        for (const Article &a : PageSplitter().split(text).articles) {
            QStringList chunk;
            for (int n = a.startLine; n <= a.endLine && n <= lines.size(); ++n)
                chunk.append(lines[n - 1].trimmed());
            m_articles.append(chunk);
        }
    }
}

QByteArray PageGenerator::page(int index, QString *encoding)
{
    const int blank = 1 + static_cast<int>(m_random.bounded(3));
    const bool indent = m_random.bounded(2) == 1;
    QStringList out{u"第%1版"_s.arg(index + 1), QString()};
    const int count = 4 + static_cast<int>(m_random.bounded(6));
    for (int k = 0; k < count && !m_articles.isEmpty(); ++k) {
        const QStringList &chunk = m_articles[m_random.bounded(m_articles.size())];
        for (const QString &line : chunk) {
            if (line.isEmpty())
                continue;
            out.append(indent && line.size() > 40 ? u"\u3000\u3000"_s + line : line);
            for (int b = 0; b < blank; ++b)
                out.append(QString());
        }
    }
    const QString text = out.join(u'\n');
    const quint32 pick = m_random.bounded(10);
    QByteArray bytes;
    QString used = u"UTF-8"_s;
    if (pick >= 6 && pick < 9) {
        bytes = encodeStrict("GB18030", text);
        used = u"GB18030"_s;
    } else if (pick == 9) {
        bytes = encodeStrict("Big5-HKSCS", toTraditional(text));
        used = u"Big5"_s;
    }
    if (bytes.isEmpty()) { // a character the legacy encoding lacks: keep the page as UTF-8
        bytes = text.toUtf8();
        used = u"UTF-8"_s;
    }
    if (encoding)
        *encoding = used;
    return bytes;
}

qint64 PageGenerator::inBatches(int first, qint64 articles,
                                const std::function<bool(const QList<const ReadPage *> &)> &store)
{
    const PageReader reader;
    qint64 made = 0;
    std::vector<ReadPage> batch;
    qsizetype batchCharacters = 0;
    for (int index = first; made < articles; ++index) {
        Result<ReadPage> read =
            reader.readBytes(QStringLiteral("page_%1.txt").arg(index), page(index));
        if (!read)
            continue;
        made += read->page.articles.size();
        batchCharacters += read->decoded.text.size();
        batch.push_back(std::move(read).value());
        if (batchCharacters < Importer::kBatchCharacters && made < articles)
            continue;
        QList<const ReadPage *> pages;
        for (const ReadPage &p : batch)
            pages.append(&p);
        if (!store(pages))
            return -1;
        batch.clear();
        batchCharacters = 0;
    }
    return made;
}

bool fillLibrary(Library &library, const QString &seedsDir, qint64 wanted)
{
    PageGenerator generator(seedsDir, 100000);
    const qint64 have = library.articleCount().value();
    return have >= wanted ||
           generator.inBatches(static_cast<int>(library.pageCount().value()), wanted - have,
                               [&](const QList<const ReadPage *> &pages) {
                                   return library.addPages(pages).ok();
                               }) >= 0;
}

} // namespace br::bench
