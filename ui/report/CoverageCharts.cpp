#include "ui/report/CoverageCharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QFont>
#include <QHorizontalStackedBarSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace br::ui {

QChart *CoverageCharts::stackedBars(const CoverageTable &table, const QString &title, Bars bars,
                                    int maxBars)
{
    const auto translated = [](const char *text) {
        return QCoreApplication::translate("br::ui::CoverageCharts", text);
    };
    QList<CoverageTable::Row> rows = table.rows;
    if (rows.size() > maxBars) {
        CoverageTable::Row others;
        others.label = translated(QT_TRANSLATE_NOOP("br::ui::CoverageCharts", "Others (%1)"))
                           .arg(rows.size() - maxBars + 1);
        others.articles.fill(0, table.campaigns.size());
        others.suggested.fill(0, table.campaigns.size());
        for (qsizetype r = maxBars - 1; r < rows.size(); ++r) {
            for (qsizetype c = 0; c < table.campaigns.size(); ++c) {
                others.articles[c] += rows[r].articles[c];
                others.suggested[c] += rows[r].suggested[c];
            }
        }
        rows.resize(maxBars - 1);
        rows.append(others);
    }
    QStringList categories;
    for (const CoverageTable::Row &row : rows)
        categories.append(row.label.isEmpty() && row.key.isEmpty()
                              ? translated(QT_TRANSLATE_NOOP("br::ui::CoverageCharts", "(none)"))
                              : row.label);

    QAbstractBarSeries *series = nullptr;
    if (bars == Bars::Horizontal) {
        series = new QHorizontalStackedBarSeries;
        // The biggest bar on top, as people read a ranking.
        std::reverse(rows.begin(), rows.end());
        std::reverse(categories.begin(), categories.end());
    } else {
        series = new QStackedBarSeries;
    }
    // Suggestions not counted in are drawn apart, as the table shows them: a paler segment after
    // the campaign's tagged one (otherwise a library nobody has tagged yet shows an empty chart).
    const bool suggestionsApart =
        !table.countSuggested && std::any_of(rows.cbegin(), rows.cend(), [](const auto &row) {
            return std::any_of(row.suggested.cbegin(), row.suggested.cend(),
                               [](int n) { return n > 0; });
        });
    int highest = 0;
    for (const CoverageTable::Row &row : rows) {
        int bar = row.total();
        for (qsizetype c = 0; suggestionsApart && c < row.suggested.size(); ++c)
            bar += row.suggested[c];
        highest = std::max(highest, bar);
    }
    const auto addSet = [&](const QString &name, const QColor &color) {
        auto *set = new QBarSet(name);
        set->setColor(color);
        set->setBorderColor(color.darker(120));
        series->append(set);
        return set;
    };
    for (qsizetype c = 0; c < table.campaigns.size(); ++c) {
        const QColor color(table.campaigns[c].color);
        QBarSet *tagged = addSet(table.campaigns[c].nameZh, color);
        // Only where something is suggested: a person's own tags never are, and a legend entry
        // with no bar says nothing.
        const bool anySuggested = std::any_of(rows.cbegin(), rows.cend(), [c](const auto &row) {
            return c < row.suggested.size() && row.suggested[c] > 0;
        });
        QBarSet *suggested =
            suggestionsApart && anySuggested
                ? addSet(translated(QT_TRANSLATE_NOOP("br::ui::CoverageCharts", "%1 (suggested)"))
                             .arg(table.campaigns[c].nameZh),
                         color.lighter(160))
                : nullptr;
        for (const CoverageTable::Row &row : rows) {
            tagged->append(row.articles[c]);
            if (suggested)
                suggested->append(row.suggested[c]);
        }
    }
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->addSeries(series);
    chart->setAnimationOptions(QChart::NoAnimation);
    // Six names (tagged and suggested per campaign) do not fit in one line below the bars.
    chart->legend()->setAlignment(suggestionsApart ? Qt::AlignRight : Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    // Place names are short; eliding them to "…" in a small chart leaves nothing to read.
    categoryAxis->setTruncateLabels(false);
    QFont labels = categoryAxis->labelsFont();
    labels.setPointSizeF(labels.pointSizeF() * 0.9);
    categoryAxis->setLabelsFont(labels);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *countAxis = new QValueAxis;
    countAxis->setLabelFormat(QStringLiteral("%d"));
    // Counts are a few digits: never "…", however small the chart is drawn at first.
    countAxis->setTruncateLabels(false);
    // Whole numbers on the axis: a step of 1, 2, 3, … so that at most ten steps reach the top.
    const int step = std::max(1, (highest + 9) / 10);
    const int top = std::max(1, (highest + step - 1) / step) * step;
    countAxis->setRange(0, top);
    countAxis->setTickCount(top / step + 1);
    chart->addAxis(categoryAxis, bars == Bars::Horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(countAxis, bars == Bars::Horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(countAxis);
    return chart;
}

void CoverageCharts::usePalette(QChart &chart, const QPalette &palette)
{
    const QColor page = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Mid);
    chart.setBackgroundBrush(page);
    chart.setTitleBrush(text);
    chart.legend()->setLabelColor(text);
    for (QAbstractAxis *axis : chart.axes()) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
    }
}

} // namespace br::ui
