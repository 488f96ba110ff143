#pragma once

// The library's jobs, one interface each: the window, the command line, the importer and the
// exchange formats work through these, and each store (the SQLite file; a server) implements
// them all (see Library). Every write is one transaction, saved when it returns; nothing is
// written half; a store open for reading only refuses every write with a message.

#include "core/Result.h"
#include "library/StoreTypes.h"

#include <QByteArray>
#include <QSet>

#include <atomic>
#include <functional>
#include <optional>

#include <utility>

namespace br {

struct ReadPage;

// Keeps the interfaces from being copied or deleted through: a store is owned as a Library.
class StoreJob
{
public:
    StoreJob(const StoreJob &) = delete;
    StoreJob &operator=(const StoreJob &) = delete;

protected:
    StoreJob() = default;
    ~StoreJob() = default;
};

// Pages as imported: their files' facts, the details a person corrects, and their articles'
// order.
class PageStore : public StoreJob
{
public:
    struct Added
    {
        qint64 pageId = 0;
        int articles = 0;
        bool duplicate = false; // the same bytes were imported before; nothing was added
    };
    // Adds the page, its articles, what the analysis found of them and their suggestions in one
    // transaction.
    Result<Added> addPage(const ReadPage &page);
    // Adds pages in one transaction: all of them, or none when anything fails. The search index
    // takes a batch at least as fast as page by page, and the larger the batch the closer to
    // FTS5's own 'rebuild' (Importer::kBatchCharacters).
    virtual Result<QList<Added>> addPages(const QList<const ReadPage *> &pages) = 0;
    // Who holds the library's write lock now, when another writer keeps it (an error of kind
    // Busy): see Database::writeLockHolder.
    virtual QString writeLockHolder() = 0;
    // While *cancel is set, waiting for another writer ends at once (nullptr: never).
    virtual void setWaitCancel(const std::atomic_bool *cancel) = 0;

    virtual bool hasPage(const QByteArray &sha256) = 0;
    // The digests of every page in the library.
    virtual QSet<QByteArray> pageDigests() = 0;
    virtual Result<qint64> pageCount() = 0;
    virtual Result<PageDetail> page(qint64 id) = 0;
    // Sets the publication, date and page number of pages, with where each came from, in one
    // transaction (a person setting them for many pages at once; its undo).
    virtual Status setPagesDetails(const QList<std::pair<qint64, PageDetails>> &pages) = 0;
    // A person's publication, date and page number for one page (an empty one: none).
    Status setPageDetails(qint64 pageId, const QString &publication, const QString &date,
                          const QString &pageNumber);
    // Marks a page's split as corrected by hand by `mark`'s person at its time (a copy keeps
    // who did it).
    virtual Status setPageCorrected(qint64 pageId, const CorrectionMark &mark) = 0;
    // The article ids of a page, in page order.
    virtual Result<QList<qint64>> pageArticleIds(qint64 pageId) = 0;
    // Whether a person corrected the page's split by hand.
    virtual Result<bool> isPageCorrected(qint64 pageId) = 0;
    // Every page id, in import order, with whether a person corrected its split by hand.
    virtual Result<QList<std::pair<qint64, bool>>> pagesForResplit() = 0;

protected:
    ~PageStore() = default;
};

// What the analysis found of one article: its places and unit (see Reanalysis).
struct ArticleAnalysis
{
    qint64 articleId = 0;
    ArticlePlaces places;
    UnitSuggestion unit;
};

// Articles: lists, details, the hand corrections of the split and of whom a story is about.
class ArticleStore : public StoreJob
{
public:
    virtual Result<qint64> articleCount() = 0;
    virtual Result<QList<ArticleSummary>> articles(const ArticleFilter &filter = {}) = 0;
    virtual Result<ArticleDetail> article(qint64 id) = 0;
    // The articles of `filter` with their county, town, unit, places and page details.
    virtual Result<QList<ArticleRecord>> articleRecords(const ArticleFilter &filter = {}) = 0;
    // The same, one article at a time in the list's order, never holding more than a chunk of
    // them: for lists and exports of any size. `each` may take the row's contents; returning
    // false ends the walk (not an error). The walk is one read of the library (a snapshot), so
    // `each` writes nothing to it.
    using SummaryVisitor = std::function<bool(ArticleSummary &)>;
    using RecordVisitor = std::function<bool(ArticleRecord &)>;
    virtual Status forEachArticle(const ArticleFilter &filter, const SummaryVisitor &each) = 0;
    virtual Status forEachArticleRecord(const ArticleFilter &filter, const RecordVisitor &each) = 0;
    // What a list too long to read whole holds: the ids of the articles `filter` lists, in its
    // order; and the rows of a few of them, read as they are shown (ids no longer there are
    // left out, the others keep the order of `ids`).
    virtual Result<QList<qint64>> articleIds(const ArticleFilter &filter) = 0;
    virtual Result<QList<ArticleSummary>> articleSummaries(const QList<qint64> &ids) = 0;
    // The articles with everything kept of them, in the order of `ids`.
    virtual Result<QList<StoredArticle>> storedArticles(const QList<qint64> &ids) = 0;

