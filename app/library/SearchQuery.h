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

    // The FTS5 expression for the included terms that have index tokens, or empty when none has.
    QString matchExpression() const;
    // The FTS5 expression matching any excluded term the index decides exactly, or empty.
    QString excludedExpression() const;
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
    static QString expressionFor(const Term &term);

    QList<Term> m_included;
    QList<Term> m_excluded;
};

} // namespace br
