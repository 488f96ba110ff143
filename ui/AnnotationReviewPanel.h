#pragma once

#include "library/Library.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace br::ui {

class AnnotationReviewModel;
class Workspace;

// The review list: annotations whose text changed under them (a merge, a split, a re-split, an
// edited headline). The person shows each one, accepts a close match, attaches an orphan to a
// passage they select in the article, or deletes it; each is one undoable step.
class AnnotationReviewPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AnnotationReviewPanel(Workspace &workspace, QWidget *parent = nullptr);

    AnnotationReviewModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The annotation of the current row, or nullptr.
    const Annotation *current() const;

Q_SIGNALS:
    // Show the annotation's article (and its passage, if it has one).
    void showRequested(const br::Annotation &annotation);
    // Attach the annotation to what is selected in its article.
    void attachRequested(const br::Annotation &annotation);

private:
    void updateButtons();

    Workspace &m_workspace;
    AnnotationReviewModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_show = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace br::ui
