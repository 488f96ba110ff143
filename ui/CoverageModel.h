#pragma once

#include "exchange/CoverageTable.h"

#include <QAbstractTableModel>

namespace br::ui {

// A coverage table for a view: the key down the side, a column per campaign, then the total. A
// cell reads "5" or, when suggestions are not counted in, "5 (+2)": five tagged, two suggested.
class CoverageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoverageModel)

public:
    enum Role
    {
        KeyRole = Qt::UserRole + 1, // the row's key (code, unit, month, publication)
        CampaignRole,               // the column's campaign id; "" for the key and total columns
        CountRole                   // the articles a click shows (tagged plus suggested)
    };

    explicit CoverageModel(QObject *parent = nullptr);

    void setTable(CoverageTable table);
    const CoverageTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int campaignColumnCount() const { return static_cast<int>(m_table.campaigns.size()); }

    CoverageTable m_table;
};

} // namespace br::ui
