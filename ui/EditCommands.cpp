#include "EditCommands.h"

#include "Workspace.h"

namespace br::ui {

// A command whose change the library refused is marked obsolete, so the undo stack drops it
// instead of offering to undo something that never happened.

SetCampaignCommand::SetCampaignCommand(Workspace &workspace, qint64 articleId,
                                       const QString &campaign, bool on, TagSource source,
                                       const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_articleId(articleId), m_campaign(campaign),
      m_on(on), m_source(source)
{
}

void SetCampaignCommand::redo()
{
    m_step = m_workspace.codingStepBefore(m_articleId, m_campaign);
    const bool done = m_step && m_workspace.applyCampaign(m_articleId, m_campaign, m_on, m_source);
    if (done)
        m_workspace.finishCodingStep(*m_step);
    setObsolete(!done);
}

void SetCampaignCommand::undo()
{
    m_workspace.applyUndoCodingStep(*m_step);
}

MarkCodedCommand::MarkCodedCommand(Workspace &workspace, qint64 articleId,
                                   std::optional<QStringList> shown, const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_articleId(articleId), m_shown(std::move(shown))
{
}

void MarkCodedCommand::redo()
{
    m_step = m_workspace.codingStepBefore(m_articleId, QString());
    const bool done = m_step && m_workspace.applyMarkCoded(m_articleId, m_shown);
    if (done)
        m_workspace.finishCodingStep(*m_step);
    setObsolete(!done);
}

void MarkCodedCommand::undo()
{
    m_workspace.applyUndoCodingStep(*m_step);
}

AddAnnotationCommand::AddAnnotationCommand(Workspace &workspace, Annotation annotation,
                                           const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_annotation(std::move(annotation))
{
}

void AddAnnotationCommand::redo()
{
    const std::optional<qint64> id = m_workspace.applyAddAnnotation(m_annotation);
    if (id)
        m_annotation.id = *id;
    setObsolete(!id);
}

void AddAnnotationCommand::undo()
{
    m_workspace.applyRemoveAnnotation(m_annotation);
}

RemoveAnnotationCommand::RemoveAnnotationCommand(Workspace &workspace, Annotation annotation,
                                                 const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_annotation(std::move(annotation))
{
}

void RemoveAnnotationCommand::redo()
{
    setObsolete(!m_workspace.applyRemoveAnnotation(m_annotation));
}

void RemoveAnnotationCommand::undo()
{
    m_workspace.applyAddAnnotation(m_annotation);
}

SetNoteCommand::SetNoteCommand(Workspace &workspace, Annotation annotation, QString note,
                               const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_annotation(std::move(annotation)),
      m_note(std::move(note))
{
}

// Each way only over the note as this step left it: an edit someone made since is not undone.
void SetNoteCommand::redo()
{
    setObsolete(!m_workspace.applyNote(m_annotation, m_note, m_annotation.note));
}

void SetNoteCommand::undo()
{
    m_workspace.applyNote(m_annotation, m_annotation.note, m_note);
}

SetPageDetailsCommand::SetPageDetailsCommand(Workspace &workspace, Pages before, Pages after,
                                             const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void SetPageDetailsCommand::redo()
{
    setObsolete(!m_workspace.applyPageDetails(m_after));
}

void SetPageDetailsCommand::undo()
{
    m_workspace.applyPageDetails(m_before);
}

AddTagCommand::AddTagCommand(Workspace &workspace, QString name, QString color, const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_name(std::move(name)), m_color(std::move(color))
{
}

void AddTagCommand::redo()
{
    const std::optional<QString> id = m_workspace.applyAddTag(m_name, m_color, m_id);
    if (id)
        m_id = *id;
    setObsolete(!id);
}

void AddTagCommand::undo()
{
    m_workspace.applyRemoveTag(m_id);
}

UpdateTagCommand::UpdateTagCommand(Workspace &workspace, Campaign before, Campaign after,
                                   const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void UpdateTagCommand::redo()
{
    setObsolete(!m_workspace.applyUpdateTag(m_after));
}

void UpdateTagCommand::undo()
{
    m_workspace.applyUpdateTag(m_before);
}

RemoveTagCommand::RemoveTagCommand(Workspace &workspace, TagRecord removed, QString into,
                                   const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_removed(std::move(removed)),
      m_into(std::move(into))
{
}

void RemoveTagCommand::redo()
{
    if (m_into.isEmpty()) {
        setObsolete(!m_workspace.applyRemoveTag(m_removed.tag.id));
        return;
    }
    const std::optional<TagMerge> added = m_workspace.applyMergeTag(m_removed.tag.id, m_into);
    if (added)
        m_added = *added;
    setObsolete(!added);
}

void RemoveTagCommand::undo()
{
    m_workspace.applyRestoreTag(m_removed, m_into, m_added);
}

SavedViewCommand::SavedViewCommand(Workspace &workspace, SavedView view, bool add,
                                   const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_view(std::move(view)), m_add(add)
{
}

bool SavedViewCommand::apply(bool add)
{
    if (!add)
        return m_workspace.applyRemoveSavedView(m_view.id);
    const std::optional<qint64> id = m_workspace.applyAddSavedView(m_view);
    if (id)
        m_view.id = *id;
    return id.has_value();
}

void SavedViewCommand::redo()
{
    setObsolete(!apply(m_add));
}

void SavedViewCommand::undo()
{
    apply(!m_add);
}

} // namespace br::ui

namespace br::ui {

SetCorrectionCommand::SetCorrectionCommand(Workspace &workspace, qint64 articleId, Field field,
                                           std::optional<QString> before,
                                           std::optional<QString> after, const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_articleId(articleId), m_field(field),
      m_before(std::move(before)), m_after(std::move(after))
{
}

// Each way only over what the step itself left: a colleague's correction since is not undone.
void SetCorrectionCommand::redo()
{
    setObsolete(
        !m_workspace.applyCorrection(m_articleId, m_field == Field::County, m_after, m_before));
}

void SetCorrectionCommand::undo()
{
    m_workspace.applyCorrection(m_articleId, m_field == Field::County, m_before, m_after);
}

MergeUnitCommand::MergeUnitCommand(Workspace &workspace, QString alias, QString before,
                                   QString after, const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_alias(std::move(alias)),
      m_before(std::move(before)), m_after(std::move(after))
{
}

void MergeUnitCommand::redo()
{
    setObsolete(!m_workspace.applyMergeUnit(m_alias, m_after));
}

void MergeUnitCommand::undo()
{
    m_workspace.applyMergeUnit(m_alias, m_before);
}

RewriteArticlesCommand::RewriteArticlesCommand(Workspace &workspace, ArticleRewrite rewrite,
                                               const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_rewrite(std::move(rewrite))
{
}

void RewriteArticlesCommand::redo()
{
    setObsolete(!m_workspace.applyRewrite(m_rewrite));
}

void RewriteArticlesCommand::undo()
{
    m_workspace.applyUndoRewrite(m_rewrite);
}

SetAnchorCommand::SetAnchorCommand(Workspace &workspace, Annotation before, Annotation after,
                                   const QString &text)
    : QUndoCommand(text), m_workspace(workspace), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void SetAnchorCommand::redo()
{
    setObsolete(!m_workspace.applyAnchor(m_after));
}

void SetAnchorCommand::undo()
{
    m_workspace.applyAnchor(m_before);
}

} // namespace br::ui
