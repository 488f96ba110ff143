// The decoder on any bytes: it decodes or says why not, never crashes, never reads out of
// bounds, and what it decodes is text a page can hold.
#include "text/TextDecoder.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const bool document : {false, true}) {
        const br::Result<br::DecodedText> decoded =
            document ? br::TextDecoder::decodeDocument(bytes) : br::TextDecoder::decode(bytes);
        if (!decoded) {
            if (decoded.errorMessage().isEmpty())
                std::abort(); // a refusal always says why
            continue;
        }
        // No byte order mark is left at the start, and the encoding is always named.
        if (decoded->text.startsWith(QChar(0xFEFF)) || decoded->encoding.isEmpty())
            std::abort();
        // UTF-8 that passes the strict check decodes to the same text as Qt reads it.
        if (decoded->encoding == QLatin1StringView("UTF-8") &&
            br::TextDecoder::firstInvalidUtf8(bytes) >= 0)
            std::abort();
    }
    return 0;
}
