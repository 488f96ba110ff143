// `backup` and `restore`: a checked copy of the library, and going back to one.

#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/SafeText.h"
#include "library/Backups.h"
#include "library/Library.h"

#include <QDateTime>
#include <QDir>

namespace br::cli {

using namespace Qt::StringLiterals;

int runBackup(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption output(
        {u"o"_s, u"output"_s},
        u"Where to write it (default: the library's backup folder, by date and time)."_s,
        u"FILE"_s);
    parser.addOption(output);
    if (auto exit = parseCommandLine(parser, context,
                                     u"Writes a copy of the library with SQLite's online backup, "
                                     u"checked with PRAGMA integrity_check before it takes its "
                                     u"name."_s))
        return *exit;
    const std::unique_ptr<Library> library = openLibrary(context);
    if (!library)
        return PartialFailure;
    const QString target =
        parser.isSet(output)
            ? parser.value(output)
            : QDir(Backups::folderFor(library->location().text()))
                  .filePath(u"manual-%1.sqlite3"_s.arg(
                      QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)));
    if (Status s = library->backupTo(target); !s) {
        context.err << u"backup: "_s << SafeText::escapeControls(s.errorMessage()) << u"\n"_s;
        return PartialFailure;
    }
    context.out << u"Backup written and checked: %1\n"_s.arg(SafeText::escapeControls(target));
    return Success;
}

int runRestore(Context &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"file"_s, u"The backup to go back to."_s);
    if (auto exit = parseCommandLine(
            parser, context,
            u"Puts a backup in place of the library after checking it; the library as it was is "
            u"kept in its backup folder first."_s))
        return *exit;
    if (parser.positionalArguments().size() != 1) {
        context.err << u"usage: restore FILE\n"_s;
        return UsageError;
    }
    const std::unique_ptr<Library> library = openLibrary(context);
    if (!library)
        return PartialFailure;
    const Result<QString> aside = library->restoreFrom(parser.positionalArguments().front());
    if (!aside) {
        context.err << u"restore: "_s << SafeText::escapeControls(aside.errorMessage()) << u"\n"_s;
        return PartialFailure;
    }
    context.out << u"Restored %1 onto %2; the library as it was is kept at %3.\n"_s.arg(
        SafeText::escapeControls(parser.positionalArguments().front()),
        SafeText::escapeControls(library->location().shown()),
        SafeText::escapeControls(aside.value()));
    return Success;
}

} // namespace br::cli
