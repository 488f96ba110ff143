#include "library/SearchQuery.h"

#include "library/CjkTokenizer.h"
#include "text/CharFold.h"

namespace br {

using namespace Qt::StringLiterals;

namespace {

bool isSpace(QChar c)
{
    return c.isSpace() || c == QChar(0x3000);
}

bool isOpeningQuote(QChar c)
{
    return c == u'"' || c == QChar(0x201C);
}

bool isClosingQuote(QChar c)
{
    return c == u'"' || c == QChar(0x201D);
}

// An FTS5 string: double quotes doubled. The tokens hold only word characters, so this is belt and
// braces, never a way in for syntax.
QString quoted(const QString &token)
{
    return u'"' + QString(token).replace(u'"', u"\"\""_s) + u'"';
}

QString joined(const QList<SearchQuery::Phrase> &phrases, const QString &separator)
{
    QStringList expressions;
    for (const SearchQuery::Phrase &phrase : phrases)
        expressions.append(phrase.expression);
    return expressions.join(separator);
}

} // namespace

SearchQuery SearchQuery::parse(QStringView input)
{
    SearchQuery query;
    qsizetype i = 0;
    while (i < input.size()) {
        while (i < input.size() && isSpace(input[i]))
            ++i;
        if (i >= input.size())
            break;
        bool exclude = false;
        if (input[i] == u'-' && i + 1 < input.size() && !isSpace(input[i + 1])) {
            exclude = true;
            ++i;
        }
        QString text;
        if (isOpeningQuote(input[i])) {
            qsizetype end = i + 1;
            while (end < input.size() && !isClosingQuote(input[end]))
                ++end;
            if (end < input.size()) { // a phrase: spaces inside belong to it
                text = input.sliced(i + 1, end - i - 1).toString();
                i = end + 1;
            } else { // an unbalanced quote is text like any other
                qsizetype stop = i;
                while (stop < input.size() && !isSpace(input[stop]))
                    ++stop;
                text = input.sliced(i, stop - i).toString();
                i = stop;
            }
        } else {
            qsizetype stop = i;
            while (stop < input.size() && !isSpace(input[stop]))
                ++stop;
            text = input.sliced(i, stop - i).toString();
            i = stop;
        }
        Term term;
        term.text = text;
        term.folded = CharFold::fold(text);
        if (term.folded.isEmpty())
            continue;
        for (qsizetype k = 0; k < term.folded.size(); ++k) {
            const QChar c = term.folded[k];
            char32_t code = c.unicode();
            if (c.isHighSurrogate() && k + 1 < term.folded.size())
                code = QChar::surrogateToUcs4(c, term.folded[++k]);
            if (!CharFold::isWordChar(code))
                term.exact = false;
        }
        (exclude ? query.m_excluded : query.m_included).append(std::move(term));
    }
    return query;
}

void SearchQuery::addPhrases(const Term &term, QList<Phrase> &pairs, QList<Phrase> &characters)
{
    for (const QStringList &tokens : cjkPhrasesOf(term.folded)) {
        if (tokens.size() == 1 && QStringView(tokens.front()).toUcs4().size() == 1) {
            const QString character = quoted(tokens.front());
            characters.append({character, 1, character});
            continue;
        }
        QStringList phrase;
        for (const QString &pair : tokens)
            phrase.append(quoted(pair));
        // consecutive pairs: the run as a substring, or the runs around punctuation as the index
        // holds them (the text check decides what stands between)
        pairs.append(
            {phrase.join(u" + "_s), static_cast<int>(tokens.size()), phrase.join(u" AND "_s)});
    }
}

SearchQuery::Expressions SearchQuery::includedExpressions() const
{
    const Phrases phrases = includedPhrases();
    return {joined(phrases.pairs, u" AND "_s), joined(phrases.characters, u" AND "_s)};
}

SearchQuery::Phrases SearchQuery::includedPhrases() const
{
    Phrases phrases;
    for (const Term &term : m_included)
        addPhrases(term, phrases.pairs, phrases.characters);
    return phrases;
}

SearchQuery::Expressions SearchQuery::excludedExpressions() const
{
    // Only terms the index decides alone: an excluded "a-b" must not drop an article that has
    // a and b apart; the text check sees to those.
    Phrases phrases;
    for (const Term &term : m_excluded) {
        if (term.exact)
            addPhrases(term, phrases.pairs, phrases.characters);
    }
    return {joined(phrases.pairs, u" OR "_s), joined(phrases.characters, u" OR "_s)};
}

bool SearchQuery::needsTextCheck() const
{
    for (const Term &term : m_included) {
        if (!term.exact)
            return true;
    }
    for (const Term &term : m_excluded) {
        if (!term.exact)
            return true;
    }
    return false;
}

bool SearchQuery::matchesFolded(QStringView foldedText) const
{
    for (const Term &term : m_included) {
        if (!foldedText.contains(term.folded))
            return false;
    }
    for (const Term &term : m_excluded) {
        if (foldedText.contains(term.folded))
            return false;
    }
    return true;
}

QList<std::pair<qsizetype, qsizetype>> SearchQuery::matchRanges(const QString &plainText) const
{
    // Fold the text keeping, for every folded character, where it came from.
    QString folded;
    QList<qsizetype> origin;
    folded.reserve(plainText.size());
    origin.reserve(plainText.size());
    std::u32string buffer;
    for (qsizetype i = 0; i < plainText.size();) {
        char32_t c = plainText[i].unicode();
        qsizetype width = 1;
        if (plainText[i].isHighSurrogate() && i + 1 < plainText.size()) {
            c = QChar::surrogateToUcs4(plainText[i], plainText[i + 1]);
            width = 2;
        }
        buffer.clear();
        CharFold::append(c, buffer);
        // Appended as UTF-16 in place: a QString made for every character cost more than the
        // search itself on a page of long articles.
        for (const char32_t folding : buffer) {
            if (QChar::requiresSurrogates(folding)) {
                folded += QChar(QChar::highSurrogate(folding));
                folded += QChar(QChar::lowSurrogate(folding));
                origin.append(i);
            } else {
                folded += QChar(static_cast<char16_t>(folding));
            }
            origin.append(i);
        }
        i += width;
    }
    origin.append(plainText.size());
    QList<std::pair<qsizetype, qsizetype>> matches;
    for (const Term &term : m_included) {
        for (qsizetype at = folded.indexOf(term.folded); at >= 0;
             at = folded.indexOf(term.folded, at + std::max<qsizetype>(1, term.folded.size()))) {
            matches.append({origin[at], origin[at + term.folded.size()]});
        }
    }
    std::sort(matches.begin(), matches.end());
    return matches;
}

QString SearchQuery::snippet(const QString &plainText, QChar start, QChar end, int radius) const
{
    const QList<std::pair<qsizetype, qsizetype>> matches = matchRanges(plainText);
    const qsizetype first = matches.isEmpty() ? 0 : matches.front().first;
    const qsizetype from = std::max<qsizetype>(0, first - radius / 2);
    const qsizetype to = std::min(plainText.size(), from + 2 * radius);
    QString out;
    if (from > 0)
        out += QChar(0x2026);
    qsizetype pos = from;
    for (const auto &[a, b] : matches) {
        if (a < pos || a >= to)
            continue;
        out += QStringView(plainText).sliced(pos, a - pos);
        out += start;
        out += QStringView(plainText).sliced(a, std::min(b, to) - a);
        out += end;
        pos = std::min(b, to);
    }
    out += QStringView(plainText).sliced(pos, to - pos);
    if (to < plainText.size())
        out += QChar(0x2026);
    return out.replace(u'\n', u' ');
}

} // namespace br
