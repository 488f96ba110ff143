#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/SafeText.h"
#include "exchange/CoverageTable.h"
#include "exchange/OutputFile.h"
#include "exchange/RecordExport.h"
#include "exchange/Tabular.h"
#include "library/Library.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace br::cli {

using namespace Qt::StringLiterals;

namespace {

// The machine-readable rows: one per key and campaign, as the library counts them.
QByteArray rowsAs(const QString &format, const QString &by, const QList<CoverageRow> &rows)
{
    const bool coded = by == u"county"_s || by == u"town"_s;
    if (format == u"json"_s) {
        QJsonArray array;
        for (const CoverageRow &row : rows) {
            array.append(QJsonObject{{u"key"_s, CoverageTable::labelFor(by, row.key)},
                                     {u"code"_s, coded ? row.key : QString()},
                                     {u"campaign"_s, row.campaign},
                                     {u"articles"_s, row.articles},
                                     {u"suggested"_s, row.suggested}});
        }
        return QJsonDocument(QJsonObject{{u"rows"_s, array}}).toJson(QJsonDocument::Indented);
    }
    QString csv = u"key,code,campaign,articles,suggested\n"_s;
    for (const CoverageRow &row : rows) {
        csv += QStringList{csvField(CoverageTable::labelFor(by, row.key)),
                           coded ? row.key : QString(), csvField(row.campaign),
                           QString::number(row.articles), QString::number(row.suggested)}
                   .join(u',') +
               u'\n';
    }
    return csv.toUtf8();
}

} // namespace

int runReport(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption by(u"by"_s, u"Rows by county, town, unit, month or publication."_s,
                                u"KEY"_s, u"county"_s);
    const QCommandLineOption campaign(u"campaign"_s, u"Only this campaign id."_s, u"ID"_s);
    const QCommandLineOption suggested(u"suggested"_s,
                                       u"Count suggested, not yet confirmed articles as well."_s);
    const QCommandLineOption format(u"format"_s, u"json, csv, xlsx or pdf."_s, u"FORMAT"_s,
                                    u"json"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s},
                                    u"Write to FILE instead of stdout (needed for xlsx and pdf)."_s,
                                    u"FILE"_s);
    const QCommandLineOption noNotes(u"no-notes"_s,
                                     u"pdf: leave out the list of highlights and notes."_s);
    parser.addOptions({by, campaign, suggested, format, output, noNotes});
    if (auto exit = parseCommandLine(parser, context,
                                     u"Counts the library's articles by campaign and county, town, "
                                     u"unit, month or publication."_s))
        return *exit;
    const QString kind = parser.value(format);
    if (!QStringList{u"json"_s, u"csv"_s, u"xlsx"_s, u"pdf"_s}.contains(kind)) {
        context.err << u"report: --format is json, csv, xlsx or pdf.\n"_s;
        return UsageError;
    }
    if ((kind == u"xlsx"_s || kind == u"pdf"_s) && !parser.isSet(output)) {
        context.err << u"report: --format %1 needs -o FILE.\n"_s.arg(kind);
        return UsageError;
    }
    if (!coverageDimensions().contains(parser.value(by))) {
        context.err << u"report: --by is one of %1.\n"_s.arg(coverageDimensions().join(u", "_s));
        return UsageError;
    }
    const std::unique_ptr<Library> library = openLibrary(context, LibraryUse::Reading);
    if (!library)
        return PartialFailure;
    const ReportRequest request{parser.value(by), parser.value(campaign), parser.isSet(suggested),
                                !parser.isSet(noNotes)};
    Status written;
    if (kind == u"pdf"_s) {
        if (!pdfReportWriter()) {
            context.err << u"report: this build cannot write PDF reports.\n"_s;
            return PartialFailure;
        }
        written = pdfReportWriter()(*library, request, parser.value(output));
    } else if (kind == u"xlsx"_s) {
        Result<CoverageTable> table =
            CoverageTable::build(*library, request.by, request.campaign, request.countSuggested);
        if (!table) {
            context.err << u"report: "_s << table.errorMessage() << u"\n"_s;
            return PartialFailure;
        }
        const Tabular coverage = Tables::coverage(table.value());
        written = OutputFile::write(
            parser.value(output), [&](QIODevice &device) { return writeXlsx(device, {coverage}); });
    } else {
        const Result<QList<CoverageRow>> rows =
            library->coverage(request.by, request.campaign, request.countSuggested);
        if (!rows) {
            context.err << u"report: "_s << rows.errorMessage() << u"\n"_s;
            return PartialFailure;
        }
        const QByteArray bytes = rowsAs(kind, request.by, rows.value());
        if (!parser.isSet(output)) {
            context.out << QString::fromUtf8(bytes);
            return Success;
        }
        written = OutputFile::write(parser.value(output), [&](QIODevice &device) {
            return OutputFile::writeAll(device, bytes);
        });
    }
    if (!written) {
        context.err << u"report: "_s << written.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    return Success;
}

