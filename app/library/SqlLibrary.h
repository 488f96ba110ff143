#pragma once

#include "library/Library.h"

#include <functional>

namespace br {

class Database;
class SearchQuery;
class Statement;

// The store written once in SQL over a Database connection: every job of Stores.h but the
// search, whose index each engine keeps its own way (SqliteLibrary: FTS5 tables; PgLibrary:
// arrays of character pairs), and the copies kept of the library. The SQL is SQLite's, in the
// words both engines share; the few places they differ ask the connection's engine.
class SqlLibrary : public Library
{
public:
    ~SqlLibrary() override;

    const LibraryLocation &location() const override { return m_location; }
    bool isReadOnly() const override;
    const QString &damage() const override { return m_damage; }
    // A server checks its own pages; only a file can be found damaged.
    Status foundDamaged(const QString &damage) override;
    const QString &author() const override { return m_author; }
    Result<std::unique_ptr<Batch>> beginBatch() override;
    Result<std::unique_ptr<Snapshot>> beginSnapshot() override;
    Result<qint64> changesByOthers() override;

    // PageStore
    Result<QList<Added>> addPages(const QList<const ReadPage *> &pages) override;
    bool hasPage(const QByteArray &sha256) override;
    QSet<QByteArray> pageDigests() override;
    QString writeLockHolder() override;
    void setWaitCancel(const std::atomic_bool *cancel) override;
    Result<qint64> pageCount() override;
    Result<PageDetail> page(qint64 id) override;
    Status setPageCorrected(qint64 pageId, const CorrectionMark &mark) override;
    Status setPagesDetails(const QList<std::pair<qint64, PageDetails>> &pages) override;
    Result<QList<qint64>> pageArticleIds(qint64 pageId) override;
    Result<bool> isPageCorrected(qint64 pageId) override;
    Result<QList<std::pair<qint64, bool>>> pagesForResplit() override;

    // ArticleStore
    Result<qint64> articleCount() override;
    Result<QList<ArticleSummary>> articles(const ArticleFilter &filter = {}) override;
    Result<ArticleDetail> article(qint64 id) override;
    Result<QList<ArticleRecord>> articleRecords(const ArticleFilter &filter = {}) override;
    Status forEachArticle(const ArticleFilter &filter, const SummaryVisitor &each) override;
    Result<QList<qint64>> articleIds(const ArticleFilter &filter) override;
    Result<QList<ArticleSummary>> articleSummaries(const QList<qint64> &ids) override;
    Status forEachArticleRecord(const ArticleFilter &filter, const RecordVisitor &each) override;
    Result<QList<StoredArticle>> storedArticles(const QList<qint64> &ids) override;
    Result<QList<qint64>> replaceArticles(qint64 pageId, const QList<qint64> &replaced,
                                          const QList<StoredArticle> &articles,
                                          std::optional<bool> corrected) override;
    Status storeAnalysis(const QList<ArticleAnalysis> &found) override;
    Status setCounty(qint64 articleId, const Correction &county,
                     const std::optional<Correction> &seen = std::nullopt) override;
    Status setUnit(qint64 articleId, const Correction &unit,
                   const std::optional<Correction> &seen = std::nullopt) override;
    Result<QString> unitCorrection(qint64 articleId) override;

    // TagStore
    Result<QList<Campaign>> campaigns() override;
    Result<QString> addTag(const QString &name, const QString &color,
                           const QString &id = QString()) override;
    Status removeTag(const QString &id) override;
    Status updateTag(const QString &id, const QString &name, const QString &color) override;
    Result<QList<std::pair<QString, int>>> tagCounts() override;
    Result<TagRecord> tagRecord(const QString &id) override;
    Result<TagMerge> mergeTag(const QString &from, const QString &into) override;
    Status restoreTag(const TagRecord &record, const QString &mergedInto,
                      const TagMerge &added) override;
    Status setCampaign(qint64 articleId, const QString &campaign, bool on,
                       TagSource source = TagSource::User) override;
    Result<QList<Coding>> codings(std::optional<qint64> articleId = std::nullopt) override;
    Status markCoded(qint64 articleId,
                     const std::optional<QStringList> &shown = std::nullopt) override;
    Status undoCodingStep(const CodingStep &step) override;

    // AnnotationStore
    Result<QList<Annotation>> annotations(qint64 articleId) override;
    Result<qint64> addAnnotation(const Annotation &annotation) override;
    Status removeAnnotation(qint64 id) override;
    Status setAnnotationNote(qint64 id, const QString &note,
                             const std::optional<QString> &seen = std::nullopt) override;
    Status setAnnotationAnchor(const Annotation &annotation) override;
    Result<QList<Annotation>> annotationsToReview() override;

    // CoverageStore
    Result<QList<CoverageRow>> coverage(const QString &by, const QString &campaign = QString(),
                                        bool countSuggested = false) override;
    Status mergeUnit(const QString &alias, const QString &unit) override;
    Result<QString> unitMergedInto(const QString &alias) override;
    Result<QList<std::pair<QString, QString>>> unitMerges() override;
    Result<QList<std::pair<QString, int>>> units() override;

