#include "TagDialogs.h"

#include "PlainTooltip.h"
#include "TagListModel.h"
#include "Workspace.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace br::ui {

namespace {

QIcon swatch(const QString &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0, 0, 0, 90));
    painter.setBrush(QColor(color));
    painter.drawRoundedRect(QRectF(0.5, 0.5, 15, 15), 3, 3);
    return QIcon(pixmap);
}

} // namespace

TagEditDialog::TagEditDialog(const QString &title, const QString &name, const QString &color,
                             QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(name, this);
    m_name->setObjectName(QStringLiteral("tagName"));
    m_color = new QComboBox(this);
    m_color->setObjectName(QStringLiteral("tagColor"));
    // Colours far from the campaigns' red, blue and green, each with a name.
    addColor(QStringLiteral("#8e44ad"), tr("Purple"));
    addColor(QStringLiteral("#d35400"), tr("Orange"));
    addColor(QStringLiteral("#16a085"), tr("Teal"));
    addColor(QStringLiteral("#c0392b"), tr("Brick"));
    addColor(QStringLiteral("#2c3e50"), tr("Slate"));
    addColor(QStringLiteral("#b7950b"), tr("Ochre"));
    addColor(QStringLiteral("#e84393"), tr("Pink"));
    addColor(QStringLiteral("#7f8c8d"), tr("Grey"));
    if (m_color->findData(color) < 0 && QColor(color).isValid())
        addColor(color, color);
    m_color->addItem(tr("Other colour…"));
    m_color->setCurrentIndex(std::max(0, m_color->findData(color)));
    connect(m_color, &QComboBox::activated, this, [this](int index) {
        if (m_color->itemData(index).isValid())
            return;
        const QColor chosen = QColorDialog::getColor(QColor(this->color()), this, windowTitle());
        if (chosen.isValid()) {
            addColor(chosen.name(), chosen.name());
            m_color->setCurrentIndex(m_color->findData(chosen.name()));
        } else {
            m_color->setCurrentIndex(0);
        }
    });
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Colour:"), m_color);
    layout->addLayout(form);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto updateOk = [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, updateOk);
    updateOk();
    layout->addWidget(m_buttons);
}

void TagEditDialog::addColor(const QString &color, const QString &name)
{
    // Before "Other colour…", once it is there.
    const int at = m_color->count() > 0 && !m_color->itemData(m_color->count() - 1).isValid()
                       ? m_color->count() - 1
                       : m_color->count();
    m_color->insertItem(at, swatch(color), name, color);
}

QString TagEditDialog::name() const
{
    return m_name->text().trimmed();
}

QString TagEditDialog::color() const
{
    const QVariant chosen = m_color->currentData();
    return chosen.isValid() ? chosen.toString() : m_color->itemData(0).toString();
}

TagManagerDialog::TagManagerDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace)
{
    setWindowTitle(tr("Manage Tags"));
    auto *layout = new QVBoxLayout(this);
    m_model = new TagListModel(workspace, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("tagTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(TagListModel::NameColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TagListModel::KeyColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TagListModel::ArticlesColumn,
                                                      QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(tr("&New…"), this);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editTag"));
    m_merge = new QPushButton(tr("&Merge Into…"), this);
    m_delete = new QPushButton(tr("&Delete"), this);
    auto *undo = new QPushButton(tr("&Undo"), this);
    for (QPushButton *b : {m_new, m_edit, m_merge, m_delete})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(undo);
    layout->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_new, &QPushButton::clicked, this, &TagManagerDialog::newTag);
    connect(m_edit, &QPushButton::clicked, this, &TagManagerDialog::editTag);
    connect(m_merge, &QPushButton::clicked, this, &TagManagerDialog::mergeTag);
    connect(m_delete, &QPushButton::clicked, this, &TagManagerDialog::deleteTag);
    connect(m_table, &QTableView::doubleClicked, this, &TagManagerDialog::editTag);
    QUndoStack *stack = workspace.undoStack();
    const auto updateUndo = [undo, stack] {
        undo->setEnabled(stack->canUndo());
        undo->setToolTip(plainTooltip(stack->undoText()));
    };
    connect(stack, &QUndoStack::indexChanged, undo, updateUndo);
    connect(undo, &QPushButton::clicked, stack, &QUndoStack::undo);
    updateUndo();
    // The list is read anew after every change: the tag chosen stays chosen.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_table->setProperty("keep", currentTag()); });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { selectTag(m_table->property("keep").toString()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TagManagerDialog::updateButtons);
    updateButtons();
    resize(560, 420);
}

QString TagManagerDialog::currentTag() const
{
    const QModelIndexList rows =
        m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? QString() : rows.front().data(TagListModel::TagIdRole).toString();
}

void TagManagerDialog::selectTag(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
    updateButtons();
}

void TagManagerDialog::updateButtons()
{
    const int row = m_model->rowOf(currentTag());
    const bool own = row >= 0 && !m_model->index(row, 0).data(TagListModel::BuiltinRole).toBool();
    const bool writable = !m_workspace.isReadOnly();
    m_new->setEnabled(writable);
    for (QPushButton *b : {m_edit, m_merge, m_delete})
        b->setEnabled(own && writable);
}

void TagManagerDialog::newTag()
{
    TagEditDialog dialog(tr("New Tag"), QString(), QStringLiteral("#8e44ad"), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_workspace.addTag(dialog.name(), dialog.color());
}

void TagManagerDialog::editTag()
{
    const Campaign *tag = m_model->tagAt(m_model->rowOf(currentTag()));
    if (!tag || m_model->index(m_model->rowOf(tag->id), 0).data(TagListModel::BuiltinRole).toBool())
        return;
    const QString id = tag->id;
    TagEditDialog dialog(tr("Edit Tag"), tag->nameZh, tag->color, this);
    if (dialog.exec() == QDialog::Accepted)
        m_workspace.updateTag(id, dialog.name(), dialog.color());
}

void TagManagerDialog::mergeTag()
{
    const Campaign *tag = m_model->tagAt(m_model->rowOf(currentTag()));
    if (!tag)
        return;
    const Campaign from = *tag;
    // Nothing is chosen for the person: OK only once they picked the tag it goes into.
    QDialog choose(this);
    choose.setWindowTitle(tr("Merge %1 Into").arg(from.nameZh));
    auto *layout = new QVBoxLayout(&choose);
    auto *text = new QLabel(tr("Every article tagged “%1” gets the tag chosen here, and “%1” is "
                               "deleted.")
                                .arg(from.nameZh),
                            &choose);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *into = new QComboBox(&choose);
    into->setObjectName(QStringLiteral("mergeInto"));
    for (const Campaign &c : m_workspace.campaigns()) {
        if (c.id != from.id)
            into->addItem(swatch(c.color), Workspace::labelOf(c), c.id);
    }
    into->setCurrentIndex(-1);
    into->setPlaceholderText(tr("Choose a tag…"));
    layout->addWidget(into);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &choose);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Merge"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(into, &QComboBox::currentIndexChanged, buttons, [buttons](int index) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(index >= 0);
    });
    connect(buttons, &QDialogButtonBox::accepted, &choose, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &choose, &QDialog::reject);
    layout->addWidget(buttons);
    if (choose.exec() == QDialog::Accepted && into->currentIndex() >= 0)
        m_workspace.mergeTag(from.id, into->currentData().toString());
}

void TagManagerDialog::deleteTag()
{
    // No question asked: a deletion is one step of Undo, here and in the window.
    const QString id = currentTag();
    if (!id.isEmpty())
        m_workspace.removeTag(id);
}

} // namespace br::ui
