#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace br::ui {

class TagListModel;
class Workspace;

// A tag's name and colour, for a new tag or one being edited: a name (required) and a colour
// from a palette told apart by name as well as by colour, or any other.
class TagEditDialog final : public QDialog
{
    Q_OBJECT

public:
    TagEditDialog(const QString &title, const QString &name, const QString &color,
                  QWidget *parent = nullptr);

    QString name() const;
    QString color() const; // #rrggbb
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *colorBox() const { return m_color; }

private:
    void addColor(const QString &color, const QString &name);

    QLineEdit *m_name = nullptr;
    QComboBox *m_color = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

// The tag manager: every tag with its key, colour and number of articles; the person's own tags
// made, renamed, recoloured, merged into another and deleted, each one step of the window's
// undo (Undo here too). The campaigns are listed, not changed.
class TagManagerDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TagManagerDialog(Workspace &workspace, QWidget *parent = nullptr);

    TagListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The tag chosen in the list ("" when none).
    QString currentTag() const;
    void selectTag(const QString &id);

    void newTag();
    void editTag();
    void mergeTag();
    void deleteTag();

private:
    void updateButtons();

    Workspace &m_workspace;
    TagListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_new = nullptr;
};

} // namespace br::ui
