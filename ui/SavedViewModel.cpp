#include "SavedViewModel.h"

#include "PlainTooltip.h"
#include "Workspace.h"

namespace br::ui {

SavedViewModel::SavedViewModel(Workspace &workspace, QObject *parent)
    : QAbstractListModel(parent), m_workspace(workspace)
{
    connect(&workspace, &Workspace::savedViewsChanged, this, &SavedViewModel::reload);
    reload();
}

int SavedViewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_views.size());
}

QVariant SavedViewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SavedView &view = m_views[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return view.name;
    case Qt::ToolTipRole:
        return plainTooltip(view.query);
    }
    return {};
}

const SavedView *SavedViewModel::at(int row) const
{
    return row >= 0 && row < m_views.size() ? &m_views[row] : nullptr;
}

void SavedViewModel::reload()
{
    Result<QList<SavedView>> views = m_workspace.library().savedViews();
    beginResetModel();
    m_views = views ? std::move(views).value() : QList<SavedView>();
    endResetModel();
}

} // namespace br::ui
