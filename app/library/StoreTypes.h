#pragma once

// What the library keeps and hands out, whichever store holds it: the rows of pages, articles,
// tags, annotations, saved views and coverage as plain values.

#include "analysis/Agreement.h"
#include "analysis/Campaign.h"
#include "analysis/PlaceRecognizer.h"
#include "analysis/UnitRecognizer.h"
#include "text/Page.h"
#include "text/PageDetailsFinder.h"
#include "text/TextAnchor.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace br {

// Who set a campaign tag: a person, or a person accepting the analysis' suggestion.
enum class TagSource
{
    User,
    Suggestion
};

// Who made a correction, and when ("" for both in libraries made before it was kept).
struct CorrectionMark
{
    QString by;
    QString at;

    friend bool operator==(const CorrectionMark &, const CorrectionMark &) = default;
};

// One article as lists show it.
struct ArticleSummary
{
    qint64 id = 0;
    qint64 pageId = 0;
    QString pageFile;
    QString publication; // the page's, as a person set them
    QString date;
    QString pageNumber;
    int order = 0; // position on its page, from 0
    int startLine = 0;
    QString section;
    QString kicker;
    QString title;
    QStringList campaigns; // confirmed: set by a person or by accepting a suggestion
    QList<CampaignSuggestion> suggestions;
    int annotations = 0;
};

// A campaign tag on an article, with who set it and when.
struct ArticleTag
{
    QString campaign;
    TagSource source = TagSource::User;
    QString setAt;
    QString setBy; // the person; "" in libraries made before it was kept

    friend bool operator==(const ArticleTag &, const ArticleTag &) = default;
};

// Everything the library holds of one of a person's own tags: its name and colour, the articles
// that carry it (with who set it and when) and every person's judgments of it. What deleting or
// merging the tag takes away, and what its undo puts back.
struct TagRecord
{
    Campaign tag;
    QList<std::pair<qint64, ArticleTag>> articles; // by article id
    QList<Coding> codings;
};

// What merging a tag into another added to the other: the articles that came to carry it and
// the judgments that came to be of it. A merge's undo takes back just these, and nothing a
// colleague did to the tag since.
struct TagMerge
{
    QList<qint64> articles;
    QList<Coding> codings; // of the tag merged into
};

// One step of a person's coding of an article (a tag set or taken off, or the article marked
// coded) as it changed the library: what its undo needs to put back only what the step itself
// left, and nothing a colleague did since.
struct CodingStep
{
    qint64 articleId = 0;
    QString campaign;                    // the tag the step set or took off; "" for none
    std::optional<ArticleTag> tagBefore; // that tag before the step, when it was there
    std::optional<ArticleTag> tagAfter;  // and after it
    QList<Coding> ownBefore;             // the person's judgments of the article before the step
    QList<Coding> ownAfter;              // and after it
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
    QList<ArticleTag> tags;          // each of `campaigns` with who set it and when
    QStringList codedBy;             // the people who made a judgment of it (Coding), by name
    qint64 mainCounty = 0;           // gazetteer code, 0 when the story is its city's
    bool countyCorrected = false;    // mainCounty is a person's correction, not the analysis'
    qint64 countyFound = 0;          // the analysis' main county
    qint64 mainTown = 0;             // the town within mainCounty, or 0
    QString unit;                    // what coverage counts: the correction or suggestion, merged
    QString unitSuggested;           // what the analysis proposed
    bool unitCorrected = false;
    // The corrections as a person made them (nothing: none): what an edit checks it overwrites.
    std::optional<QString> countyCorrection;
    std::optional<QString> unitCorrection;
    CorrectionMark countyMark; // who corrected the county last, and when
    CorrectionMark unitMark;
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
    // Where each of the three came from: the page, its file's name or folder, or a person.
    DetailOrigin publicationFrom = DetailOrigin::None;
    DetailOrigin dateFrom = DetailOrigin::None;
    DetailOrigin pageNumberFrom = DetailOrigin::None;
    QByteArray sha256; // of the file's bytes
    qint64 byteSize = 0;
    QString importedAt;
    QString importedBy;
    CorrectionMark corrected; // who last corrected its split by hand, and when

    PageDetails details() const
    {
        return {{publication, publicationFrom}, {date, dateFrom}, {pageNumber, pageNumberFrom}};
    }
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

// Everything the library keeps of one article: what a hand correction of the split rewrites and
// what its undo puts back exactly.
struct StoredArticle
{
    qint64 id = 0; // 0: a new article, given an id when stored
    QString uuid;  // the article's stable name in exports (urn:uuid:…); "" for a new one
    Article article;
    bool headlineEdited = false; // a person set its kicker / title / subtitle / byline
    CorrectionMark headlineMark; // who last did, and when
    QList<ArticleTag> tags;
    QList<Coding> codings;         // each person's judgments; their articleId is set when stored
    QList<Annotation> annotations; // their articleId is set when stored
    ArticlePlaces places;          // what the analysis found (mentions with a code)
    UnitSuggestion unit;
    std::optional<QString> countyCorrection;
    std::optional<QString> unitCorrection;
    CorrectionMark countyMark; // who corrected the county last, and when
    CorrectionMark unitMark;
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
    QString text;      // a search query (see SearchStore::search)
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

// An article's body as the store writes it: its blocks as compact JSON and its plain text, both
// UTF-8. An import's readers make it, so that the one thread that writes only binds it.
struct StoredBody
{
    QByteArray blocksJson;
    QByteArray plainText;
    // For the search index, made by an import's readers (forImport): the head it reads (kicker,
    // title and subtitle a line each) and both texts folded ahead (PrefoldedTexts).
    QByteArray head;
    QByteArray foldedHead;
    QByteArray foldedPlainText;

    static StoredBody of(const Article &article);
    static StoredBody forImport(const Article &article);
};

} // namespace br
