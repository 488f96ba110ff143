#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/JsonText.h"
#include "core/SafeText.h"
#include "library/Library.h"

namespace br::cli {

using namespace Qt::StringLiterals;

namespace {

// One article of `list --json`, written as text (see JsonText).
QString jsonOf(const ArticleSummary &a)
{
    using namespace JsonText;
    QString out = u"{"_s;
    appendKey(out, u"id");
    out += QString::number(a.id);
    out += u',';
    appendKey(out, u"page");
    appendString(out, a.pageFile);
    out += u',';
    appendKey(out, u"page_id");
    out += QString::number(a.pageId);
    out += u',';
    appendKey(out, u"order");
    out += QString::number(a.order);
    out += u',';
    appendKey(out, u"start_line");
    out += QString::number(a.startLine);
    out += u',';
    appendKey(out, u"section");
    appendString(out, a.section);
    out += u',';
    appendKey(out, u"kicker");
    appendString(out, a.kicker);
    out += u',';
    appendKey(out, u"title");
    appendString(out, a.title);
    out += u',';
    appendKey(out, u"campaigns");
    appendStrings(out, a.campaigns);
    out += u',';
    appendKey(out, u"suggested_campaigns");
    out += u'[';
    for (qsizetype i = 0; i < a.suggestions.size(); ++i) {
        const CampaignSuggestion &s = a.suggestions[i];
        out += i > 0 ? u",{"_s : u"{"_s;
        appendKey(out, u"campaign");
        appendString(out, s.campaign);
        out += u',';
        appendKey(out, u"score");
        appendNumber(out, s.score);
        out += u',';
        appendKey(out, u"evidence");
        appendStrings(out, s.evidence);
        out += u'}';
    }
    out += u"],"_s;
    appendKey(out, u"annotations");
    out += QString::number(a.annotations);
    out += u'}';
    return out;
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
    const std::unique_ptr<Library> library = openLibrary(context);
    if (!library)
        return PartialFailure;
    // Written as the rows are read: a list of any size in the memory of a chunk of it.
    const bool asJson = parser.isSet(json);
    qint64 listed = 0;
    if (asJson)
        context.out << u"{\n    \"articles\": ["_s;
    const Status walked = library->forEachArticle({}, [&](ArticleSummary &a) {
        if (asJson) {
            context.out << (listed == 0 ? u"\n        "_s : u",\n        "_s) << jsonOf(a);
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