int runExport(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption campaign(u"campaign"_s, u"Only articles tagged with this campaign."_s,
                                      u"ID"_s);
    const QCommandLineOption search(u"search"_s, u"Only articles matching this search."_s,
                                    u"QUERY"_s);
    const QCommandLineOption format(
        u"format"_s,
        u"csv or xlsx (the article list, or with --notes the highlights), w3c (W3C Web "
        u"Annotation JSON-LD), qdpx (a REFI-QDA project) or qdc (its codebook). Default: from "
        u"FILE's suffix."_s,
        u"FORMAT"_s);
    const QCommandLineOption notes(u"notes"_s,
                                   u"csv / xlsx: one row per highlight and note, with its "
                                   u"article, quote and context, who and when."_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"The file to write."_s, u"FILE"_s);
    parser.addOptions({campaign, search, format, notes, output});
    if (auto exit = parseCommandLine(parser, context,
                                     u"Exports the article list with campaigns, places, unit, "
                                     u"page, date and annotation count; the highlights and notes; "
                                     u"or the whole record for other tools."_s))
        return *exit;
    if (!parser.isSet(output)) {
        context.err << u"export: -o FILE is needed.\n"_s;
        return UsageError;
    }
    const QString path = parser.value(output);
    const QString kind = parser.isSet(format) ? parser.value(format) : exportFormatFromSuffix(path);
    if (!exportFormats().contains(kind)) {
        context.err << u"export: --format is one of %1.\n"_s.arg(exportFormats().join(u", "_s));
        return UsageError;
    }
    if (parser.isSet(notes) && kind != u"csv"_s && kind != u"xlsx"_s) {
        context.err << u"export: --notes goes with csv or xlsx (w3c and qdpx carry the notes "
                       u"anyway).\n"_s;
        return UsageError;
    }
    const std::unique_ptr<Library> library = openLibrary(context, LibraryUse::Reading);
    if (!library)
        return PartialFailure;
    ArticleFilter filter;
    filter.campaign = parser.value(campaign);
    filter.text = parser.value(search);
    const Result<ExportCount> written =
        exportRecord(*library, filter, path, kind, parser.isSet(notes));
    if (!written) {
        context.err << u"export: "_s << written.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    const QString what =
        kind == u"qdc"_s      ? u"%1 codes"_s.arg(written->codes)
        : parser.isSet(notes) ? u"%1 highlights"_s.arg(written->highlights)
        : kind == u"csv"_s || kind == u"xlsx"_s
            ? u"%1 articles"_s.arg(written->articles)
            : u"%1 articles with %2 highlights"_s.arg(written->articles).arg(written->highlights);
    context.out << u"%1 written to %2.\n"_s.arg(what, SafeText::escapeControls(path));
    return Success;
}

} // namespace br::cli
