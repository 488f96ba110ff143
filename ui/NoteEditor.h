#pragma once

#include <QPlainTextEdit>

namespace br::ui {

// The note of one highlight, as the person writes it: several lines (Enter starts a new one),
// saved when the box is left, when another highlight or article is shown, and on Ctrl+Enter;
// Escape gives back what was saved. Typing is undone inside the box with Ctrl+Z; a saved note is
// one step of the window's undo.
class NoteEditor final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit NoteEditor(QWidget *parent = nullptr);

    // Shows the note of `annotationId` (0: none), after offering what was typed for the one
    // shown before.
    void showNote(qint64 annotationId, const QString &note);
    // Offers what was typed, when it differs from the note shown (committed()).
    void commit();
    qint64 annotationId() const { return m_annotationId; }

Q_SIGNALS:
    void committed(qint64 annotationId, const QString &note);

protected:
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    qint64 m_annotationId = 0;
    QString m_saved; // the note as the library has it
};

} // namespace br::ui
