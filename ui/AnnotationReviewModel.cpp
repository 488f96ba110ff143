#include "AnnotationReviewModel.h"

#include "PlainTooltip.h"
#include "Roles.h"
#include "Workspace.h"
#include "text/CodePoints.h"

#include <QColor>
#include <QHash>

namespace br::ui {

AnnotationReviewModel::AnnotationReviewModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_workspace(workspace)
{
    connect(&workspace, &Workspace::libraryChanged, this, &AnnotationReviewModel::reload);
    connect(&workspace, &Workspace::articleChanged, this, &AnnotationReviewModel::reload);
    reload();
}

int AnnotationReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AnnotationReviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnnotationReviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const Annotation &a = row.annotation;
    if (role == AnnotationIdRole)
        return a.id;
    if (role == Qt::DecorationRole && index.column() == QuoteColumn)
        return QColor::fromString(a.color);
    const auto text = [&]() -> QString {
        switch (index.column()) {
        case ArticleColumn:
            return row.articleTitle.isEmpty() ? tr("(untitled)") : row.articleTitle;
        case StateColumn:
            return a.anchor == AnchorState::Check ? tr("Check: text changed")
                                                  : tr("Orphaned: not found");
        case QuoteColumn:
            return a.quote;
        case NowColumn:
            return a.anchor == AnchorState::Orphaned ? tr("(passage gone)") : row.now;
        case NoteColumn:
            return a.note;
        }
        return {};
    };
    if (role == Qt::DisplayRole)
        return text().simplified();
    if (role == Qt::ToolTipRole)
        return plainTooltip(text());
    return {};
}

QVariant AnnotationReviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ArticleColumn:
        return tr("Article");
    case StateColumn:
        return tr("State");
    case QuoteColumn:
        return tr("Highlighted");
    case NowColumn:
        return tr("Now reads");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}

const Annotation *AnnotationReviewModel::at(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].annotation : nullptr;
}

void AnnotationReviewModel::reload()
{
    QList<Row> rows;
    const Result<QList<Annotation>> review = m_workspace.library().annotationsToReview();
    if (review) {
        QHash<qint64, ArticleDetail> articles;
        for (const Annotation &a : review.value()) {
            if (!articles.contains(a.articleId)) {
                Result<ArticleDetail> detail = m_workspace.library().article(a.articleId);
                if (!detail)
                    continue;
                articles.insert(a.articleId, std::move(detail).value());
            }
            const ArticleDetail &d = articles[a.articleId];
            rows.append(
                {a, d.article.title, CodePoints::mid(d.article.plainText(), a.start, a.end)});
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

} // namespace br::ui
