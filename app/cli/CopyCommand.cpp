// `copy FROM TO`: a whole library from a file to a server, or back.

#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "core/SafeText.h"
#include "library/Library.h"
#include "library/LibraryCopy.h"

#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

namespace br::cli {

using namespace Qt::StringLiterals;

int runCopy(Context &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"from"_s,
                                 u"The library to copy: a file, or a postgresql:// URL."_s);
    parser.addPositionalArgument(u"to"_s,
                                 u"A new, empty library: a file, or a postgresql:// URL."_s);
    if (auto exit = parseCommandLine(
            parser, context,
            u"Copies a library with everything in it — pages, articles as split and corrected, "
            u"tags, notes with their authors, corrections, merged units, saved searches — into a "
            u"new, empty library, in one transaction: a file to a team's server, or back."_s))
        return *exit;
    const QStringList places = parser.positionalArguments();
    if (places.size() != 2) {
        context.err << u"usage: copy FROM TO\n"_s;
        return UsageError;
    }
    const LibraryLocation from = LibraryLocation::fromText(places[0]);
    const LibraryLocation to = LibraryLocation::fromText(places[1]);
    if (from == to) {
        context.err << u"copy: FROM and TO are the same library\n"_s;
        return UsageError;
    }
    // The source is only read: a file that does not exist is not made by opening it.
    if (from.isFile() && !QFileInfo::exists(from.text())) {
        context.err << u"copy: %1: no such library\n"_s.arg(SafeText::escapeControls(from.shown()));
        return PartialFailure;
    }
    Result<std::unique_ptr<Library>> source = Library::open(from, true);
    if (!source) {
        context.err << u"copy: "_s << SafeText::escapeControls(source.errorMessage()) << u"\n"_s;
        return PartialFailure;
    }
    Result<std::unique_ptr<Library>> target = Library::open(to);
    if (!target) {
        context.err << u"copy: "_s << SafeText::escapeControls(target.errorMessage()) << u"\n"_s;
        return PartialFailure;
    }
    const bool terminal = isatty(fileno(stderr)) != 0;
    const Result<CopyReport> copied =
        copyLibrary(*source.value(), *target.value(), [&](qint64 done, qint64 total) {
            if (!terminal)
                return;
            context.err << u"\r\x1b[K[%1/%2 pages]"_s.arg(done).arg(total);
            if (done == total)
                context.err << u"\r\x1b[K"_s;
            context.err.flush();
        });
    if (!copied) {
        context.err << u"copy: nothing was copied: "_s
                    << SafeText::escapeControls(copied.errorMessage()) << u"\n"_s;
        return PartialFailure;
    }
    context.out << u"Copied %1 pages, %2 articles, %3 tags and %4 notes from %5 to %6.\n"_s
                       .arg(copied->pages)
                       .arg(copied->articles)
                       .arg(copied->tags)
                       .arg(copied->annotations)
                       .arg(SafeText::escapeControls(from.shown()),
                            SafeText::escapeControls(to.shown()));
    return Success;
}

} // namespace br::cli
