#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/SafeText.h"
#include "exchange/HtmlPage.h"
#include "library/PageReader.h"
#include "text/PageJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace br::cli {

using namespace Qt::StringLiterals;

namespace {

void printOutline(QTextStream &out, const ReadPage &read)
{
    out << u"%1  (%2, %3 articles)\n"_s
               .arg(SafeText::escapeControls(read.path), read.decoded.encoding)
               .arg(read.page.articles.size());
    for (const Article &a : read.page.articles) {
        QStringList campaigns;
        for (const CampaignSuggestion &s : a.suggestions)
            campaigns.append(s.campaign);
        out << u"  %1-%2  %3%4\n"_s.arg(a.startLine, 4)
                   .arg(a.endLine, -4)
                   .arg(a.title.isEmpty() ? u"(untitled)"_s : SafeText::escapeControls(a.title),
                        campaigns.isEmpty() ? QString() : u"  [%1]"_s.arg(campaigns.join(u", ")));
    }
}

} // namespace

int runSegment(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s,
                                  u"Print the pages as JSON (shared/spec/segment-json.md)."_s);
    parser.addOption(json);
    parser.addPositionalArgument(u"files"_s, u"Page files to split."_s, u"FILE..."_s);
    if (auto exit = parseCommandLine(parser, context,
                                     u"Splits page files into articles. Touches no library."_s))
        return *exit;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        context.err << u"segment: name at least one page file.\n"_s;
        return UsageError;
    }
    const PageReader reader(exchangePageFormats());
    QJsonArray pages;
    int status = Success;
    for (const QString &file : files) {
        Result<ReadPage> read = reader.readFile(file);
        if (!read) {
            context.err << u"%1: %2\n"_s.arg(SafeText::escapeControls(file), read.errorMessage());
            status = PartialFailure;
            continue;
        }
        if (parser.isSet(json))
            pages.append(PageJson::pageObject(file, read->decoded.encoding, read->page));
        else
            printOutline(context.out, read.value());
    }
    if (parser.isSet(json)) {
        const QJsonDocument doc(QJsonObject{{u"pages"_s, pages}});
        context.out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    }
    return status;
}

} // namespace br::cli
