#pragma once

#include <QStyledItemDelegate>

namespace br::ui {

// Paints an article's campaigns as colour chips: filled for confirmed tags, outlined for
// suggestions not yet accepted.
class Workspace;

class CampaignChipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    CampaignChipDelegate(const Workspace &workspace, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The width the chips of every campaign take: the column's, whatever the rows hold.
    int chipsWidth() const;

private:
    const Workspace &m_workspace;
};

} // namespace br::ui
