#include "Workspace.h"

#include "EditCommands.h"
#include "analysis/Campaign.h"
#include "exchange/HtmlPage.h"

#include <QLocale>

namespace br::ui {

namespace {

// The article's tag `campaign`, with who set it, if it carries it.
std::optional<ArticleTag> tagOn(const ArticleDetail &article, const QString &campaign)
{
    for (const ArticleTag &tag : article.tags) {
        if (tag.campaign == campaign)
            return tag;
    }
    return std::nullopt;
}

} // namespace

Workspace::Workspace(std::unique_ptr<Library> library, QObject *parent)
    : QObject(parent), m_library(std::move(library)),
      m_editor(std::make_unique<ArticleEditor>(*m_library, exchangePageFormats()))
{
    reloadCampaigns();
}

void Workspace::reloadCampaigns()
{
    Result<QList<Campaign>> campaigns = m_library->campaigns();
    m_campaigns = campaigns ? std::move(campaigns).value() : builtinCampaigns();
}

QString Workspace::colorOf(const QString &campaign) const
{
    for (const Campaign &c : m_campaigns) {
        if (c.id == campaign)
            return c.color;
    }
    return QStringLiteral("#808080");
}

QString Workspace::labelOf(const Campaign &campaign)
{
    if (campaign.nameZh == campaign.nameEn || QLocale().language() == QLocale::Chinese)
        return campaign.nameZh;
    return tr("%1 · %2").arg(campaign.nameZh, campaign.nameEn);
}

QString Workspace::shortLabelOf(const Campaign &campaign)
{
    return QLocale().language() == QLocale::Chinese ? campaign.nameZh : campaign.nameEn;
}

QString Workspace::nameOf(const QString &campaign) const
{
    for (const Campaign &c : m_campaigns) {
        if (c.id == campaign)
            return labelOf(c);
    }
    return campaign;
}

Workspace::~Workspace() = default;

bool Workspace::report(const Status &status)
{
    if (!status)
        Q_EMIT errorOccurred(status.errorMessage());
    return status.ok();
}

void Workspace::toggleCampaign(qint64 articleId, const QString &campaign)
{
    const Result<ArticleDetail> detail = m_library->article(articleId);
    if (!detail) {
        Q_EMIT errorOccurred(detail.errorMessage());
        return;
    }
    setCampaign(articleId, campaign, !detail->campaigns.contains(campaign));
}

void Workspace::setCampaign(qint64 articleId, const QString &campaign, bool on)
{
    pushCampaign(articleId, campaign, on, TagSource::User,
                 on ? tr("Tag as %1").arg(nameOf(campaign))
                    : tr("Remove tag %1").arg(nameOf(campaign)));
}

void Workspace::acceptSuggestion(qint64 articleId, const QString &campaign)
{
    pushCampaign(articleId, campaign, true, TagSource::Suggestion,
                 tr("Accept suggestion %1").arg(nameOf(campaign)));
}

void Workspace::pushCampaign(qint64 articleId, const QString &campaign, bool on, TagSource source,
                             const QString &text)
{
    const Result<ArticleDetail> detail = m_library->article(articleId);
    if (!detail) {
        Q_EMIT errorOccurred(detail.errorMessage());
        return;
    }
    // The step records the person's judgment in any case (the tag as it is is what they judged
    // too); its undo leaves a colleague's tag alone.
    m_undoStack.push(new SetCampaignCommand(*this, articleId, campaign, on, source, text));
    if (detail->campaigns.contains(campaign) != on)
        return;
    // Somebody else did it since the window showed the article: nothing is overwritten, and
    // the person sees the article as it now is.
    const std::optional<ArticleTag> tag = tagOn(detail.value(), campaign);
    const QString who = tag ? tag->setBy : QString();
    Q_EMIT errorOccurred(
        on ? (who.isEmpty() || who == m_library->author()
                  ? tr("“%1” is already tagged %2; it is shown as it now is.")
                        .arg(detail->article.title, nameOf(campaign))
                  : tr("%3 tagged “%1” %2 meanwhile; it is shown as it now is.")
                        .arg(detail->article.title, nameOf(campaign), who))
           : tr("The tag %2 was taken off “%1” meanwhile; it is shown as it now is.")
                 .arg(detail->article.title, nameOf(campaign)));
}

void Workspace::markCoded(qint64 articleId, const std::optional<QStringList> &shown)
{
    m_undoStack.push(new MarkCodedCommand(*this, articleId, shown, tr("Mark as coded")));
}

void Workspace::addHighlight(qint64 articleId, int start, int end, const QString &color,
                             const QString &note)
{
    const Result<ArticleDetail> detail = m_library->article(articleId);
    if (!detail) {
        Q_EMIT errorOccurred(detail.errorMessage());
        return;
    }
    Annotation a =
        Annotation::forSelection(articleId, detail->article.plainText(), start, end, color);
    if (a.quote.isEmpty())
        return;
    a.note = note;
    m_undoStack.push(new AddAnnotationCommand(*this, std::move(a),
                                              note.isEmpty() ? tr("Highlight") : tr("Add note")));
}

void Workspace::setNote(const Annotation &annotation, const QString &note)
{
    if (annotation.note == note)
        return;
    m_undoStack.push(new SetNoteCommand(*this, annotation, note, tr("Edit note")));
}

void Workspace::removeAnnotation(const Annotation &annotation)
{
    m_undoStack.push(new RemoveAnnotationCommand(*this, annotation, tr("Remove highlight")));
}

namespace {

// A detail as a person set it: theirs when they changed it, else as it was (with its origin).
void setByPerson(FoundDetail &detail, const QString &value)
{
    if (detail.value == value)
        return;
    detail = {value, value.isEmpty() ? DetailOrigin::None : DetailOrigin::Person};
}

bool sameDetails(const PageDetails &a, const PageDetails &b)
{
    const auto same = [](const FoundDetail &x, const FoundDetail &y) {
        return x.value == y.value && x.origin == y.origin;
    };
    return same(a.publication, b.publication) && same(a.date, b.date) &&
           same(a.pageNumber, b.pageNumber);
}

} // namespace

QString Workspace::notADate(const QString &typed)
{
    return tr("“%1” is not a date the library can count by: write it as 2019-05-28, "
              "2019年5月28日 or, for a month, 2019-05.")
        .arg(typed);
}

std::optional<QString> Workspace::dateAsKept(const QString &typed)
{
    const std::optional<QString> date = PageDetailsFinder::normalizeDate(typed);
    if (!date) {
        Q_EMIT errorOccurred(notADate(typed));
    }
    return date;
}

void Workspace::setPageDetails(qint64 pageId, const QString &publication, const QString &date,
                               const QString &pageNumber)
{
    const Result<PageDetail> page = m_library->page(pageId);
    if (!page) {
        Q_EMIT errorOccurred(page.errorMessage());
        return;
    }
    const std::optional<QString> kept = dateAsKept(date);
    if (!kept) {
        Q_EMIT pagesChanged({pageId}); // the page shown as it still is
        return;
    }
    const PageDetails before = page->details();
    PageDetails after = before;
    setByPerson(after.publication, publication);
    setByPerson(after.date, *kept);
    setByPerson(after.pageNumber, pageNumber);
    if (sameDetails(before, after)) {
        if (*kept != date)
            Q_EMIT pagesChanged({pageId}); // shown as kept
        return;
    }
    m_undoStack.push(new SetPageDetailsCommand(*this, {{pageId, before}}, {{pageId, after}},
                                               tr("Edit page details")));
}

bool Workspace::setPagesDetails(const QList<qint64> &pageIds,
                                const std::optional<QString> &publication,
                                const std::optional<QString> &date)
{
    std::optional<QString> kept;
    if (date) {
        kept = dateAsKept(*date);
        if (!kept)
            return false;
    }
    SetPageDetailsCommand::Pages before;
    SetPageDetailsCommand::Pages after;
    for (const qint64 pageId : pageIds) {
        const Result<PageDetail> page = m_library->page(pageId);
        if (!page) {
            Q_EMIT errorOccurred(page.errorMessage());
            return false;
        }
        PageDetails changed = page->details();
        if (publication)
            setByPerson(changed.publication, publication->trimmed());
        if (kept)
            setByPerson(changed.date, *kept);
        if (sameDetails(changed, page->details()))
            continue;
        before.append({pageId, page->details()});
        after.append({pageId, changed});
    }
    if (after.isEmpty())
        return true;
    m_undoStack.push(new SetPageDetailsCommand(
        *this, before, after,
        tr("Set publication and date of %n page(s)", "", static_cast<int>(after.size()))));
    return true;
}

void Workspace::addTag(const QString &name, const QString &color)
{
    m_undoStack.push(new AddTagCommand(*this, name, color, tr("New tag “%1”").arg(name.trimmed())));
}

std::optional<QString> Workspace::applyAddTag(const QString &name, const QString &color,
                                              const QString &id)
{
    const Result<QString> added = m_library->addTag(name, color, id);
    if (!added) {
        Q_EMIT errorOccurred(added.errorMessage());
        return std::nullopt;
    }
    reloadCampaigns();
    Q_EMIT campaignsChanged();
    return added.value();
}

bool Workspace::applyRemoveTag(const QString &id)
{
    if (!report(m_library->removeTag(id)))
        return false;
    tagsRewritten(); // articles lost the tag
    return true;
}

void Workspace::tagsRewritten()
{
    reloadCampaigns();
    Q_EMIT campaignsChanged();
    Q_EMIT coverageChanged();
    Q_EMIT libraryChanged();
}

void Workspace::updateTag(const QString &id, const QString &name, const QString &color)
{
    const auto before = std::find_if(m_campaigns.begin(), m_campaigns.end(),
                                     [&](const Campaign &c) { return c.id == id; });
    if (before == m_campaigns.end())
        return;
    const Campaign after{id, name.trimmed(), name.trimmed(), color};
    if (after.nameZh == before->nameZh && after.nameEn == before->nameEn &&
        after.color == before->color)
        return;
    m_undoStack.push(
        new UpdateTagCommand(*this, *before, after, tr("Edit tag “%1”").arg(after.nameZh)));
}

bool Workspace::applyUpdateTag(const Campaign &tag)
{
    // Own tags carry one name in both languages (see addTag).
    if (!report(m_library->updateTag(tag.id, tag.nameZh, tag.color)))
        return false;
    reloadCampaigns();
    Q_EMIT campaignsChanged();
    Q_EMIT coverageChanged(); // the tag's name and colour in the counts
    return true;
}

void Workspace::removeTag(const QString &id)
{
    const Result<TagRecord> record = m_library->tagRecord(id);
    if (!record) {
        Q_EMIT errorOccurred(record.errorMessage());
        return;
    }
    m_undoStack.push(new RemoveTagCommand(*this, record.value(), QString(),
                                          tr("Delete tag “%1”").arg(record->tag.nameZh)));
}

void Workspace::mergeTag(const QString &from, const QString &into)
{
    const Result<TagRecord> removed = m_library->tagRecord(from);
    if (!removed) {
        Q_EMIT errorOccurred(removed.errorMessage());
        return;
    }
    m_undoStack.push(new RemoveTagCommand(
        *this, removed.value(), into,
        tr("Merge tag “%1” into “%2”").arg(removed->tag.nameZh, nameOf(into))));
}

std::optional<TagMerge> Workspace::applyMergeTag(const QString &from, const QString &into)
{
    Result<TagMerge> added = m_library->mergeTag(from, into);
    if (!added) {
        Q_EMIT errorOccurred(added.errorMessage());
        return std::nullopt;
    }
    tagsRewritten();
    return std::move(added).value();
}

bool Workspace::applyRestoreTag(const TagRecord &record, const QString &mergedInto,
                                const TagMerge &added)
{
    if (!report(m_library->restoreTag(record, mergedInto, added)))
        return false;
    tagsRewritten();
    return true;
}

void Workspace::saveView(const SavedView &view)
{
    m_undoStack.push(
        new SavedViewCommand(*this, view, true, tr("Save search “%1”").arg(view.name)));
}

void Workspace::removeSavedView(const SavedView &view)
{
    m_undoStack.push(
        new SavedViewCommand(*this, view, false, tr("Remove saved search “%1”").arg(view.name)));
}

std::optional<qint64> Workspace::applyAddSavedView(const SavedView &view)
{
    const Result<qint64> id = m_library->addSavedView(view);
    if (!id) {
        Q_EMIT errorOccurred(id.errorMessage());
        return std::nullopt;
    }
    Q_EMIT savedViewsChanged();
    return id.value();
}

bool Workspace::applyRemoveSavedView(qint64 id)
{
    if (!report(m_library->removeSavedView(id)))
        return false;
    Q_EMIT savedViewsChanged();
    return true;
}

bool Workspace::applyCampaign(qint64 articleId, const QString &campaign, bool on, TagSource source)
{
    if (!report(m_library->setCampaign(articleId, campaign, on, source)))
        return false;
    Q_EMIT articleChanged(articleId);
    return true;
}

bool Workspace::readCodingState(qint64 articleId, const QString &campaign,
                                std::optional<ArticleTag> &tag, QList<Coding> &own)
{
    const Result<ArticleDetail> detail = m_library->article(articleId);
    const Result<QList<Coding>> all = m_library->codings(articleId);
    if (!detail || !all) {
        Q_EMIT errorOccurred(detail ? all.errorMessage() : detail.errorMessage());
        return false;
    }
    tag = tagOn(detail.value(), campaign);
    own.clear();
    for (const Coding &c : all.value()) {
        if (c.coder == m_library->author())
            own.append(c);
    }
    return true;
}

std::optional<CodingStep> Workspace::codingStepBefore(qint64 articleId, const QString &campaign)
{
    CodingStep step;
    step.articleId = articleId;
    step.campaign = campaign;
    if (!readCodingState(articleId, campaign, step.tagBefore, step.ownBefore))
        return std::nullopt;
    return step;
}

void Workspace::finishCodingStep(CodingStep &step)
{
    // Unread, the step's undo finds nothing of it left and changes nothing.
    if (!readCodingState(step.articleId, step.campaign, step.tagAfter, step.ownAfter)) {
        step.tagAfter = step.tagBefore;
        step.ownAfter.clear();
    }
}

bool Workspace::applyUndoCodingStep(const CodingStep &step)
{
    const bool undone = report(m_library->undoCodingStep(step));
    Q_EMIT articleChanged(step.articleId); // as it now is, whatever was left of the step
    Q_EMIT coverageChanged();
    return undone;
}

bool Workspace::applyMarkCoded(qint64 articleId, const std::optional<QStringList> &shown)
{
    if (!report(m_library->markCoded(articleId, shown)))
        return false;
    Q_EMIT articleChanged(articleId);
    return true;
}

std::optional<qint64> Workspace::applyAddAnnotation(const Annotation &annotation)
{
    const Result<qint64> id = m_library->addAnnotation(annotation);
    if (!id) {
        Q_EMIT errorOccurred(id.errorMessage());
        return std::nullopt;
    }
    Q_EMIT articleChanged(annotation.articleId);
    Q_EMIT annotationAdded(annotation.articleId, id.value());
    return id.value();
}

bool Workspace::applyRemoveAnnotation(const Annotation &annotation)
{
    if (!report(m_library->removeAnnotation(annotation.id)))
        return false;
    Q_EMIT articleChanged(annotation.articleId);
    return true;
}

bool Workspace::applyNote(const Annotation &annotation, const QString &note, const QString &seen)
{
    const Status saved = m_library->setAnnotationNote(annotation.id, note, seen);
    if (!saved) {
        // What the person wrote is not lost with the refusal (someone else's note, a busy or
        // lost connection): it is in the message to copy. Only a note changed elsewhere is
        // shown afresh; otherwise the box keeps what was typed.
        Q_EMIT errorOccurred(tr("%1\n\nYour note, not saved:\n%2").arg(saved.errorMessage(), note));
        if (saved.error().kind == Error::Kind::Stale)
            Q_EMIT articleChanged(annotation.articleId);
        return false;
    }
    Q_EMIT articleChanged(annotation.articleId);
    return true;
}

bool Workspace::applyPageDetails(const QList<std::pair<qint64, PageDetails>> &pages)
{
    if (!report(m_library->setPagesDetails(pages)))
        return false;
    QList<qint64> ids;
    for (const auto &page : pages)
        ids.append(page.first);
    Q_EMIT pagesChanged(ids);
    return true;
}

void Workspace::setCounty(qint64 articleId, const Correction &county,
                          const std::optional<Correction> &seen)
{
    const Result<ArticleDetail> detail = m_library->article(articleId);
    if (!detail) {
        Q_EMIT errorOccurred(detail.errorMessage());
        return;
    }
    const Correction before = seen.value_or(detail->countyCorrection);
    if (before == county)
        return;
    m_undoStack.push(new SetCorrectionCommand(*this, articleId, SetCorrectionCommand::Field::County,
                                              before, county, tr("Correct the county")));
}

void Workspace::setUnit(qint64 articleId, const Correction &unit,
                        const std::optional<Correction> &seen)
{
    const Result<ArticleDetail> detail = m_library->article(articleId);
    if (!detail) {
        Q_EMIT errorOccurred(detail.errorMessage());
        return;
    }
    // What the person typed is kept as typed; merged names are applied when counting.
    const Correction before = seen.value_or(detail->unitCorrection);
    if (before == unit)
        return;
    m_undoStack.push(new SetCorrectionCommand(*this, articleId, SetCorrectionCommand::Field::Unit,
                                              before, unit, tr("Correct the unit")));
}

void Workspace::mergeUnit(const QString &alias, const QString &unit)
{
    const Result<QString> before = m_library->unitMergedInto(alias);
    if (!before) {
        Q_EMIT errorOccurred(before.errorMessage());
        return;
    }
    if (before.value() == unit.trimmed())
        return;
    m_undoStack.push(
        new MergeUnitCommand(*this, alias, before.value(), unit.trimmed(),
                             tr("Merge unit “%1” into “%2”").arg(alias, unit.trimmed())));
}

bool Workspace::applyCorrection(qint64 articleId, bool county, const Correction &value,
                                const Correction &over)
{
    const Status saved = county ? m_library->setCounty(articleId, value, over)
                                : m_library->setUnit(articleId, value, over);
    if (!saved && saved.error().kind == Error::Kind::Stale)
        Q_EMIT articleChanged(articleId); // the correction as it now is
    if (!report(saved))
        return false;
    Q_EMIT articleChanged(articleId);
    Q_EMIT coverageChanged();
    return true;
}

bool Workspace::applyMergeUnit(const QString &alias, const QString &unit)
{
    if (!report(m_library->mergeUnit(alias, unit)))
        return false;
    Q_EMIT coverageChanged();
    Q_EMIT libraryChanged();
    return true;
}

std::optional<QString> Workspace::restoreBackup(const QString &backup)
{
    Result<QString> aside = m_library->restoreFrom(backup);
    if (!aside) {
        Q_EMIT errorOccurred(aside.errorMessage());
        return std::nullopt;
    }
    m_undoStack.clear();
    reloadCampaigns();
    Q_EMIT campaignsChanged();
    Q_EMIT savedViewsChanged();
    Q_EMIT coverageChanged();
    Q_EMIT libraryChanged();
    return aside.value();
}

void Workspace::notifyLibraryChanged()
{
    Q_EMIT libraryChanged();
}

void Workspace::notifyTagsAndViewsChanged()
{
    reloadCampaigns();
    Q_EMIT campaignsChanged();
    Q_EMIT savedViewsChanged();
    Q_EMIT coverageChanged();
}

void Workspace::notifyChangedElsewhere()
{
    notifyTagsAndViewsChanged();
    Q_EMIT libraryChanged();
    Q_EMIT changedElsewhere();
}

void Workspace::pushRewrite(Result<ArticleRewrite> rewrite, const QString &text)
{
    if (!rewrite) {
        Q_EMIT errorOccurred(rewrite.errorMessage());
        return;
    }
    m_undoStack.push(new RewriteArticlesCommand(*this, std::move(rewrite).value(), text));
}

void Workspace::mergeWithNext(qint64 articleId)
{
    const Result<ArticleDetail> detail = m_library->article(articleId);
    if (!detail) {
        Q_EMIT errorOccurred(detail.errorMessage());
        return;
    }
    const Result<QList<qint64>> page = m_library->pageArticleIds(detail->pageId);
    const qsizetype at = page ? page->indexOf(articleId) : -1;
    if (at < 0 || at + 1 >= page->size()) {
        Q_EMIT errorOccurred(tr("This is the last article of its page: there is no next one to "
                                "merge it with."));
        return;
    }
    pushRewrite(m_editor->merge(articleId, page->at(at + 1)), tr("Merge with next article"));
}

void Workspace::splitArticle(qint64 articleId, int block, std::optional<int> at)
{
    pushRewrite(m_editor->split(articleId, block, at), tr("Split article"));
}

void Workspace::setHeadline(qint64 articleId, const HeadlineEdit &edit)
{
    Result<ArticleRewrite> rewrite = m_editor->setHeadline(articleId, edit);
    if (!rewrite && rewrite.error().kind == Error::Kind::Stale)
        Q_EMIT articleChanged(articleId); // the headline as it now reads
    pushRewrite(std::move(rewrite), tr("Edit headline"));
}

void Workspace::moveBlock(qint64 articleId, int block, ArticleEditor::Direction direction)
{
    pushRewrite(m_editor->moveBlock(articleId, block, direction),
                direction == ArticleEditor::Direction::Previous
                    ? tr("Move paragraph to previous article")
                    : tr("Move paragraph to next article"));
}

void Workspace::resplitPage(qint64 pageId)
{
    Result<ArticleRewrite> rewrite = m_editor->resplit(pageId);
    if (rewrite && !rewrite->changesArticles()) {
        Q_EMIT errorOccurred(tr("Splitting the page again finds the same articles: nothing to "
                                "change."));
        return;
    }
    pushRewrite(std::move(rewrite), tr("Split page again"));
}

bool Workspace::applyRewrite(ArticleRewrite &rewrite)
{
    if (!report(m_editor->apply(rewrite)))
        return false;
    Q_EMIT libraryChanged();
    Q_EMIT coverageChanged();
    QList<qint64> ids = rewrite.afterIds();
    if (rewrite.shown > 0 && rewrite.shown < ids.size())
        ids.move(rewrite.shown, 0);
    Q_EMIT articlesRewritten(rewrite.pageId, ids);
    if (rewrite.check > 0 || rewrite.orphaned > 0)
        Q_EMIT annotationsNeedReview(rewrite.check, rewrite.orphaned);
    return true;
}

bool Workspace::applyUndoRewrite(ArticleRewrite &rewrite)
{
    if (!report(m_editor->undo(rewrite)))
        return false;
    Q_EMIT libraryChanged();
    Q_EMIT coverageChanged();
    Q_EMIT articlesRewritten(rewrite.pageId, rewrite.beforeIds());
    return true;
}

void Workspace::acceptAnchor(const Annotation &annotation)
{
    const Result<ArticleDetail> detail = m_library->article(annotation.articleId);
    if (!detail) {
        Q_EMIT errorOccurred(detail.errorMessage());
        return;
    }
    if (annotation.anchor != AnchorState::Check)
        return;
    Annotation accepted = annotation;
    accepted.moveTo(detail->article.plainText(),
                    Anchoring{AnchorState::Exact, annotation.start, annotation.end, 1.0});
    m_undoStack.push(new SetAnchorCommand(*this, annotation, accepted, tr("Accept highlight")));
}

void Workspace::reattach(const Annotation &annotation, int utf16Start, int utf16End)
{
    const Result<ArticleDetail> detail = m_library->article(annotation.articleId);
    if (!detail) {
        Q_EMIT errorOccurred(detail.errorMessage());
        return;
    }
    const Annotation attached =
        annotation.reattachedTo(detail->article.plainText(), utf16Start, utf16End);
    if (attached.quote.isEmpty())
        return;
    m_undoStack.push(
        new SetAnchorCommand(*this, annotation, attached, tr("Attach highlight to selection")));
}

bool Workspace::applyAnchor(const Annotation &annotation)
{
    if (!report(m_library->setAnnotationAnchor(annotation)))
        return false;
    Q_EMIT articleChanged(annotation.articleId);
    return true;
}

} // namespace br::ui
