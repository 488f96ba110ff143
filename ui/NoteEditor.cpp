#include "NoteEditor.h"

#include <QKeyEvent>

namespace br::ui {

NoteEditor::NoteEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("noteEditor"));
    setTabChangesFocus(true);
    setPlaceholderText(tr("Note on the selected highlight (saved when you leave the box)"));
    // Three lines: enough to see a note grow without crowding the panel.
    setFixedHeight(fontMetrics().lineSpacing() * 3 + 2 * frameWidth() +
                   static_cast<int>(document()->documentMargin() * 2));
}

void NoteEditor::showNote(qint64 annotationId, const QString &note)
{
    commit();
    m_annotationId = annotationId;
    m_saved = note;
    setPlainText(note); // also starts the box's own undo history afresh
    setEnabled(annotationId != 0);
}

void NoteEditor::commit()
{
    const QString typed = toPlainText();
    if (m_annotationId == 0 || typed == m_saved)
        return;
    m_saved = typed; // before the signal: saving shows the article again, which commits again
    Q_EMIT committed(m_annotationId, typed);
}

void NoteEditor::focusOutEvent(QFocusEvent *event)
{
    commit();
    QPlainTextEdit::focusOutEvent(event);
}

void NoteEditor::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        commit();
        return;
    }
    if (event->key() == Qt::Key_Escape && toPlainText() != m_saved) {
        setPlainText(m_saved);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace br::ui
