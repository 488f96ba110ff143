#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/SafeText.h"
#include "exchange/AnyImport.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "library/LibraryLocation.h"

#include <QFileInfo>

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
    const Result<LibraryLocation> location = resolveLibraryLocation(context.databaseOption);
    if (!location) {
        context.err << location.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    Result<std::unique_ptr<Library>> library = Library::open(location.value());
    if (!library) {
        context.err << library.errorMessage() << u"\n"_s;
        return PartialFailure;
    }
    // A file too large to be quick-checked as it opened is checked before pages go into it, and
    // before the day's backup copies it: an import takes long anyway.
    if (location->isFile() && library.value()->damage().isEmpty() &&
        QFileInfo(location->text()).size() > Library::kCheckedOnOpenBytes) {
        if (const Result<QString> checked = Library::quickCheck(location->text());
            checked && !checked->isEmpty()) {
            const QString &damage = checked.value();
            (void)library.value()->foundDamaged(damage);
            context.err << u"import: %1 is damaged (%2): nothing is imported into it, and it is "
                           u"opened for reading only. 'restore BACKUP' puts a good copy in "
                           u"place.\n"_s.arg(location->shown(), SafeText::escapeControls(damage));
            return PartialFailure;
        }
    }
    warnIfNoDailyBackup(*library.value(), context);
    if (library.value()->isReadOnly()) {
        // Said once, before any file is read, instead of once per page that cannot be saved.
        context.err << u"import: %1 is open for reading only: nothing can be imported into it.\n"_s
                           .arg(location->shown());
        return PartialFailure;
    }
    const bool terminal = isatty(fileno(stderr)) != 0;
    Importer::Watch watch;
    if (terminal) {
        watch.progress = [&](int done, int total, const QString &path) {
            context.err << u"\r\x1b[K[%1/%2] %3"_s.arg(done).arg(total).arg(
                SafeText::escapeControls(path));
            if (done == total)
                context.err << u"\r\x1b[K"_s;
            context.err.flush();
        };
    }
    // Said once for each holder, not at every try.
    QString lastHolder = u"\x1f"_s;
    watch.waiting = [&](const QString &holder) {
        if (holder == lastHolder)
            return;
        lastHolder = holder;
        context.err << (terminal ? u"\r\x1b[K"_s : QString())
                    << u"import: waiting: %1 is writing to %2; the import goes on when it "
                       u"stops (Ctrl+C stops the import; the pages imported so far stay).\n"_s.arg(
                           holder.isEmpty() ? u"another program"_s
                                            : SafeText::escapeControls(holder),
                           location->shown());
        context.err.flush();
    };
    const AnyImportReport any = importAny(*library.value(), paths, watch);
    const ImportReport &report = any.pages;
    for (const AnyImportReport::Project &p : any.projects) {
        context.out << u"From %1: %2 text sources as %3 pages with %4 articles, %5 highlights, "
                       u"%6 new tags, %7 sources already in the library.\n"_s
                           .arg(SafeText::escapeControls(p.path))
                           .arg(p.report.pages + p.report.duplicates)
                           .arg(p.report.pages)
                           .arg(p.report.articles)
                           .arg(p.report.annotations)
                           .arg(p.report.tags)
                           .arg(p.report.duplicates);
    }
    for (const Refusal &r : report.skipped)
        context.err << u"skipped: %1: %2\n"_s.arg(SafeText::escapeControls(r.path),
                                                  SafeText::escapeControls(r.reason));
    for (const Refusal &r : report.refused)
        context.err << u"refused: %1: %2\n"_s.arg(SafeText::escapeControls(r.path),
                                                  SafeText::escapeControls(r.reason));
    // "1 page", "2 pages": the summary is read by people (and by scripts, which match either).
    const auto counted = [](qsizetype n, const QString &one, const QString &many) {
        return u"%1 %2"_s.arg(n).arg(n == 1 ? one : many);
    };
    context.out << u"Imported %1 with %2 into %3; %4 skipped, %5 refused%6.\n"_s.arg(
        counted(report.pagesImported, u"page"_s, u"pages"_s),
        counted(report.articles, u"article"_s, u"articles"_s),
        SafeText::escapeControls(location->shown()),
        counted(report.duplicates, u"duplicate"_s, u"duplicates"_s),
        counted(report.refused.size(), u"file"_s, u"files"_s),
        report.skipped.isEmpty()
            ? QString()
            : u", %1 in folders skipped"_s.arg(
                  counted(report.skipped.size(), u"non-text file"_s, u"non-text files"_s)));
    if (report.duplicates > 0 && report.pagesImported == 0 && report.refused.isEmpty())
        context.out << u"Nothing new: every page was already in the library.\n"_s;
    return report.refused.isEmpty() ? Success : PartialFailure;
}

} // namespace br::cli
