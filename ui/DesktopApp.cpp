#include "DesktopApp.h"

#include "cli/Cli.h"

#include "ColorScheme.h"

#include "LibraryWindowLock.h"
#include "MainWindow.h"
#include "Workspace.h"
#include "library/LibraryLocation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScopeGuard>
#include <QStatusBar>
#include <QThread>
#include <QTranslator>

#include <cstdio>

namespace br::ui {

namespace {

// The bundled sample pages: next to an installed program, else in the source tree it was built
// from; $BULLETIN_READER_SEEDS overrides both.
QString seedsDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("BULLETIN_READER_SEEDS");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QDir appDir(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {appDir.filePath(QStringLiteral("../share/bulletin-reader/seeds")),
          QStringLiteral(BR_SOURCE_SEEDS_DIR)}) {
        if (QDir(candidate).exists())
            return QDir(candidate).absolutePath();
    }
    return {};
}

} // namespace

bool installTranslations(const QLocale &locale)
{
    auto *ours = new QTranslator(QCoreApplication::instance());
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    const bool found = !english && ours->load(locale, QStringLiteral("bulletin-reader"),
                                              QStringLiteral("_"), QStringLiteral(":/i18n"));
    // English is the source, but "%n article(s)" needs its two forms: an English table of just
    // those, wherever there is no translation.
    if (found || ours->load(QStringLiteral("bulletin-reader_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return found;
}

namespace {

// A progress dialog Esc does not hide: it stands for the window that is not there yet.
class OpeningDialog final : public QProgressDialog
{
public:
    void reject() override {}
};

// Opens the library on a thread of its own while the person is told what is happening: bringing
// a library of an older version up to date rewrites it (schema 13 moved the texts: 16 s for
// 100,000 articles, minutes for a million), and a window that does not appear looks hung.
Result<std::unique_ptr<Library>> openShowingProgress(const LibraryLocation &where, bool readOnly)
{
    Result<std::unique_ptr<Library>> opened{Error{}};
    std::unique_ptr<QThread> opener(
        QThread::create([&] { opened = Library::open(where, readOnly); }));
    QEventLoop loop;
    QObject::connect(opener.get(), &QThread::finished, &loop, &QEventLoop::quit);
    OpeningDialog busy;
    busy.setRange(0, 0);
    auto *says =
        new QLabel(QApplication::translate(
                       "main", "Opening %1…\n\nA library made by an older version of Bulletin "
                               "Reader is brought up to date first, once; a large one takes "
                               "minutes. A copy of it as it was is kept beside it.")
                       .arg(QDir::toNativeSeparators(where.shown())));
    says->setTextFormat(Qt::PlainText); // a file name is not markup
    says->setWordWrap(true);
    says->setMinimumWidth(busy.fontMetrics().averageCharWidth() * 60);
    busy.setLabel(says);
    busy.setWindowTitle(QApplication::translate("main", "Bulletin Reader"));
    busy.setCancelButton(nullptr); // a migration is one transaction: stopped, it is undone anyway
    busy.setMinimumDuration(700);  // a library that opens at once shows nothing
    busy.setWindowModality(Qt::ApplicationModal);
    opener->start();
    busy.setValue(0);
    loop.exec();
    opener->wait();
    return opened;
}

} // namespace

int runDesktop(int &argc, char **argv)
{
    QApplication app(argc, argv);
    br::cli::setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Bulletin Reader"));
    installTranslations(QLocale());
    // Wayland matches the window to its desktop entry (name, icon) by this.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.bulletin_reader.BulletinReader"));
    ColorScheme::follow();

    QCommandLineParser parser;
    const QCommandLineOption db(
        QStringLiteral("db"),
        QApplication::translate("main", "The library: a file, or a postgresql:// URL of a "
                                        "library on a server."),
        QStringLiteral("PATH|URL"));
    const QCommandLineOption readOnly(
        QStringLiteral("read-only"),
        QApplication::translate("main", "Open the library for reading only; nothing is changed."));
    parser.addOption(db);
    parser.addOption(readOnly);
    parser.process(app);

    const Result<LibraryLocation> location = resolveLibraryLocation(parser.value(db));
    if (!location) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Bulletin Reader"),
                              QApplication::translate("main", "The library cannot be opened:\n%1")
                                  .arg(location.errorMessage()));
        return 1;
    }
    const LibraryLocation where = location.value();
    LibraryWindowLock windowLock(where.text());
    if (!windowLock.claim()) {
        std::fprintf(stderr, "%s\n",
                     qUtf8Printable(QApplication::translate(
                                        "main", "Bulletin Reader is already open on %1: that "
                                                "window was brought to the front.")
                                        .arg(QDir::toNativeSeparators(where.shown()))));
        return 0;
    }
    Result<std::unique_ptr<Library>> library = openShowingProgress(where, parser.isSet(readOnly));
    if (!library) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Bulletin Reader"),
                              QApplication::translate("main", "The library cannot be opened:\n%1")
                                  .arg(library.errorMessage()));
        return 1;
    }
    Workspace workspace(std::move(library).value());
    MainWindow window(workspace, seedsDirectory());
    // The first open of a day keeps a copy, on a connection of its own on another thread: a
    // large library takes seconds to copy, and the window is there at once. One that cannot be
    // copied still opens, and says so. A file too large to be quick-checked as it opened is
    // checked first, on that thread too: a damaged one turns read only and is not copied.
    const bool checkInBackground = where.isFile() &&
                                   QFileInfo(where.text()).size() > Library::kCheckedOnOpenBytes &&
                                   workspace.library().damage().isEmpty();
    std::unique_ptr<QThread> dailyBackup(QThread::create([where, &window, checkInBackground] {
        if (checkInBackground) {
            // A check that could not run finds no damage; the backup below says what is wrong.
            if (const Result<QString> damage = Library::quickCheck(where.text());
                damage && !damage->isEmpty()) {
                QMetaObject::invokeMethod(&window, [&window, found = damage.value()] {
                    window.libraryFoundDamaged(found);
                });
                return;
            }
        }
        Result<std::unique_ptr<Library>> reader = Library::open(where, true);
        const Result<QString> backup =
            reader ? reader.value()->dailyBackup() : Result<QString>(reader.error());
        if (backup)
            return;
        QMetaObject::invokeMethod(&window, [&window, message = backup.errorMessage()] {
            window.statusBar()->showMessage(
                QApplication::translate("main", "No backup today: %1").arg(message));
        });
    }));
    dailyBackup->start();
    const auto waitForBackup = qScopeGuard([&] { dailyBackup->wait(); });
    QObject::connect(&windowLock, &LibraryWindowLock::activationRequested, &window, [&window] {
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.show();
        window.raise();
        window.activateWindow();
    });
    window.show();
    return QApplication::exec();
}

} // namespace br::ui
