#pragma once

#include "library/ArticleEditor.h"
#include "library/Library.h"

#include <QObject>
#include <QUndoStack>

#include <memory>
#include <optional>

namespace br::ui {

// The open library as the window works with it: every edit a person makes goes through here as a
// QUndoCommand on one undo stack, is saved in its own transaction at once, and is announced by a
// signal so models and views refresh. Widgets never talk to the library's writes directly.
class Workspace final : public QObject
{
    Q_OBJECT

public:
    explicit Workspace(std::unique_ptr<Library> library, QObject *parent = nullptr);
    ~Workspace() override;

    Library &library() { return *m_library; }
    // The campaigns, then the person's own tags: what toggles, chips and filters offer.
    const QList<Campaign> &campaigns() const { return m_campaigns; }
    QString colorOf(const QString &campaign) const;
    QString nameOf(const QString &campaign) const;
    // A campaign as the interface names it: its Chinese name alone in a Chinese interface (no
    // mixed labels), else the Chinese name with the English one.
    static QString labelOf(const Campaign &campaign);
    // One name, in the interface's language: where room is short (the chips' legend).
    static QString shortLabelOf(const Campaign &campaign);
    // What is said of a date a person typed that is no date.
    static QString notADate(const QString &typed);
    QUndoStack *undoStack() { return &m_undoStack; }
    bool isReadOnly() const { return m_library->isReadOnly(); }

    // Edits a person makes; each one can be undone.
    void toggleCampaign(qint64 articleId, const QString &campaign);
    // Tags or untags as the person asked, from the article as their window showed it: when
    // somebody else did the same meanwhile, nothing is changed and they are told (an untag of a
    // colleague's fresh tag would otherwise undo it unseen).
    void setCampaign(qint64 articleId, const QString &campaign, bool on);
    void acceptSuggestion(qint64 articleId, const QString &campaign);
    // Records the article's tags as this person's coding of it (coder agreement): `shown`, the
    // tags their window shows, or the article's when not given.
    void markCoded(qint64 articleId, const std::optional<QStringList> &shown = std::nullopt);
    void addHighlight(qint64 articleId, int start, int end, const QString &color,
                      const QString &note = QString());
    void setNote(const Annotation &annotation, const QString &note);
    void removeAnnotation(const Annotation &annotation);
    // A person's publication, date and page number for a page; the date as they write it
    // (2019-05-28, 2019年5月28日, …), refused with a message when it is no date.
    void setPageDetails(qint64 pageId, const QString &publication, const QString &date,
                        const QString &pageNumber);
    // The same publication and / or date for many pages at once (what is not given stays); one
    // undo step. False, after saying why, when the date is no date or a page cannot be read.
    bool setPagesDetails(const QList<qint64> &pageIds, const std::optional<QString> &publication,
                         const std::optional<QString> &date);
    void addTag(const QString &name, const QString &color);
    // The tag manager's edits of a person's own tags, each one undo step.
    void updateTag(const QString &id, const QString &name, const QString &color);
    void removeTag(const QString &id);
    void mergeTag(const QString &from, const QString &into);
    // Corrects the main county (a code, "" for the city's) or the unit of an article;
    // std::nullopt gives the analysis' answer back.
    using Correction = ArticleStore::Correction;
    // A person's correction made over `seen` (the correction as their window showed it;
    // nothing: as the library holds it now). One made elsewhere meanwhile is not overwritten.
    void setCounty(qint64 articleId, const Correction &county,
                   const std::optional<Correction> &seen = std::nullopt);
    void setUnit(qint64 articleId, const Correction &unit,
                 const std::optional<Correction> &seen = std::nullopt);
    // Counts the unit `alias` as `unit` from now on ("" undoes the merge).
    void mergeUnit(const QString &alias, const QString &unit);
    void saveView(const SavedView &view);
    void removeSavedView(const SavedView &view);

    // Hand corrections of the split, each one undoable step; tags and notes follow the text.
    void mergeWithNext(qint64 articleId);
    // From block `block` on a new article; `at` (code points into the block) cuts it first.
    void splitArticle(qint64 articleId, int block, std::optional<int> at);
    void setHeadline(qint64 articleId, const HeadlineEdit &edit);
    void moveBlock(qint64 articleId, int block, ArticleEditor::Direction direction);
    // The page split again with this program's engine, matched to its old articles by text.
    void resplitPage(qint64 pageId);
    // A checked annotation accepted where it was found; an orphan attached to the passage
    // [utf16Start, utf16End) of its article's text.
    void acceptAnchor(const Annotation &annotation);
    void reattach(const Annotation &annotation, int utf16Start, int utf16End);

