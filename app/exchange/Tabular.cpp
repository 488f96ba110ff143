#include "exchange/Tabular.h"

#include "core/SafeText.h"
#include "exchange/CoverageTable.h"
#include "exchange/OutputFile.h"
#include "library/Library.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <utility>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// How many rows a workbook's column widths are measured over: a long list's first rows tell
// what it holds.
constexpr qsizetype kRowsMeasured = 1000;

// A text's width in Excel's units (the width of a "0"): East Asian wide characters take two.
double displayWidth(const QString &text)
{
    double width = 0;
    for (const char32_t c : text.left(200).toUcs4())
        width += SafeText::isWide(c) ? 2.0 : 1.1;
    return width;
}

// Marked with QT_TRANSLATE_NOOP where they are written, so lupdate finds them in "Export".
QString translated(const char *text)
{
    return QCoreApplication::translate("Export", text);
}

// Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules, which libxlsxwriter checks).
QString sheetName(const QString &name, int index)
{
    QString cleaned = name;
    for (const QChar c : u"[]:*?/\\"_s)
        cleaned.replace(c, u' ');
    cleaned = cleaned.trimmed().left(31);
    return cleaned.isEmpty() ? u"Sheet%1"_s.arg(index + 1) : cleaned;
}

} // namespace

namespace {

// Campaign ids as the exports name them: the Chinese name.
class CampaignNames
{
public:
    static Result<CampaignNames> of(Library &library)
    {
        Result<QList<Campaign>> campaigns = library.campaigns();
        if (!campaigns)
            return campaigns.error();
        CampaignNames names;
        for (const Campaign &c : campaigns.value())
            names.m_names.insert(c.id, c.nameZh);
        return names;
    }
    QString join(const QStringList &ids) const
    {
        QStringList list;
        for (const QString &id : ids)
            list.append(m_names.value(id, id));
        return list.join(u"; "_s);
    }

private:
    QHash<QString, QString> m_names;
};

} // namespace

// The articles of a filter with the names of their campaigns: what each list export starts from.
struct ListedArticles
{
    QList<ArticleRecord> records;
    CampaignNames names;

    static Result<ListedArticles> of(Library &library, const ArticleFilter &filter)
    {
        Result<QList<ArticleRecord>> records = library.articleRecords(filter);
        if (!records)
            return records.error();
        Result<CampaignNames> names = CampaignNames::of(library);
        if (!names)
            return names.error();
        return ListedArticles{std::move(records).value(), std::move(names).value()};
    }
};

// A header row: the English names as the exports' translation gives them.
QStringList headerOf(std::initializer_list<const char *> names)
{
    QStringList header;
    for (const char *name : names)
        header.append(translated(name));
    return header;
}

