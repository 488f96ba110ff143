#pragma once

#include "library/Library.h"
#include "library/SearchFunctions.h"

#include <functional>

namespace br {

class Database;
class SearchQuery;
class Statement;

// The library as one SQLite file (schema in Migrations): FTS5 tables for the search, views for
// coverage, every write one BEGIN IMMEDIATE transaction with a busy timeout.
class SqliteLibrary final : public Library
{
public:
    ~SqliteLibrary() override;

    static Result<std::unique_ptr<Library>> open(const QString &path, bool readOnly);

    const LibraryLocation &location() const override { return m_location; }
    bool isReadOnly() const override;
    const QString &damage() const override { return m_damage; }
    const QString &author() const override { return m_author; }
    Result<QString> dailyBackup() override;
    Status backupTo(const QString &file) override;
    Result<QString> restoreFrom(const QString &backup) override;

    // PageStore
    Result<QList<Added>> addPages(const QList<const ReadPage *> &pages) override;
    bool hasPage(const QByteArray &sha256) override;
    QSet<QByteArray> pageDigests() override;
    Result<qint64> pageCount() override;
    Result<PageDetail> page(qint64 id) override;
    Status setPageDetails(qint64 pageId, const QString &publication, const QString &date,
                          const QString &pageNumber) override;
    Result<QList<qint64>> pageArticleIds(qint64 pageId) override;
    Result<bool> isPageCorrected(qint64 pageId) override;
    Result<QList<std::pair<qint64, bool>>> pagesForResplit() override;

    // ArticleStore
    Result<qint64> articleCount() override;
    Result<QList<ArticleSummary>> articles(const ArticleFilter &filter = {}) override;
    Result<ArticleDetail> article(qint64 id) override;
    Result<QList<ArticleRecord>> articleRecords(const ArticleFilter &filter = {}) override;
    Result<QList<StoredArticle>> storedArticles(const QList<qint64> &ids) override;
    Result<QList<qint64>> replaceArticles(qint64 pageId, const QList<qint64> &replaced,
                                          const QList<StoredArticle> &articles,
                                          std::optional<bool> corrected) override;
    Status storeAnalysis(const QList<ArticleAnalysis> &found) override;
    Status setCounty(qint64 articleId, const std::optional<QString> &county) override;
    Status setUnit(qint64 articleId, const std::optional<QString> &unit) override;
    Result<QString> unitCorrection(qint64 articleId) override;

    // TagStore
    Result<QList<Campaign>> campaigns() override;
    Result<QString> addTag(const QString &name, const QString &color,
                           const QString &id = QString()) override;
    Status removeTag(const QString &id) override;
    Status setCampaign(qint64 articleId, const QString &campaign, bool on,
                       TagSource source = TagSource::User) override;

    // AnnotationStore
    Result<QList<Annotation>> annotations(qint64 articleId) override;
    Result<qint64> addAnnotation(const Annotation &annotation) override;
    Status removeAnnotation(qint64 id) override;
    Status setAnnotationNote(qint64 id, const QString &note) override;
    Status setAnnotationAnchor(const Annotation &annotation) override;
    Result<QList<Annotation>> annotationsToReview() override;

    // SearchStore
    Result<QList<SearchHit>> search(const QString &query, const QString &campaign = QString(),
                                    int limit = 0, int *total = nullptr) override;
    Result<QList<qint64>> searchIds(const QString &query,
                                    const QString &campaign = QString()) override;

    // CoverageStore
    Result<QList<CoverageRow>> coverage(const QString &by, const QString &campaign = QString(),
                                        bool countSuggested = false) override;
    Status mergeUnit(const QString &alias, const QString &unit) override;
    Result<QString> unitMergedInto(const QString &alias) override;
    Result<QList<std::pair<QString, int>>> units() override;

    // SavedViewStore
    Result<QList<SavedView>> savedViews() override;
    Result<qint64> addSavedView(const SavedView &view) override;
    Status removeSavedView(qint64 id) override;

private:
    explicit SqliteLibrary(std::unique_ptr<Database> db);
    const QString &path() const { return m_location.text(); }
    Result<qint64> count(const char *sql);
    // Stores one page and its articles (not their index: addPages does that for the batch);
    // inside the caller's transaction.
    Result<Added> storePage(const ReadPage &page);
    // Replaces what the analysis found of an article's places and unit; inside the caller's
    // transaction.
    Status writeAnalysis(qint64 articleId, const ArticlePlaces &places, const UnitSuggestion &unit);
    // A suggestion row per suggestion of the article; inside the caller's transaction.
    Status insertSuggestions(qint64 articleId, const QList<CampaignSuggestion> &suggestions);
    // The annotation on `articleId` with its own id when that is free, else a new one; its
    // creation time when it has none, and `updatedAt`. Inside the caller's transaction.
    Result<qint64> insertAnnotation(const Annotation &annotation, qint64 articleId,
                                    const QString &createdAt, const QString &updatedAt);
    // Runs one prepared write in its own transaction.
    Status write(const char *sql, const std::function<void(Statement &)> &bind);

    // The articles matching `query` (and tagged `campaign` when given), in id order: the sets
    // each index table, the campaign and the text check give, intersected. With `scored`, the
    // hits of the pairs table are scored in the same pass, for ranking.
    Result<IdList> matchingIds(const SearchQuery &query, const QString &campaign,
                               ScoredIds *scored = nullptr);

    std::unique_ptr<Database> m_db;
    LibraryLocation m_location;
    QString m_author;
    QString m_damage;
    DocumentLengths m_lengths; // for ranking; read again whenever the library changed
};

} // namespace br
