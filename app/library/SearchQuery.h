#pragma once

#include <QString>
#include <QStringList>

namespace br {

// What a person typed into a search field, taken apart: terms separated by spaces, "…" (or “…”)
// for a phrase with spaces in it, -term to exclude. Nothing of it is ever handed to FTS5 as
// syntax: quotes, *, NEAR, AND, brackets and unbalanced quotes are just text to find.
class SearchQuery final
{
public:
    struct Term
    {
        QString text;      // as typed
        QString folded;    // CharFold::fold(text)
        bool exact = true; // the index alone decides it (only word characters in it)
    };

    static SearchQuery parse(QStringView input);

    const QList<Term> &included() const { return m_included; }
    const QList<Term> &excluded() const { return m_excluded; }
    bool isEmpty() const { return m_included.isEmpty() && m_excluded.isEmpty(); }

    // FTS5 expressions for the two index tables (see CjkTokenizer.h): runs of two characters or
    // more as phrases of pairs for article_fts (runs on either side of punctuation in one term as
    // one phrase, as the index holds them: cjkPhrasesOf), single characters for article_chars;
    // either is empty when the query gives it nothing to match.
    struct Expressions
    {
        QString pairs;
        QString characters;
        bool isEmpty() const { return pairs.isEmpty() && characters.isEmpty(); }
    };
    // What an article must hold: every phrase of every included term.
    Expressions includedExpressions() const;
    // The same as phrases, each its own FTS5 expression (the AND of them is the expression).
    struct Phrase
    {
        QString expression; // "a" + "b" + "c": FTS5 matches the run
        int tokens = 1;     // its pairs (a run of n characters has n - 1)
        // "a" AND "b" AND "c": FTS5 finds the articles holding the tokens, and the caller
        // matches the run (see HitReader::countRun)
        QString tokensExpression;
    };
    struct Phrases
    {
        QList<Phrase> pairs;
        QList<Phrase> characters;
    };
    Phrases includedPhrases() const;
    // What rules an article out: any excluded term the index decides alone (each expression
    // matches the articles holding one of them).
    Expressions excludedExpressions() const;
    // Whether the index answer must be checked against the text (a term with punctuation or
    // spaces in it, or one with no word characters at all).
    bool needsTextCheck() const;
    // The brute-force answer for one article: its folded text contains every included term and
    // no excluded one.
    bool matchesFolded(QStringView foldedText) const;
    // Where the included terms occur in `plainText` (unfolded), as [start, end) ranges in order.
    QList<std::pair<qsizetype, qsizetype>> matchRanges(const QString &plainText) const;
    // A piece of `plainText` around the first match of an included term, every match in it put
    // between `start` and `end` marks; "…" where it cuts the text.
    QString snippet(const QString &plainText, QChar start, QChar end, int radius = 40) const;

private:
    static void addPhrases(const Term &term, QList<Phrase> &pairs, QList<Phrase> &characters);

    QList<Term> m_included;
    QList<Term> m_excluded;
};

} // namespace br
