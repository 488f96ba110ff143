#pragma once

#include "analysis/Agreement.h"
#include "analysis/Campaign.h"

#include <QAbstractTableModel>

namespace br::ui {

// Coder agreement, a row per campaign: how many articles two or more people coded, kappa (two
// coders) or alpha (more), the four counts of two coders' judgments, and how many articles they
// disagree on. A figure chance alone explains reads "—".
class AgreementModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgreementModel)

public:
    enum Column
    {
        CampaignColumn,
        ArticlesColumn,
        MeasureColumn,
        BothYesColumn,
        FirstOnlyColumn,
        SecondOnlyColumn,
        BothNoColumn,
        DisagreementsColumn,
        ColumnCount
    };
    enum Role
    {
        CampaignIdRole = Qt::UserRole + 1,
    };

    explicit AgreementModel(QObject *parent = nullptr);

    // The figures, and the campaign of each (same order).
    void setRows(QList<CampaignAgreement> rows, QList<Campaign> campaigns);
    const CampaignAgreement *at(int row) const;
    QStringList coders() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool twoCoders() const;
    QVariant display(const CampaignAgreement &row, const Campaign &campaign, int column) const;

    QList<CampaignAgreement> m_rows;
    QList<Campaign> m_campaigns;
};

} // namespace br::ui
