#include "TagListModel.h"

#include "Workspace.h"

#include <QColor>

namespace br::ui {

TagListModel::TagListModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_workspace(workspace)
{
    connect(&workspace, &Workspace::campaignsChanged, this, &TagListModel::reload);
    connect(&workspace, &Workspace::coverageChanged, this, &TagListModel::reload);
    reload();
}

void TagListModel::reload()
{
    beginResetModel();
    m_tags = m_workspace.campaigns();
    m_counts.clear();
    if (const auto counts = m_workspace.library().tagCounts()) {
        for (const auto &[id, count] : counts.value())
            m_counts.insert(id, count);
    }
    endResetModel();
}

int TagListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_tags.size());
}

int TagListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Campaign *TagListModel::tagAt(int row) const
{
    return row >= 0 && row < m_tags.size() ? &m_tags[row] : nullptr;
}

int TagListModel::rowOf(const QString &id) const
{
    for (qsizetype row = 0; row < m_tags.size(); ++row) {
        if (m_tags[row].id == id)
            return static_cast<int>(row);
    }
    return -1;
}

QVariant TagListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Campaign &tag = m_tags[index.row()];
    const bool builtin = index.row() < builtinCampaigns().size();
    if (role == TagIdRole)
        return tag.id;
    if (role == BuiltinRole)
        return builtin;
    switch (index.column()) {
    case KeyColumn:
        if (role == Qt::DisplayRole && index.row() < 9)
            return QString::number(index.row() + 1);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignCenter);
        break;
    case NameColumn:
        if (role == Qt::DisplayRole)
            return Workspace::labelOf(tag);
        if (role == Qt::ToolTipRole && builtin)
            return tr("A campaign of the program's own: its name and colour stay");
        break;
    case ColorColumn:
        // The swatch; its code only in the tooltip.
        if (role == Qt::DecorationRole)
            return QColor(tag.color);
        if (role == Qt::ToolTipRole)
            return tag.color;
        break;
    case ArticlesColumn:
        if (role == Qt::DisplayRole)
            return m_counts.value(tag.id, 0);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant TagListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case NameColumn:
        return tr("Name");
    case ColorColumn:
        return tr("Colour");
    case ArticlesColumn:
        return tr("Articles");
    default:
        return {};
    }
}

} // namespace br::ui
