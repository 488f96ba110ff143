#include "text/CjkCharsets.h"

#include <unicode/ucnv.h>

#include <bitset>
#include <memory>

namespace br::cjk {
namespace {

using Bmp = std::bitset<0x10000>;

// Decodes every two-byte code in [firstLead, lastLead] x [firstTrail, lastTrail] of `codec` and
// marks the BMP characters they stand for.
void markRange(Bmp &set, const char *codec, unsigned firstLead, unsigned lastLead,
               unsigned firstTrail, unsigned lastTrail, unsigned firstCode, unsigned lastCode)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(codec, &status), ucnv_close);
    if (U_FAILURE(status))
        return;
    for (unsigned lead = firstLead; lead <= lastLead; ++lead) {
        for (unsigned trail = firstTrail; trail <= lastTrail; ++trail) {
            const unsigned code = (lead << 8) | trail;
            if (code < firstCode || code > lastCode)
                continue;
            const char bytes[2] = {static_cast<char>(lead), static_cast<char>(trail)};
            UChar out[4];
            status = U_ZERO_ERROR;
            ucnv_reset(conv.get());
            const int32_t n = ucnv_toUChars(conv.get(), out, 4, bytes, 2, &status);
            if (U_SUCCESS(status) && n == 1)
                set.set(out[0]);
        }
    }
}

const Bmp &commonHanSet()
{
    static const Bmp set = [] {
        Bmp s;
        markRange(s, "GB2312", 0xB0, 0xD7, 0xA1, 0xFE, 0xB0A1, 0xD7F9);
        markRange(s, "Big5", 0xA4, 0xC6, 0x40, 0xFE, 0xA440, 0xC67E);
        return s;
    }();
    return set;
}

} // namespace

bool isCommonHan(char16_t ch)
{
    return commonHanSet().test(ch);
}

bool isCjkPunctuation(char32_t ch)
{
    return (ch >= 0x3000 && ch <= 0x303F) || (ch >= 0xFF01 && ch <= 0xFF65) ||
           (ch >= 0x2010 && ch <= 0x2027) || ch == 0x00B7 || ch == 0x25A1 || ch == 0x25A0 ||
           ch == 0x25B3 || ch == 0x25B2 || ch == 0x25C6 || ch == 0x25C7 || ch == 0x25CF ||
           ch == 0x25CB || ch == 0x2605 || ch == 0x2606 || ch == 0x2116;
}

} // namespace br::cjk
