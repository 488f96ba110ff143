#include "text/CharFold.h"

#include "text/CjkCharsets.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <vector>

namespace br::CharFold {

const std::u16string &hantToHans()
{
    // ICU's Hant-Hans mapping, asked of its transliterator at build time (tools/make_fold_table)
    // and spread into a table here: the transliterator is far too slow to run over every
    // imported page, and asking it at start cost every command some 50 ms.
    static const std::u16string table = [] {
        static constexpr char16_t kPairs[][2] = {
#include "HantHansPairs.inc"
        };
        std::u16string t(0x10000, u'\0');
        for (const auto &[traditional, simplified] : kPairs)
            t[traditional] = simplified;
        return t;
    }();
    return table;
}

namespace {

// What NFKC with case folding, then Hant-Hans, makes of `c`, asked of ICU.
void appendNormalized(char32_t c, std::u32string &out)
{
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (!nfkc) {
        out.push_back(c);
        return;
    }
    status = U_ZERO_ERROR;
    const icu::UnicodeString folded =
        nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    if (U_FAILURE(status) || folded.isEmpty()) {
        if (U_FAILURE(status))
            out.push_back(c);
        return; // some characters fold to nothing (soft hyphen, ...)
    }
    for (int32_t i = 0; i < folded.length();) {
        const UChar32 f = folded.char32At(i);
        const char16_t simple =
            f <= 0xFFFF && cjk::isHan(static_cast<char32_t>(f)) ? hantToHans()[f] : 0;
        out.push_back(simple ? simple : static_cast<char32_t>(f));
        i += U16_LENGTH(f);
    }
}

// The punctuation of Chinese text (general punctuation: “”…—; CJK symbols: 、。《》「」), folded
// once: a page has a mark every few characters, and asking ICU of each one took most of the time
// of folding a text (a search whose term holds punctuation folds every text it checks).
constexpr char32_t kPunctuationFirst[] = {0x2000, 0x3000};
constexpr char32_t kPunctuationLast[] = {0x206F, 0x303F};

const std::u32string *foldedPunctuation(char32_t c)
{
    static const std::array<std::vector<std::u32string>, 2> tables = [] {
        std::array<std::vector<std::u32string>, 2> t;
        for (size_t r = 0; r < t.size(); ++r) {
            for (char32_t p = kPunctuationFirst[r]; p <= kPunctuationLast[r]; ++p) {
                std::u32string folded;
                appendNormalized(p, folded);
                t[r].push_back(std::move(folded));
            }
        }
        return t;
    }();
    for (size_t r = 0; r < tables.size(); ++r) {
        if (c >= kPunctuationFirst[r] && c <= kPunctuationLast[r])
            return &tables[r][c - kPunctuationFirst[r]];
    }
    return nullptr;
}

} // namespace

void append(char32_t c, std::u32string &out)
{
    if (c < 0x80) {
        out.push_back(c >= U'A' && c <= U'Z' ? c + 32 : c);
        return;
    }
    if (c <= 0xFFFF && cjk::isHan(c)) {
        const char16_t simple = hantToHans()[c];
        out.push_back(simple ? simple : c);
        return;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) { // full-width ASCII
        append(c - 0xFEE0, out);
        return;
    }
    if (const std::u32string *folded = foldedPunctuation(c)) {
        out += *folded;
        return;
    }
    appendNormalized(c, out);
}

bool isWordChar(char32_t c)
{
    if (c < 0x80)
        return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
    return cjk::isHan(c) || u_isalnum(static_cast<UChar32>(c));
}

void simplifyInPlace(QString &text)
{
    const std::u16string &table = hantToHans();
    // Read through a const view, so that a text with nothing to change is not copied.
    const QStringView view(text);
    for (qsizetype i = 0; i < view.size(); ++i) {
        const char16_t simple = table[view[i].unicode()];
        if (simple != 0 && simple != view[i].unicode())
            text[i] = QChar(simple);
    }
}

QString fold(QStringView text)
{
    // Written as UTF-16 as it goes: ASCII and hanzi (nearly all of a page) need no detour
    // through UTF-32, whose conversion back took half of the folding's time.
    QString folded;
    folded.reserve(text.size());
    const std::u16string &simplified = hantToHans(); // asked once, not for every character
    std::u32string expanded;
    for (qsizetype i = 0; i < text.size();) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            i += 2;
        } else {
            ++i;
        }
        if (c < 0x80 || (c <= 0xFFFF && cjk::isHan(c))) {
            const char16_t simple = c < 0x80 ? 0 : simplified[c];
            const char32_t lower = c >= U'A' && c <= U'Z' ? c + 32 : c;
            folded.append(QChar(static_cast<char16_t>(simple ? simple : lower)));
            continue;
        }
        expanded.clear();
        append(c, expanded);
        for (const char32_t f : expanded) {
            if (QChar::requiresSurrogates(f)) {
                folded.append(QChar(QChar::highSurrogate(f)));
                folded.append(QChar(QChar::lowSurrogate(f)));
            } else {
                folded.append(QChar(static_cast<char16_t>(f)));
            }
        }
    }
    return folded;
}

} // namespace br::CharFold
