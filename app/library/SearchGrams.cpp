#include "library/SearchGrams.h"

#include "text/CharFold.h"

#include <algorithm>

namespace br::SearchGrams {
namespace {

constexpr int kPairShift = 21; // above every code point: a pair's code is never a character's

qint64 pairCode(char32_t first, char32_t second)
{
    return (static_cast<qint64>(first) << kPairShift) | static_cast<qint64>(second);
}

// Calls `visit(c, previous)` for every word character, with the word character before it (0 at
// the start of a run).
template <typename Visit> void forEachWordChar(QStringView text, Visit visit)
{
    char32_t previous = 0;
    for (qsizetype i = 0; i < text.size();) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            i += 2;
        } else {
            ++i;
        }
        if (!CharFold::isWordChar(c)) {
            previous = 0;
            continue;
        }
        visit(c, previous);
        previous = c;
    }
}

void sortUnique(std::vector<qint64> &codes)
{
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
}

} // namespace

std::vector<qint64> ofText(QStringView folded)
{
    std::vector<qint64> codes;
    codes.reserve(static_cast<size_t>(folded.size()) * 2);
    forEachWordChar(folded, [&](char32_t c, char32_t previous) {
        codes.push_back(c);
        if (previous)
            codes.push_back(pairCode(previous, c));
    });
    sortUnique(codes);
    return codes;
}

std::vector<qint64> ofTerms(const QStringList &foldedTerms)
{
    std::vector<qint64> codes;
    for (const QString &term : foldedTerms) {
        // A run of one character asks for the character, a longer one for its pairs.
        std::vector<char32_t> run;
        const auto flush = [&] {
            if (run.size() == 1)
                codes.push_back(run.front());
            for (size_t i = 1; i < run.size(); ++i)
                codes.push_back(pairCode(run[i - 1], run[i]));
            run.clear();
        };
        forEachWordChar(term, [&](char32_t c, char32_t previous) {
            if (!previous)
                flush();
            run.push_back(c);
        });
        flush();
    }
    sortUnique(codes);
    return codes;
}

QByteArray arrayLiteral(const std::vector<qint64> &codes)
{
    QByteArray out = "{";
    for (size_t i = 0; i < codes.size(); ++i) {
        if (i)
            out.append(',');
        out.append(QByteArray::number(codes[i]));
    }
    out.append('}');
    return out;
}

QByteArray arrayLiteral(const QStringList &texts)
{
    QByteArray out = "{";
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (i)
            out.append(',');
        out.append('"');
        for (const char c : texts[i].toUtf8()) {
            if (c == '"' || c == '\\')
                out.append('\\');
            out.append(c);
        }
        out.append('"');
    }
    out.append('}');
    return out;
}

} // namespace br::SearchGrams
