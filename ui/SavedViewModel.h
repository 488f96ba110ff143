#pragma once

#include "library/Library.h"

#include <QAbstractListModel>

namespace br::ui {

class Workspace;

// The saved searches of the library, by name, for the sidebar.
class SavedViewModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedViewModel)

public:
    explicit SavedViewModel(Workspace &workspace, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    const SavedView *at(int row) const;
    void reload();

private:
    Workspace &m_workspace;
    QList<SavedView> m_views;
};

} // namespace br::ui
