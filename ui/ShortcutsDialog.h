#pragma once

#include <QDialog>

class QMenuBar;
class QTreeWidget;

namespace br::ui {

// Help > Keyboard Shortcuts (F1, Ctrl+/): every key of the window, read from its menus as they
// are — so the sheet never disagrees with the program — grouped by menu, plus the keys that
// belong to the note box.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QMenuBar &menus, QWidget *parent = nullptr);

    QTreeWidget *sheet() const { return m_sheet; }

private:
    QTreeWidget *m_sheet = nullptr;
};

} // namespace br::ui