    // What the undo commands call: the change itself, saved at once. False (and errorOccurred)
    // when the library refused it.
    bool applyCampaign(qint64 articleId, const QString &campaign, bool on, TagSource source);
    // A coding step on an article as it starts (its tag `campaign`, "" for none, and this
    // person's judgments; nothing after saying why they cannot be read) and as it ended.
    std::optional<CodingStep> codingStepBefore(qint64 articleId, const QString &campaign);
    void finishCodingStep(CodingStep &step);
    bool applyUndoCodingStep(const CodingStep &step);
    bool applyMarkCoded(qint64 articleId, const std::optional<QStringList> &shown);
    std::optional<qint64> applyAddAnnotation(const Annotation &annotation);
    bool applyRemoveAnnotation(const Annotation &annotation);
    // Saves the note when it still reads `seen`; false when it cannot be (said, and the article
    // shown afresh when someone else changed the note meanwhile).
    bool applyNote(const Annotation &annotation, const QString &note, const QString &seen);
    bool applyPageDetails(const QList<std::pair<qint64, PageDetails>> &pages);
    std::optional<QString> applyAddTag(const QString &name, const QString &color,
                                       const QString &id);
    bool applyRemoveTag(const QString &id);
    bool applyUpdateTag(const Campaign &tag);
    std::optional<TagMerge> applyMergeTag(const QString &from, const QString &into);
    bool applyRestoreTag(const TagRecord &record, const QString &mergedInto, const TagMerge &added);
    std::optional<qint64> applyAddSavedView(const SavedView &view);
    bool applyRemoveSavedView(qint64 id);
    // Sets the correction to `value` if it still reads `over`.
    bool applyCorrection(qint64 articleId, bool county, const Correction &value,
                         const Correction &over);
    bool applyMergeUnit(const QString &alias, const QString &unit);
    bool applyRewrite(ArticleRewrite &rewrite);
    bool applyUndoRewrite(ArticleRewrite &rewrite);
    bool applyAnchor(const Annotation &annotation);

    // The library changed behind the edits (an import).
    void notifyLibraryChanged();
    // Tags, saved views and counts may have changed behind the edits (by others during an
    // import): read anew.
    void notifyTagsAndViewsChanged();
    // Another connection changed it (OthersWatcher): tags, views, counts and articles anew.
    void notifyChangedElsewhere();
    // Puts a backup in place of the library (see Library::restoreFrom); the undo history, which
    // speaks of the library as it was, is cleared. Returns where the replaced library was kept.
    std::optional<QString> restoreBackup(const QString &backup);

Q_SIGNALS:
    void articleChanged(qint64 articleId); // tags or annotations
    void annotationAdded(qint64 articleId, qint64 annotationId);
    void pagesChanged(const QList<qint64> &pageIds); // their publication, date or page number
    void libraryChanged();
    void campaignsChanged();
    void savedViewsChanged();
    void coverageChanged(); // counts changed: a correction, a merge, a tag
    // Articles of a page were rewritten (a correction of the split, its undo): `articleIds` are
    // the ones that now stand where the change was, the one to show first.
    void articlesRewritten(qint64 pageId, const QList<qint64> &articleIds);
    // Annotations found only by a close match, or not at all, after a rewrite: the review list.
    void annotationsNeedReview(int check, int orphaned);
    void errorOccurred(const QString &message);
    // Someone else changed the library: what is shown is shown again.
    void changedElsewhere();

private:
    bool report(const Status &status);
    // A date a person typed as the library keeps it (YYYY-MM-DD, YYYY-MM, ""); nothing, after
    // saying why, when it is no date.
    std::optional<QString> dateAsKept(const QString &typed);
    void reloadCampaigns();
    // After a tag's articles changed as a whole: tags, counts and lists anew.
    void tagsRewritten();

    // Plans a rewrite and pushes it, or says why it cannot be done.
    void pushRewrite(Result<ArticleRewrite> rewrite, const QString &text);
    void pushCampaign(qint64 articleId, const QString &campaign, bool on, TagSource source,
                      const QString &text);
    // The article's tag `campaign` and this person's judgments of it as the library has them
    // now; false after saying why they cannot be read.
    bool readCodingState(qint64 articleId, const QString &campaign, std::optional<ArticleTag> &tag,
                         QList<Coding> &own);

    std::unique_ptr<Library> m_library;
    std::unique_ptr<ArticleEditor> m_editor;
    QList<Campaign> m_campaigns;
    QUndoStack m_undoStack;
};

} // namespace br::ui