    // Hand corrections of the split, and the re-split, are a replacement: the articles `replaced`
    // (a run of neighbours on page `pageId`, in page order; none: added at its end) give way to
    // `articles` in one transaction, with their tags, annotations, analysis and corrections as
    // given; an id or uuid given is kept (an undo puts the old articles back as they were). With
    // `corrected` true the page counts as corrected by hand (a re-split leaves it alone), with
    // false it no longer does (an undo), without it it stays as it was. Returns
    // the ids of the stored articles, in order.
    virtual Result<QList<qint64>> replaceArticles(qint64 pageId, const QList<qint64> &replaced,
                                                  const QList<StoredArticle> &articles,
                                                  std::optional<bool> corrected) = 0;
    // What the analysis found anew (the reanalysis), in one transaction; a person's
    // corrections stay.
    virtual Status storeAnalysis(const QList<ArticleAnalysis> &found) = 0;

    // A correction as a person made it; nothing when the analysis' answer stands.
    using Correction = std::optional<QString>;
    // A person's correction of an article's main county (a county code, or "" for "the city's,
    // no county"); std::nullopt gives the analysis' answer back. With `seen` (the correction as
    // the person saw it), refused as Error::Kind::Stale when somebody changed it meanwhile.
    virtual Status setCounty(qint64 articleId, const Correction &county,
                             const std::optional<Correction> &seen = std::nullopt) = 0;
    // A person's correction of an article's unit; std::nullopt gives the suggestion back.
    virtual Status setUnit(qint64 articleId, const Correction &unit,
                           const std::optional<Correction> &seen = std::nullopt) = 0;
    // The unit a person typed for the article, as typed (empty when none).
    virtual Result<QString> unitCorrection(qint64 articleId) = 0;

protected:
    ~ArticleStore() = default;
};

// Campaign tags: the three campaigns and a person's own, and which articles carry them.
class TagStore : public StoreJob
{
public:
    // The three campaigns, then the person's own tags in the order they were made.
    virtual Result<QList<Campaign>> campaigns() = 0;
    // A tag of the person's own; returns its id (`id` given when an undone addition is redone).
    virtual Result<QString> addTag(const QString &name, const QString &color,
                                   const QString &id = QString()) = 0;
    // Removes one of the person's own tags, and it from every article.
    virtual Status removeTag(const QString &id) = 0;
    // Renames and recolours one of the person's own tags (a name no other tag has).
    virtual Status updateTag(const QString &id, const QString &name, const QString &color) = 0;
    // How many articles carry each tag, by tag id (tags no article carries are left out).
    virtual Result<QList<std::pair<QString, int>>> tagCounts() = 0;
    // A tag (one of the person's own, or a campaign) with its articles and judgments, as it is
    // now.
    virtual Result<TagRecord> tagRecord(const QString &id) = 0;
    // Folds the person's own tag `from` into `into` (any tag): every article that carries `from`
    // carries `into` (one that carried both keeps its `into` as it was), every judgment of `from`
    // is one of `into` where its coder made none of `into`, and `from` is gone; one transaction.
    // Returns what it added to `into`.
    virtual Result<TagMerge> mergeTag(const QString &from, const QString &into) = 0;
    // Puts a deleted tag back as `record` holds it (a deletion's or a merge's undo), with its
    // articles (those still there) and judgments, in one transaction; for a merge's undo, first
    // takes from `mergedInto` what the merge `added` to it. Refused, with nothing changed, when
    // another tag has taken the tag's id meanwhile.
    virtual Status restoreTag(const TagRecord &record, const QString &mergedInto = QString(),
                              const TagMerge &added = TagMerge()) = 0;
    // Sets or takes off a tag, and records it as the connection's person's judgment (Coding).
    virtual Status setCampaign(qint64 articleId, const QString &campaign, bool on,
                               TagSource source = TagSource::User) = 0;

