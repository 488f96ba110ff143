#pragma once

#include "library/Library.h"

#include <QAbstractListModel>

namespace br::ui {

// The highlights and notes of one article, in text order.
class AnnotationListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationListModel)

public:
    explicit AnnotationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setAnnotations(QList<Annotation> annotations);
    const QList<Annotation> &annotations() const { return m_annotations; }
    const Annotation *at(int row) const;
    int rowOf(qint64 annotationId) const;

private:
    QList<Annotation> m_annotations;
};

} // namespace br::ui
