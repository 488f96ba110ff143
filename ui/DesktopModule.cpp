// The window, and the one command that draws (`report --format pdf`), as a module the program
// loads only when it needs them: a command run from the shell then loads Qt Core, SQLite and ICU,
// not the widgets, charts and graphics stack (81 libraries, 17 ms before main; 42 without them).
// The module holds its own copy of the core: in it, the whole run happens, the program's copy
// stays unused.
#include "ui/DesktopModule.h"
#include "cli/Cli.h"
#include "ui/DesktopApp.h"
#include "ui/report/PdfReport.h"

#include <QApplication>

extern "C" Q_DECL_EXPORT int br_desktop_main(int argc, char **argv, int mode)
{
    if (mode == BR_DESKTOP_WINDOW)
        return br::ui::runDesktop(argc, argv);
    // `report --format pdf` draws charts, which needs a QApplication; without a display it draws
    // offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    br::cli::setApplicationNames();
    // The report is in English, as the command line is; with its plural forms.
    br::ui::installTranslations(QLocale(QLocale::English));
    br::cli::setPdfReportWriter(
        [](br::Library &library, const br::ReportRequest &request, const QString &path) {
            return br::ui::writePdfReport(library, request, path);
        });
    return br::cli::run(QCoreApplication::arguments());
}
