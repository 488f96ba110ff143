#include "cli/Cli.h"

#include "cli/CliCommands.h"
#include "core/SafeText.h"
#include "library/Backups.h"
#include "library/Library.h"
#include "library/LibraryLocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace br::cli {

using namespace Qt::StringLiterals;

namespace {

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(Context &);
};

const Command kCommands[] = {
    {"segment", QT_TRANSLATE_NOOP("cli", "Split page files into articles and print them as JSON"),
     runSegment},
    {"import", QT_TRANSLATE_NOOP("cli", "Import page files or folders into the library"),
     runImport},
    {"list", QT_TRANSLATE_NOOP("cli", "List the articles in the library"), runList},
    {"search", QT_TRANSLATE_NOOP("cli", "Search the articles of the library"), runSearch},
    {"report",
     QT_TRANSLATE_NOOP("cli",
                       "Count articles by campaign and county, town, unit, month or publication"),
     runReport},
    {"export",
     QT_TRANSLATE_NOOP("cli", "Export the articles, the notes, or the record (W3C, REFI-QDA)"),
     runExport},
    {"reanalyze",
     QT_TRANSLATE_NOOP("cli", "Find places and units again; with --split, split pages again"),
     runReanalyze},
    {"article", QT_TRANSLATE_NOOP("cli", "Show an article; merge, split or edit it by hand"),
     runArticle},
    {"tag", QT_TRANSLATE_NOOP("cli", "Tag an article with a campaign (or --remove the tag)"),
     runTag},
    {"annotate", QT_TRANSLATE_NOOP("cli", "Highlight a passage of an article, with a note"),
     runAnnotate},
    {"backup", QT_TRANSLATE_NOOP("cli", "Write a checked copy of the library"), runBackup},
    {"restore", QT_TRANSLATE_NOOP("cli", "Go back to a backup (the current library is kept)"),
     runRestore},
    {"copy", QT_TRANSLATE_NOOP("cli", "Copy a library into a new one: a file to a server or back"),
     runCopy},
    {"agreement",
     QT_TRANSLATE_NOOP("cli", "How far the coders agree on campaign tags (Cohen's kappa, "
                              "Krippendorff's alpha)"),
     runAgreement},
};

QString commandList()
{
    QString text = u"\nCommands:\n"_s;
    for (const Command &c : kCommands)
        text += u"  %1  %2\n"_s.arg(QString::fromLatin1(c.name).leftJustified(10),
                                    QCoreApplication::translate("cli", c.summary));
    text += u"\nRun '%1 COMMAND --help' for a command's options.\n"_s.arg(
        QCoreApplication::applicationName());
    return text;
}

} // namespace

int run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Bulletin Reader: splits special pages of Chinese bulletins into articles, tags them by "
        u"campaign and keeps them in a library."_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    const QCommandLineOption version({u"v"_s, u"version"_s}, u"Show the version."_s);
    const QCommandLineOption db(u"db"_s,
                                u"The library: a file, or a library on a PostgreSQL server as "
                                u"postgresql://USER@HOST:PORT/DBNAME (or ?host=SOCKETDIR) "
                                u"(default: $BULLETIN_READER_DB, else a file in the "
                                u"application-data folder)."_s,
                                u"PATH|URL"_s);
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption(db);
    parser.addPositionalArgument(
        u"command"_s,
        u"segment, import, list, search, report, export, reanalyze, article, tag, annotate, "
        u"agreement, backup, restore or copy"_s);
    // Everything after the command belongs to the command's own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    if (!parser.parse(arguments)) {
        err << parser.errorText() << u"\n"_s << u"Try '--help'.\n"_s;
        return UsageError;
    }
    if (parser.isSet(version)) {
        out << QCoreApplication::applicationName() << u" "_s
            << QCoreApplication::applicationVersion() << u"\n"_s;
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(help) || positional.isEmpty()) {
        out << parser.helpText() << commandList();
        out.flush();
        return positional.isEmpty() && !parser.isSet(help) ? UsageError : Success;
    }
    const QString name = positional.front();
    for (const Command &c : kCommands) {
        if (name == QLatin1StringView(c.name)) {
            Context context{positional, parser.value(db), out, err};
            const int status = c.run(context);
            out.flush();
            err.flush();
            return status;
        }
    }
    err << u"unknown command '%1'.\n"_s.arg(name) << commandList();
    return UsageError;
}

} // namespace br::cli

namespace br::cli {

namespace {
PdfReportWriter &pdfWriterSlot()
{
    static PdfReportWriter writer;
    return writer;
}
} // namespace

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BulletinReader"));
    QCoreApplication::setApplicationName(QStringLiteral("bulletin-reader"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BR_VERSION));
}

void setPdfReportWriter(PdfReportWriter writer)
{
    pdfWriterSlot() = std::move(writer);
}

const PdfReportWriter &pdfReportWriter()
{
    return pdfWriterSlot();
}

void warnIfNoDailyBackup(Library &library, Context &context)
{
    if (!library.damage().isEmpty()) {
        const QString newest = Backups::newest(library.location().text());
        context.err << u"warning: %1 is damaged (%2); it was opened for reading only, so nothing "
                       u"is written into it."_s.arg(library.location().shown(), library.damage());
        if (!newest.isEmpty())
            context.err << u" The newest good backup is %1: 'restore %1' puts it in place."_s.arg(
                newest);
        context.err << u"\n"_s;
        return;
    }
    // The first open of a day keeps a copy; a library that cannot be copied still opens.
    if (Result<QString> backup = library.dailyBackup(); !backup)
        context.err << u"warning: no backup today: "_s << backup.errorMessage() << u"\n"_s;
}

std::unique_ptr<Library> openLibrary(Context &context, LibraryUse use)
{
    const Result<LibraryLocation> location = resolveLibraryLocation(context.databaseOption);
    Result<std::unique_ptr<Library>> library =
        location ? Library::open(location.value())
                 : Result<std::unique_ptr<Library>>(location.error());
    if (!library) {
        context.err << library.errorMessage() << u"\n"_s;
        return nullptr;
    }
    if (use == LibraryUse::Writing)
        warnIfNoDailyBackup(*library.value(), context);
    return std::move(library).value();
}

std::optional<Campaign> campaignNamed(Library &library, const QString &name, Context &context)
{
    Result<QList<Campaign>> campaigns = library.campaigns();
    if (!campaigns) {
        context.err << campaigns.errorMessage() << u"\n"_s;
        return std::nullopt;
    }
    QStringList known;
    for (const Campaign &c : campaigns.value()) {
        known.append(c.id);
        if (name == c.id || name == c.nameZh || name.compare(c.nameEn, Qt::CaseInsensitive) == 0)
            return c;
    }
    context.err << u"there is no campaign or tag '%1' (known: %2)\n"_s.arg(
        SafeText::escapeControls(name), known.join(u", "_s));
    return std::nullopt;
}

std::optional<int> parseCommandLine(QCommandLineParser &parser, Context &context,
                                    const QString &description)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    if (!parser.parse(context.arguments)) {
        context.err << parser.errorText()
                    << u"\nTry '%1 %2 --help'.\n"_s.arg(QCoreApplication::applicationName(),
                                                        context.arguments.value(0));
        return UsageError;
    }
    if (parser.isSet(help)) {
        // "Usage: bulletin-reader [options] FILE…" names the command too.
        QString text = parser.helpText();
        if (const qsizetype at = text.indexOf(u" [options]"_s); at >= 0)
            text.insert(at, u" "_s + context.arguments.value(0));
        context.out << text;
        return Success;
    }
    return std::nullopt;
}

} // namespace br::cli
