#include "AnnotationListModel.h"

#include "PlainTooltip.h"
#include "Roles.h"

#include <QColor>

namespace br::ui {

AnnotationListModel::AnnotationListModel(QObject *parent) : QAbstractListModel(parent) {}

int AnnotationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_annotations.size());
}

QVariant AnnotationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Annotation &a = m_annotations[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        const QString quote = a.quote.size() > 40 ? a.quote.left(40) + QChar(0x2026) : a.quote;
        const QString shown =
            a.note.isEmpty() ? tr("“%1”").arg(quote) : tr("“%1” — %2").arg(quote, a.note);
        // Highlights whose text changed under them say so: the review list has the details.
        switch (a.anchor) {
        case AnchorState::Exact:
            break;
        case AnchorState::Check:
            return tr("[check] %1").arg(shown);
        case AnchorState::Orphaned:
            return tr("[orphaned] %1").arg(shown);
        }
        return shown;
    }
    case Qt::ToolTipRole:
        return plainTooltip(a.note.isEmpty() ? a.quote : a.quote + QLatin1Char('\n') + a.note);
    case Qt::DecorationRole:
        return QColor::fromString(a.color);
    case AnnotationIdRole:
        return a.id;
    case AnnotationStartRole:
        return a.start;
    }
    return {};
}

void AnnotationListModel::setAnnotations(QList<Annotation> annotations)
{
    beginResetModel();
    m_annotations = std::move(annotations);
    endResetModel();
}

const Annotation *AnnotationListModel::at(int row) const
{
    return row >= 0 && row < m_annotations.size() ? &m_annotations[row] : nullptr;
}

int AnnotationListModel::rowOf(qint64 annotationId) const
{
    for (qsizetype i = 0; i < m_annotations.size(); ++i) {
        if (m_annotations[i].id == annotationId)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace br::ui
