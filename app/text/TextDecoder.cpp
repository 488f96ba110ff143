#include "text/TextDecoder.h"

#include <QCoreApplication>

#include "text/CjkCharsets.h"
#include "text/ContentSniffer.h"

#include <QStringList>

#include <uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <memory>
#include <vector>

namespace br {
namespace {

using namespace Qt::StringLiterals;

struct Bom
{
    QByteArrayView bytes;
    const char *codec;
};

// Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
const std::array<Bom, 5> kBoms{{
    {QByteArrayView("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {QByteArrayView("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {QByteArrayView("\xEF\xBB\xBF", 3), "UTF-8"},
    {QByteArrayView("\xFF\xFE", 2), "UTF-16LE"},
    {QByteArrayView("\xFE\xFF", 2), "UTF-16BE"},
}};

// A clean decoding below this share of common Chinese is not trusted as Chinese.
constexpr double kMinimumChineseScore = 0.6;
// A clean decoding above this share is taken at once.
constexpr double kCertainChineseScore = 0.9;

QString describeOffset(qsizetype offset)
{
    return QCoreApplication::translate("TextDecoder", "byte %1 (0x%2)")
        .arg(offset)
        .arg(offset, 0, 16);
}

QString proposedByUchardet(QByteArrayView bytes)
{
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(
        uchardet_new(), uchardet_delete);
    // A sample is enough for a proposal; every candidate is verified on all bytes anyway.
    const QByteArrayView sample = bytes.first(std::min<qsizetype>(bytes.size(), 256 * 1024));
    if (uchardet_handle_data(detector.get(), sample.data(), static_cast<size_t>(sample.size())) !=
        0)
        return {};
    uchardet_data_end(detector.get());
    return QString::fromLatin1(uchardet_get_charset(detector.get()));
}

// ICU names for uchardet's proposals where they differ; legacy Chinese detections are widened to
// the superset encodings that decode the same bytes.
QByteArray icuNameFor(const QString &proposal)
{
    const QString upper = proposal.toUpper();
    if (upper.isEmpty() || upper == u"ASCII"_s || upper == u"UTF-8"_s)
        return {};
    if (upper == u"GB2312"_s || upper == u"GBK"_s || upper == u"GB18030"_s ||
        upper == u"HZ-GB-2312"_s)
        return "GB18030";
    if (upper.startsWith(u"BIG5"_s) || upper == u"EUC-TW"_s)
        return "Big5-HKSCS";
    return proposal.toLatin1();
}

// A UTF-8 text whose only fault is its last character begun and not finished: a file cut off
// (a copy stopped short, a full disk), not another encoding.
bool endsInsideUtf8Character(QByteArrayView bytes, qsizetype firstBad)
{
    const qsizetype tail = bytes.size() - firstBad;
    if (tail < 1 || tail > 3)
        return false;
    const auto lead = static_cast<unsigned char>(bytes[firstBad]);
    const qsizetype needed = lead >= 0xF0 && lead <= 0xF4   ? 4
                             : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xC2 && lead <= 0xDF ? 2
                                                            : 0;
    if (needed == 0 || tail >= needed)
        return false;
    for (qsizetype i = firstBad + 1; i < bytes.size(); ++i) {
        if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80)
            return false;
    }
    // Text that was UTF-8 up to there: some characters beyond ASCII before it.
    qsizetype leads = 0;
    for (qsizetype i = 0; i < firstBad && leads < 3; ++i) {
        if ((static_cast<unsigned char>(bytes[i]) & 0xC0) == 0xC0)
            ++leads;
    }
    return leads >= 3;
}

// Scans line by line: a file whose lines are partly well-formed UTF-8 Chinese and partly bytes
// that are not UTF-8 at all was put together from two encodings.
std::optional<Error> mixedEncodingError(QByteArrayView bytes, qsizetype firstBadUtf8)
{
    qsizetype utf8Line = -1;
    qsizetype otherLine = -1;
    qsizetype start = 0;
    while (start < bytes.size() && (utf8Line < 0 || otherLine < 0)) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView line = bytes.sliced(start, end - start);
        qsizetype multibyteLeads = 0;
        for (const char c : line) {
            if ((static_cast<unsigned char>(c) & 0xC0) == 0xC0)
                ++multibyteLeads;
        }
        if (multibyteLeads > 0) {
            if (TextDecoder::firstInvalidUtf8(line) < 0) {
                // Three or more characters: a short run of legacy bytes can pass as UTF-8 by
                // chance.
                if (multibyteLeads >= 3 && utf8Line < 0)
                    utf8Line = start;
            } else if (otherLine < 0) {
                otherLine = start;
            }
        }
        start = end + 1;
    }
    if (utf8Line >= 0 && otherLine >= 0) {
        return Error{QCoreApplication::translate(
                         "TextDecoder",
                         "mixes encodings: the line at %1 is UTF-8 but the line at %2 is not "
                         "(first bad sequence at %3)")
                         .arg(describeOffset(utf8Line), describeOffset(otherLine),
                              describeOffset(firstBadUtf8))};
    }
    return std::nullopt;
}

// Refuses decoded text that is not a page: NULs, control characters, HTML, nothing but spaces.
std::optional<Error> refuseDecodedText(const QString &text)
{
    qsizetype controls = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t ch = text.at(i).unicode();
        if (ch == 0)
            return Error{
                QCoreApplication::translate(
                    "TextDecoder", "contains NUL characters (at character %1): not a text page")
                    .arg(i)};
        if (ch < 0x20 && ch != u'\n' && ch != u'\r' && ch != u'\t' && ch != u'\f' && ch != u'\v')
            ++controls;
    }
    if (controls > 8 && controls * 200 > text.size())
        return Error{
            QCoreApplication::translate(
                "TextDecoder", "contains %1 control characters: a binary file, not a text page")
                .arg(controls),
            Error::Kind::NotText};
    bool blank = true;
    for (const QChar ch : text) {
        if (!ch.isSpace() && ch != QChar(0xFEFF)) {
            blank = false;
            break;
        }
    }
    if (blank)
        return Error{QCoreApplication::translate("TextDecoder",
                                                 "contains only white space: nothing to import")};
    return std::nullopt;
}

Result<DecodedText> finish(QString text, const char *encoding)
{
    // Every byte order mark at the start: files joined by tools that each wrote one carry several
    // (found by fuzz_decoder), and a zero-width no-break space opens no page's text.
    qsizetype marks = 0;
    while (marks < text.size() && text[marks] == QChar(0xFEFF))
        ++marks;
    text.remove(0, marks);
    if (auto refusal = refuseDecodedText(text))
        return *refusal;
    const bool html = ContentSniffer::looksLikeHtml(text);
    return DecodedText{std::move(text), QString::fromLatin1(encoding), html};
}

// One clean decoding of the bytes and how Chinese it reads.
struct Candidate
{
    QByteArray codec;
    TextDecoder::Strict decoded;
    double score = 0;
};

} // namespace

