#include "HeadlineDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>

namespace br::ui {

HeadlineDialog::HeadlineDialog(const Article &article, QWidget *parent)
    : QDialog(parent), m_article(article)
{
    setWindowTitle(tr("Edit Headline"));
    setObjectName(QStringLiteral("headlineDialog"));
    const auto field = [this](const QString &text) {
        auto *edit = new QLineEdit(text, this);
        edit->setMinimumWidth(480);
        return edit;
    };
    m_kicker = field(article.kicker);
    m_title = field(article.title);
    m_subtitle = field(article.subtitle);
    m_byline = field(article.byline);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Kicker:"), m_kicker);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Subtitle:"), m_subtitle);
    form->addRow(tr("&Byline:"), m_byline);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_title->setFocus();
    m_title->selectAll();
}

HeadlineEdit HeadlineDialog::edit() const
{
    HeadlineEdit e;
    const auto changed = [](const QLineEdit *edit, const QString &was) -> std::optional<QString> {
        if (edit->text().simplified() == was)
            return std::nullopt;
        return edit->text();
    };
    e.kicker = changed(m_kicker, m_article.kicker);
    e.title = changed(m_title, m_article.title);
    e.subtitle = changed(m_subtitle, m_article.subtitle);
    e.byline = changed(m_byline, m_article.byline);
    e.seen =
        HeadlineEdit::Seen{m_article.kicker, m_article.title, m_article.subtitle, m_article.byline};
    return e;
}

} // namespace br::ui
