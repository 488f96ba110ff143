#include "text/ContentSniffer.h"

#include <QRegularExpression>

#include <array>

namespace br::ContentSniffer {
namespace {

struct Signature
{
    QByteArrayView magic;
    const char *kind;
};

} // namespace

QString binaryKind(QByteArrayView bytes)
{
    using namespace Qt::StringLiterals;
    static const std::array<Signature, 17> signatures{{
        {"\x89PNG\r\n\x1a\n", "PNG image"},
        {"\xFF\xD8\xFF", "JPEG image"},
        {"GIF87a", "GIF image"},
        {"GIF89a", "GIF image"},
        {"%PDF-", "PDF document"},
        {QByteArrayView("PK\x03\x04", 4), "ZIP archive (or an Office document)"},
        {"\x1F\x8B", "gzip archive"},
        {"7z\xBC\xAF\x27\x1C", "7-Zip archive"},
        {"Rar!\x1A\x07", "RAR archive"},
        {"\x7F"
         "ELF",
         "executable program"},
        {QByteArrayView("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "legacy Office document"},
        {QByteArrayView("SQLite format 3\0", 16), "SQLite database"},
        {"{\\rtf", "RTF document"},
        {"%!PS", "PostScript document"},
        {"OggS", "Ogg media file"},
        {"ID3", "MP3 audio file"},
        {"BZh", "bzip2 archive"},
    }};
    for (const Signature &sig : signatures) {
        if (bytes.startsWith(sig.magic))
            return QString::fromLatin1(sig.kind);
    }
    if (bytes.size() >= 12 && bytes.startsWith("RIFF"))
        return u"RIFF media file"_s;
    if (bytes.size() >= 12 && bytes.sliced(4, 4) == QByteArrayView("ftyp"))
        return u"MP4 / QuickTime media file"_s;
    return {};
}

bool looksLikeHtml(QStringView text)
{
    using namespace Qt::StringLiterals;
    static const QRegularExpression opening(
        u"\\A\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*(?:<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>])"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QStringView head = text.left(4096);
    if (opening.match(head).hasMatch())
        return true;
    // A fragment without <html>: mostly block-level markup, one tag or more on most lines.
    static const QRegularExpression blockTag(
        u"</?(?:p|div|br|span|table|tr|td|li|ul|h[1-6]|meta|script|style)\\b[^>]*>"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QStringView sample = text.left(65536);
    qsizetype tags = 0;
    auto it = blockTag.globalMatch(sample);
    while (it.hasNext()) {
        it.next();
        ++tags;
    }
    const qsizetype lines = sample.count(u'\n') + 1;
    return tags >= 4 && tags * 2 >= lines;
}

} // namespace br::ContentSniffer
