#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/JsonText.h"
#include "core/SafeText.h"
#include "library/Library.h"

namespace br::cli {

using namespace Qt::StringLiterals;

namespace {

// Matches are marked «so» on the command line; the library marks them with private-use characters.
QString marked(QString snippet)
{
    return snippet.replace(kMatchStart, u'«').replace(kMatchEnd, u'»').replace(u'\n', u' ');
}

} // namespace

int runSearch(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, u"Print the hits as JSON."_s);
    const QCommandLineOption campaign(u"campaign"_s,
                                      u"Only articles tagged with this campaign id."_s, u"ID"_s);
    const QCommandLineOption limit(u"limit"_s, u"At most N hits (default 50; 0 for all)."_s, u"N"_s,
                                   u"50"_s);
    parser.addOptions({json, campaign, limit});
    parser.addPositionalArgument(
        u"query"_s,
        u"Terms that must all occur; \"a phrase\" with spaces; -term to "
        u"exclude (put -- before the query when it starts with -). Full-width, case and "
        u"traditional characters are folded."_s,
        u"QUERY..."_s);
    if (auto exit = parseCommandLine(parser, context, u"Searches the library's articles."_s))
        return *exit;
    const QString query = parser.positionalArguments().join(u' ');
    bool limitOk = false;
    const int maxHits = parser.value(limit).toInt(&limitOk);
    if (query.trimmed().isEmpty() || !limitOk || maxHits < 0) {
        context.err << u"search: give a query (and --limit a number from 0).\n"_s;
        return UsageError;
    }
    const std::unique_ptr<Library> library = openLibrary(context, LibraryUse::Reading);
    if (!library)
        return PartialFailure;
    // Written a hit at a time as the library makes them: all hits of a common word in a large
    // library are hundreds of thousands.
    const bool asJson = parser.isSet(json);
    int total = 0;
    qint64 shown = 0;
    QString line;
    const Status searched =
        library->forEachHit(query, parser.value(campaign), maxHits, &total, [&](SearchHit &hit) {
            if (asJson) {
                if (shown == 0)
                    context.out << u"{\n    \"total\": "_s << total << u",\n    \"hits\": ["_s;
                line.truncate(0);
                line += shown > 0 ? u",\n        " : u"\n        ";
                JsonText::Object(line)
                    .number(u"article", hit.articleId)
                    .text(u"title", hit.title)
                    .text(u"page", hit.pageFile)
                    .text(u"snippet", marked(hit.snippet))
                    .close();
                context.out << line;
            } else {
                context.out << u"%1  %2  %3\n        %4\n"_s.arg(hit.articleId, 6)
                                   .arg(SafeText::escapeControls(hit.pageFile), -28)
                                   .arg(SafeText::escapeControls(hit.title),
                                        SafeText::escapeControls(marked(hit.snippet)));
            }
            ++shown;
            return true;
        });
    if (!searched) {
        context.out.flush();
        context.err << searched.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    if (asJson) {
        if (shown == 0)
            context.out << u"{\n    \"total\": "_s << total << u",\n    \"hits\": []\n}\n"_s;
        else
            context.out << u"\n    ]\n}\n"_s;
        return Success;
    }
    context.out << u"%1 articles found%2.\n"_s.arg(total).arg(
        total > shown ? u" (first %1 shown)"_s.arg(shown) : QString());
    return Success;
}

} // namespace br::cli
