// The scripted coding commands: `article` (show an article, mend its split by hand), `tag` and
// `annotate`. Each change is one transaction; an unknown article, campaign, block or quote is
// refused with a message and changes nothing.

#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/HighlightColors.h"
#include "core/SafeText.h"
#include "exchange/HtmlPage.h"
#include "library/ArticleEditor.h"
#include "library/Library.h"
#include "text/CodePoints.h"
#include "text/PageJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace br::cli {

using namespace Qt::StringLiterals;

namespace {

std::optional<qint64> articleIdFrom(const QString &text, Context &context)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        context.err << u"'%1' is not an article id (a number, as `list` prints it)\n"_s.arg(
            SafeText::escapeControls(text));
        return std::nullopt;
    }
    return id;
}

QJsonObject annotationJson(const Annotation &a, const QString &plainText)
{
    return QJsonObject{
        {u"id"_s, a.id},
        {u"start"_s, a.start},
        {u"end"_s, a.end},
        {u"quote"_s, a.quote},
        {u"prefix"_s, a.prefix},
        {u"suffix"_s, a.suffix},
        {u"text"_s, a.anchor == AnchorState::Orphaned ? QString()
                                                      : CodePoints::mid(plainText, a.start, a.end)},
        {u"note"_s, a.note},
        {u"color"_s, a.color},
        {u"anchor"_s, anchorStateName(a.anchor)},
        {u"created_at"_s, a.createdAt},
        {u"updated_at"_s, a.updatedAt},
    };
}

int showArticle(Library &library, qint64 id, bool json, Context &context)
{
    Result<QList<StoredArticle>> stored = library.storedArticles({id});
    Result<ArticleDetail> detail = library.article(id);
    if (!stored || !detail) {
        context.err << (stored ? detail.errorMessage() : stored.errorMessage()) << u"\n"_s;
        return PartialFailure;
    }
    const StoredArticle &s = stored->front();
    const Article &a = s.article;
    const QString plainText = a.plainText();
    Result<PageDetail> page = library.page(detail->pageId);
    if (json) {
        QJsonArray notes;
        for (const Annotation &n : s.annotations)
            notes.append(annotationJson(n, plainText));
        QJsonArray tags;
        for (const ArticleTag &t : s.tags) {
            tags.append(QJsonObject{
                {u"campaign"_s, t.campaign},
                {u"source"_s, t.source == TagSource::User ? u"user"_s : u"suggestion"_s},
                {u"set_at"_s, t.setAt},
                {u"set_by"_s, t.setBy}});
        }
        // The article as `segment --json` prints it, with what the library adds to it.
        QJsonObject object = PageJson::articleObject(a);
        object.insert(u"id"_s, id);
        object.insert(u"uuid"_s, s.uuid);
        object.insert(u"page_id"_s, detail->pageId);
        object.insert(u"page"_s, page ? page->fileName : QString());
        object.insert(u"order"_s, detail->order);
        object.insert(u"headline_edited"_s, s.headlineEdited);
        // Who corrected what, and when ("" for libraries made before it was kept).
        const auto mark = [](const CorrectionMark &m) {
            return QJsonObject{{u"by"_s, m.by}, {u"at"_s, m.at}};
        };
        object.insert(u"corrected"_s, QJsonObject{{u"headline"_s, mark(s.headlineMark)},
                                                  {u"county"_s, mark(s.countyMark)},
                                                  {u"unit"_s, mark(s.unitMark)}});
        object.insert(u"campaigns"_s, tags);
        object.insert(u"annotations"_s, notes);
        context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return Success;
    }
    const auto line = [&](const QString &label, const QString &value) {
        if (!value.isEmpty())
            context.out << label << u": "_s << SafeText::escapeControls(value) << u"\n"_s;
    };
    line(u"article"_s, QString::number(id));
    line(u"page"_s, page ? page->fileName : QString());
    line(u"kicker"_s, a.kicker);
    line(u"title"_s, a.title);
    line(u"subtitle"_s, a.subtitle);
    line(u"byline"_s, a.byline);
    QStringList campaigns;
    for (const ArticleTag &t : s.tags)
        campaigns.append(t.campaign);
    line(u"campaigns"_s, campaigns.join(u", "_s));
    for (qsizetype i = 0; i < a.blocks.size(); ++i) {
        context.out << u"[%1 %2] "_s.arg(i).arg(blockTypeName(a.blocks[i].type))
                    << SafeText::escapeControls(a.blocks[i].text) << u"\n"_s;
    }
    line(u"credit"_s, a.credit);
    for (const Annotation &n : s.annotations) {
        context.out << u"note %1 (%2) “"_s.arg(n.id).arg(anchorStateName(n.anchor))
                    << SafeText::escapeControls(n.quote) << u"”"_s;
        if (!n.note.isEmpty())
            context.out << u" — "_s << SafeText::escapeControls(n.note);
        context.out << u"\n"_s;
    }
    return Success;
}

