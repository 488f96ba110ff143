#pragma once

#include "analysis/Campaign.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

namespace br {
class Library;
}

namespace br::cli {

// What every subcommand gets: its own arguments (command name first) and the global options.
struct Context
{
    QStringList arguments;
    QString databaseOption; // --db, empty when not given
    QTextStream &out;
    QTextStream &err;
};

// Parses a command's own options; prints help or the error and returns the exit status when the
// command should not go on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, Context &context,
                                    const QString &description);

// What a command does with the library. A command that only reads it (list, search, report,
// export, agreement) leaves the day's backup alone: it changes nothing a backup would keep, and a
// copy of a library of a million articles takes a minute.
enum class LibraryUse
{
    Reading,
    Writing
};
// The library of --db / $BULLETIN_READER_DB / the default place, or nullptr after saying why not.
// The first open of a day for writing writes the day's backup.
std::unique_ptr<Library> openLibrary(Context &context, LibraryUse use = LibraryUse::Writing);
// Writes the day's backup when there is none yet; says so on stderr when it cannot.
void warnIfNoDailyBackup(Library &library, Context &context);

// The campaign or own tag of `library` that `name` names (its id, or its Chinese or English
// name), or nothing after saying which there are.
std::optional<Campaign> campaignNamed(Library &library, const QString &name, Context &context);

int runSegment(Context &context);
int runImport(Context &context);
int runList(Context &context);
int runSearch(Context &context);
int runReport(Context &context);
int runExport(Context &context);
int runReanalyze(Context &context);
int runArticle(Context &context);
int runTag(Context &context);
int runAnnotate(Context &context);
int runBackup(Context &context);
int runRestore(Context &context);
int runCopy(Context &context);
int runAgreement(Context &context);

} // namespace br::cli
