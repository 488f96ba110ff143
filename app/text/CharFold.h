#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <string>

// Folding one character at a time, the same way for the search index, for queries and for the
// brute-force check of both: NFKC with case folding (Ａ → a, ① → 1), then traditional to
// simplified by ICU's Hant-Hans character mapping (掃 → 扫). Character by character, so every
// folded character still knows where it came from in the text.
namespace br::CharFold {

// Appends the folded form of `c` (one code point, now and then a few) to `out`.
void append(char32_t c, std::u32string &out);

// A character that search indexes: hanzi, letters and digits. Everything else separates.
bool isWordChar(char32_t c);

// `text` folded character by character.
QString fold(QStringView text);
// The same of text in UTF-8, into `out` (its memory used again): what fold(QString::fromUtf8(utf8))
// gives, without the conversion (a search checking the texts of many articles folds each).
void foldUtf8(QByteArrayView utf8, QString &out);

// Replaces each traditional hanzi of the BMP in `text` by its simplified form, one character for
// one (so lengths and positions stay); a text with none is left as it is, shared, not copied.
void simplifyInPlace(QString &text);

// The traditional → simplified mapping of the BMP, ICU's Hant-Hans transliterator asked at build
// time (0 where a character stays as it is).
const std::u16string &hantToHans();

} // namespace br::CharFold
