#pragma once

#include "exchange/CoverageTable.h"

#include <QString>

class QChart;
class QPalette;

namespace br::ui {

// Charts of a coverage table, drawn with Qt Charts: one stacked bar per row (county, month, …),
// a segment per campaign in the campaign's colour. The window shows them, the PDF report prints
// them, and both get them from here.
class CoverageCharts final
{
public:
    enum class Bars
    {
        Horizontal, // places and units: long names read best down the side
        Vertical    // months: time runs left to right
    };
    // A new chart (the caller owns it) of the first `maxBars` rows; the others are summed into
    // one bar so the chart stays readable.
    static QChart *stackedBars(const CoverageTable &table, const QString &title, Bars bars,
                               int maxBars = 15);
    // The chart's page, titles, legend, labels and grid in `palette`'s colours (a dark window
    // gets a dark chart; the bars keep the campaigns' colours). The PDF keeps the light ones.
    static void usePalette(QChart &chart, const QPalette &palette);
};

} // namespace br::ui
