#include "UnitMergeDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStringListModel>
#include <QVBoxLayout>

namespace br::ui {

UnitMergeDialog::UnitMergeDialog(const QString &unit, const QStringList &units, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Merge Unit"));
    setObjectName(QStringLiteral("unitMergeDialog"));
    auto *question = new QLabel(this);
    question->setTextFormat(Qt::PlainText);
    question->setWordWrap(true);
    question->setText(tr("Count every article of “%1” as an article of:").arg(unit));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Type to find a unit, or a new name"));
    m_search->setClearButtonEnabled(true);
    m_units = new QStringListModel(units, this);
    m_filtered = new QSortFilterProxyModel(this);
    m_filtered->setSourceModel(m_units);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list = new QListView(this);
    m_list->setModel(m_filtered);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    resize(480, 420);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filtered->setFilterFixedString(text.trimmed());
        m_list->clearSelection();
        updateOk();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UnitMergeDialog::updateOk);
    connect(m_list, &QListView::doubleClicked, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!chosen().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the search box accepts only what the person chose or typed.
    m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(false);
    updateOk();
    m_search->setFocus();
}

QString UnitMergeDialog::chosen() const
{
    const QModelIndexList selected = m_list->selectionModel()->selectedIndexes();
    if (!selected.isEmpty())
        return selected.front().data().toString();
    return m_search->text().trimmed();
}

void UnitMergeDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosen().isEmpty());
}

} // namespace br::ui