namespace Tables {

Tabular coverage(const CoverageTable &table)
{
    Tabular out;
    out.name = translated(QT_TRANSLATE_NOOP("Export", "Coverage"));
    out.header.append(CoverageTable::dimensionName(table.by));
    // Suggestions in columns of their own, for the campaigns the analysis suggests (a person's
    // own tags never are: a column of theirs would always read 0).
    QList<bool> suggestedApart;
    for (const Campaign &c : table.campaigns) {
        const auto &builtin = builtinCampaigns();
        suggestedApart.append(!table.countSuggested &&
                              std::any_of(builtin.cbegin(), builtin.cend(),
                                          [&](const Campaign &b) { return b.id == c.id; }));
        out.header.append(c.nameZh);
        if (suggestedApart.back())
            out.header.append(
                translated(QT_TRANSLATE_NOOP("Export", "%1 (suggested)")).arg(c.nameZh));
    }
    out.header.append(translated(QT_TRANSLATE_NOOP("Export", "Total")));
    const auto addRow = [&](const QString &label, const QList<int> &articles,
                            const QList<int> &suggested) {
        QVariantList row{label};
        int total = 0;
        for (qsizetype c = 0; c < articles.size(); ++c) {
            row.append(articles[c]);
            if (suggestedApart[c])
                row.append(suggested[c]);
            total += articles[c];
        }
        row.append(total);
        out.rows.append(row);
    };
    QList<int> suggestedTotals(table.campaigns.size(), 0);
    for (const CoverageTable::Row &row : table.rows) {
        addRow(row.key.isEmpty() ? translated(QT_TRANSLATE_NOOP("Export", "(none)")) : row.label,
               row.articles, row.suggested);
        for (qsizetype c = 0; c < row.suggested.size(); ++c)
            suggestedTotals[c] += row.suggested[c];
    }
    addRow(translated(QT_TRANSLATE_NOOP("Export", "Total")), table.columnTotals(), suggestedTotals);
    return out;
}

QStringList articleHeader()
{
    return headerOf(
        {QT_TRANSLATE_NOOP("Export", "Id"), QT_TRANSLATE_NOOP("Export", "Title"),
         QT_TRANSLATE_NOOP("Export", "Campaigns"), QT_TRANSLATE_NOOP("Export", "Suggested"),
         QT_TRANSLATE_NOOP("Export", "County"), QT_TRANSLATE_NOOP("Export", "Town"),
         QT_TRANSLATE_NOOP("Export", "Unit"), QT_TRANSLATE_NOOP("Export", "Places"),
         QT_TRANSLATE_NOOP("Export", "Publication"), QT_TRANSLATE_NOOP("Export", "Date"),
         QT_TRANSLATE_NOOP("Export", "Page"), QT_TRANSLATE_NOOP("Export", "Page file"),
         QT_TRANSLATE_NOOP("Export", "Annotations")});
}

Status forEachArticleRow(Library &library, const ArticleFilter &filter, const RowVisitor &each)
{
    Result<CampaignNames> names = CampaignNames::of(library);
    if (!names)
        return names.error();
    Status visited;
    const Status walked = library.forEachArticleRecord(filter, [&](ArticleRecord &r) {
        QStringList suggested;
        for (const CampaignSuggestion &s : r.summary.suggestions) {
            if (!r.summary.campaigns.contains(s.campaign))
                suggested.append(s.campaign);
        }
        visited = each(QVariantList{
            r.summary.id, r.summary.title, names->join(r.summary.campaigns), names->join(suggested),
            CoverageTable::labelFor(u"county"_s, r.county),
            CoverageTable::labelFor(u"town"_s, r.town), r.unit, r.places.join(u"; "_s),
            r.publication, r.date, r.pageNumber, r.summary.pageFile, r.summary.annotations});
        return visited.ok();
    });
    return walked ? visited : walked;
}

Result<Tabular> articles(Library &library, const ArticleFilter &filter)
{
    Tabular out;
    out.name = translated(QT_TRANSLATE_NOOP("Export", "Articles"));
    out.header = articleHeader();
    const Status walked = forEachArticleRow(library, filter, [&](const QVariantList &row) {
        out.rows.append(row);
        return Status{};
    });
    if (!walked)
        return walked.error();
    return out;
}

Result<Tabular> notes(Library &library, const ArticleFilter &filter)
{
    ArticleFilter annotated = filter;
    annotated.annotated = true;
    Result<ListedArticles> listed = ListedArticles::of(library, annotated);
    if (!listed)
        return listed.error();
    const CampaignNames *names = &listed->names;
    Tabular out;
    out.name = translated(QT_TRANSLATE_NOOP("Export", "Notes"));
    out.header = headerOf(
        {QT_TRANSLATE_NOOP("Export", "Article"), QT_TRANSLATE_NOOP("Export", "Title"),
         QT_TRANSLATE_NOOP("Export", "Page file"), QT_TRANSLATE_NOOP("Export", "Publication"),
         QT_TRANSLATE_NOOP("Export", "Date"), QT_TRANSLATE_NOOP("Export", "Page"),
         QT_TRANSLATE_NOOP("Export", "Campaigns"), QT_TRANSLATE_NOOP("Export", "Before"),
         QT_TRANSLATE_NOOP("Export", "Quote"), QT_TRANSLATE_NOOP("Export", "After"),
         QT_TRANSLATE_NOOP("Export", "Note"), QT_TRANSLATE_NOOP("Export", "Colour"),
         QT_TRANSLATE_NOOP("Export", "Start"), QT_TRANSLATE_NOOP("Export", "End"),
         QT_TRANSLATE_NOOP("Export", "Anchor"), QT_TRANSLATE_NOOP("Export", "Author"),
         QT_TRANSLATE_NOOP("Export", "Created"), QT_TRANSLATE_NOOP("Export", "Updated")});
    for (const ArticleRecord &r : listed->records) {
        Result<QList<Annotation>> annotations = library.annotations(r.summary.id);
        if (!annotations)
            return annotations.error();
        for (const Annotation &a : annotations.value()) {
            out.rows.append(
                QVariantList{r.summary.id, r.summary.title, r.summary.pageFile, r.publication,
                             r.date, r.pageNumber, names->join(r.summary.campaigns), a.prefix,
                             a.quote, a.suffix, a.note, a.color, a.start, a.end,
                             anchorStateName(a.anchor), a.author, a.createdAt, a.updatedAt});
        }
    }
    return out;
}

} // namespace Tables