int applyRewrite(ArticleEditor &editor, Result<ArticleRewrite> rewrite, const QString &what,
                 Context &context)
{
    if (!rewrite) {
        context.err << rewrite.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    if (Status s = editor.apply(rewrite.value()); !s) {
        context.err << s.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    QStringList ids;
    for (const qint64 id : rewrite->afterIds())
        ids.append(QString::number(id));
    context.out << u"%1: article %2; annotations %3 exact, %4 to check, %5 orphaned.\n"_s
                       .arg(what, ids.join(u", "_s))
                       .arg(rewrite->exact)
                       .arg(rewrite->check)
                       .arg(rewrite->orphaned);
    return Success;
}

} // namespace

int runArticle(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, u"show: print the article as JSON."_s);
    const QCommandLineOption block(
        u"block"_s, u"split: the block the new article starts at (0-based)."_s, u"N"_s);
    const QCommandLineOption at(
        u"at"_s, u"split: cut the block after this many characters first."_s, u"CHAR"_s);
    const QCommandLineOption kicker(u"kicker"_s, u"set: the kicker."_s, u"TEXT"_s);
    const QCommandLineOption title(u"title"_s, u"set: the title."_s, u"TEXT"_s);
    const QCommandLineOption subtitle(u"subtitle"_s, u"set: the subtitle."_s, u"TEXT"_s);
    const QCommandLineOption byline(u"byline"_s, u"set: the byline."_s, u"TEXT"_s);
    const QCommandLineOption to(u"to"_s, u"move: 'previous' or 'next'."_s, u"WHERE"_s);
    parser.addOptions({json, block, at, kicker, title, subtitle, byline, to});
    parser.addPositionalArgument(u"action"_s,
                                 u"show ID | merge ID NEXT_ID | split ID --block N [--at CHAR] | "
                                 u"set ID --title T … | move ID --block N --to previous|next"_s);
    if (auto exit = parseCommandLine(
            parser, context,
            u"Shows an article, or mends the split by hand: merges it with the next one, splits "
            u"it at a block, sets its headline, moves a block to a neighbour. Tags and notes "
            u"follow the text."_s))
        return *exit;
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    const int wanted = action == u"merge"_s ? 3 : 2;
    if (!QStringList{u"show"_s, u"merge"_s, u"split"_s, u"set"_s, u"move"_s}.contains(action) ||
        args.size() != wanted) {
        context.err << u"usage: article show ID | merge ID NEXT_ID | split ID --block N [--at "
                       u"CHAR] | set ID --title T [--kicker K] [--subtitle S] [--byline B] | "
                       u"move ID --block N --to previous|next\n"_s;
        return UsageError;
    }
    const std::optional<qint64> id = articleIdFrom(args[1], context);
    if (!id)
        return UsageError;
    const std::unique_ptr<Library> library = openLibrary(context);
    if (!library)
        return PartialFailure;
    if (action == u"show"_s)
        return showArticle(*library, *id, parser.isSet(json), context);

    ArticleEditor editor(*library, exchangePageFormats());
    const auto number = [&](const QCommandLineOption &option) -> std::optional<int> {
        bool ok = false;
        const int n = parser.value(option).toInt(&ok);
        if (!ok) {
            context.err << u"--%1 needs a number\n"_s.arg(option.names().front());
            return std::nullopt;
        }
        return n;
    };
    if (action == u"merge"_s) {
        const std::optional<qint64> next = articleIdFrom(args[2], context);
        if (!next)
            return UsageError;
        return applyRewrite(editor, editor.merge(*id, *next), u"Merged"_s, context);
    }
    if (action == u"split"_s || action == u"move"_s) {
        if (!parser.isSet(block)) {
            context.err << u"%1 needs --block N\n"_s.arg(action);
            return UsageError;
        }
        const std::optional<int> n = number(block);
        if (!n)
            return UsageError;
        if (action == u"move"_s) {
            const QString where = parser.value(to);
            if (where != u"previous"_s && where != u"next"_s) {
                context.err << u"move needs --to previous or --to next\n"_s;
                return UsageError;
            }
            return applyRewrite(editor,
                                editor.moveBlock(*id, *n,
                                                 where == u"next"_s
                                                     ? ArticleEditor::Direction::Next
                                                     : ArticleEditor::Direction::Previous),
                                u"Moved"_s, context);
        }
        std::optional<int> cut;
        if (parser.isSet(at)) {
            cut = number(at);
            if (!cut)
                return UsageError;
        }
        return applyRewrite(editor, editor.split(*id, *n, cut), u"Split"_s, context);
    }
    HeadlineEdit edit;
    const auto field = [&](const QCommandLineOption &option, std::optional<QString> &into) {
        if (parser.isSet(option))
            into = parser.value(option);
    };
    field(kicker, edit.kicker);
    field(title, edit.title);
    field(subtitle, edit.subtitle);
    field(byline, edit.byline);
    if (!edit.kicker && !edit.title && !edit.subtitle && !edit.byline) {
        context.err << u"set needs at least one of --kicker, --title, --subtitle, --byline\n"_s;
        return UsageError;
    }
    return applyRewrite(editor, editor.setHeadline(*id, edit), u"Set"_s, context);
}

