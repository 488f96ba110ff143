#include "analysis/Campaign.h"
#include "analysis/Gazetteer.h"
#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "library/Library.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace br::cli {

using namespace Qt::StringLiterals;

namespace {

// A CSV field: quoted when it holds a separator, a quote or a line break.
QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    return u'"' + QString(text).replace(u'"', u"\"\""_s) + u'"';
}

} // namespace

int runReport(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption by(u"by"_s, u"Rows by county, month or publication."_s, u"KEY"_s,
                                u"county"_s);
    const QCommandLineOption campaign(u"campaign"_s, u"Only this campaign id."_s, u"ID"_s);
    const QCommandLineOption suggested(u"suggested"_s,
                                       u"Count suggested, not yet confirmed articles as well."_s);
    const QCommandLineOption format(u"format"_s, u"json or csv."_s, u"FORMAT"_s, u"json"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"Write to FILE instead of stdout."_s,
                                    u"FILE"_s);
    parser.addOptions({by, campaign, suggested, format, output});
    if (auto exit = parseCommandLine(parser, context,
                                     u"Counts the library's articles by campaign and county, month "
                                     u"or publication."_s))
        return *exit;
    const QString kind = parser.value(format);
    if (kind != u"json"_s && kind != u"csv"_s) {
        context.err << u"report: --format is json or csv.\n"_s;
        return UsageError;
    }
    const std::unique_ptr<Library> library = openLibrary(context);
    if (!library)
        return PartialFailure;
    const Result<QList<CoverageRow>> rows =
        library->coverage(parser.value(by), parser.value(campaign), parser.isSet(suggested));
    if (!rows) {
        context.err << u"report: "_s << rows.errorMessage() << u"\n"_s;
        return UsageError;
    }
    const bool byCounty = parser.value(by) == u"county"_s;
    const Gazetteer &gazetteer = Gazetteer::builtin();
    const auto keyName = [&](const CoverageRow &row) {
        if (!byCounty)
            return row.key;
        const Division *d = gazetteer.find(row.key.toLongLong());
        return d ? d->name : QString();
    };
    QByteArray bytes;
    if (kind == u"json"_s) {
        QJsonArray array;
        for (const CoverageRow &row : rows.value()) {
            array.append(QJsonObject{{u"key"_s, keyName(row)},
                                     {u"code"_s, byCounty ? row.key : QString()},
                                     {u"campaign"_s, row.campaign},
                                     {u"articles"_s, row.articles},
                                     {u"suggested"_s, row.suggested}});
        }
        bytes = QJsonDocument(QJsonObject{{u"rows"_s, array}}).toJson(QJsonDocument::Indented);
    } else {
        QString csv = u"key,code,campaign,articles,suggested\n"_s;
        for (const CoverageRow &row : rows.value()) {
            csv += QStringList{csvField(keyName(row)), byCounty ? row.key : QString(), row.campaign,
                               QString::number(row.articles), QString::number(row.suggested)}
                       .join(u',') +
                   u'\n';
        }
        bytes = csv.toUtf8();
    }
    if (!parser.isSet(output)) {
        context.out << QString::fromUtf8(bytes);
        return Success;
    }
    // Written whole or not at all.
    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        context.err << u"report: cannot write %1: %2\n"_s.arg(parser.value(output),
                                                              file.errorString());
        return PartialFailure;
    }
    return Success;
}

} // namespace br::cli