namespace {

// Appends `text` as one CSV field.
void appendCsvField(QString &out, QStringView text)
{
    // A spreadsheet runs a field that starts with one of these as a formula (=HYPERLINK(...),
    // +cmd|...): page text and notes are not trusted, so such a field is kept as text by a
    // leading apostrophe (OWASP's advice for CSV injection).
    const bool formula = !text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front());
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r') {
            quoted = true;
            break;
        }
    }
    if (quoted)
        out += u'"';
    if (formula)
        out += u'\'';
    if (!quoted) {
        out += text;
        return;
    }
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'"')
            continue;
        out += text.sliced(plainFrom, i + 1 - plainFrom); // the quote, then once more
        out += u'"';
        plainFrom = i + 1;
    }
    out += text.sliced(plainFrom);
    out += u'"';
}

} // namespace

QString csvField(const QString &text)
{
    QString field;
    appendCsvField(field, text);
    return field;
}

namespace {

// One CSV line onto `out`: numbers as they are (only text can carry a formula), text as fields.
void appendCsvLine(QString &out, const QVariantList &row)
{
    for (qsizetype k = 0; k < row.size(); ++k) {
        if (k > 0)
            out += u',';
        const QVariant &v = row[k];
        switch (v.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
            out += QString::number(v.toLongLong());
            break;
        case QMetaType::QString:
            appendCsvField(out, *static_cast<const QString *>(v.constData()));
            break;
        default:
            appendCsvField(out, v.toString());
        }
    }
    out += u"\r\n";
}

QString csvHeader(const QStringList &header)
{
    QString line;
    for (qsizetype k = 0; k < header.size(); ++k) {
        if (k > 0)
            line += u',';
        appendCsvField(line, header[k]);
    }
    return line + u"\r\n"_s;
}

constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

} // namespace

QByteArray toCsv(const Tabular &table)
{
    QString csv = csvHeader(table.header);
    for (const QVariantList &row : table.rows)
        appendCsvLine(csv, row);
    return kUtf8Bom + csv.toUtf8();
}

Status writeCsv(QIODevice &device, const Tabular &table)
{
    return OutputFile::writeAll(device, toCsv(table));
}

