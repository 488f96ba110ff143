#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/SafeText.h"
#include "exchange/HtmlPage.h"
#include "library/ArticleEditor.h"
#include "library/Library.h"
#include "library/Reanalysis.h"

#include <cstdio>
#include <unistd.h>

namespace br::cli {

using namespace Qt::StringLiterals;

namespace {

// Every page split again; each page one transaction, so an interruption keeps the pages done.
int resplit(Library &library, bool includeCorrected, bool terminal, Context &context)
{
    Result<QList<std::pair<qint64, bool>>> pages = library.pagesForResplit();
    if (!pages) {
        context.err << pages.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    ArticleEditor editor(library, exchangePageFormats());
    int changed = 0;
    int skipped = 0;
    int refused = 0;
    qsizetype articlesBefore = 0;
    qsizetype articlesAfter = 0;
    int exact = 0;
    int check = 0;
    int orphaned = 0;
    for (qsizetype i = 0; i < pages->size(); ++i) {
        const auto [pageId, byHand] = pages->at(i);
        if (terminal) {
            context.err << u"\r\x1b[K[%1/%2] pages"_s.arg(i + 1).arg(pages->size());
            context.err.flush();
        }
        if (byHand && !includeCorrected) {
            ++skipped;
            continue;
        }
        Result<ArticleRewrite> rewrite = editor.resplit(pageId);
        if (!rewrite) {
            // That page stays as it was; the others are split again.
            context.err << u"\r\x1b[K"_s << u"left as it was: "_s
                        << SafeText::escapeControls(rewrite.errorMessage()) << u"\n"_s;
            ++refused;
            continue;
        }
        articlesBefore += rewrite->before.size();
        articlesAfter += rewrite->after.size();
        if (!rewrite->changesArticles())
            continue;
        if (Status s = editor.apply(rewrite.value()); !s) {
            context.err << u"\r\x1b[K"_s << s.errorMessage() << u"\n"_s;
            return PartialFailure;
        }
        ++changed;
        exact += rewrite->exact;
        check += rewrite->check;
        orphaned += rewrite->orphaned;
    }
    if (terminal)
        context.err << u"\r\x1b[K"_s;
    context.out << u"Split again: %1 of %2 pages changed (%3 articles before, %4 now); %5 pages "
                   u"corrected by hand left as they were.\n"_s.arg(changed)
                       .arg(pages->size())
                       .arg(articlesBefore)
                       .arg(articlesAfter)
                       .arg(skipped);
    context.out << u"Annotations on the changed pages: %1 found exactly, %2 to check, %3 "
                   u"orphaned.\n"_s.arg(exact)
                       .arg(check)
                       .arg(orphaned);
    // A page split again was analysed whole with its new articles; the others are as they were.
    return refused == 0 ? Success : PartialFailure;
}

} // namespace

int runReanalyze(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption split(
        u"split"_s,
        u"Split every page again with this program's engine first, matching the new "
        u"articles to the old by their text: tags, notes and corrections carry over."_s);
    const QCommandLineOption corrected(
        u"include-corrected"_s,
        u"With --split: split again pages whose split a person corrected by hand, too."_s);
    parser.addOptions({split, corrected});
    if (auto exit = parseCommandLine(
            parser, context,
            u"Finds the places and units of every article again: for libraries imported before "
            u"they were kept, or after the gazetteer or the unit lexicon changed. A person's "
            u"corrections stay."_s))
        return *exit;
    const std::unique_ptr<Library> library = openLibrary(context);
    if (!library)
        return PartialFailure;
    const bool terminal = isatty(fileno(stderr)) != 0;
    if (parser.isSet(split))
        return resplit(*library, parser.isSet(corrected), terminal, context);
    const Result<qint64> done = reanalyseLibrary(*library, [&](qint64 n, qint64 total) {
        if (terminal) {
            context.err << u"\r\x1b[K[%1/%2] articles"_s.arg(n).arg(total);
            context.err.flush();
        }
    });
    if (terminal)
        context.err << u"\r\x1b[K"_s;
    if (!done) {
        context.err << done.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    context.out << u"Places and units found again for %1 articles.\n"_s.arg(done.value());
    return Success;
}

} // namespace br::cli
