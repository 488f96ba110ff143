#pragma once

#include "analysis/Campaign.h"
#include "analysis/PlaceRecognizer.h"
#include "analysis/UnitRecognizer.h"
#include "core/Result.h"
#include "library/SearchFunctions.h"
#include "text/Page.h"
#include "text/TextAnchor.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace br {

class Database;
class SearchQuery;
class Statement;
struct ReadPage;

// Who set a campaign tag: a person, or a person accepting the analysis' suggestion.
enum class TagSource
{
    User,
    Suggestion
};

// One article as lists show it.
struct ArticleSummary
{
    qint64 id = 0;
    qint64 pageId = 0;
    QString pageFile;
    int order = 0; // position on its page, from 0
    int startLine = 0;
    QString section;
    QString kicker;
    QString title;
    QStringList campaigns; // confirmed: set by a person or by accepting a suggestion
    QList<CampaignSuggestion> suggestions;
    int annotations = 0;
};

// Everything about one article that the reader shows.
struct ArticleDetail
{
    qint64 id = 0;
    qint64 pageId = 0;
    int order = 0;
    int startLine = 0;
    int endLine = 0;
    Article article; // headline, byline, blocks; suggestions included
    QStringList campaigns;
    QStringList acceptedSuggestions; // campaigns whose suggestion was accepted
    qint64 mainCounty = 0;           // gazetteer code, 0 when the story is its city's
    bool countyCorrected = false;    // mainCounty is a person's correction, not the analysis'
    qint64 countyFound = 0;          // the analysis' main county
    qint64 mainTown = 0;             // the town within mainCounty, or 0
    QString unit;                    // what coverage counts: the correction or suggestion, merged
    QString unitSuggested;           // what the analysis proposed
    bool unitCorrected = false;
    QList<std::pair<QString, qint64>> places; // distinct places named: text and code
};

// A page's file facts and the details a person may correct.
struct PageDetail
{
    qint64 id = 0;
    QString fileName;
    QString sourcePath;
    QString encoding;
    QString rawText;
    QStringList masthead;
    QString publication;
    QString date;
    QString pageNumber;
};

// A highlight (and its note) on a passage of an article's plain text: the range plus the quoted
// text with some context before and after (W3C TextPositionSelector and TextQuoteSelector), so
// the passage can be found again when the text changes. Positions count code points, as the
// record and its exports do; widgets convert with utf16Range().
struct Annotation
{
    qint64 id = 0;
    qint64 articleId = 0;
    int start = 0; // code points into ArticleDetail::article.plainText(), end exclusive
    int end = 0;
    QString quote; // the passage as it was highlighted (kept when the text changes under it)
    QString prefix;
    QString suffix;
    QString note;
    QString color; // #rrggbb
    QString createdAt;
    QString updatedAt;
    QString uuid;   // its stable name in exports; given when stored
    QString author; // who made it (the login name); the library's user when stored without one
    // How the passage was found after the text last changed: Check and Orphaned ones wait for a
    // person (the review list); an orphan's range is where it was, not a place in the text.
    AnchorState anchor = AnchorState::Exact;

    // The annotation of the selection [utf16Start, utf16End) of `plainText` (Qt's positions).
    static Annotation forSelection(qint64 articleId, const QString &plainText, int utf16Start,
                                   int utf16End, const QString &color);
    TextQuote selector() const;
    // The quote and context at `anchoring` in `plainText`, keeping the quote as highlighted when
    // only a close match was found (a person decides on it).
    void moveTo(const QString &plainText, const Anchoring &anchoring);
    // The same annotation (note, colour, times) on the selection [utf16Start, utf16End) of
    // `plainText` instead, found exactly: what a person attaching an orphan again chose.
    Annotation reattachedTo(const QString &plainText, int utf16Start, int utf16End) const;
    // [start, end) in UTF-16 units of `plainText`, for QTextDocument and QString.
    std::pair<int, int> utf16Range(const QString &plainText) const;
};

// A campaign tag on an article, with who set it and when.
struct ArticleTag
{
    QString campaign;
    TagSource source = TagSource::User;
    QString setAt;

    friend bool operator==(const ArticleTag &, const ArticleTag &) = default;
};

// Everything the library keeps of one article: what a hand correction of the split rewrites and
// what its undo puts back exactly.
struct StoredArticle
{
    qint64 id = 0; // 0: a new article, given an id when stored
    QString uuid;  // the article's stable name in exports (urn:uuid:…); "" for a new one
    Article article;
    bool headlineEdited = false; // a person set its kicker / title / subtitle / byline
    QList<ArticleTag> tags;
    QList<Annotation> annotations; // their articleId is set when stored
    ArticlePlaces places;          // what the analysis found (mentions with a code)
    UnitSuggestion unit;
    std::optional<QString> countyCorrection;
    std::optional<QString> unitCorrection;
};

