#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/SafeText.h"
#include "library/Library.h"
#include "text/PageJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace br::cli {

using namespace Qt::StringLiterals;

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
    Result<QList<ArticleSummary>> articles = library->articles();
    if (!articles) {
        context.err << articles.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const ArticleSummary &a : articles.value()) {
            array.append(QJsonObject{
                {u"id"_s, a.id},
                {u"page"_s, a.pageFile},
                {u"page_id"_s, a.pageId},
                {u"order"_s, a.order},
                {u"start_line"_s, a.startLine},
                {u"section"_s, a.section},
                {u"kicker"_s, a.kicker},
                {u"title"_s, a.title},
                {u"campaigns"_s, QJsonArray::fromStringList(a.campaigns)},
                {u"suggested_campaigns"_s, PageJson::suggestionsArray(a.suggestions)},
                {u"annotations"_s, a.annotations},
            });
        }
        context.out << QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"articles"_s, array}}).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const ArticleSummary &a : articles.value()) {
        QStringList tags = a.campaigns;
        for (const CampaignSuggestion &s : a.suggestions) {
            if (!tags.contains(s.campaign))
                tags.append(s.campaign + u'?');
        }
        context.out << u"%1  %2  %3%4\n"_s.arg(a.id, 6)
                           .arg(SafeText::escapeControls(a.pageFile), -28)
                           .arg(a.title.isEmpty() ? u"(untitled)"_s
                                                  : SafeText::escapeControls(a.title),
                                tags.isEmpty()
                                    ? QString()
                                    : u"  [%1]"_s.arg(SafeText::escapeControls(tags.join(u", "))));
    }
    context.out << u"%1 articles.\n"_s.arg(articles->size());
    return Success;
}

} // namespace br::cli
