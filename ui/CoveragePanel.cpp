#include "CoveragePanel.h"
#include "BackgroundReads.h"

#include "CoverageModel.h"
#include "FileDialogs.h"
#include "Workspace.h"
#include "exchange/CoverageTable.h"
#include "exchange/OutputFile.h"
#include "exchange/Tabular.h"
#include "ui/report/CoverageCharts.h"
#include "ui/report/PdfReport.h"

#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace br::ui {

CoveragePanel::CoveragePanel(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_reads(new BackgroundReads(this)),
      m_backgroundFrom(BackgroundReads::kLargeLibrary)
{
    auto *layout = new QVBoxLayout(this);
    auto *controls = new QHBoxLayout;
    m_rowsBy = new QComboBox(this);
    m_rowsBy->setObjectName(QStringLiteral("coverageRowsBy"));
    for (const QString &by : coverageDimensions())
        m_rowsBy->addItem(CoverageTable::dimensionName(by), by);
    m_campaign = new QComboBox(this);
    m_campaign->setObjectName(QStringLiteral("coverageCampaign"));
    rebuildCampaignChoice();
    m_countSuggested = new QCheckBox(tr("Count suggestions"), this);
    m_countSuggested->setObjectName(QStringLiteral("coverageCountSuggested"));
    m_countSuggested->setToolTip(
        tr("Count articles the analysis suggests for a campaign as if they were tagged"));
    auto *rowsLabel = new QLabel(tr("&Rows:"), this);
    rowsLabel->setBuddy(m_rowsBy);
    auto *campaignLabel = new QLabel(tr("C&ampaign:"), this);
    campaignLabel->setBuddy(m_campaign);
    auto *exportTableButton = new QPushButton(tr("Export Table…"), this);
    auto *saveChartButton = new QPushButton(tr("Save Chart…"), this);
    auto *pdfButton = new QPushButton(tr("PDF Report…"), this);
    controls->addWidget(rowsLabel);
    controls->addWidget(m_rowsBy);
    controls->addWidget(campaignLabel);
    controls->addWidget(m_campaign);
    controls->addWidget(m_countSuggested);
    controls->addStretch(1);
    controls->addWidget(exportTableButton);
    controls->addWidget(saveChartButton);
    controls->addWidget(pdfButton);
    layout->addLayout(controls);

    m_model = new CoverageModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("coverageTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setToolTip(tr("Click a cell to list its articles"));
    m_charts = new QTabWidget(this);
    m_rowsChart = new QChartView(m_charts);
    m_rowsChart->setRenderHint(QPainter::Antialiasing);
    m_monthChart = new QChartView(m_charts);
    m_monthChart->setRenderHint(QPainter::Antialiasing);
    // Scrolled when its bars need more room than the panel has: the chart's height (a line per
    // bar) never makes the panel, and with it the dock, taller than the person made it.
    auto *rowsScroll = new QScrollArea(m_charts);
    rowsScroll->setWidgetResizable(true);
    rowsScroll->setFrameShape(QFrame::NoFrame);
    rowsScroll->setWidget(m_rowsChart);
    m_charts->addTab(rowsScroll, tr("By rows"));
    m_charts->addTab(m_monthChart, tr("By month"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_charts);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    connect(m_rowsBy, &QComboBox::currentIndexChanged, this, &CoveragePanel::refresh);
    connect(m_campaign, &QComboBox::currentIndexChanged, this, &CoveragePanel::refresh);
    connect(m_countSuggested, &QCheckBox::toggled, this, &CoveragePanel::refresh);
    connect(m_table, &QTableView::clicked, this, &CoveragePanel::chooseCell);
    connect(m_table, &QTableView::activated, this, &CoveragePanel::chooseCell);
    connect(exportTableButton, &QPushButton::clicked, this, &CoveragePanel::exportTable);
    connect(saveChartButton, &QPushButton::clicked, this, &CoveragePanel::saveChart);
    connect(pdfButton, &QPushButton::clicked, this, &CoveragePanel::exportPdfReport);
    for (auto signal : {&Workspace::coverageChanged, &Workspace::libraryChanged})
        connect(&workspace, signal, this, &CoveragePanel::refreshLater);
    connect(&workspace, &Workspace::articleChanged, this, &CoveragePanel::refreshLater);
    connect(&workspace, &Workspace::campaignsChanged, this, [this] {
        rebuildCampaignChoice();
        refreshLater();
    });
}

QChartView *CoveragePanel::currentChartView() const
{
    return m_charts->currentIndex() == 0 ? m_rowsChart : m_monthChart;
}

void CoveragePanel::setRowsBy(const QString &by)
{
    m_rowsBy->setCurrentIndex(std::max(0, m_rowsBy->findData(by)));
}

void CoveragePanel::setCountSuggested(bool on)
{
    m_countSuggested->setChecked(on);
}

void CoveragePanel::rebuildCampaignChoice()
{
    const QString current = m_campaign->currentData().toString();
    const QSignalBlocker blocker(m_campaign);
    m_campaign->clear();
    m_campaign->addItem(tr("All campaigns"), QString());
    for (const Campaign &c : m_workspace.campaigns())
        m_campaign->addItem(c.nameZh, c.id);
    m_campaign->setCurrentIndex(std::max(0, m_campaign->findData(current)));
}

void CoveragePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void CoveragePanel::refreshLater()
{
    // Edits come one by one; the figures are counted once after them, and only when shown.
    m_stale = true;
    if (m_refreshQueued || !isVisible())
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        if (m_stale && isVisible())
            refresh();
    });
}

Result<CoveragePanel::Counts> CoveragePanel::countsOf(Library &library, const QString &by,
                                                      const QString &campaign, bool countSuggested)
{
    Result<CoverageTable> table = CoverageTable::build(library, by, campaign, countSuggested);
    if (!table)
        return table.error();
    Result<CoverageTable> byMonth =
        CoverageTable::build(library, QStringLiteral("month"), campaign, countSuggested);
    if (!byMonth)
        return byMonth.error();
    return Counts{std::move(table).value(), std::move(byMonth).value()};
}

void CoveragePanel::refresh()
{
    m_stale = false;
    const QString by = m_rowsBy->currentData().toString();
    const QString campaign = m_campaign->currentData().toString();
    const bool countSuggested = m_countSuggested->isChecked();
    const auto show = [this, by](Result<Counts> counts) {
        if (!counts) {
            reportError(counts.errorMessage());
            return;
        }
        showCounts(by, std::move(counts).value());
        Q_EMIT countsShown();
    };
    m_reads->runIfLarge<Counts>(
        m_workspace.library(), m_backgroundFrom,
        [by, campaign, countSuggested](Library &library) {
            return countsOf(library, by, campaign, countSuggested);
        },
        show);
}

void CoveragePanel::showCounts(const QString &by, Counts counts)
{
    CoverageTable &table = counts.table;
    CoverageTable &byMonth = counts.byMonth;
    const CoverageCharts::Bars bars = by == QLatin1StringView("month")
                                          ? CoverageCharts::Bars::Vertical
                                          : CoverageCharts::Bars::Horizontal;
    QChart *old = m_rowsChart->chart();
    m_rowsChart->setChart(CoverageCharts::stackedBars(
        table, tr("Articles by %1").arg(m_rowsBy->currentText()), bars));
    delete old;
    old = m_monthChart->chart();
    m_monthChart->setChart(CoverageCharts::stackedBars(byMonth, tr("Articles by month"),
                                                       CoverageCharts::Bars::Vertical, 24));
    delete old;
    for (QChart *chart : {m_rowsChart->chart(), m_monthChart->chart()})
        CoverageCharts::usePalette(*chart, palette());
    // Every bar keeps its label: Qt Charts drops labels that do not fit, so the chart asks for
    // a line of text per bar (at most 15 bars are drawn, the rest summed).
    if (bars == CoverageCharts::Bars::Horizontal) {
        const auto barCount = static_cast<int>(std::min<qsizetype>(table.rows.size(), 15));
        m_rowsChart->setMinimumHeight(barCount * (fontMetrics().height() + 4) + 110);
    } else {
        m_rowsChart->setMinimumHeight(0);
    }
    m_model->setTable(std::move(table));
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void CoveragePanel::chooseCell(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    CoverageCell cell;
    cell.by = m_model->table().by;
    cell.key = index.data(CoverageModel::KeyRole).toString();
    cell.label = m_model->index(index.row(), 0).data().toString();
    cell.campaign = index.data(CoverageModel::CampaignRole).toString();
    cell.count = index.data(CoverageModel::CountRole).toInt();
    Q_EMIT cellChosen(cell);
}

void CoveragePanel::reportError(const QString &message)
{
    QMessageBox::warning(this, tr("Coverage"), message);
}

void CoveragePanel::exportTable()
{
    const QString path = FileDialogs::saveFileName(
        this, tr("Export Coverage Table"), tr("coverage.xlsx"), tr("Excel workbook (*.xlsx)"));
    if (path.isEmpty())
        return;
    const Tabular table = Tables::coverage(m_model->table());
    if (Status s =
            OutputFile::write(path, [&](QIODevice &device) { return writeXlsx(device, {table}); });
        !s)
        reportError(s.errorMessage());
    else
        Q_EMIT saved(path);
}

Status CoveragePanel::saveChartTo(const QString &path)
{
    QChartView *view = currentChartView();
    const bool svg = path.endsWith(QLatin1StringView(".svg"), Qt::CaseInsensitive);
    // Drawn in memory, then written out whole: neither QSvgGenerator nor QImage::save says when
    // a write fails.
    QBuffer drawn;
    drawn.open(QIODevice::WriteOnly);
    if (svg) {
        QSvgGenerator generator;
        generator.setOutputDevice(&drawn);
        generator.setSize(view->size());
        generator.setViewBox(QRect(QPoint(0, 0), view->size()));
        generator.setTitle(view->chart() ? view->chart()->title() : QString());
        QPainter painter(&generator);
        view->render(&painter);
        painter.end();
    } else {
        // Twice the screen's size: sharp enough for a printed page.
        QImage image(view->size() * 2, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        view->render(&painter, QRectF(QPointF(0, 0), image.size()));
        painter.end();
        if (!image.save(&drawn, "PNG"))
            return Error{tr("the chart could not be drawn as PNG")};
    }
    return OutputFile::write(
        path, [&](QIODevice &device) { return OutputFile::writeAll(device, drawn.data()); });
}

void CoveragePanel::saveChart()
{
    const QString path = FileDialogs::saveFileName(this, tr("Save Chart"), tr("coverage-chart.png"),
                                                   tr("PNG image (*.png);;SVG image (*.svg)"));
    if (path.isEmpty())
        return;
    if (Status s = saveChartTo(path); !s)
        reportError(s.errorMessage());
    else
        Q_EMIT saved(path);
}

void CoveragePanel::exportPdfReport()
{
    const QString path = FileDialogs::saveFileName(
        this, tr("PDF Report"), tr("coverage-report.pdf"), tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    const ReportRequest request{m_rowsBy->currentData().toString(),
                                m_campaign->currentData().toString(),
                                m_countSuggested->isChecked()};
    if (Status s = writePdfReport(m_workspace.library(), request, path); !s)
        reportError(s.errorMessage());
    else
        Q_EMIT saved(path);
}

} // namespace br::ui
