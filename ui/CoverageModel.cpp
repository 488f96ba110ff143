#include "CoverageModel.h"

#include "PlainTooltip.h"

#include <QFont>

namespace br::ui {

CoverageModel::CoverageModel(QObject *parent) : QAbstractTableModel(parent) {}

void CoverageModel::setTable(CoverageTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int CoverageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int CoverageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : campaignColumnCount() + 2;
}

QVariant CoverageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CoverageTable::Row &row = m_table.rows[index.row()];
    const int column = index.column();
    const bool isKey = column == 0;
    const bool isTotal = column == campaignColumnCount() + 1;
    const qsizetype c = column - 1;
    switch (role) {
    case Qt::DisplayRole:
        if (isKey)
            return row.key.isEmpty() ? tr("(none)") : row.label;
        if (isTotal)
            return row.total();
        if (m_table.countSuggested || row.suggested[c] == 0)
            return row.articles[c];
        return tr("%1 (+%2)").arg(row.articles[c]).arg(row.suggested[c]);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(isKey ? Qt::AlignLeft | Qt::AlignVCenter
                                         : Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (isKey)
            return plainTooltip(row.key.isEmpty() ? tr("Articles without one") : row.label);
        if (isTotal)
            return tr("%n article(s) in all; click to list them", "", row.total());
        return tr("%1 tagged, %2 suggested and not yet confirmed; click to list them")
            .arg(row.articles[c] - (m_table.countSuggested ? row.suggested[c] : 0))
            .arg(row.suggested[c]);
    case Qt::FontRole:
        if (isTotal) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case KeyRole:
        return row.key;
    case CampaignRole:
        return isKey || isTotal ? QString() : m_table.campaigns[c].id;
    case CountRole:
        if (isKey || isTotal)
            return row.total();
        return row.articles[c] + (m_table.countSuggested ? 0 : row.suggested[c]);
    default:
        return {};
    }
}

QVariant CoverageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return CoverageTable::dimensionName(m_table.by);
    if (section == campaignColumnCount() + 1)
        return tr("Total");
    return m_table.campaigns[section - 1].nameZh;
}

} // namespace br::ui
