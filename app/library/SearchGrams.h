#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace br {

// The search index on a server, in the shapes of the file's tokenizer (CjkTokenizer): a folded
// text is indexed by the code of every word character and of every pair of neighbouring word
// characters; a term asks for its pairs (a run of two or more characters) or its character (a run
// of one). An article holding every code of a term may still hold its pairs apart: the folded text
// decides (br_contains_all), so the index only narrows down, as FTS5 does for the file.
namespace SearchGrams {

// Sorted, each code once.
std::vector<qint64> ofText(QStringView folded);
std::vector<qint64> ofTerms(const QStringList &foldedTerms);
// As PostgreSQL writes an array of bigint: {1,2,3}.
QByteArray arrayLiteral(const std::vector<qint64> &codes);
// As PostgreSQL writes an array of text, each element quoted.
QByteArray arrayLiteral(const QStringList &texts);

} // namespace SearchGrams
} // namespace br
