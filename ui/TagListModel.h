#pragma once

#include <QAbstractTableModel>

#include "analysis/Campaign.h"

namespace br::ui {

class Workspace;

// The tags of the library as the tag manager lists them: the three campaigns, then the person's
// own tags, each with its key (1–9, as the toggles have them), name, colour and the number of
// articles that carry it. Follows the workspace's tags as they change.
class TagListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KeyColumn,
        NameColumn,
        ColorColumn,
        ArticlesColumn,
        ColumnCount
    };
    static constexpr int TagIdRole = Qt::UserRole + 1;
    static constexpr int BuiltinRole = Qt::UserRole + 2;

    explicit TagListModel(Workspace &workspace, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Campaign *tagAt(int row) const;
    int rowOf(const QString &id) const;
    // Reads the tags and their counts again.
    void reload();

private:
    Workspace &m_workspace;
    QList<Campaign> m_tags;
    QHash<QString, int> m_counts;
};

} // namespace br::ui