qsizetype TextDecoder::firstInvalidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0; // no overlong forms
            if (c == 0xED)
                hi = 0x9F; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F; // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (int k = 2; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += len;
    }
    return -1;
}

TextDecoder::Strict TextDecoder::decodeStrict(const char *codec, QByteArrayView bytes)
{
    Strict result;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(codec, &status), ucnv_close);
    if (U_FAILURE(status))
        return result;
    // ICU's default callback silently substitutes U+FFFD; stopping is what makes "decodes" mean
    // "decodes cleanly".
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status))
        return result;
    // One UTF-16 unit per input byte at most, plus room for a pending surrogate pair.
    result.text.resize(bytes.size() + 2);
    auto *target = reinterpret_cast<UChar *>(result.text.data());
    UChar *const targetBegin = target;
    const char *source = bytes.data();
    const char *const sourceBegin = source;
    ucnv_toUnicode(conv.get(), &target, targetBegin + result.text.size(), &source,
                   sourceBegin + bytes.size(), nullptr, true, &status);
    if (U_FAILURE(status)) {
        char invalid[32];
        int8_t invalidLength = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(conv.get(), invalid, &invalidLength, &ignored);
        result.badOffset = (source - sourceBegin) - (U_SUCCESS(ignored) ? invalidLength : 0);
        result.text.clear();
        return result;
    }
    result.text.truncate(target - targetBegin);
    result.ok = true;
    return result;
}

double TextDecoder::chineseScore(QStringView text)
{
    qsizetype good = 0;
    qsizetype counted = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t ch = text[i].unicode();
        if (ch < 0x80)
            continue;
        ++counted;
        if (cjk::isCommonHan(ch) || cjk::isCjkPunctuation(ch))
            ++good;
    }
    return counted == 0 ? 0.0 : static_cast<double>(good) / static_cast<double>(counted);
}

Result<DecodedText> TextDecoder::decode(const QByteArray &bytes)
{
    Result<DecodedText> decoded = decodeDocument(bytes);
    if (decoded && decoded->html)
        return Error{QCoreApplication::translate("TextDecoder",
                                                 "is an HTML document, not a plain-text page")};
    return decoded;
}

