#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace br::ui {

using namespace Qt::StringLiterals;

namespace {

// The actions of `menu` and its submenus that have keys, one row each.
void addRows(QTreeWidgetItem *group, const QMenu &menu)
{
    for (QAction *action : menu.actions()) {
        if (action->menu()) {
            addRows(group, *action->menu());
            continue;
        }
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        if (keys.isEmpty() || action->text().isEmpty())
            continue;
        auto *row = new QTreeWidgetItem(group, {action->iconText(), keys.join(u", "_s)});
        row->setData(0, Qt::UserRole, action->objectName());
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar &menus, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_sheet = new QTreeWidget(this);
    m_sheet->setObjectName(QStringLiteral("shortcutSheet"));
    m_sheet->setColumnCount(2);
    m_sheet->setHeaderLabels({tr("Command"), tr("Keys")});
    m_sheet->setRootIsDecorated(false);
    m_sheet->setAlternatingRowColors(true);
    for (QAction *top : menus.actions()) {
        if (!top->menu())
            continue;
        auto *group = new QTreeWidgetItem(m_sheet, {top->iconText()}); // no mnemonic &
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        addRows(group, *top->menu());
        if (group->childCount() == 0)
            delete group;
    }
    auto *note = new QTreeWidgetItem(m_sheet, {tr("In the note box")});
    note->setFirstColumnSpanned(true);
    QFont bold = note->font(0);
    bold.setBold(true);
    note->setFont(0, bold);
    new QTreeWidgetItem(note, {tr("Save the note"), tr("Ctrl+Enter, or leave the box")});
    new QTreeWidgetItem(note, {tr("Go back to the saved note"), tr("Esc")});
    new QTreeWidgetItem(note, {tr("Undo typing"), tr("Ctrl+Z")});
    m_sheet->expandAll();
    m_sheet->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sheet);
    layout->addWidget(buttons);
    resize(560, 640);
}

} // namespace br::ui
