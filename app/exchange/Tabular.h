#pragma once

#include "core/Result.h"

#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace br {

class Library;
struct ArticleFilter;
struct CoverageTable;

// A table to export: a sheet name, a header row and rows of text or numbers (a QVariant holding
// an int stays a number in a spreadsheet).
struct Tabular
{
    QString name;
    QStringList header;
    QList<QVariantList> rows;
};

// The tables the program exports, with headers in the program's language.
namespace Tables {
// The coverage table: the key, a column per campaign, the total; with suggestions apart when
// they are not counted in.
Tabular coverage(const CoverageTable &table);
// The article list: title, campaigns, suggestions, county, town, unit, places, publication, date,
// page, annotations.
Result<Tabular> articles(Library &library, const ArticleFilter &filter);
// Its header, and its rows one at a time in the list's order (an error from `each` ends the walk
// with that error).
QStringList articleHeader();
using RowVisitor = std::function<Status(const QVariantList &row)>;
Status forEachArticleRow(Library &library, const ArticleFilter &filter, const RowVisitor &each);
// The highlights and notes of the articles of `filter`, one row each: the article, its page,
// publication, date and campaigns, the quote with its context, the note, colour, position (code
// points), anchor state, who and when.
Result<Tabular> notes(Library &library, const ArticleFilter &filter);
} // namespace Tables

// One CSV field: quoted when it holds a separator, a quote or a line break (RFC 4180); a field
// that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text.
QString csvField(const QString &text);

// CSV (RFC 4180; UTF-8 with a byte-order mark, which spreadsheet programs need to read Chinese).
QByteArray toCsv(const Tabular &table);
Status writeCsv(QIODevice &device, const Tabular &table);
// The article list as CSV, written as the library gives its rows: the rows written. `eachRow`,
// when given, is asked after every row whether to go on (an error ends the export with it).
Result<qint64> writeArticlesCsv(QIODevice &device, Library &library, const ArticleFilter &filter,
                                const std::function<Status(qint64 rows)> &eachRow = {});

// An .xlsx workbook, one sheet per table, made with libxlsxwriter (in a scratch folder of its own)
// and copied onto `device`.
Status writeXlsx(QIODevice &device, const QList<Tabular> &sheets);
// The article list as an .xlsx workbook, its rows written as the library gives them (the
// workbook's rows on disk, not in memory): the rows written. `eachRow` as for the CSV.
Result<qint64> writeArticlesXlsx(QIODevice &device, Library &library, const ArticleFilter &filter,
                                 const std::function<Status(qint64 rows)> &eachRow = {});

} // namespace br