    // Every person's judgments, of one article or all, by article, coder and campaign.
    virtual Result<QList<Coding>> codings(std::optional<qint64> articleId = std::nullopt) = 0;
    // Records the connection's person's coding of an article: yes for each campaign of `shown`
    // (the tags as their window showed them; nothing: as the article carries them now), no for
    // every other (an article that none applies to is coded too).
    virtual Status markCoded(qint64 articleId,
                             const std::optional<QStringList> &shown = std::nullopt) = 0;
    // Undoes `step` over only what it left, in one transaction: its tag goes back to how it was
    // if it still is as the step left it, and so does each of the person's judgments.
    virtual Status undoCodingStep(const CodingStep &step) = 0;

protected:
    ~TagStore() = default;
};

// Highlights and their notes on passages of articles.
class AnnotationStore : public StoreJob
{
public:
    virtual Result<QList<Annotation>> annotations(qint64 articleId) = 0;
    // Adds the annotation; an id given (when an undone addition is redone) is kept.
    virtual Result<qint64> addAnnotation(const Annotation &annotation) = 0;
    virtual Status removeAnnotation(qint64 id) = 0;
    // Sets the note; with `seen` (the note as the editor read it), only when it still reads so —
    // else an error of kind Stale saying what it now reads, and nothing written: no one's note is
    // written over unseen. (The text is the version: a highlight taken back and given again by an
    // undo and a redo is still the same note.)
    virtual Status setAnnotationNote(qint64 id, const QString &note,
                                     const std::optional<QString> &seen = std::nullopt) = 0;
    // Where an annotation's passage was found after a person looked at it: accepting a checked
    // one, attaching an orphan to a passage again.
    virtual Status setAnnotationAnchor(const Annotation &annotation) = 0;
    // The annotations waiting for a person: checked and orphaned ones, by article.
    virtual Result<QList<Annotation>> annotationsToReview() = 0;

protected:
    ~AnnotationStore() = default;
};

// Finding articles by their text.
class SearchStore : public StoreJob
{
public:
    // Articles whose text (headline, byline, body, captions) contains every term of `query` as a
    // substring after folding (width, case, traditional → simplified), and none of its -terms;
    // best first (bm25, headline weighted up). `total` gets the number of all matches; hits are
    // built for the first `limit` of them (all when 0).
    virtual Result<QList<SearchHit>> search(const QString &query,
                                            const QString &campaign = QString(), int limit = 0,
                                            int *total = nullptr) = 0;
    // The same hits, handed to `each` as they are made, a few hundred at a time in memory: all
    // hits of a common word in a million articles are hundreds of thousands. `each` returns false
    // to stop; `total` is set before the first hit.
    using HitVisitor = std::function<bool(SearchHit &)>;
    virtual Status forEachHit(const QString &query, const QString &campaign, int limit, int *total,
                              const HitVisitor &each) = 0;
    // Just the ids of the matching articles, in id order: what a filter needs.
    virtual Result<QList<qint64>> searchIds(const QString &query,
                                            const QString &campaign = QString()) = 0;

protected:
    ~SearchStore() = default;
};

// The coverage table, and the units it counts by.
class CoverageStore : public StoreJob
{
public:
    // How many articles each campaign has by `by` (one of coverageDimensions()), for one
    // campaign or all; `countSuggested` adds the suggested-but-unconfirmed ones to `articles`.
    virtual Result<QList<CoverageRow>> coverage(const QString &by,
                                                const QString &campaign = QString(),
                                                bool countSuggested = false) = 0;
    // Counts `alias` as `unit` from now on (and every name merged into `alias` with it); an empty
    // `unit` undoes the merge of `alias`.
    virtual Status mergeUnit(const QString &alias, const QString &unit) = 0;
    // The unit `alias` is merged into, or "" when it is not.
    virtual Result<QString> unitMergedInto(const QString &alias) = 0;
    // Every merge a person made: alias and the unit it counts as, by alias.
    virtual Result<QList<std::pair<QString, QString>>> unitMerges() = 0;
    // Every unit coverage counts (merged names once), with its number of articles, most first.
    virtual Result<QList<std::pair<QString, int>>> units() = 0;

protected:
    ~CoverageStore() = default;
};

// Searches saved with their filters under a name.
class SavedViewStore : public StoreJob
{
public:
    // Saved searches, by name.
    virtual Result<QList<SavedView>> savedViews() = 0;
    // Saves a view under its name (an id given when an undone save is redone); returns its id.
    virtual Result<qint64> addSavedView(const SavedView &view) = 0;
    virtual Status removeSavedView(qint64 id) = 0;

protected:
    ~SavedViewStore() = default;
};

} // namespace br
