#pragma once

#include "library/ArticleEditor.h"
#include "library/Library.h"

#include <QUndoCommand>

#include <optional>

namespace br::ui {

class Workspace;

// Sets or clears one campaign tag on an article.
class SetCampaignCommand final : public QUndoCommand
{
public:
    SetCampaignCommand(Workspace &workspace, qint64 articleId, const QString &campaign, bool on,
                       TagSource source, const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    qint64 m_articleId;
    QString m_campaign;
    bool m_on;
    TagSource m_source;
    std::optional<CodingStep> m_step; // what the step changed, for an undo over only that
};

// Records the tags an article carries (as the person's window showed them) as their own coding
// of it; undo gives back the judgments they had made of it before, where none changed since.
class MarkCodedCommand final : public QUndoCommand
{
public:
    MarkCodedCommand(Workspace &workspace, qint64 articleId, std::optional<QStringList> shown,
                     const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    qint64 m_articleId;
    std::optional<QStringList> m_shown;
    std::optional<CodingStep> m_step;
};

// Adds a highlight (with or without a note); undo removes it, redo puts it back with the same id.
class AddAnnotationCommand final : public QUndoCommand
{
public:
    AddAnnotationCommand(Workspace &workspace, Annotation annotation, const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    Annotation m_annotation;
};

// Removes a highlight and its note; undo restores both.
class RemoveAnnotationCommand final : public QUndoCommand
{
public:
    RemoveAnnotationCommand(Workspace &workspace, Annotation annotation, const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    Annotation m_annotation;
};

// Changes the note of a highlight.
class SetNoteCommand final : public QUndoCommand
{
public:
    SetNoteCommand(Workspace &workspace, Annotation annotation, QString note, const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    Annotation m_annotation; // with the note as it was
    QString m_note;
};

// Changes a page's publication, date and page number.
// Sets the publication, date and page number of one page or many; undo gives each page back its
// own, with where they came from.
class SetPageDetailsCommand final : public QUndoCommand
{
public:
    using Pages = QList<std::pair<qint64, PageDetails>>;
    SetPageDetailsCommand(Workspace &workspace, Pages before, Pages after, const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    Pages m_before;
    Pages m_after;
};

// Renames and recolours one of the person's own tags; undo gives the old name and colour back.
class UpdateTagCommand final : public QUndoCommand
{
public:
    UpdateTagCommand(Workspace &workspace, Campaign before, Campaign after, const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    Campaign m_before;
    Campaign m_after;
};

// Deletes one of the person's own tags, or merges it into another (`into`); undo puts the tag
// back as it was, articles and judgments with it, and takes from `into` just what the merge
// added to it.
class RemoveTagCommand final : public QUndoCommand
{
public:
    RemoveTagCommand(Workspace &workspace, TagRecord removed, QString into, const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    TagRecord m_removed;
    QString m_into;   // "" for a deletion
    TagMerge m_added; // what the merge added to `m_into`
};

// Makes a tag of the person's own; undo removes it again.
class AddTagCommand final : public QUndoCommand
{
public:
    AddTagCommand(Workspace &workspace, QString name, QString color, const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    QString m_name;
    QString m_color;
    QString m_id; // known after the first redo, kept for the next ones
};

// Saves a search as a named view (`add`), or removes one; undo does the opposite.
class SavedViewCommand final : public QUndoCommand
{
public:
    SavedViewCommand(Workspace &workspace, SavedView view, bool add, const QString &text);
    void redo() override;
    void undo() override;

private:
    bool apply(bool add);

    Workspace &m_workspace;
    SavedView m_view; // its id known after the first save
    bool m_add;
};

} // namespace br::ui

namespace br::ui {

// A person's correction of what coverage counts an article under: its main county or its unit.
// std::nullopt stands for "as the analysis found it".
class SetCorrectionCommand final : public QUndoCommand
{
public:
    enum class Field
    {
        County,
        Unit
    };
    SetCorrectionCommand(Workspace &workspace, qint64 articleId, Field field,
                         std::optional<QString> before, std::optional<QString> after,
                         const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    qint64 m_articleId;
    Field m_field;
    std::optional<QString> m_before;
    std::optional<QString> m_after;
};

// Counts one unit name as another from now on (卫计委 as 卫生计生委); undo restores what the
// name was merged into before, if anything.
class MergeUnitCommand final : public QUndoCommand
{
public:
    MergeUnitCommand(Workspace &workspace, QString alias, QString before, QString after,
                     const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    QString m_alias;
    QString m_before; // "" when it was not merged
    QString m_after;
};

// A hand correction of the split (merge, split, headline, moved block) or a page split again: the
// rewrite was planned before; redo stores its new articles, undo the old ones exactly.
class RewriteArticlesCommand final : public QUndoCommand
{
public:
    RewriteArticlesCommand(Workspace &workspace, ArticleRewrite rewrite, const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    ArticleRewrite m_rewrite;
};

// Where an annotation stands after a person reviewed it (accepted a close match, attached it to
// another passage): the annotation before and after.
class SetAnchorCommand final : public QUndoCommand
{
public:
    SetAnchorCommand(Workspace &workspace, Annotation before, Annotation after,
                     const QString &text);
    void redo() override;
    void undo() override;

private:
    Workspace &m_workspace;
    Annotation m_before;
    Annotation m_after;
};

} // namespace br::ui
