#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/SafeText.h"
#include "exchange/HtmlPage.h"
#include "exchange/QdpxImport.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "library/LibraryLocation.h"

#include <cstdio>
#include <unistd.h>

namespace br::cli {

using namespace Qt::StringLiterals;

int runImport(Context &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        u"paths"_s, u"Page files or folders (walked recursively), or REFI-QDA projects (.qdpx)."_s,
        u"PATH..."_s);
    if (auto exit = parseCommandLine(
            parser, context,
            u"Imports page files and folders into the library. Re-importing the same bytes adds "
            u"nothing. Exit status: 0 all imported, 1 some refused, 2 usage error."_s))
        return *exit;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty()) {
        context.err << u"import: name at least one file or folder.\n"_s;
        return UsageError;
    }
    const QString dbPath = resolveLibraryPath(context.databaseOption);
    Result<std::unique_ptr<Library>> library = Library::open(dbPath);
    if (!library) {
        context.err << library.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    // REFI-QDA projects come in through their own reader; everything else is a page or a folder.
    QStringList pagePaths;
    bool projectRefused = false;
    for (const QString &path : paths) {
        if (!path.endsWith(u".qdpx"_s, Qt::CaseInsensitive)) {
            pagePaths.append(path);
            continue;
        }
        Result<QdpxImportReport> project = importQdpx(*library.value(), path);
        if (!project) {
            context.err << u"refused: "_s << SafeText::escapeControls(project.errorMessage())
                        << u"\n"_s;
            projectRefused = true;
            continue;
        }
        for (const QString &r : project->refused) {
            context.err << u"refused: %1: %2\n"_s.arg(SafeText::escapeControls(path),
                                                      SafeText::escapeControls(r));
        }
        projectRefused = projectRefused || !project->refused.isEmpty();
        context.out << u"Imported %1 text sources as %2 pages with %3 articles from %4: %5 "
                       u"highlights, %6 new tags; %7 sources already in the library.\n"_s
                           .arg(project->pages + project->duplicates)
                           .arg(project->pages)
                           .arg(project->articles)
                           .arg(SafeText::escapeControls(path))
                           .arg(project->annotations)
                           .arg(project->tags)
                           .arg(project->duplicates);
    }
    if (pagePaths.isEmpty())
        return projectRefused ? PartialFailure : Success;
    Importer importer(*library.value(), exchangePageFormats());
    const bool terminal = isatty(fileno(stderr)) != 0;
    Importer::ProgressFn progress;
    if (terminal) {
        progress = [&](int done, int total, const QString &path) {
            context.err << u"\r\x1b[K[%1/%2] %3"_s.arg(done).arg(total).arg(path);
            if (done == total)
                context.err << u"\r\x1b[K"_s;
            context.err.flush();
        };
    }
    const ImportReport report = importer.importPaths(pagePaths, progress);
    for (const Refusal &r : report.skipped)
        context.err << u"skipped: %1: %2\n"_s.arg(r.path, r.reason);
    for (const Refusal &r : report.refused)
        context.err << u"refused: %1: %2\n"_s.arg(r.path, r.reason);
    context.out << u"Imported %1 pages with %2 articles into %3; %4 duplicates skipped, %5 files "
                   u"refused%6.\n"_s.arg(report.pagesImported)
                       .arg(report.articles)
                       .arg(dbPath)
                       .arg(report.duplicates)
                       .arg(report.refused.size())
                       .arg(report.skipped.isEmpty()
                                ? QString()
                                : u", %1 non-text files in folders skipped"_s.arg(
                                      report.skipped.size()));
    if (report.duplicates > 0 && report.pagesImported == 0 && report.refused.isEmpty())
        context.out << u"Nothing new: every page was already in the library.\n"_s;
    return report.refused.isEmpty() && !projectRefused ? Success : PartialFailure;
}

} // namespace br::cli
