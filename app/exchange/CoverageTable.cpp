#include "exchange/CoverageTable.h"

#include "analysis/Gazetteer.h"
#include "library/Library.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <numeric>

namespace br {

using namespace Qt::StringLiterals;

int CoverageTable::Row::total() const
{
    return std::accumulate(articles.cbegin(), articles.cend(), 0);
}

QString CoverageTable::dimensionName(const QString &by)
{
    static const QHash<QString, const char *> names{
        {u"county"_s, QT_TRANSLATE_NOOP("CoverageTable", "County")},
        {u"town"_s, QT_TRANSLATE_NOOP("CoverageTable", "Town")},
        {u"unit"_s, QT_TRANSLATE_NOOP("CoverageTable", "Unit")},
        {u"month"_s, QT_TRANSLATE_NOOP("CoverageTable", "Month")},
        {u"publication"_s, QT_TRANSLATE_NOOP("CoverageTable", "Publication")}};
    const char *name = names.value(by);
    return name ? QCoreApplication::translate("CoverageTable", name) : by;
}

QString CoverageTable::labelFor(const QString &by, const QString &key)
{
    if (key.isEmpty() || (by != u"county"_s && by != u"town"_s))
        return key;
    const Division *d = Gazetteer::builtinDivision(key.toLongLong());
    if (!d)
        return key;
    if (d->level == 4) {
        // Town names repeat across the country: 燕塔街道 reads as 莘县燕塔街道.
        if (const Division *county = Gazetteer::builtinDivision(d->parent))
            return county->name + d->name;
    }
    return d->name;
}

QList<int> CoverageTable::columnTotals() const
{
    QList<int> totals(campaigns.size(), 0);
    for (const Row &row : rows) {
        for (qsizetype c = 0; c < campaigns.size(); ++c)
            totals[c] += row.articles[c];
    }
    return totals;
}

Result<CoverageTable> CoverageTable::build(Library &library, const QString &by,
                                           const QString &campaign, bool countSuggested)
{
    Result<QList<CoverageRow>> cells = library.coverage(by, campaign, countSuggested);
    if (!cells)
        return cells.error();
    Result<QList<Campaign>> campaigns = library.campaigns();
    if (!campaigns)
        return campaigns.error();
    CoverageTable table;
    table.by = by;
    table.campaignFilter = campaign;
    table.countSuggested = countSuggested;
    for (const Campaign &c : campaigns.value()) {
        if (campaign.isEmpty() || c.id == campaign)
            table.campaigns.append(c);
    }
    QHash<QString, qsizetype> column;
    for (qsizetype i = 0; i < table.campaigns.size(); ++i)
        column.insert(table.campaigns[i].id, i);
    QHash<QString, qsizetype> rowOf;
    for (const CoverageRow &cell : cells.value()) {
        const auto c = column.constFind(cell.campaign);
        if (c == column.constEnd())
            continue;
        auto r = rowOf.constFind(cell.key);
        if (r == rowOf.constEnd()) {
            Row row;
            row.key = cell.key;
            row.label = labelFor(by, cell.key);
            row.articles.fill(0, table.campaigns.size());
            row.suggested.fill(0, table.campaigns.size());
            r = rowOf.insert(cell.key, table.rows.size());
            table.rows.append(std::move(row));
        }
        table.rows[*r].articles[*c] += cell.articles;
        table.rows[*r].suggested[*c] += cell.suggested;
    }
    const bool byTime = by == u"month"_s;
    std::stable_sort(table.rows.begin(), table.rows.end(), [byTime](const Row &a, const Row &b) {
        if (a.key.isEmpty() != b.key.isEmpty())
            return b.key.isEmpty(); // the unknown row last
        if (byTime)
            return a.key < b.key;
        if (a.total() != b.total())
            return a.total() > b.total();
        // Then the unconfirmed suggestions: in a library nobody has tagged yet, they are the
        // only ranking there is.
        const auto pending = [](const Row &row) {
            return std::accumulate(row.suggested.cbegin(), row.suggested.cend(), 0);
        };
        if (pending(a) != pending(b))
            return pending(a) > pending(b);
        return a.label < b.label;
    });
    return table;
}

} // namespace br
