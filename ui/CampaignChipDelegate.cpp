#include "CampaignChipDelegate.h"

#include "Roles.h"
#include "Workspace.h"

#include <QApplication>
#include <QPainter>

namespace br::ui {

namespace {

constexpr int kGap = 4;

// Black or white, whichever reads better on `background`.
QColor inkOn(const QColor &background)
{
    const double luminance =
        0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

int campaignChipSize(const QFontMetrics &metrics)
{
    return std::max(14, metrics.height());
}

void paintCampaignChip(QPainter &painter, const QRect &chip, const Campaign &campaign, int key,
                       bool filled, const QColor &ring, bool onSelection)
{
    const QColor color = QColor::fromString(campaign.color);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QColor ink = color;
    if (filled) {
        painter.setPen(QPen(ring, onSelection ? 1.5 : 1));
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        ink = inkOn(color);
    } else {
        ink = onSelection ? ring : color;
        painter.setPen(QPen(ink, 1.5, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(chip).adjusted(1, 1, -1, -1), 3, 3);
    }
    if (key >= 1 && key <= 9) {
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(std::max(8, chip.height() * 3 / 4));
        painter.setFont(font);
        painter.setPen(ink);
        painter.drawText(chip, Qt::AlignCenter, QString::number(key));
    }
    painter.restore();
}

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
    const int size = campaignChipSize(option.fontMetrics);
    int x = option.rect.left() + kGap;
    const int y = option.rect.center().y() - size / 2;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor ring = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Base);
    int key = 1;
    for (const Campaign &c : m_workspace.campaigns()) {
        const QRect chip(x, y, size, size);
        if (confirmed.contains(c.id) || suggested.contains(c.id))
            paintCampaignChip(*painter, chip, c, key, confirmed.contains(c.id), ring, selected);
        x += size + kGap;
        ++key;
    }
}

QSize CampaignChipDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {chipsWidth(option.fontMetrics),
            std::max(base.height(), campaignChipSize(option.fontMetrics) + 6)};
}

int CampaignChipDelegate::chipsWidth(const QFontMetrics &metrics) const
{
    return kGap +
           static_cast<int>(m_workspace.campaigns().size()) * (campaignChipSize(metrics) + kGap);
}

CampaignLegend::CampaignLegend(Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("campaignLegend"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    connect(&workspace, &Workspace::campaignsChanged, this, [this] {
        updateGeometry();
        update();
    });
}

QStringList CampaignLegend::entries() const
{
    QStringList names;
    for (const Campaign &c : m_workspace.campaigns())
        names.append(Workspace::shortLabelOf(c));
    return names;
}

int CampaignLegend::layOut(int width, QList<QRect> *places) const
{
    const QFontMetrics metrics = fontMetrics();
    const int chip = campaignChipSize(metrics);
    const int line = std::max(chip, metrics.height()) + 4;
    int x = 0;
    int y = 2;
    for (const QString &name : entries()) {
        const int entry = chip + kGap + metrics.horizontalAdvance(name) + 3 * kGap;
        if (x > 0 && x + entry > width) {
            x = 0;
            y += line;
        }
        if (places)
            places->append(QRect(x, y, entry, line - 4));
        x += entry;
    }
    return y + line;
}

int CampaignLegend::heightForWidth(int width) const
{
    return layOut(width, nullptr);
}

QSize CampaignLegend::sizeHint() const
{
    return {200, heightForWidth(width() > 0 ? width() : 400)};
}

void CampaignLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QList<QRect> places;
    layOut(width(), &places);
    const QFontMetrics metrics = fontMetrics();
    const int chip = campaignChipSize(metrics);
    const QList<Campaign> &campaigns = m_workspace.campaigns();
    const QColor ring = palette().color(QPalette::Base);
    for (qsizetype i = 0; i < places.size() && i < campaigns.size(); ++i) {
        const QRect &place = places[i];
        const QRect square(place.left(), place.center().y() - chip / 2, chip, chip);
        paintCampaignChip(painter, square, campaigns[i], static_cast<int>(i) + 1, true, ring);
        painter.setPen(palette().color(QPalette::WindowText));
        // Names are people's text: drawn as text, never as markup.
        painter.drawText(QRect(square.right() + kGap, place.top(), place.width(), place.height()),
                         Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                         Workspace::shortLabelOf(campaigns[i]));
    }
}

} // namespace br::ui
