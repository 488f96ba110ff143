#pragma once

#include <QStringView>

namespace br::cjk {

// Characters a Chinese text is mostly made of: the 3,755 level-1 hanzi of GB 2312 (simplified) and
// the 5,401 common hanzi of Big5 (traditional). Built once from ICU's own converters, so no table
// is kept by hand. A text decoded with the wrong legacy encoding turns into rare characters,
// symbols and kana, which is what lets the decoder tell GB18030 from Big5 even on a few characters.
bool isCommonHan(char16_t ch);

// U+4E00..U+9FFF, extension A and extensions B to G: any unified ideograph. Inline: asked of
// every character the folding, the tokenizer and the splitter read.
inline bool isHan(char32_t ch)
{
    return (ch >= 0x4E00 && ch <= 0x9FFF) || (ch >= 0x3400 && ch <= 0x4DBF) ||
           (ch >= 0x20000 && ch <= 0x3134F);
}

// Punctuation and symbols that Chinese pages print: CJK symbols, full-width forms, curly quotes,
// dashes, the middle dot, the box and triangle markers of bylines and captions.
bool isCjkPunctuation(char32_t ch);

// Whether `ch` is one of the few characters of `set`. Asked of most characters of every line: a
// plain loop over a dozen characters is several times cheaper than QStringView::contains.
inline bool isOneOf(QChar ch, QStringView set)
{
    for (const QChar member : set) {
        if (member == ch)
            return true;
    }
    return false;
}

} // namespace br::cjk
