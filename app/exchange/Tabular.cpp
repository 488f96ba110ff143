#include "exchange/Tabular.h"

#include "exchange/CoverageTable.h"
#include "exchange/OutputFile.h"
#include "library/Library.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>

#include <xlsxwriter.h>

namespace br {

using namespace Qt::StringLiterals;

namespace {

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

namespace Tables {

Tabular coverage(const CoverageTable &table)
{
    Tabular out;
    out.name = translated(QT_TRANSLATE_NOOP("Export", "Coverage"));
    out.header.append(CoverageTable::dimensionName(table.by));
    const bool suggestedApart = !table.countSuggested;
    for (const Campaign &c : table.campaigns) {
        out.header.append(c.nameZh);
        if (suggestedApart)
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
            if (suggestedApart)
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

Result<Tabular> articles(Library &library, const ArticleFilter &filter)
{
    Result<QList<ArticleRecord>> records = library.articleRecords(filter);
    if (!records)
        return records.error();
    Result<QList<Campaign>> campaigns = library.campaigns();
    if (!campaigns)
        return campaigns.error();
    QHash<QString, QString> nameOf;
    for (const Campaign &c : campaigns.value())
        nameOf.insert(c.id, c.nameZh);
    const auto names = [&](const QStringList &ids) {
        QStringList list;
        for (const QString &id : ids)
            list.append(nameOf.value(id, id));
        return list.join(u"; "_s);
    };
    Tabular out;
    out.name = translated(QT_TRANSLATE_NOOP("Export", "Articles"));
    out.header = QStringList{translated(QT_TRANSLATE_NOOP("Export", "Id")),
                             translated(QT_TRANSLATE_NOOP("Export", "Title")),
                             translated(QT_TRANSLATE_NOOP("Export", "Campaigns")),
                             translated(QT_TRANSLATE_NOOP("Export", "Suggested")),
                             translated(QT_TRANSLATE_NOOP("Export", "County")),
                             translated(QT_TRANSLATE_NOOP("Export", "Town")),
                             translated(QT_TRANSLATE_NOOP("Export", "Unit")),
                             translated(QT_TRANSLATE_NOOP("Export", "Places")),
                             translated(QT_TRANSLATE_NOOP("Export", "Publication")),
                             translated(QT_TRANSLATE_NOOP("Export", "Date")),
                             translated(QT_TRANSLATE_NOOP("Export", "Page")),
                             translated(QT_TRANSLATE_NOOP("Export", "Page file")),
                             translated(QT_TRANSLATE_NOOP("Export", "Annotations"))};
    for (const ArticleRecord &r : records.value()) {
        QStringList suggested;
        for (const CampaignSuggestion &s : r.summary.suggestions) {
            if (!r.summary.campaigns.contains(s.campaign))
                suggested.append(s.campaign);
        }
        out.rows.append(QVariantList{
            r.summary.id, r.summary.title, names(r.summary.campaigns), names(suggested),
            CoverageTable::labelFor(u"county"_s, r.county),
            CoverageTable::labelFor(u"town"_s, r.town), r.unit, r.places.join(u"; "_s),
            r.publication, r.date, r.pageNumber, r.summary.pageFile, r.summary.annotations});
    }
    return out;
}

} // namespace Tables

QString csvField(const QString &text)
{
    // A spreadsheet runs a field that starts with one of these as a formula (=HYPERLINK(...),
    // +cmd|...): page text and notes are not trusted, so such a field is kept as text by a
    // leading apostrophe (OWASP's advice for CSV injection).
    static const QString kFormulaStarts = u"=+-@\t\r"_s;
    QString field = text;
    if (!field.isEmpty() && kFormulaStarts.contains(field.front()))
        field.prepend(u'\'');
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') &&
        !field.contains(u'\r'))
        return field;
    return u'"' + field.replace(u'"', u"\"\""_s) + u'"';
}

QByteArray toCsv(const Tabular &table)
{
    QString csv;
    QStringList header;
    for (const QString &name : table.header)
        header.append(csvField(name));
    csv += header.join(u',') + u"\r\n"_s;
    for (const QVariantList &row : table.rows) {
        QStringList fields;
        for (const QVariant &v : row) {
            // Numbers are numbers: only text can carry a formula.
            const bool number = v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong;
            fields.append(number ? v.toString() : csvField(v.toString()));
        }
        csv += fields.join(u',') + u"\r\n"_s;
    }
    return "\xEF\xBB\xBF" + csv.toUtf8();
}

Status writeCsv(QIODevice &device, const Tabular &table)
{
    return OutputFile::writeAll(device, toCsv(table));
}

Status writeXlsx(QIODevice &device, const QList<Tabular> &sheets)
{
    // libxlsxwriter writes to a file name of its own choosing: a scratch folder, then the bytes go
    // to `path` through QSaveFile.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Error{u"cannot make a scratch folder: %1"_s.arg(scratch.errorString())};
    const QByteArray scratchFile = QFile::encodeName(scratch.filePath(u"export.xlsx"_s));
    const QByteArray tmpdir = QFile::encodeName(scratch.path());
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = const_cast<char *>(tmpdir.constData());
    lxw_workbook *workbook = workbook_new_opt(scratchFile.constData(), &options);
    if (!workbook)
        return Error{u"cannot start the workbook"_s};
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (qsizetype s = 0; s < sheets.size(); ++s) {
        const Tabular &table = sheets[s];
        const QByteArray name = sheetName(table.name, static_cast<int>(s)).toUtf8();
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, name.constData());
        if (!sheet)
            continue; // a repeated name: libxlsxwriter refuses it, the workbook stays valid
        for (qsizetype c = 0; c < table.header.size(); ++c) {
            worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                                   table.header[c].toUtf8().constData(), bold);
        }
        worksheet_freeze_panes(sheet, 1, 0);
        for (qsizetype r = 0; r < table.rows.size(); ++r) {
            const QVariantList &row = table.rows[r];
            const auto rowIndex = static_cast<lxw_row_t>(r + 1);
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
        worksheet_set_column(
            sheet, 0, static_cast<lxw_col_t>(std::max<qsizetype>(0, table.header.size() - 1)), 14,
            nullptr);
    }
    if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR)
        return Error{
            u"cannot write the workbook: %1"_s.arg(QString::fromUtf8(lxw_strerror(error)))};
    QFile written(QString::fromLocal8Bit(scratchFile));
    if (!written.open(QIODevice::ReadOnly))
        return Error{u"cannot read the workbook back: %1"_s.arg(written.errorString())};
    const QByteArray bytes = written.readAll();
    if (written.error() != QFileDevice::NoError)
        return Error{u"cannot read the workbook back: %1"_s.arg(written.errorString())};
    return OutputFile::writeAll(device, bytes);
}

} // namespace br