Result<qint64> writeArticlesCsv(QIODevice &device, Library &library, const ArticleFilter &filter,
                                const std::function<Status(qint64 rows)> &eachRow)
{
    // Written as the rows come, in pieces of about 128,000 characters: an export of any size in
    // the memory of a chunk of the list. The piece's room is kept from piece to piece.
    constexpr qsizetype kPieceCharacters = 128 * 1024;
    QString piece = csvHeader(Tables::articleHeader());
    if (Status s = OutputFile::writeAll(device, QByteArray(kUtf8Bom)); !s)
        return s.error();
    qint64 rows = 0;
    const Status walked = Tables::forEachArticleRow(library, filter, [&](const QVariantList &row) {
        appendCsvLine(piece, row);
        ++rows;
        if (eachRow) {
            if (Status goOn = eachRow(rows); !goOn)
                return goOn;
        }
        if (piece.size() < kPieceCharacters)
            return Status{};
        const Status written = OutputFile::writeAll(device, piece.toUtf8());
        piece.truncate(0);
        return written;
    });
    if (!walked)
        return walked.error();
    if (Status s = OutputFile::writeAll(device, piece.toUtf8()); !s)
        return s.error();
    return rows;
}

namespace {

// A workbook libxlsxwriter writes to a file name of its own choosing, in a scratch folder; its
// bytes then go onto the device (through QSaveFile, for a file). `streamed` writes each row as it
// comes (libxlsxwriter's constant memory: rows in order, strings in their cells), for lists of
// any length; otherwise the workbook is held whole.
class ScratchWorkbook final
{
public:
    explicit ScratchWorkbook(bool streamed)
    {
        if (!m_scratch.isValid()) {
            m_error = u"cannot make a scratch folder: %1"_s.arg(m_scratch.errorString());
            return;
        }
        m_file = QFile::encodeName(m_scratch.filePath(u"export.xlsx"_s));
        m_tmpdir = QFile::encodeName(m_scratch.path());
        lxw_workbook_options options{};
        options.constant_memory = streamed ? LXW_TRUE : LXW_FALSE;
        options.tmpdir = m_tmpdir.data();
        m_workbook = workbook_new_opt(m_file.constData(), &options);
        if (!m_workbook) {
            m_error = u"cannot start the workbook"_s;
            return;
        }
        m_bold = workbook_add_format(m_workbook);
        format_set_bold(m_bold);
    }
    ~ScratchWorkbook()
    {
        if (m_workbook)
            workbook_close(m_workbook); // an export that stopped: the scratch folder goes with it
    }
    ScratchWorkbook(const ScratchWorkbook &) = delete;
    ScratchWorkbook &operator=(const ScratchWorkbook &) = delete;

    Status started() const { return m_error.isEmpty() ? Status{} : Status{Error{m_error}}; }

    // A sheet with its header row (bold, kept in view); null when the name is taken already.
    lxw_worksheet *addSheet(const QString &name, int index, const QStringList &header)
    {
        lxw_worksheet *sheet =
            workbook_add_worksheet(m_workbook, sheetName(name, index).toUtf8().constData());
        if (!sheet)
            return nullptr; // a repeated name: libxlsxwriter refuses it, the workbook stays valid
        for (qsizetype c = 0; c < header.size(); ++c) {
            worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                                   header[c].toUtf8().constData(), m_bold);
        }
        worksheet_freeze_panes(sheet, 1, 0);
        return sheet;
    }

    // Closes the workbook and copies it onto `device`.
    Status finish(QIODevice &device)
    {
        lxw_workbook *workbook = std::exchange(m_workbook, nullptr);
        if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR)
            return Error{
                u"cannot write the workbook: %1"_s.arg(QString::fromUtf8(lxw_strerror(error)))};
        QFile written(QString::fromLocal8Bit(m_file));
        if (!written.open(QIODevice::ReadOnly))
            return Error{u"cannot read the workbook back: %1"_s.arg(written.errorString())};
        const QByteArray bytes = written.readAll();
        if (written.error() != QFileDevice::NoError)
            return Error{u"cannot read the workbook back: %1"_s.arg(written.errorString())};
        return OutputFile::writeAll(device, bytes);
    }

