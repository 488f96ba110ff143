#pragma once

#include "core/Result.h"
#include "exchange/CoverageTable.h"

#include <QWidget>

class QCheckBox;
class QChartView;
class QComboBox;
class QTableView;
class QTabWidget;

namespace br::ui {

class BackgroundReads;
class CoverageModel;
class Workspace;

// One cell of the coverage table a person clicked: what the article list should show.
struct CoverageCell
{
    QString by;
    QString key;
    QString label;    // for the list's banner
    QString campaign; // "" for the whole row
    int count = 0;
};

// The coverage view: counts by county, town, unit, month or publication across the campaigns,
// with the charts of the same figures and the exports (table as XLSX, chart as PNG / SVG, PDF
// report). Clicking a cell asks the window to list exactly its articles. Refreshes itself when
// tags, corrections or the library change, but only while it is shown.
class CoveragePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit CoveragePanel(Workspace &workspace, QWidget *parent = nullptr);

    CoverageModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QChartView *currentChartView() const;
    void setRowsBy(const QString &by);
    void setCountSuggested(bool on);

    // The exports, each asking for a file name; also used by the window's File menu.
    void exportTable();
    void saveChart();
    void exportPdfReport();
    // The same, to a given file: what the dialogs call, and what tests drive.
    Status saveChartTo(const QString &path);
    // A large library's figures are counted on a worker (BackgroundReads::kLargeLibrary; tests
    // set it low); countsShown says when they are on the screen.
    void setBackgroundFrom(qint64 articles) { m_backgroundFrom = articles; }

Q_SIGNALS:
    void countsShown();
    void cellChosen(const br::ui::CoverageCell &cell);
    // A table, chart or report was written whole to `path` (the window says so).
    void saved(const QString &path);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // The figures a refresh shows: the table by the chosen rows, and the months for the chart.
    struct Counts
    {
        CoverageTable table;
        CoverageTable byMonth;
    };
    static Result<Counts> countsOf(Library &library, const QString &by, const QString &campaign,
                                   bool countSuggested);
    void showCounts(const QString &by, Counts counts);
    void refresh();
    void refreshLater();
    void rebuildCampaignChoice();
    void chooseCell(const QModelIndex &index);
    void reportError(const QString &message);

    Workspace &m_workspace;
    CoverageModel *m_model = nullptr;
    QComboBox *m_rowsBy = nullptr;
    QComboBox *m_campaign = nullptr;
    QCheckBox *m_countSuggested = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_charts = nullptr;
    QChartView *m_rowsChart = nullptr;
    QChartView *m_monthChart = nullptr;
    bool m_stale = true;
    bool m_refreshQueued = false;
    BackgroundReads *m_reads;
    qint64 m_backgroundFrom;
};

} // namespace br::ui