int runTag(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption remove(u"remove"_s, u"Take the tag off instead."_s);
    const QCommandLineOption coded(
        u"coded"_s, u"Record the article's tags as they stand as your coding of it (for coder "
                    u"agreement): yes for each, no for every other campaign."_s);
    parser.addOption(remove);
    parser.addOption(coded);
    parser.addPositionalArgument(u"id"_s, u"The article."_s);
    parser.addPositionalArgument(
        u"campaign"_s, u"A campaign or own tag: its id or its name (Chinese or English)."_s);
    if (auto exit =
            parseCommandLine(parser, context, u"Tags an article with a campaign, or untags it."_s))
        return *exit;
    const QStringList args = parser.positionalArguments();
    if (args.size() != (parser.isSet(coded) ? 1 : 2)) {
        context.err << u"usage: tag ID CAMPAIGN [--remove], or tag ID --coded\n"_s;
        return UsageError;
    }
    const std::optional<qint64> id = articleIdFrom(args[0], context);
    if (!id)
        return UsageError;
    const std::unique_ptr<Library> library = openLibrary(context);
    if (!library)
        return PartialFailure;
    if (parser.isSet(coded)) {
        if (Status s = library->markCoded(*id); !s) {
            context.err << s.errorMessage() << u"\n"_s;
            return PartialFailure;
        }
        context.out << u"Article %1 coded by %2.\n"_s.arg(*id).arg(
            SafeText::escapeControls(library->author()));
        return Success;
    }
    const std::optional<Campaign> campaign = campaignNamed(*library, args[1], context);
    if (!campaign)
        return PartialFailure;
    if (Result<ArticleDetail> a = library->article(*id); !a) {
        context.err << a.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    const bool on = !parser.isSet(remove);
    if (Status s = library->setCampaign(*id, campaign->id, on); !s) {
        context.err << s.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    context.out << u"Article %1 %2 %3.\n"_s.arg(*id).arg(on ? u"tagged"_s : u"untagged"_s,
                                                         campaign->id);
    return Success;
}

int runAnnotate(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption quote(u"quote"_s, u"The passage to highlight, as printed."_s,
                                   u"TEXT"_s);
    const QCommandLineOption occurrence(
        u"occurrence"_s, u"Which occurrence of the passage (1 is the first; the default)."_s,
        u"N"_s, u"1"_s);
    const QCommandLineOption note(u"note"_s, u"The note on it."_s, u"NOTE"_s);
    const QCommandLineOption colour(
        u"colour"_s, u"yellow (the default), green, pink, violet, blue or #rrggbb."_s, u"NAME"_s,
        u"yellow"_s);
    parser.addOptions({quote, occurrence, note, colour});
    parser.addPositionalArgument(u"id"_s, u"The article."_s);
    if (auto exit = parseCommandLine(parser, context,
                                     u"Highlights a passage of an article, with a note."_s))
        return *exit;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1 || !parser.isSet(quote) || parser.value(quote).isEmpty()) {
        context.err << u"usage: annotate ID --quote TEXT [--occurrence N] [--note NOTE] "
                       u"[--colour NAME]\n"_s;
        return UsageError;
    }
    const std::optional<qint64> id = articleIdFrom(args[0], context);
    if (!id)
        return UsageError;
    bool ok = false;
    const int nth = parser.value(occurrence).toInt(&ok);
    if (!ok || nth < 1) {
        context.err << u"--occurrence needs a number from 1\n"_s;
        return UsageError;
    }
    const std::optional<QString> color = highlightColorNamed(parser.value(colour));
    if (!color) {
        context.err << u"'%1' is not a colour: yellow, green, pink, violet, blue or #rrggbb\n"_s
                           .arg(SafeText::escapeControls(parser.value(colour)));
        return UsageError;
    }
    const std::unique_ptr<Library> library = openLibrary(context);
    if (!library)
        return PartialFailure;
    Result<ArticleDetail> detail = library->article(*id);
    if (!detail) {
        context.err << detail.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    const QString text = detail->article.plainText();
    const QString passage = parser.value(quote);
    qsizetype from = -1;
    int found = 0;
    for (qsizetype i = text.indexOf(passage); i >= 0; i = text.indexOf(passage, i + 1)) {
        if (++found == nth) {
            from = i;
            break;
        }
    }
    if (from < 0) {
        context.err << (found == 0 ? u"article %1 does not contain “%2”\n"_s.arg(*id).arg(
                                         SafeText::escapeControls(passage))
                                   : u"article %1 contains “%2” %3 time(s), not %4\n"_s.arg(*id)
                                         .arg(SafeText::escapeControls(passage))
                                         .arg(found)
                                         .arg(nth));
        return PartialFailure;
    }
    Annotation a = Annotation::forSelection(*id, text, static_cast<int>(from),
                                            static_cast<int>(from + passage.size()), *color);
    a.note = parser.value(note);
    Result<qint64> added = library->addAnnotation(a);
    if (!added) {
        context.err << added.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    context.out << u"Annotation %1 on article %2, characters %3–%4.\n"_s.arg(added.value())
                       .arg(*id)
                       .arg(a.start)
                       .arg(a.end);
    return Success;
}

} // namespace br::cli
