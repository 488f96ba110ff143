#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace br {

// A page's text as decoded from its bytes, with the name of the encoding that decoded it cleanly.
struct DecodedText
{
    QString text;      // as decoded: line ends and indents as they were, no leading U+FEFF
    QString encoding;  // UTF-8, UTF-16LE, GB18030, Big5-HKSCS, ...
    bool html = false; // the text is an HTML document (only decodeDocument lets one through)
};

// Turns the bytes of a page file into text, or says precisely why it cannot.
//
// BOMs win; then strict UTF-8; then, for bytes with NULs, UTF-16/32 without a BOM; otherwise the
// legacy Chinese encodings and whatever uchardet proposes. Detectors are weak exactly where it
// matters (uchardet never finds UTF-16 without a BOM, Big5 bytes always decode as valid GB18030),
// so every candidate is decoded strictly by ICU (stop on the first bad byte, never substitute
// U+FFFD) and the clean results are ranked by how much of them is common Chinese text.
class TextDecoder final
{
public:
    // A plain-text page; an HTML document is refused with a message that says so.
    static Result<DecodedText> decode(const QByteArray &bytes);
    // The same, but an HTML document is decoded too and marked (DecodedText::html), for a reader
    // of saved e-paper pages.
    static Result<DecodedText> decodeDocument(const QByteArray &bytes);

    // Byte offset of the first ill-formed UTF-8 sequence (overlong forms, surrogates and code
    // points above U+10FFFF included), or -1 when all of `bytes` is well-formed UTF-8.
    static qsizetype firstInvalidUtf8(QByteArrayView bytes);

    // Strict conversion with ICU: the text, or the offset of the first byte that does not convert.
    struct Strict
    {
        bool ok = false;
        QString text;
        qsizetype badOffset = -1;
    };
    static Strict decodeStrict(const char *codec, QByteArrayView bytes);

    // Share (0..1) of the characters outside ASCII that are common Chinese characters or the
    // punctuation Chinese pages print; what ranks candidate decodings.
    static double chineseScore(QStringView text);
};

} // namespace br