private:
    QTemporaryDir m_scratch;
    QByteArray m_file;
    QByteArray m_tmpdir;
    lxw_workbook *m_workbook = nullptr;
    lxw_format *m_bold = nullptr;
    QString m_error;
};

// One row of cells: numbers as numbers, the rest as text.
void writeXlsxRow(lxw_worksheet *sheet, lxw_row_t rowIndex, const QVariantList &row)
{
    for (qsizetype c = 0; c < row.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const QVariant &v = row[c];
        if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong) {
            worksheet_write_number(sheet, rowIndex, col, v.toDouble(), nullptr);
        } else {
            // Excel holds at most 32,767 characters in a cell.
            worksheet_write_string(sheet, rowIndex, col,
                                   v.toString().left(32767).toUtf8().constData(), nullptr);
        }
    }
}

// Each column as wide as what it holds (its header and the first rows), in Excel's character
// widths: a hanzi takes two.
void setColumnWidths(lxw_worksheet *sheet, const QStringList &header,
                     const QList<QVariantList> &rows)
{
    for (qsizetype c = 0; c < header.size(); ++c) {
        double width = displayWidth(header[c]);
        for (qsizetype r = 0; r < std::min<qsizetype>(rows.size(), kRowsMeasured); ++r) {
            if (c < rows[r].size())
                width = std::max(width, displayWidth(rows[r][c].toString()));
        }
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             std::clamp(width + 2, 6.0, 60.0), nullptr);
    }
}

} // namespace

Status writeXlsx(QIODevice &device, const QList<Tabular> &sheets)
{
    ScratchWorkbook book(false);
    if (Status s = book.started(); !s)
        return s;
    for (qsizetype s = 0; s < sheets.size(); ++s) {
        const Tabular &table = sheets[s];
        lxw_worksheet *sheet = book.addSheet(table.name, static_cast<int>(s), table.header);
        if (!sheet)
            continue;
        for (qsizetype r = 0; r < table.rows.size(); ++r)
            writeXlsxRow(sheet, static_cast<lxw_row_t>(r + 1), table.rows[r]);
        setColumnWidths(sheet, table.header, table.rows);
    }
    return book.finish(device);
}

Result<qint64> writeArticlesXlsx(QIODevice &device, Library &library, const ArticleFilter &filter,
                                 const std::function<Status(qint64 rows)> &eachRow)
{
    // Rows are written as the library gives them; the first kRowsMeasured are held back until
    // the columns' widths are known from them.
    ScratchWorkbook book(true);
    if (Status s = book.started(); !s)
        return s.error();
    const QStringList header = Tables::articleHeader();
    lxw_worksheet *sheet =
        book.addSheet(translated(QT_TRANSLATE_NOOP("Export", "Articles")), 0, header);
    if (!sheet)
        return Error{u"cannot start the workbook's sheet"_s};
    QList<QVariantList> first;
    bool widthsSet = false;
    const auto writeFirst = [&] {
        setColumnWidths(sheet, header, first);
        for (qsizetype r = 0; r < first.size(); ++r)
            writeXlsxRow(sheet, static_cast<lxw_row_t>(r + 1), first[r]);
        first.clear();
        widthsSet = true;
    };
    qint64 rows = 0;
    const Status walked = Tables::forEachArticleRow(library, filter, [&](const QVariantList &row) {
        ++rows;
        if (widthsSet) {
            writeXlsxRow(sheet, static_cast<lxw_row_t>(rows), row);
        } else {
            first.append(row);
            if (first.size() == kRowsMeasured)
                writeFirst();
        }
        return eachRow ? eachRow(rows) : Status{};
    });
    if (!walked)
        return walked.error();
    if (!widthsSet)
        writeFirst();
    if (Status s = book.finish(device); !s)
        return s.error();
    return rows;
}

} // namespace br
