#pragma once

#include "library/Library.h"

#include <QAbstractTableModel>

namespace br::ui {

class Workspace;

// The annotations that wait for a person after the text under them changed: those found only by
// a close match ("check") and those not found ("orphaned"), each with the passage as it was
// highlighted beside what the article says there now.
class AnnotationReviewModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ArticleColumn,
        StateColumn,
        QuoteColumn,
        NowColumn,
        NoteColumn,
        ColumnCount
    };

    explicit AnnotationReviewModel(Workspace &workspace, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const Annotation *at(int row) const;
    void reload();

private:
    struct Row
    {
        Annotation annotation;
        QString articleTitle;
        QString now; // the article's text at the annotation's range; "" for an orphan
    };
    Workspace &m_workspace;
    QList<Row> m_rows;
};

} // namespace br::ui