// One article as exports list it: the summary with where and whom it is about.
struct ArticleRecord
{
    ArticleSummary summary;
    QString county; // codes, "" when none
    QString town;
    QString unit;
    QStringList places; // every place named, as printed
    QString publication;
    QString date;
    QString pageNumber;
};

// Which articles a list shows. Empty or false fields do not filter.
struct ArticleFilter
{
    QString campaign;      // tagged with this campaign
    bool untagged = false; // no campaign tag at all
    bool withSuggestions = false;
    bool annotated = false;
    QString text;      // a search query (see Library::search)
    qint64 onlyId = 0; // just this article (to refresh one row)
    // One cell of the coverage table: articles whose `coverageBy` ("county", "town", "unit",
    // "month" or "publication") is `coverageKey`; with `campaign`, and `orSuggested`, also those
    // only suggested for the campaign.
    QString coverageBy;
    QString coverageKey;
    bool orSuggested = false;

    // The order of the list; ties (and Position) follow date, page and place on the page.
    enum class Sort
    {
        Position,
        Title,
        Page,
        Campaigns,
        Notes
    };
    Sort sort = Sort::Position;
    bool descending = false;
};

// One article found by a search.
struct SearchHit
{
    qint64 articleId = 0;
    qint64 pageId = 0;
    QString title;
    QString pageFile;
    QString snippet; // matches between kMatchStart and kMatchEnd
    double rank = 0; // position in the ranking (bm25, headline weighted up): lower is better
};

// Marks around the matched text in SearchHit::snippet (private-use characters: never in a page).
inline constexpr QChar kMatchStart(0xE000);
inline constexpr QChar kMatchEnd(0xE001);

// A search saved with its filters under a name.
struct SavedView
{
    qint64 id = 0;
    QString name;
    QString query;    // search text
    QString filter;   // "", "untagged", "suggested", "annotated" or "campaign"
    QString campaign; // with filter "campaign"
};

// What the coverage table can count by.
inline const QStringList &coverageDimensions()
{
    static const QStringList dimensions{QStringLiteral("county"), QStringLiteral("town"),
                                        QStringLiteral("unit"), QStringLiteral("month"),
                                        QStringLiteral("publication")};
    return dimensions;
}

// One cell of the coverage table: articles of one campaign under one key (a county, a town, a
// unit, a month, a publication).
struct CoverageRow
{
    QString key; // the county's or town's code, the unit, the month (YYYY-MM) or the publication;
                 // "" when unknown
    QString campaign;
    int articles = 0;  // tagged with the campaign (plus suggested ones when asked for)
    int suggested = 0; // suggested by the analysis and not (yet) tagged
};

// The library file: pages, their articles and everything people add to them. The only place
// with SQL. Every write is one transaction; nothing is written half.
class Library final
{
public:
    ~Library();
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;

    // Opens or creates the library at `path` and brings its schema up to date. A library that
    // cannot be written opens read-only (see isReadOnly()); `readOnly` asks for that explicitly.
    static Result<std::unique_ptr<Library>> open(const QString &path, bool readOnly = false);

    const QString &path() const;

    struct Added
    {
        qint64 pageId = 0;
        int articles = 0;
        bool duplicate = false; // the same bytes were imported before; nothing was added
    };
    // Adds the page, its articles and their suggestions in one transaction.
    Result<Added> addPage(const ReadPage &page);
    // Adds pages in one transaction: all of them, or none when anything fails. The search index
    // takes a batch at least as fast as page by page, and the larger the batch the closer to
    // FTS5's own 'rebuild' (Importer::kBatchCharacters).
    Result<QList<Added>> addPages(const QList<const ReadPage *> &pages);

    bool hasPage(const QByteArray &sha256);
    // The digests of every page in the library.
    QSet<QByteArray> pageDigests();
    Result<qint64> pageCount();
    Result<qint64> articleCount();
    Result<QList<ArticleSummary>> articles(const ArticleFilter &filter = {});
    Result<ArticleDetail> article(qint64 id);
    // The articles of `filter` with their county, town, unit, places and page details.
    Result<QList<ArticleRecord>> articleRecords(const ArticleFilter &filter = {});
    Result<PageDetail> page(qint64 id);

    // Articles whose text (headline, byline, body, captions) contains every term of `query` as a
    // substring after folding (width, case, traditional → simplified), and none of its -terms;
    // best first (bm25, headline weighted up). `total` gets the number of all matches; hits are
    // built for the first `limit` of them (all when 0).
    Result<QList<SearchHit>> search(const QString &query, const QString &campaign = QString(),
                                    int limit = 0, int *total = nullptr);
    // Just the ids of the matching articles, in id order: what a filter needs.
    Result<QList<qint64>> searchIds(const QString &query, const QString &campaign = QString());

    // How many articles each campaign has by `by` (one of coverageDimensions()), for one
    // campaign or all; `countSuggested` adds the suggested-but-unconfirmed ones to `articles`.
    Result<QList<CoverageRow>> coverage(const QString &by, const QString &campaign = QString(),
                                        bool countSuggested = false);