    // SearchStore (searchIds is the engine's)
    Result<QList<SearchHit>> search(const QString &query, const QString &campaign = QString(),
                                    int limit = 0, int *total = nullptr) override;
    Status forEachHit(const QString &query, const QString &campaign, int limit, int *total,
                      const HitVisitor &each) override;

    // SavedViewStore
    Result<QList<SavedView>> savedViews() override;
    Result<qint64> addSavedView(const SavedView &view) override;
    Status removeSavedView(qint64 id) override;

protected:
    SqlLibrary(std::unique_ptr<Database> db, LibraryLocation location, QString author);

    // The search index of the engine, inside the caller's transaction: of the articles whose id
    // is above `lastId` (a batch just added), or of the articles `ids` (new ones of a
    // replacement; the index forgets deleted articles by itself).
    virtual Status indexArticlesAbove(qint64 lastId) = 0;
    virtual Status indexArticles(const QList<qint64> &ids) = 0;

    // The engine's answer to a search: the ids of the first `limit` matches (all when 0), best
    // first; `total` gets the number of all matches.
    virtual Result<QList<qint64>> rankedIds(const SearchQuery &query, const QString &campaign,
                                            int limit, int *total) = 0;

    Result<qint64> count(const char *sql);
    // The hits for the articles `order`, best first, with snippets of what `query` matched;
    // ranked from `firstRank` on.
    Result<QList<SearchHit>> hitsOf(const QList<qint64> &order, const SearchQuery &query,
                                    qsizetype firstRank = 0);

    std::unique_ptr<Database> m_db;
    QString m_damage;

private:
    // Whether a tag (a campaign or a person's own) with this id is in the library.
    Result<bool> tagExists(const QString &id);
    // The articles of `filter` in chunks of kListChunk, each with its tags and suggestions, and
    // `withCoverage` also its county, town, unit, places and page details (read in the same
    // query). `each` gets every chunk in order and ends the walk by returning false.
    static constexpr qsizetype kListChunk = 1000;
    using ChunkVisitor = std::function<Result<bool>(std::vector<ArticleRecord> &)>;
    Status forEachArticleChunk(const ArticleFilter &filter, bool withCoverage,
                               const ChunkVisitor &each);
    // The rows `rows` gives (the list's columns, then with `withCoverage` the record's), in
    // chunks as forEachArticleChunk gives them.
    Status walkRows(Statement &rows, bool withCoverage, const ChunkVisitor &each);
    // The rows of `ids` (the list's columns, and with `withCoverage` the record's), in that
    // order; ids no longer there are left out.
    Result<std::vector<ArticleRecord>> rowsOf(const QList<qint64> &ids, bool withCoverage);
    // The ids of the articles matching `filter`'s search, as json_each reads them ("[]": none,
    // or no search).
    Result<QByteArray> matchingIdsOf(const ArticleFilter &filter);
    // The same, an article at a time.
    Status walkArticles(const ArticleFilter &filter, bool withCoverage, const RecordVisitor &each);
    // Stores one page and its articles (not their index: addPages does that for the batch);
    // inside the caller's transaction.
    Result<Added> storePage(const ReadPage &page);
    // Replaces what the analysis found of an article's places and unit; inside the caller's
    // transaction.
    Status writeAnalysis(qint64 articleId, const ArticlePlaces &places, const UnitSuggestion &unit);
    // The article's blocks and plain text, in their own table (schema 13).
    Status insertBody(qint64 articleId, const StoredBody &body);
    // A row per counted place mention of a new article; inside the caller's transaction.
    Status insertPlaces(qint64 articleId, const ArticlePlaces &places);
    // A suggestion row per suggestion of the article; inside the caller's transaction.
    Status insertSuggestions(qint64 articleId, const QList<CampaignSuggestion> &suggestions);
    // The annotation on `articleId` with its own id when that is free, else a new one; its
    // creation time when it has none, and `updatedAt`. Inside the caller's transaction.
    Result<qint64> insertAnnotation(const Annotation &annotation, qint64 articleId,
                                    const QString &createdAt, const QString &updatedAt);
    // The connection's person's judgment of one campaign on an article; nothing when the
    // connection names nobody. Inside the caller's transaction.
    Status writeOwnCoding(qint64 articleId, const QString &campaign, bool applies);
    // Judgments as they are, each by its own coder; inside the caller's transaction.
    Status insertCodings(qint64 articleId, const QList<Coding> &codings);
    // Writes a correction column with `update` (?1 the article, ?2 the value, ?3 and ?4 who and
    // when), checking first
    // with `select` that it still reads `seen` when given (both string literals: the statement
    // cache's keys); `what` names it in messages.
    Status setCorrection(qint64 articleId, const char *select, const char *update,
                         const Correction &value, const std::optional<Correction> &seen,
                         const QString &what);
    // Runs one prepared write in its own transaction.
    Status write(const char *sql, const std::function<void(Statement &)> &bind);

    LibraryLocation m_location;
    QString m_author;
};

} // namespace br
