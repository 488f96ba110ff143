#include "PageDetailsDialog.h"

#include "Workspace.h"
#include "text/PageDetailsFinder.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace br::ui {

PageDetailsDialog::PageDetailsDialog(int pages, const QString &sharedPublication,
                                     const QString &sharedDate, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Set Publication and Date"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("For the %n page(s) of the selected articles. Only what is ticked is set; a page "
           "keeps the rest as it is.",
           "", pages),
        this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_setPublication = new QCheckBox(tr("&Publication:"), this);
    m_setPublication->setObjectName(QStringLiteral("setPublication"));
    m_publication = new QLineEdit(sharedPublication, this);
    m_publication->setObjectName(QStringLiteral("bulkPublication"));
    m_publication->setPlaceholderText(tr("e.g. 聊城日报"));
    m_setDate = new QCheckBox(tr("&Date:"), this);
    m_setDate->setObjectName(QStringLiteral("setDate"));
    m_date = new QLineEdit(sharedDate, this);
    m_date->setObjectName(QStringLiteral("bulkDate"));
    m_date->setPlaceholderText(tr("2019-05-28, 2019年5月28日 or 2019-05"));
    form->addRow(m_setPublication, m_publication);
    form->addRow(m_setDate, m_date);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);
    layout->addWidget(m_problem);
    // Typing in a field means setting it.
    // (Changed, not edited: an input method's text counts too.)
    connect(m_publication, &QLineEdit::textChanged, m_setPublication,
            [this] { m_setPublication->setChecked(true); });
    connect(m_date, &QLineEdit::textChanged, m_setDate, [this] { m_setDate->setChecked(true); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Set"));
    const auto updateOk = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(m_setPublication->isChecked() || m_setDate->isChecked());
    };
    connect(m_setPublication, &QCheckBox::toggled, this, updateOk);
    connect(m_setDate, &QCheckBox::toggled, this, updateOk);
    updateOk();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 64); // the date's hint shown whole
    m_publication->setFocus();
}

void PageDetailsDialog::accept()
{
    if (m_setDate->isChecked() && !PageDetailsFinder::normalizeDate(m_date->text())) {
        m_problem->setText(Workspace::notADate(m_date->text().trimmed()));
        m_problem->setVisible(true);
        m_date->setFocus();
        m_date->selectAll();
        return;
    }
    QDialog::accept();
}

std::optional<QString> PageDetailsDialog::publication() const
{
    if (!m_setPublication->isChecked())
        return std::nullopt;
    return m_publication->text().trimmed();
}

std::optional<QString> PageDetailsDialog::date() const
{
    if (!m_setDate->isChecked())
        return std::nullopt;
    return m_date->text().trimmed();
}

} // namespace br::ui
