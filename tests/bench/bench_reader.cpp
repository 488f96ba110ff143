// The reader on a large library: fills a library with N articles made from the seed pages (in
// memory, through the same reader and library code as an import), then measures opening the
// window until the first article is shown, and moving to the next article with the J key.
// Prints one line:
//   articles=… build_seconds=… open_ms=… next_p50_ms=… next_p95_ms=… next_max_ms=…
//   typing_max_stall_ms=… search_rows=… ACTION_stall_ms=… peak_rss_mb=…
// where each ACTION (sorting, filtering, opening the coverage view, tagging while it is shown,
// undo, a CSV export) is timed by the longest the event loop was kept from running meanwhile.
// Usage: bench_reader [ARTICLES=100000] [LIBRARY_FILE]   (an existing LIBRARY_FILE is reused)

#include "BenchSupport.h"
#include "PageGenerator.h"

#include "library/Library.h"
#include "library/PageReader.h"
#include "ui/ArticleListModel.h"
#include "ui/CoveragePanel.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace br;
using bench::peakRssMb;
using bench::percentile;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const qint64 wanted = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 100000;
    QTemporaryDir dir;
    const QString path =
        argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(u"reader.sqlite3"_s);

    QElapsedTimer timer;
    timer.start();
    {
        Result<std::unique_ptr<Library>> library = Library::open(path);
        if (!library) {
            std::fprintf(stderr, "%s\n", qPrintable(library.errorMessage()));
            return 1;
        }
        bench::PageGenerator generator(QStringLiteral(BR_SEEDS_DIR), 100000);
        const PageReader reader;
        qint64 articles = library.value()->articleCount().value();
        for (int page = static_cast<int>(library.value()->pageCount().value()); articles < wanted;
             ++page) {
            Result<ReadPage> read =
                reader.readBytes(u"page_%1.txt"_s.arg(page), generator.page(page));
            if (!read)
                continue;
            Result<Library::Added> added = library.value()->addPage(read.value());
            if (added)
                articles += added->articles;
        }
    }
    const double buildSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;

    timer.restart();
    Result<std::unique_ptr<Library>> library = Library::open(path);
    ui::Workspace workspace(std::move(library).value());
    ui::MainWindow window(workspace, QString());
    window.show();
    QCoreApplication::processEvents();
    const double openMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const qint64 articles = window.articleModel()->rowCount();

    QTableView *list = window.articleList();
    list->setFocus();
    QApplication::setActiveWindow(&window);
    std::vector<double> nextMs;
    for (int i = 0; i < 300; ++i) {
        timer.restart();
        QTest::keyClick(list, Qt::Key_J);
        QCoreApplication::processEvents();
        nextMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    // Typing into the search field: a 5 ms timer measures how long the event loop is ever kept
    // from running while queries are typed and answered.
    auto *field = window.findChild<QLineEdit *>(QStringLiteral("filterText"));
    QElapsedTimer sinceTick;
    sinceTick.start();
    double maxStallMs = 0;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        maxStallMs = std::max(maxStallMs, static_cast<double>(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    ticker.start();
    field->setFocus();
    QSignalSpy answered(window.articleModel(), &ui::ArticleListModel::searchFinished);
    for (const QString &typed : {u"扶"_s, u"贫"_s, u" "_s, u"莘"_s, u"县"_s}) {
        QKeyEvent key(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, typed);
        sinceTick.restart();
        QApplication::sendEvent(field, &key);
        QTest::qWait(80); // a quick typist
    }
    answered.wait(20000);
    QTest::qWait(100);
    ticker.stop();
    const double typingStallMs = maxStallMs;
    const int searchRows = window.articleModel()->rowCount();
    field->clear();
    answered.wait(20000);

    // Each action a person takes, timed by the longest the event loop was kept from running
    // while it was done and answered (the action itself and what it set off, up to `settle`).
    QString stalls;
    const auto stallOf = [&](const char *name, const std::function<void()> &action,
                             const std::function<bool()> &done = {}) {
        maxStallMs = 0;
        ticker.start();
        sinceTick.restart();
        action();
        QElapsedTimer waited;
        waited.start();
        while ((done && !done() && waited.elapsed() < 60000) || waited.elapsed() < 300)
            QTest::qWait(10);
        ticker.stop();
        stalls += u" %1_stall_ms=%2"_s.arg(QString::fromLatin1(name)).arg(maxStallMs, 0, 'f', 0);
    };
    list->setFocus();
    // A sort or filter of a library this large is read on a worker: done when its rows are shown.
    QSignalSpy loaded(window.articleModel(), &ui::ArticleListModel::searchFinished);
    const auto shown = [&] { return !loaded.isEmpty(); };
    const auto listed = [&](const char *name, const std::function<void()> &action) {
        loaded.clear();
        stallOf(name, action, shown);
    };
    listed("sort_title",
           [&] { list->sortByColumn(ui::ArticleListModel::TitleColumn, Qt::AscendingOrder); });
    listed("sort_page",
           [&] { list->sortByColumn(ui::ArticleListModel::PageColumn, Qt::DescendingOrder); });
    auto *kind = window.findChild<QComboBox *>(QStringLiteral("filterKind"));
    listed("filter_kind", [&] { kind->setCurrentIndex(2); });
    listed("filter_all", [&] { kind->setCurrentIndex(0); });
    // The coverage figures of a library this large are counted on a worker too: done when shown.
    QSignalSpy counted(window.coveragePanel(), &ui::CoveragePanel::countsShown);
    const auto recounted = [&](const char *name, const std::function<void()> &action) {
        counted.clear();
        stallOf(name, action, [&] { return !counted.isEmpty(); });
    };
    recounted("coverage_open", [&] { window.coverageDock()->show(); });
    const qint64 current = window.currentArticleId();
    recounted("tag_with_coverage",
              [&] { workspace.toggleCampaign(current, u"civilization-city"_s); });
    recounted("undo", [&] { workspace.undoStack()->undo(); });
    const QString csv = dir.filePath(u"list.csv"_s);
    QSignalSpy exported(&window, &ui::MainWindow::exportFinished);
    stallOf(
        "export_csv", [&] { window.exportRecordTo(csv, u"csv"_s, false); },
        [&] { return !exported.isEmpty(); });

    std::printf("articles=%lld build_seconds=%.1f open_ms=%.0f next_p50_ms=%.1f next_p95_ms=%.1f "
                "next_max_ms=%.1f typing_max_stall_ms=%.0f search_rows=%d%s peak_rss_mb=%.0f\n",
                static_cast<long long>(articles), buildSeconds, openMs, percentile(nextMs, 0.5),
                percentile(nextMs, 0.95), percentile(nextMs, 1.0), typingStallMs, searchRows,
                qPrintable(stalls), peakRssMb());
    return window.currentArticleId() > 0 ? 0 : 1;
}
