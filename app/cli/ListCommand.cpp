#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/JsonText.h"
#include "core/SafeText.h"
#include "library/Library.h"

namespace br::cli {

using namespace Qt::StringLiterals;

namespace {

// One article of `list --json`, written as text (see JsonText) onto `out`; `suggestions` is room
// for a part of it. Both are kept from article to article, so that their memory is reused.
void appendJsonOf(const ArticleSummary &a, QString &out, QString &suggestions)
{
    suggestions.truncate(0);
    suggestions += u'[';
    for (qsizetype i = 0; i < a.suggestions.size(); ++i) {
        const CampaignSuggestion &s = a.suggestions[i];
        if (i > 0)
            suggestions += u',';
        JsonText::Object(suggestions)
            .text(u"campaign", s.campaign)
            .number(u"score", s.score)
            .texts(u"evidence", s.evidence)
            .close();
    }
    suggestions += u']';
    JsonText::Object(out)
        .number(u"id", a.id)
        .text(u"page", a.pageFile)
        .number(u"page_id", a.pageId)
        .number(u"order", qint64{a.order})
        .number(u"start_line", qint64{a.startLine})
        .text(u"section", a.section)
        .text(u"kicker", a.kicker)
        .text(u"title", a.title)
        .texts(u"campaigns", a.campaigns)
        .json(u"suggested_campaigns", suggestions)
        .number(u"annotations", qint64{a.annotations})
        .close();
}

// One line of the plain list: id, page, title and tags (suggested ones with a ?).
QString lineOf(const ArticleSummary &a)
{
    QStringList tags = a.campaigns;
    for (const CampaignSuggestion &s : a.suggestions) {
        if (!tags.contains(s.campaign))
            tags.append(s.campaign + u'?');
    }
    return u"%1  %2  %3%4\n"_s.arg(a.id, 6)
        .arg(SafeText::escapeControls(a.pageFile), -28)
        .arg(a.title.isEmpty() ? u"(untitled)"_s : SafeText::escapeControls(a.title),
             tags.isEmpty() ? QString()
                            : u"  [%1]"_s.arg(SafeText::escapeControls(tags.join(u", "))));
}

} // namespace

int runList(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, u"Print the list as JSON."_s);
    parser.addOption(json);
    if (auto exit = parseCommandLine(parser, context, u"Lists the articles in the library."_s))
        return *exit;
    const std::unique_ptr<Library> library = openLibrary(context, LibraryUse::Reading);
    if (!library)
        return PartialFailure;
    // Written as the rows are read: a list of any size in the memory of a chunk of it.
    const bool asJson = parser.isSet(json);
    qint64 listed = 0;
    if (asJson)
        context.out << u"{\n    \"articles\": ["_s;
    QString row; // one article's text
    QString suggestions;
    const Status walked = library->forEachArticle({}, [&](ArticleSummary &a) {
        if (asJson) {
            row.truncate(0);
            row += listed == 0 ? u"\n        " : u",\n        ";
            appendJsonOf(a, row, suggestions);
            context.out << row;
        } else {
            context.out << lineOf(a);
        }
        ++listed;
        return true;
    });
    if (!walked) {
        context.out.flush();
        context.err << walked.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    if (asJson)
        context.out << (listed == 0 ? u"]\n}\n"_s : u"\n    ]\n}\n"_s);
    else
        context.out << u"%1 articles.\n"_s.arg(listed);
    return Success;
}

} // namespace br::cli
