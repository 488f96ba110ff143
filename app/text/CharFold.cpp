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

namespace {

// UTF-16 written straight into a QString's memory: QString::append, called for every character,
// cost more than the folding itself. The string is cut to what was written by finish().
class Utf16Writer final
{
public:
    Utf16Writer(QString &out, qsizetype expected) : m_out(out)
    {
        m_out.resize(expected + 16);
        m_at = m_out.data();
        m_end = m_at + m_out.size();
    }
    // Room for `units` more.
    void make(qsizetype units)
    {
        if (m_end - m_at >= units)
            return;
        const qsizetype written = m_at - m_out.data();
        m_out.resize(2 * m_out.size() + units);
        m_at = m_out.data() + written;
        m_end = m_out.data() + m_out.size();
    }
    void put(char16_t unit) { *m_at++ = QChar(unit); }
    void finish() { m_out.resize(m_at - m_out.data()); }

private:
    QString &m_out;
    QChar *m_at = nullptr;
    QChar *m_end = nullptr;
};

// One character's folded form written as UTF-16: ASCII and hanzi (nearly all of a page) straight
// from the tables, with no detour through UTF-32, whose conversion back took half of the
// folding's time; the rest through append().
inline void writeFolded(char32_t c, const std::u16string &simplified, std::u32string &expanded,
                        Utf16Writer &out)
{
    if (c < 0x80 || (c <= 0xFFFF && cjk::isHan(c))) {
        const char16_t simple = c < 0x80 ? 0 : simplified[c];
        const char32_t lower = c >= U'A' && c <= U'Z' ? c + 32 : c;
        out.make(1);
        out.put(static_cast<char16_t>(simple ? simple : lower));
        return;
    }
    expanded.clear();
    append(c, expanded);
    out.make(2 * static_cast<qsizetype>(expanded.size()));
    for (const char32_t f : expanded) {
        if (QChar::requiresSurrogates(f)) {
            out.put(QChar::highSurrogate(f));
            out.put(QChar::lowSurrogate(f));
        } else {
            out.put(static_cast<char16_t>(f));
        }
    }
}

bool isContinuation(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

// The code point of the well-formed UTF-8 sequence at `at` (moved past it), or -1 where the
// sequence is not one (QString::fromUtf8 has its own ways with those).
int32_t nextCodePoint(const unsigned char *&at, const unsigned char *end)
{
    const unsigned char b = at[0];
    if (b < 0x80) {
        ++at;
        return b;
    }
    const ptrdiff_t left = end - at;
    if (b >= 0xC2 && b <= 0xDF && left >= 2 && isContinuation(at[1])) {
        const int32_t c = ((b & 0x1F) << 6) | (at[1] & 0x3F);
        at += 2;
        return c;
    }
    if (b >= 0xE0 && b <= 0xEF && left >= 3 && isContinuation(at[1]) && isContinuation(at[2])) {
        const int32_t c = ((b & 0x0F) << 12) | ((at[1] & 0x3F) << 6) | (at[2] & 0x3F);
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
            return -1; // overlong, or a surrogate
        at += 3;
        return c;
    }
    if (b >= 0xF0 && b <= 0xF4 && left >= 4 && isContinuation(at[1]) && isContinuation(at[2]) &&
        isContinuation(at[3])) {
        const int32_t c =
            ((b & 0x07) << 18) | ((at[1] & 0x3F) << 12) | ((at[2] & 0x3F) << 6) | (at[3] & 0x3F);
        if (c < 0x10000 || c > 0x10FFFF)
            return -1;
        at += 4;
        return c;
    }
    return -1;
}

} // namespace

QString fold(QStringView text)
{
    QString folded;
    Utf16Writer out(folded, text.size());
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
        writeFolded(c, simplified, expanded, out);
    }
    out.finish();
    return folded;
}

void foldUtf8(QByteArrayView utf8, QString &out)
{
    // A character of n UTF-8 bytes is at most n UTF-16 units, unless its folding expands it.
    Utf16Writer writer(out, utf8.size());
    const std::u16string &simplified = hantToHans();
    std::u32string expanded;
    const auto *at = reinterpret_cast<const unsigned char *>(utf8.data());
    const auto *end = at + utf8.size();
    while (at < end) {
        const int32_t c = nextCodePoint(at, end);
        if (c < 0) {
            out = fold(QString::fromUtf8(utf8)); // what is not plain UTF-8, as Qt reads it
            return;
        }
        writeFolded(static_cast<char32_t>(c), simplified, expanded, writer);
    }
    writer.finish();
}

} // namespace br::CharFold