    // Finds the places and units of every article again (libraries imported before they were
    // kept, or after the gazetteer, its aliases or the unit lexicon changed), page by page, each
    // page in one transaction; a person's corrections stay. Returns the number of articles.
    Result<qint64> reanalyse(const std::function<void(qint64 done, qint64 total)> &progress = {});

    // A person's correction of an article's main county (a county code, or "" for "the city's,
    // no county"); std::nullopt gives the analysis' answer back.
    Status setCounty(qint64 articleId, const std::optional<QString> &county);
    // A person's correction of an article's unit; std::nullopt gives the suggestion back.
    Status setUnit(qint64 articleId, const std::optional<QString> &unit);
    // The unit a person typed for the article, as typed (empty when none).
    Result<QString> unitCorrection(qint64 articleId);
    // Counts `alias` as `unit` from now on (and every name merged into `alias` with it); an empty
    // `unit` undoes the merge of `alias`.
    Status mergeUnit(const QString &alias, const QString &unit);
    // The unit `alias` is merged into, or "" when it is not.
    Result<QString> unitMergedInto(const QString &alias);
    // Every unit coverage counts (merged names once), with its number of articles, most first.
    Result<QList<std::pair<QString, int>>> units();

    // Saved searches, by name.
    Result<QList<SavedView>> savedViews();
    // Saves a view under its name (an id given when an undone save is redone); returns its id.
    Result<qint64> addSavedView(const SavedView &view);
    Status removeSavedView(qint64 id);

    // The three campaigns, then the person's own tags in the order they were made.
    Result<QList<Campaign>> campaigns();

    // Edits: each one transaction, saved when it returns.
    // A tag of the person's own; returns its id (`id` given when an undone addition is redone).
    Result<QString> addTag(const QString &name, const QString &color,
                           const QString &id = QString());
    // Removes one of the person's own tags, and it from every article.
    Status removeTag(const QString &id);
    Status setCampaign(qint64 articleId, const QString &campaign, bool on,
                       TagSource source = TagSource::User);
    Status setPageDetails(qint64 pageId, const QString &publication, const QString &date,
                          const QString &pageNumber);
    Result<QList<Annotation>> annotations(qint64 articleId);
    // Adds the annotation; an id given (when an undone addition is redone) is kept.
    Result<qint64> addAnnotation(const Annotation &annotation);
    Status removeAnnotation(qint64 id);
    Status setAnnotationNote(qint64 id, const QString &note);

    // Hand corrections of the split, and the re-split, are a replacement: the articles `replaced`
    // (a run of neighbours on page `pageId`, in page order; none: added at its end) give way to
    // `articles` in one transaction, with their tags, annotations, analysis and corrections as
    // given; an id or uuid given is kept (an undo puts the old articles back as they were). With
    // `corrected` true the page counts as corrected by hand (a re-split leaves it alone), with
    // false it no longer does (an undo), without it it stays as it was. Returns
    // the ids of the stored articles, in order.
    Result<QList<qint64>> replaceArticles(qint64 pageId, const QList<qint64> &replaced,
                                          const QList<StoredArticle> &articles,
                                          std::optional<bool> corrected);
    // Whether a person corrected the page's split by hand.
    Result<bool> isPageCorrected(qint64 pageId);
    // The articles with everything kept of them, in the order of `ids`.
    Result<QList<StoredArticle>> storedArticles(const QList<qint64> &ids);
    // The article ids of a page, in page order.
    Result<QList<qint64>> pageArticleIds(qint64 pageId);
    // Every page id, in import order, with whether a person corrected its split by hand.
    Result<QList<std::pair<qint64, bool>>> pagesForResplit();
    // Where an annotation's passage was found after a person looked at it: accepting a checked
    // one, attaching an orphan to a passage again.
    Status setAnnotationAnchor(const Annotation &annotation);
    // The annotations waiting for a person: checked and orphaned ones, by article.
    Result<QList<Annotation>> annotationsToReview();

    // True when the file could not be opened for writing: every edit will fail.
    bool isReadOnly() const;

    // Backups (see Backups): the day's, when there is none yet and the library has pages and can
    // be written (what the program does on its first open of a day; any connection, a read-only
    // one too, can make it); one to a file a person names; and a restore
    // from one, after which the library is brought to the current schema. The restore returns
    // where the library as it was before was kept.
    Result<QString> dailyBackup();
    Status backupTo(const QString &file);
    Result<QString> restoreFrom(const QString &backup);
    // What SQLite's quick check found wrong with the file when it was opened ("" when nothing):
    // a damaged library opens for reading only, so nothing is written into it.
    const QString &damage() const;
    // Who the annotations this connection adds are by: the login name of the process's user.
    const QString &author() const { return m_author; }

private:
    explicit Library(std::unique_ptr<Database> db);
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
    QString m_author;
    QString m_damage;
    DocumentLengths m_lengths; // for ranking; read again whenever the library changed
};

} // namespace br
