#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

#include "analysis/Campaign.h"

namespace br::ui {

class Workspace;

// One campaign's chip: a rounded square in its colour with its key (1–9) on it, so chips are
// told apart by more than colour; filled for a confirmed tag, outlined for a suggestion.
// `ring`: the colour around a filled chip, so it stands out of a selected row of its own hue.
// `ring` also draws a suggestion's outline and key when given `onSelection` (a selected row's
// highlight may be the campaign's own hue).
void paintCampaignChip(QPainter &painter, const QRect &chip, const Campaign &campaign, int key,
                       bool filled, const QColor &ring, bool onSelection = false);
// The size of a chip in a font of this height.
int campaignChipSize(const QFontMetrics &metrics);

// Paints an article's campaigns as chips, each campaign at its own place.
class CampaignChipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    CampaignChipDelegate(const Workspace &workspace, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The width the chips of every campaign take: the column's, whatever the rows hold.
    int chipsWidth(const QFontMetrics &metrics) const;

private:
    const Workspace &m_workspace;
};

// The chips' legend under the list: each tag's chip with its key and name, in a line that
// wraps; follows the tags as they change.
class CampaignLegend final : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignLegend(Workspace &workspace, QWidget *parent = nullptr);
    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    // The names as shown, in order: what a test reads.
    QStringList entries() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // Lays the entries out in `width`: each entry's rectangle; the height taken.
    int layOut(int width, QList<QRect> *places) const;

    Workspace &m_workspace;
};

} // namespace br::ui
