#include "cli/Cli.h"
#include "ui/DesktopModule.h"

#include <QCoreApplication>

#include <climits>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <unistd.h>

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

// `report --format pdf` draws charts. Every other command runs without any graphics.
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

// The window's module: beside the program in the build tree, in the library folder installed.
int runDesktopModule(int argc, char *argv[], int mode)
{
    char self[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    std::string folder = length > 0 ? std::string(self, static_cast<size_t>(length)) : argv[0];
    folder = folder.substr(0, folder.rfind('/') + 1);
    std::string tried;
    for (const char *relative : {BR_DESKTOP_MODULE_NAME, BR_DESKTOP_MODULE_INSTALLED}) {
        const std::string path = folder + relative;
        void *module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            tried += std::string("\n  ") + dlerror();
            continue;
        }
        using Entry = int (*)(int, char **, int);
        const auto entry = reinterpret_cast<Entry>(dlsym(module, BR_DESKTOP_ENTRY));
        if (!entry) {
            tried += std::string("\n  ") + path + ": no " + BR_DESKTOP_ENTRY;
            continue;
        }
        return entry(argc, argv, mode);
    }
    std::fprintf(stderr, "bulletin-reader: cannot load the window (%s):%s\n",
                 BR_DESKTOP_MODULE_NAME, tried.c_str());
    return br::cli::PartialFailure;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!wantsCommandLine(argc, argv))
        return runDesktopModule(argc, argv, BR_DESKTOP_WINDOW);
    if (needsGraphics(argc, argv))
        return runDesktopModule(argc, argv, BR_DESKTOP_PDF_COMMAND);
    QCoreApplication app(argc, argv);
    br::cli::setApplicationNames();
    return br::cli::run(QCoreApplication::arguments());
}
