#include "cli/Cli.h"
#include "ui/DesktopApp.h"
#include "ui/report/PdfReport.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>
#include <memory>

namespace {

// A command or --help / --version makes this a command-line run; anything else (nothing, or only
// --db PATH and --read-only) opens the window.
bool wantsCommandLine(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--db") == 0) {
            ++i; // its value
            continue;
        }
        if (std::strncmp(arg, "--db=", 5) == 0 || std::strcmp(arg, "--read-only") == 0)
            continue;
        return true;
    }
    return false;
}

// `report --format pdf` draws charts, which needs a QApplication; without a display it draws
// offscreen. Every other command runs without any graphics.
bool needsGraphics(int argc, char *argv[])
{
    bool report = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "report") == 0)
            report = true;
        const bool pdf = std::strcmp(argv[i], "--format=pdf") == 0 ||
                         (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc &&
                          std::strcmp(argv[i + 1], "pdf") == 0);
        if (report && pdf)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!wantsCommandLine(argc, argv))
        return br::ui::runDesktop(argc, argv);
    std::unique_ptr<QCoreApplication> app;
    if (needsGraphics(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
            qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
        // The report is in English, as the command line is; with its plural forms.
        br::ui::installTranslations(QLocale(QLocale::English));
        br::cli::setPdfReportWriter(
            [](br::Library &library, const br::ReportRequest &request, const QString &path) {
                return br::ui::writePdfReport(library, request, path);
            });
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("BulletinReader"));
    QCoreApplication::setApplicationName(QStringLiteral("bulletin-reader"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BR_VERSION));
    return br::cli::run(QCoreApplication::arguments());
}
