#include "CampaignChipDelegate.h"

#include "Roles.h"
#include "Workspace.h"

#include <QApplication>
#include <QPainter>

namespace br::ui {

namespace {

constexpr int kChip = 12;
constexpr int kGap = 4;

} // namespace

CampaignChipDelegate::CampaignChipDelegate(const Workspace &workspace, QObject *parent)
    : QStyledItemDelegate(parent), m_workspace(workspace)
{
}

void CampaignChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QStringList confirmed = index.data(CampaignIdsRole).toStringList();
    const QStringList suggested = index.data(SuggestedIdsRole).toStringList();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    int x = option.rect.left() + kGap;
    const int y = option.rect.center().y() - kChip / 2;
    for (const Campaign &c : m_workspace.campaigns()) {
        const QColor color = QColor::fromString(c.color);
        const QRect chip(x, y, kChip, kChip);
        if (confirmed.contains(c.id)) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
            painter->drawRoundedRect(chip, 3, 3);
        } else if (suggested.contains(c.id)) {
            painter->setPen(QPen(color, 1.5, Qt::DashLine));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(chip.adjusted(1, 1, -1, -1), 3, 3);
        }
        x += kChip + kGap;
    }
    painter->restore();
}

QSize CampaignChipDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {chipsWidth(), std::max(base.height(), kChip + 6)};
}

int CampaignChipDelegate::chipsWidth() const
{
    return kGap + static_cast<int>(m_workspace.campaigns().size()) * (kChip + kGap);
}

} // namespace br::ui