Result<DecodedText> TextDecoder::decodeDocument(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return Error{QCoreApplication::translate("TextDecoder", "is empty: nothing to import")};
    const QString binary = ContentSniffer::binaryKind(bytes);
    if (!binary.isEmpty())
        return Error{
            QCoreApplication::translate("TextDecoder", "is a binary file (%1), not a text page")
                .arg(binary),
            Error::Kind::NotText};

    for (const Bom &bom : kBoms) {
        if (!bytes.startsWith(bom.bytes))
            continue;
        const QByteArrayView body = QByteArrayView(bytes).sliced(bom.bytes.size());
        Strict decoded = decodeStrict(bom.codec, body);
        if (!decoded.ok) {
            return Error{QCoreApplication::translate(
                             "TextDecoder",
                             "starts with a %1 byte-order mark but does not decode as %1 at %2")
                             .arg(QString::fromLatin1(bom.codec),
                                  describeOffset(decoded.badOffset + bom.bytes.size()))};
        }
        return finish(std::move(decoded.text), bom.codec);
    }

    const qsizetype firstNul = bytes.indexOf('\0');
    if (firstNul >= 0) {
        // Only UTF-16/32 puts NUL bytes into a text (every ASCII character gets one); uchardet
        // never proposes them without a BOM, so both byte orders are tried here.
        std::vector<Candidate> candidates;
        for (const char *codec : {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
            Strict decoded = decodeStrict(codec, bytes);
            if (!decoded.ok)
                continue;
            qsizetype plausible = 0;
            for (const QChar ch : decoded.text) {
                const char16_t u = ch.unicode();
                if ((u >= 0x20 && u < 0x7F) || u == u'\n' || u == u'\r' || u == u'\t' ||
                    cjk::isCommonHan(u) || cjk::isCjkPunctuation(u))
                    ++plausible;
            }
            const double score =
                decoded.text.isEmpty()
                    ? 0.0
                    : static_cast<double>(plausible) / static_cast<double>(decoded.text.size());
            candidates.push_back({codec, std::move(decoded), score});
        }
        const Candidate *best = nullptr;
        for (const Candidate &c : candidates) {
            if (!best || c.score > best->score)
                best = &c;
        }
        if (best && best->score >= 0.9)
            return finish(best->decoded.text, best->codec.constData());
        return Error{QCoreApplication::translate(
                         "TextDecoder",
                         "contains NUL bytes (first at %1) and is not UTF-16 or UTF-32 text: "
                         "a binary file, not a text page")
                         .arg(describeOffset(firstNul)),
                     Error::Kind::NotText};
    }

    const qsizetype badUtf8 = firstInvalidUtf8(bytes);
    if (badUtf8 < 0)
        return finish(QString::fromUtf8(bytes), "UTF-8");
    if (endsInsideUtf8Character(bytes, badUtf8)) {
        return Error{QCoreApplication::translate(
                         "TextDecoder",
                         "is UTF-8 text cut off inside its last character (at %1 of %2 bytes): the "
                         "file looks incomplete")
                         .arg(describeOffset(badUtf8))
                         .arg(bytes.size())};
    }
    if (auto mixed = mixedEncodingError(bytes, badUtf8))
        return *mixed;

    std::vector<QByteArray> codecs{"GB18030", "Big5-HKSCS"};
    QByteArray proposedCodec;
    bool proposalAsked = false;
    std::optional<Candidate> best;
    std::optional<Candidate> proposed;
    qsizetype furthestBad = -1;
    QString furthestCodec;
    for (size_t k = 0;; ++k) {
        if (k == codecs.size()) {
            // uchardet is asked only when neither Chinese encoding was certain.
            if (proposalAsked)
                break;
            proposalAsked = true;
            proposedCodec = icuNameFor(proposedByUchardet(bytes));
            if (proposedCodec.isEmpty() ||
                std::find(codecs.begin(), codecs.end(), proposedCodec) != codecs.end())
                break;
            codecs.push_back(proposedCodec);
        }
        const QByteArray codec = codecs[k];
        Strict decoded = decodeStrict(codec.constData(), bytes);
        if (!decoded.ok) {
            if (decoded.badOffset > furthestBad) {
                furthestBad = decoded.badOffset;
                furthestCodec = QString::fromLatin1(codec);
            }
            continue;
        }
        const double score = chineseScore(decoded.text);
        // Text decoded with the wrong legacy encoding never comes near this share of common
        // Chinese (Big5 read as GB18030 scores about half), so the other candidates can be spared.
        if (score >= kCertainChineseScore && decoded.text.size() >= 64 &&
            (codec == "GB18030" || codec == "Big5-HKSCS"))
            return finish(std::move(decoded.text), codec.constData());
        Candidate candidate{codec, std::move(decoded), score};
        if (codec == proposedCodec && codec != "GB18030" && codec != "Big5-HKSCS") {
            proposed = std::move(candidate);
            continue;
        }
        // Ties go to the earlier candidate: GB18030 is by far the more common legacy encoding.
        if (!best || score > best->score + 0.02)
            best = std::move(candidate);
    }
    if (best && best->score >= kMinimumChineseScore)
        return finish(std::move(best->decoded.text), best->codec.constData());
    // Text that is not Chinese at all (a Latin-1 note, say) is taken as uchardet names it.
    if (proposed)
        return finish(std::move(proposed->decoded.text), proposed->codec.constData());
    return Error{QCoreApplication::translate(
                     "TextDecoder",
                     "is not valid UTF-8 (first bad sequence at %1) and does not decode cleanly as "
                     "GB18030 or Big5 either%2: unknown or mixed encoding")
                     .arg(describeOffset(badUtf8),
                          furthestBad >= 0 ? u" (%1 fails at %2)"_s.arg(furthestCodec,
                                                                        describeOffset(furthestBad))
                                           : QString()),
                 Error::Kind::NotText};
}

} // namespace br
