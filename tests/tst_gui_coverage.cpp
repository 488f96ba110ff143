// The coverage view and the corrections behind it, driven through real widgets offscreen: the
// table and its click-through, the inspector's county and unit corrections with undo, unit
// merges, chart and list exports.
#include "library/Reanalysis.h"
#include "testsupport/ExportSupport.h"
#include "testsupport/WorkspaceSupport.h"
#include "ui/ArticleListModel.h"
#include "ui/CoverageModel.h"
#include "ui/CoveragePanel.h"
#include "ui/ExportJob.h"
#include "ui/FileDialogs.h"
#include "ui/InspectorPanel.h"
#include "ui/MainWindow.h"
#include "ui/Workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <QUndoStack>
#include <numeric>

using namespace br;
using namespace br::ui;
using br::test::seededWorkspace;
using namespace Qt::StringLiterals;

namespace {

int rowTitled(ArticleListModel *model, const QString &title)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data().toString() == title)
            return r;
    }
    return -1;
}

int coverageRow(CoverageModel *model, const QString &label)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data().toString() == label)
            return r;
    }
    return -1;
}

} // namespace

class TestCoverageView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void clickingACellListsExactlyItsArticles()
    {
        std::unique_ptr<Workspace> workspace = seededWorkspace(m_dir.filePath(u"cells.sqlite3"_s));
        MainWindow window(*workspace, QString());
        window.show();
        window.coverageDock()->show();
        CoveragePanel *panel = window.coveragePanel();
        QAbstractItemModelTester tester(panel->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel->setRowsBy(u"county"_s);
        panel->setCountSuggested(true);
        CoverageModel *model = panel->model();
        const int row = coverageRow(model, u"莘县"_s);
        QVERIFY(row >= 0);
        // 莘县 × 脱贫攻坚: the 大回访 story and the five 燕塔街道 / 大张家 stories.
        const QModelIndex cell = model->index(row, 1);
        QCOMPARE(cell.data(CoverageModel::CampaignRole).toString(), u"poverty-relief"_s);
        QCOMPARE(cell.data(CoverageModel::CountRole).toInt(), 6);
        QTest::mouseClick(panel->table()->viewport(), Qt::LeftButton, {},
                          panel->table()->visualRect(cell).center());
        ArticleListModel *list = window.articleModel();
        QTRY_COMPARE(list->rowCount(), 6);
        for (int r = 0; r < list->rowCount(); ++r)
            QVERIFY2(list->index(r, 0).data().toString().contains(u"莘县"_s),
                     qPrintable(list->index(r, 0).data().toString()));
        auto *banner = window.findChild<QWidget *>(u"coverageCellBanner"_s);
        QVERIFY(banner && banner->isVisible());
        window.clearCoverageCell();
        QTRY_COMPARE(list->rowCount(),
                     static_cast<int>(workspace->library().articleCount().value()));
        QVERIFY(!banner->isVisible());

        // Tagged only: suggestions are shown apart, and the cell's count follows.
        panel->setCountSuggested(false);
        const int again = coverageRow(model, u"莘县"_s);
        QCOMPARE(model->index(again, 1).data().toString(), u"0 (+6)"_s);
    }

    void inspectorCorrectsCountyAndUnitWithUndo()
    {
        std::unique_ptr<Workspace> workspace =
            seededWorkspace(m_dir.filePath(u"corrections.sqlite3"_s));
        MainWindow window(*workspace, QString());
        window.show();
        ArticleListModel *list = window.articleModel();
        const int row = rowTitled(list, u"市第四人民医院举办精神科学术报告会"_s);
        QVERIFY(row >= 0);
        window.articleList()->setCurrentIndex(list->index(row, 0));
        const qint64 id = window.currentArticleId();
        auto *county = window.inspector()->findChild<QComboBox *>(u"county"_s);
        auto *unit = window.inspector()->findChild<QLineEdit *>(u"unit"_s);
        QVERIFY(county && unit);
        // A bare 市 is completed with the story's city.
        QCOMPARE(unit->text(), u"聊城市第四人民医院"_s);

        // The wheel over the county box, as when scrolling the inspector, changes nothing.
        const int shown = county->currentIndex();
        for (const int delta : {-120, -120, 120, -120}) {
            QWheelEvent wheel(QPointF(5, 5), county->mapToGlobal(QPointF(5, 5)), QPoint(),
                              QPoint(0, delta), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                              false);
            QApplication::sendEvent(county, &wheel);
        }
        QCOMPARE(county->currentIndex(), shown);
        QVERIFY(!workspace->library().article(id).value().countyCorrected);

        // The county: chosen from the list, saved at once, undone with Ctrl+Z.
        const int shen = county->findText(u"莘县"_s);
        QVERIFY(shen > 0);
        county->setCurrentIndex(shen);
        Q_EMIT county->activated(shen);
        QCOMPARE(workspace->library().article(id).value().mainCounty, 371522);
        QVERIFY(workspace->library().article(id).value().countyCorrected);
        workspace->undoStack()->undo();
        QVERIFY(!workspace->library().article(id).value().countyCorrected);

        // The unit: typed, Enter saves; a reanalysis keeps the person's correction.
        unit->setFocus();
        unit->setText(u"聊城市精神卫生中心"_s); // QTest types ASCII only
        QTest::keyClick(unit, Qt::Key_Return);
        QCOMPARE(workspace->library().article(id).value().unit, u"聊城市精神卫生中心"_s);
        QVERIFY(reanalyseLibrary(workspace->library()).ok());
        QCOMPARE(workspace->library().article(id).value().unit, u"聊城市精神卫生中心"_s);
        workspace->undoStack()->undo();
        QCOMPARE(workspace->library().article(id).value().unit, u"聊城市第四人民医院"_s);
    }

    void mergedUnitsCountAsOne()
    {
        std::unique_ptr<Workspace> workspace = seededWorkspace(m_dir.filePath(u"merge.sqlite3"_s));
        Library &library = workspace->library();
        const auto articlesOf = [&](const QString &unit) {
            for (const auto &[name, count] : library.units().value()) {
                if (name == unit)
                    return count;
            }
            return 0;
        };
        const int health = articlesOf(u"聊城市卫生计生委"_s);
        const int shortName = articlesOf(u"聊城卫计委"_s);
        QVERIFY(health > 0 && shortName > 0);
        workspace->mergeUnit(u"聊城卫计委"_s, u"聊城市卫生计生委"_s);
        QCOMPARE(articlesOf(u"聊城市卫生计生委"_s), health + shortName);
        QCOMPARE(articlesOf(u"聊城卫计委"_s), 0);
        const QList<CoverageRow> byUnit = library.coverage(u"unit"_s, QString(), true).value();
        for (const CoverageRow &r : byUnit)
            QVERIFY(r.key != u"聊城卫计委"_s);
        workspace->undoStack()->undo();
        QCOMPARE(articlesOf(u"聊城卫计委"_s), shortName);
    }

    // A large library's figures are counted on a worker: a tag leaves the window at once, and the
    // counts with it arrive when they are read.
    void aLargeLibrarysCoverageIsCountedInTheBackground()
    {
        std::unique_ptr<Workspace> workspace =
            seededWorkspace(m_dir.filePath(u"counted.sqlite3"_s));
        MainWindow window(*workspace, QString());
        window.show();
        window.coverageDock()->show();
        CoveragePanel *panel = window.coveragePanel();
        panel->setCountSuggested(false);
        const auto tagged = [&] {
            const QList<int> totals = panel->model()->table().columnTotals();
            return std::accumulate(totals.cbegin(), totals.cend(), 0);
        };
        const int before = tagged();
        qint64 untagged = 0;
        for (const ArticleSummary &a : workspace->library().articles().value()) {
            if (a.campaigns.isEmpty()) {
                untagged = a.id;
                break;
            }
        }
        QVERIFY(untagged > 0);

        panel->setBackgroundFrom(1); // as if the seeds were 100,000 articles
        QSignalSpy shown(panel, &CoveragePanel::countsShown);
        workspace->toggleCampaign(untagged, u"civilization-city"_s);
        QCOMPARE(tagged(), before); // not counted yet: the window went on
        QVERIFY(shown.wait(10000));
        QCOMPARE(tagged(), before + 1);
        workspace->undoStack()->undo();
        QVERIFY(shown.wait(10000));
        QCOMPARE(tagged(), before);
    }

    // An export runs on a thread of its own: the window takes no second one meanwhile, a
    // cancelled one leaves no file, and the finished one says how many rows went where.
    void anExportRunsInTheBackground()
    {
        std::unique_ptr<Workspace> workspace =
            seededWorkspace(m_dir.filePath(u"background.sqlite3"_s));
        MainWindow window(*workspace, QString());
        window.show();
        const QString csv = m_dir.filePath(u"background.csv"_s);
        QSignalSpy finished(&window, &MainWindow::exportFinished);
        QVERIFY(window.exportRecordTo(csv, u"csv"_s, false));
        QVERIFY(window.isExporting());
        QVERIFY(!window.exportRecordTo(m_dir.filePath(u"second.csv"_s), u"csv"_s, false));
        QVERIFY2(window.statusBar()->currentMessage().contains(u"still running"_s),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.front().front().toBool(), true);
        QVERIFY(!window.isExporting());
        QVERIFY(QFileInfo::exists(csv));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"second.csv"_s)));
        const qint64 articles = workspace->library().articleCount().value();
        QVERIFY2(window.statusBar()->currentMessage().contains(QString::number(articles)),
                 qPrintable(window.statusBar()->currentMessage()));

        const QString cancelledPath = m_dir.filePath(u"cancelled.csv"_s);
        ExportJob job(workspace->library().location(), {{}, cancelledPath, u"csv"_s, false});
        QSignalSpy done(&job, &ExportJob::finished);
        job.cancel();
        job.start();
        QVERIFY(done.wait(60000));
        QVERIFY2(done.front().at(1).toString().contains(u"cancelled"_s),
                 qPrintable(done.front().at(1).toString()));
        QVERIFY(!QFileInfo::exists(cancelledPath));
        const QStringList left = QDir(m_dir.path()).entryList({u"cancelled*"_s}, QDir::Files);
        QCOMPARE(left, QStringList());
    }

    void chartsAndListExport()
    {
        std::unique_ptr<Workspace> workspace =
            seededWorkspace(m_dir.filePath(u"exports.sqlite3"_s));
        MainWindow window(*workspace, QString());
        window.resize(1400, 900);
        window.show();
        window.coverageDock()->show();
        CoveragePanel *panel = window.coveragePanel();
        panel->setCountSuggested(true);
        QTRY_VERIFY(panel->currentChartView()->chart());
        QCOMPARE(panel->currentChartView()->chart()->series().size(), 1);

        const QString png = m_dir.filePath(u"chart.png"_s);
        QVERIFY(panel->saveChartTo(png).ok());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 200);
        const QString svg = m_dir.filePath(u"chart.svg"_s);
        QVERIFY(panel->saveChartTo(svg).ok());
        QVERIFY(test::readAll(svg).contains("<svg"));

        const QString csv = m_dir.filePath(u"articles.csv"_s);
        QVERIFY(test::exportAndWait(window, csv));
        const QStringList lines =
            QString::fromUtf8(test::readAll(csv)).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size() - 1, static_cast<int>(workspace->library().articleCount().value()));
        QVERIFY(test::readAll(csv).startsWith("\xEF\xBB\xBF")); // read as UTF-8 by spreadsheets
        QVERIFY(lines.join(u'\n').contains(u"聊城市第四人民医院"_s));

        // Exporting the table through its dialog says where it went.
        const QString table = m_dir.filePath(u"coverage.xlsx"_s);
        FileDialogs::setDialogDriver([&](QFileDialog &dialog) {
            dialog.selectFile(table);
            dialog.setResult(QDialog::Accepted);
        });
        panel->exportTable();
        FileDialogs::setDialogDriver({});
        QVERIFY(QFileInfo::exists(table));
        QVERIFY2(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(table)),
                 qPrintable(window.statusBar()->currentMessage()));

        const QString xlsx = m_dir.filePath(u"articles.xlsx"_s);
        QVERIFY(test::exportAndWait(window, xlsx));
        QProcess unzip;
        // The article list is written row by row: its texts are in the sheet's cells.
        unzip.start(u"unzip"_s, {u"-p"_s, xlsx, u"xl/worksheets/sheet1.xml"_s});
        QVERIFY(unzip.waitForFinished());
        QCOMPARE(unzip.exitCode(), 0);
        const QString strings = QString::fromUtf8(unzip.readAllStandardOutput());
        QVERIFY(strings.contains(u"日照银行聊城分行"_s));
        QVERIFY(strings.contains(u"莘县燕塔街道干部帮包助脱贫"_s));
    }
};

QTEST_MAIN(TestCoverageView)
#include "tst_gui_coverage.moc"
