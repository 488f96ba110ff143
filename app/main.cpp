#include "cli/Cli.h"
#include "ui/DesktopApp.h"

#include <QCoreApplication>

#include <cstring>

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

} // namespace

int main(int argc, char *argv[])
{
    if (!wantsCommandLine(argc, argv))
        return br::ui::runDesktop(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("BulletinReader"));
    QCoreApplication::setApplicationName(QStringLiteral("bulletin-reader"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BR_VERSION));
    return br::cli::run(QCoreApplication::arguments());
}
