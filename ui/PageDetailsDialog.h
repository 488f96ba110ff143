#pragma once

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace br::ui {

// Sets the publication and / or the date of many pages at once (the pages of the articles a
// person selected): only what they tick is set, the rest of each page stays as it is. A field
// starts with the value the pages share, empty when they differ.
class PageDetailsDialog final : public QDialog
{
    Q_OBJECT

public:
    PageDetailsDialog(int pages, const QString &sharedPublication, const QString &sharedDate,
                      QWidget *parent = nullptr);

    // What to set; nothing: leave as each page has it.
    std::optional<QString> publication() const;
    std::optional<QString> date() const;
    QLineEdit *publicationEdit() const { return m_publication; }
    QLineEdit *dateEdit() const { return m_date; }
    QLabel *problem() const { return m_problem; }

    // Refused, with the reason under the fields, while the date is no date.
    void accept() override;

private:
    QCheckBox *m_setPublication = nullptr;
    QLineEdit *m_publication = nullptr;
    QCheckBox *m_setDate = nullptr;
    QLineEdit *m_date = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace br::ui
