#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStringListModel;

namespace br::ui {

// Chooses the unit a unit's articles count as from now on. Nothing is chosen until the person
// chooses it: the list of known units starts unselected and is narrowed by what is typed (any
// part of the name); the typed name itself, when no unit is selected, is a new one. A merge
// into the wrong unit is one Enter away otherwise (a health commission into a bank).
class UnitMergeDialog final : public QDialog
{
    Q_OBJECT

public:
    UnitMergeDialog(const QString &unit, const QStringList &units, QWidget *parent = nullptr);

    // The chosen unit, or "" when none was.
    QString chosen() const;
    QLineEdit *searchEdit() const { return m_search; }
    QListView *unitList() const { return m_list; }

private:
    void updateOk();

    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QStringListModel *m_units = nullptr;
    QSortFilterProxyModel *m_filtered = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace br::ui
