#pragma once

#include "analysis/Campaign.h"
#include "core/Result.h"

#include <QList>
#include <QString>

namespace br {

class Library;

// The coverage table as people read it: one row per county (town, unit, month, publication),
// one column per campaign, each cell the tagged articles and, apart, the suggested ones not yet
// confirmed. The window's table, its charts, the exports and `report` all show this one table.
struct CoverageTable
{
    QString by;                  // one of coverageDimensions()
    QString campaignFilter;      // one campaign's id, or "" for all
    bool countSuggested = false; // suggestions are counted into `tagged` too
    QList<Campaign> campaigns;   // the columns, in the program's order

    struct Row
    {
        QString key;          // code, unit, month or publication; "" for articles without one
        QString label;        // what a person reads: 莘县, 莘县燕塔街道, 2019-08, …
        QList<int> articles;  // by column: tagged (plus suggested when counted)
        QList<int> suggested; // by column: suggested, not tagged
        int total() const;
    };
    QList<Row> rows; // months in time order, everything else most articles first; unknown last

    static Result<CoverageTable> build(Library &library, const QString &by,
                                       const QString &campaign = QString(),
                                       bool countSuggested = false);
    // What a dimension is called over a column or in a menu: "County", "Town", … (translated).
    static QString dimensionName(const QString &by);
    // The readable name of a key: a division's name (a town with its county), else the key.
    static QString labelFor(const QString &by, const QString &key);
    // The column totals.
    QList<int> columnTotals() const;
};

} // namespace br
