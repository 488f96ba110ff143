#include "cli/Cli.h"
#include "cli/CliCommands.h"
#include "library/Library.h"

#include <cstdio>
#include <unistd.h>

namespace br::cli {

using namespace Qt::StringLiterals;

int runReanalyze(Context &context)
{
    QCommandLineParser parser;
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
    const Result<qint64> done = library->reanalyse([&](qint64 n, qint64 total) {
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
