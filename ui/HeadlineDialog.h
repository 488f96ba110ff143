#pragma once

#include "library/ArticleEditor.h"

#include <QDialog>

class QLineEdit;

namespace br::ui {

// Edits an article's kicker, title, subtitle and byline; what comes back holds only the fields
// that were changed.
class HeadlineDialog final : public QDialog
{
    Q_OBJECT

public:
    HeadlineDialog(const Article &article, QWidget *parent = nullptr);

    HeadlineEdit edit() const;
    QLineEdit *titleEdit() const { return m_title; }

private:
    Article m_article;
    QLineEdit *m_kicker = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_subtitle = nullptr;
    QLineEdit *m_byline = nullptr;
};

} // namespace br::ui
