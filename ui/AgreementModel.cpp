#include "AgreementModel.h"

#include "PlainTooltip.h"
#include "Workspace.h"

#include <QLocale>

namespace br::ui {

namespace {

QString figure(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 3) : QStringLiteral("—");
}

} // namespace

AgreementModel::AgreementModel(QObject *parent) : QAbstractTableModel(parent) {}

void AgreementModel::setRows(QList<CampaignAgreement> rows, QList<Campaign> campaigns)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_campaigns = std::move(campaigns);
    m_campaigns.resize(m_rows.size());
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

const CampaignAgreement *AgreementModel::at(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

QStringList AgreementModel::coders() const
{
    return m_rows.isEmpty() ? QStringList() : m_rows.front().coders;
}

bool AgreementModel::twoCoders() const
{
    return coders().size() == 2;
}

int AgreementModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AgreementModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgreementModel::display(const CampaignAgreement &row, const Campaign &campaign,
                                 int column) const
{
    const bool two = twoCoders();
    switch (column) {
    case CampaignColumn:
        return Workspace::labelOf(campaign);
    case ArticlesColumn:
        return row.articles;
    case MeasureColumn:
        return figure(two ? row.kappa : row.alpha);
    case BothYesColumn:
        return two ? QVariant(row.confusion.yesYes) : QVariant();
    case FirstOnlyColumn:
        return two ? QVariant(row.confusion.yesNo) : QVariant();
    case SecondOnlyColumn:
        return two ? QVariant(row.confusion.noYes) : QVariant();
    case BothNoColumn:
        return two ? QVariant(row.confusion.noNo) : QVariant();
    case DisagreementsColumn:
        return static_cast<int>(row.disagreements.size());
    default:
        return {};
    }
}

QVariant AgreementModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CampaignAgreement &row = m_rows[index.row()];
    const Campaign &campaign = m_campaigns[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, campaign, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == CampaignColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == MeasureColumn && !row.pairs.isEmpty()) {
            // Every two of the coders, which a table of three or more does not show.
            QStringList lines;
            for (const PairAgreement &p : row.pairs) {
                lines.append(tr("%1 and %2: κ %3 over %n article(s)", nullptr, p.confusion.total())
                                 .arg(p.first, p.second, figure(p.kappa)));
            }
            return plainTooltip(lines.join(QLatin1Char('\n')));
        }
        return {};
    case CampaignIdRole:
        return row.campaign;
    default:
        return {};
    }
}

QVariant AgreementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QStringList names = coders();
    const QString first = names.value(0);
    const QString second = names.value(1);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case CampaignColumn:
            return tr("Campaign");
        case ArticlesColumn:
            return tr("Articles");
        case MeasureColumn:
            return twoCoders() || names.isEmpty() ? tr("Cohen's κ") : tr("Krippendorff's α");
        case BothYesColumn:
            return tr("Both tagged");
        case FirstOnlyColumn:
            return twoCoders() ? tr("Only %1").arg(first) : tr("Only the first");
        case SecondOnlyColumn:
            return twoCoders() ? tr("Only %1").arg(second) : tr("Only the second");
        case BothNoColumn:
            return tr("Neither");
        case DisagreementsColumn:
            return tr("Disagree");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ArticlesColumn:
            return tr("Articles coded by two or more of the coders");
        case MeasureColumn:
            return tr("1 is full agreement, 0 what chance would give; — when chance alone "
                      "explains every judgment");
        case DisagreementsColumn:
            return tr("Articles on which the coders did not all judge alike");
        default:
            return {};
        }
    }
    return {};
}

} // namespace br::ui
