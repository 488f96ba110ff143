#include "library/SqlLibrary.h"

#include "library/CjkTokenizer.h"

#include "library/Backups.h"
#include "library/CoverageSql.h"
#include "library/Database.h"
#include "library/LibraryFiles.h"
#include "library/Migrations.h"
#include "library/PageReader.h"
#include "library/SearchQuery.h"
#include "library/StoreRows.h"
#include "text/PageJson.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QScopeGuard>

#include <pwd.h>
#include <unistd.h>

namespace br {

using namespace Qt::StringLiterals;

using StoreRows::compactJson;
using StoreRows::now;
using StoreRows::placeCode;
using StoreRows::suggestionFrom;

SqlLibrary::SqlLibrary(std::unique_ptr<Database> db, LibraryLocation location, QString author)
    : m_db(std::move(db)), m_location(std::move(location)), m_author(std::move(author))
{
}

SqlLibrary::~SqlLibrary() = default;

bool SqlLibrary::hasPage(const QByteArray &sha256)
{
    PreparedStatement s = m_db->prepared("SELECT 1 FROM page WHERE sha256 = ?1");
    return s && s->bindUtf8(1, sha256).step() == Statement::Step::Row;
}

QSet<QByteArray> SqlLibrary::pageDigests()
{
    QSet<QByteArray> digests;
    PreparedStatement s = m_db->prepared("SELECT sha256 FROM page");
    while (s && s->step() == Statement::Step::Row)
        digests.insert(s->text(0).toLatin1());
    return digests;
}

Status SqlLibrary::foundDamaged(const QString &)
{
    return Error{u"a library on a server is not checked by this program"_s};
}

QString SqlLibrary::writeLockHolder()
{
    return m_db->writeLockHolder();
}

void SqlLibrary::setWaitCancel(const std::atomic_bool *cancel)
{
    m_db->setWaitCancel(cancel);
}

Result<QList<PageStore::Added>> SqlLibrary::addPages(const QList<const ReadPage *> &pages)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"the library is busy or read-only: %1"_s.arg(tx.begun().errorMessage()),
                     tx.begun().error().kind};
    const Result<qint64> lastBefore = count("SELECT coalesce(max(id), 0) FROM article");
    if (!lastBefore)
        return lastBefore.error();
    QList<Added> added;
    for (const ReadPage *page : pages) {
        Result<Added> stored = storePage(*page);
        if (!stored)
            return stored.error();
        added.append(stored.value());
    }
    // The search index, in the same transaction: the new articles have ids above every earlier
    // one. Their texts come folded from the readers, so this thread does not fold them again.
    PrefoldedTexts prefolded;
    for (const ReadPage *page : pages) {
        for (const StoredBody &body : page->bodies) {
            prefolded.add(body.head, body.foldedHead);
            prefolded.add(body.plainText, body.foldedPlainText);
        }
    }
    const PrefoldedTexts::Scope foldedAhead(prefolded);
    if (Status s = indexArticlesAbove(lastBefore.value()); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return added;
}

namespace {

// A page's details with their origins, from parameter `first` on (six of them).
Statement &bindPageDetails(Statement &s, int first, const PageDetails &d)
{
    return s.bind(first, d.publication.value)
        .bind(first + 1, detailOriginCode(d.publication.origin))
        .bind(first + 2, d.date.value)
        .bind(first + 3, detailOriginCode(d.date.origin))
        .bind(first + 4, d.pageNumber.value)
        .bind(first + 5, detailOriginCode(d.pageNumber.origin));
}

} // namespace

Result<PageStore::Added> SqlLibrary::storePage(const ReadPage &read)
{
    // Checked inside the transaction, so two importers cannot both add the same page.
    if (hasPage(read.sha256))
        return Added{0, 0, true};

    // RETURNING id (both engines): no second round trip to the server for each new row's id.
    PreparedStatement page =
        m_db->prepared("INSERT INTO page (file_name, source_path, sha256, byte_size, "
                       "encoding, masthead, imported_at, imported_by, publication, "
                       "publication_from, pub_date, pub_date_from, page_number, page_number_from) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                       "RETURNING id");
    PreparedStatement pageText =
        m_db->prepared("INSERT INTO page_text (page_id, raw_text) VALUES (?1, ?2)");
    // What the analysis found goes in with the article: a new one has no rows to clear.
    PreparedStatement article = m_db->prepared(
        "INSERT INTO article (page_id, ord, start_line, end_line, section, kicker, title, "
        "subtitle, byline, credit, uuid, main_place, main_town, unit_suggested) VALUES (?1, ?2, "
        "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) RETURNING id");
    if (!page || !pageText || !article)
        return Error{m_db->lastError()};

    page->bind(1, read.fileName)
        .bind(2, read.path)
        .bindUtf8(3, read.sha256)
        .bind(4, read.byteSize)
        .bind(5, read.decoded.encoding)
        .bindUtf8(6, compactJson(QJsonArray::fromStringList(read.page.masthead)))
        .bind(7, read.importedAt.isEmpty() ? now() : read.importedAt)
        .bind(8, read.importedAt.isEmpty() ? m_author : read.importedBy);
    bindPageDetails(*page, 9, read.details);
    if (page->step() != Statement::Step::Row)
        return Error{page->errorMessage()};
    const qint64 pageId = page->int64(0);
    if (Status s = pageText->bind(1, pageId).bind(2, read.decoded.text).run(); !s)
        return s.error();
    int order = 0;
    for (const Article &a : read.page.articles) {
        const qsizetype index = order;
        const bool analysed = index < read.places.size() && index < read.units.size();
        const ArticlePlaces places = analysed ? read.places[index] : ArticlePlaces();
        const UnitSuggestion unit = analysed ? read.units[index] : UnitSuggestion();
        article->reset()
            .bind(1, pageId)
            .bind(2, order++)
            .bind(3, a.startLine)
            .bind(4, a.endLine)
            .bind(5, a.section)
            .bind(6, a.kicker)
            .bind(7, a.title)
            .bind(8, a.subtitle)
            .bind(9, a.byline)
            .bind(10, a.credit)
            .bind(11, Migrations::newUuid())
            .bind(12, placeCode(places.mainCounty))
            .bind(13, placeCode(places.mainTown))
            .bind(14, unit.name.isNull() ? u""_s : unit.name);
        if (article->step() != Statement::Step::Row)
            return Error{article->errorMessage()};
        const qint64 articleId = article->int64(0);
        const bool bodyMade = index < read.bodies.size();
        if (Status s = insertBody(articleId, bodyMade ? read.bodies[index] : StoredBody::of(a)); !s)
            return s.error();
        if (Status s = insertPlaces(articleId, places); !s)
            return s.error();
        if (Status s = insertSuggestions(articleId, a.suggestions); !s)
            return s.error();
    }
    return Added{pageId, static_cast<int>(read.page.articles.size()), false};
}

Result<qint64> SqlLibrary::count(const char *sql)
{
    PreparedStatement s = m_db->prepared(sql);
    if (!s || s->step() != Statement::Step::Row)
        return Error{m_db->lastError()};
    return s->int64(0);
}

Result<qint64> SqlLibrary::pageCount()
{
    return count("SELECT count(*) FROM page");
}

Result<qint64> SqlLibrary::articleCount()
{
    return count("SELECT count(*) FROM article");
}

// The list's query: its columns, then (after the FROM) its filter and order, shared by the list
// and by the list with what the coverage knows of each article (records).
namespace {

// Ids as a JSON array, for json_each.
QByteArray jsonOfIds(const QList<qint64> &ids)
{
    QByteArray json = "[";
    json.reserve(ids.size() * 8 + 2);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            json += ',';
        json += QByteArray::number(ids[i]);
    }
    return json + ']';
}

// Binds what BR_LIST_FILTER_AND_ORDER asks of `filter` (`matchingIds`: its search's answer).
void bindFilter(Statement &s, const ArticleFilter &filter, const QByteArray &matchingIds)
{
    s.bind(1, filter.campaign)
        .bind(2, filter.untagged ? 1 : 0)
        .bind(3, filter.withSuggestions ? 1 : 0)
        .bind(4, filter.annotated ? 1 : 0)
        .bind(5, filter.text)
        .bind(6, filter.onlyId)
        .bind(7, static_cast<int>(filter.sort))
        .bind(8, filter.descending ? 1 : 0)
        .bindUtf8(9, matchingIds)
        .bind(10, filter.coverageBy)
        .bind(11, filter.coverageKey)
        .bind(12, filter.orSuggested ? 1 : 0);
}

} // namespace

#define BR_LIST_COLUMNS                                                                            \
    "SELECT a.id, a.page_id, p.file_name, a.ord, a.start_line, a.section, a.kicker, a.title, "     \
    "(SELECT count(*) FROM annotation n WHERE n.article_id = a.id), p.publication, "               \
    "p.pub_date, p.page_number "
// The sort key is bound, not spliced into the SQL: one CASE per key and direction; titles by
// pinyin, as a Chinese reader looks them up.
#define BR_LIST_FILTER_AND_ORDER                                                                   \
    "WHERE (?1 = '' OR EXISTS (SELECT 1 FROM article_campaign c WHERE c.article_id = a.id "        \
    "                          AND c.campaign_id = ?1) "                                           \
    "       OR (?12 = 1 AND EXISTS (SELECT 1 FROM suggestion g WHERE g.article_id = a.id "         \
    "                               AND g.campaign_id = ?1))) "                                    \
    "AND (?10 = '' OR a.id IN (SELECT v.article_id FROM article_coverage v "                       \
    "                          WHERE " BR_COVERAGE_KEY(                                            \
        "?10") " = ?11)) "                                                                         \
               "AND (?2 = 0 OR NOT EXISTS (SELECT 1 FROM article_campaign c WHERE c.article_id = " \
               "a.id)) "                                                                           \
               "AND (?3 = 0 OR EXISTS (SELECT 1 FROM suggestion g WHERE g.article_id = a.id)) "    \
               "AND (?4 = 0 OR EXISTS (SELECT 1 FROM annotation n WHERE n.article_id = a.id)) "    \
               "AND (?5 = '' OR a.id IN (SELECT value FROM json_each(?9))) "                       \
               "AND (?6 = 0 OR a.id = ?6) "                                                        \
               "ORDER BY "                                                                         \
               "CASE WHEN ?7 = 1 AND ?8 = 0 THEN a.title END COLLATE br_pinyin ASC, "              \
               "CASE WHEN ?7 = 1 AND ?8 = 1 THEN a.title END COLLATE br_pinyin DESC, "             \
               "CASE WHEN ?7 = 2 AND ?8 = 0 THEN p.file_name END ASC, "                            \
               "CASE WHEN ?7 = 2 AND ?8 = 1 THEN p.file_name END DESC, "                           \
               "CASE WHEN ?7 = 3 AND ?8 = 0 THEN (SELECT group_concat(campaign_id) FROM "          \
               "article_campaign c "                                                               \
               "                                  WHERE c.article_id = a.id) END ASC, "            \
               "CASE WHEN ?7 = 3 AND ?8 = 1 THEN (SELECT group_concat(campaign_id) FROM "          \
               "article_campaign c "                                                               \
               "                                  WHERE c.article_id = a.id) END DESC, "           \
               "CASE WHEN ?7 = 4 AND ?8 = 0 THEN (SELECT count(*) FROM annotation n "              \
               "                                  WHERE n.article_id = a.id) END ASC, "            \
               "CASE WHEN ?7 = 4 AND ?8 = 1 THEN (SELECT count(*) FROM annotation n "              \
               "                                  WHERE n.article_id = a.id) END DESC, "           \
               "CASE WHEN ?8 = 0 THEN p.pub_date END ASC, CASE WHEN ?8 = 1 THEN p.pub_date END "   \
               "DESC, "                                                                            \
               "CASE WHEN ?8 = 0 THEN p.id END ASC, CASE WHEN ?8 = 1 THEN p.id END DESC, a.ord"

Status SqlLibrary::forEachArticleChunk(const ArticleFilter &filter, bool withCoverage,
                                       const ChunkVisitor &each)
{
    // The order first, as ids, then the rows a chunk at a time by id, in one read transaction so
    // that the rows are those of the order. Sorting the rows themselves made SQLite's sorter
    // carry every column of 100,000 rows (to a temporary file, past its cache); the ids sort in
    // a tenth of the room.
    std::optional<ReadSnapshot> snapshot;
    if (!m_db->inTransaction()) {
        snapshot.emplace(*m_db);
        if (!snapshot->begun())
            return Error{u"cannot read the library: %1"_s.arg(snapshot->begun().errorMessage())};
    }
    const Result<QList<qint64>> ids = articleIds(filter);
    if (!ids)
        return ids.error();
    for (qsizetype from = 0; from < ids->size(); from += kListChunk) {
        Result<std::vector<ArticleRecord>> rows = rowsOf(ids->mid(from, kListChunk), withCoverage);
        if (!rows)
            return rows.error();
        const Result<bool> goOn = each(rows.value());
        if (!goOn)
            return goOn.error();
        if (!goOn.value())
            return {};
    }
    return {};
}

Result<QList<qint64>> SqlLibrary::articleIds(const ArticleFilter &filter)
{
    const Result<QByteArray> matchingIds = matchingIdsOf(filter);
    if (!matchingIds)
        return matchingIds.error();
    PreparedStatement s = m_db->prepared(
        "SELECT a.id FROM article a JOIN page p ON p.id = a.page_id " BR_LIST_FILTER_AND_ORDER);
    if (!s)
        return Error{m_db->lastError()};
    bindFilter(*s, filter, matchingIds.value());
    return StoreRows::idsOf(*s);
}

Result<QList<ArticleSummary>> SqlLibrary::articleSummaries(const QList<qint64> &ids)
{
    Result<std::vector<ArticleRecord>> rows = rowsOf(ids, false);
    if (!rows)
        return rows.error();
    QList<ArticleSummary> summaries;
    summaries.reserve(static_cast<qsizetype>(rows->size()));
    for (ArticleRecord &r : rows.value())
        summaries.append(std::move(r.summary));
    return summaries;
}

Result<std::vector<ArticleRecord>> SqlLibrary::rowsOf(const QList<qint64> &ids, bool withCoverage)
{
    static constexpr const char *kList =
        BR_LIST_COLUMNS "FROM article a JOIN page p ON p.id = a.page_id "
                        "WHERE a.id IN (SELECT value FROM json_each(?1))";
    static constexpr const char *kRecords = BR_LIST_COLUMNS
        ", v.county, v.town, v.unit, "
        "(SELECT group_concat(name, '; ') FROM (SELECT name FROM article_place ap "
        " WHERE ap.article_id = a.id GROUP BY name ORDER BY min(start_offset)) AS d) "
        "FROM article a JOIN page p ON p.id = a.page_id "
        "JOIN article_coverage v ON v.article_id = a.id "
        "WHERE a.id IN (SELECT value FROM json_each(?1))";
    PreparedStatement s = m_db->prepared(withCoverage ? kRecords : kList);
    if (!s)
        return Error{m_db->lastError()};
    s->bindUtf8(1, jsonOfIds(ids));
    QHash<qint64, ArticleRecord> byId;
    byId.reserve(ids.size());
    const Status read = walkRows(*s, withCoverage, [&](std::vector<ArticleRecord> &chunk) {
        for (ArticleRecord &r : chunk) {
            const qint64 id = r.summary.id;
            byId.insert(id, std::move(r));
        }
        return Result<bool>(true);
    });
    if (!read)
        return read.error();
    std::vector<ArticleRecord> ordered;
    ordered.reserve(static_cast<size_t>(byId.size()));
    for (const qint64 id : ids) {
        if (auto found = byId.find(id); found != byId.end())
            ordered.push_back(std::move(found.value()));
    }
    return ordered;
}

Result<QByteArray> SqlLibrary::matchingIdsOf(const ArticleFilter &filter)
{
    // The text filter is a search (folded, every term, -exclusions), answered by the index.
    if (filter.text.isEmpty())
        return QByteArray("[]");
    Result<QList<qint64>> ids = searchIds(filter.text);
    if (!ids)
        return ids.error();
    return jsonOfIds(ids.value());
}

Status SqlLibrary::walkRows(Statement &rows, bool withCoverage, const ChunkVisitor &each)
{
    Statement *s = &rows;
    // Tags and suggestions are read for a chunk at a time, by id.
    PreparedStatement tags = m_db->prepared(
        "SELECT article_id, campaign_id FROM article_campaign "
        "WHERE article_id IN (SELECT value FROM json_each(?1)) ORDER BY article_id, campaign_id");
    PreparedStatement sugs = m_db->prepared(
        "SELECT article_id, campaign_id, score, evidence FROM suggestion "
        "WHERE article_id IN (SELECT value FROM json_each(?1)) ORDER BY article_id, score DESC");
    if (!tags || !sugs)
        return Error{m_db->lastError()};
    // A walk ended early (by the visitor or an error) leaves no statement open: an open one would
    // keep its read, and so an old snapshot, on this connection.
    const auto closeStatements = qScopeGuard([&] {
        s->reset();
        tags->reset();
        sugs->reset();
    });
    std::vector<ArticleRecord> chunk;
    chunk.reserve(static_cast<size_t>(kListChunk));
    // The chunk's tags and suggestions added, and the chunk given to `each`: false when it
    // ended the walk.
    const auto complete = [&]() -> Result<bool> {
        QHash<qint64, size_t> byId;
        QList<qint64> chunkIds;
        chunkIds.reserve(static_cast<qsizetype>(chunk.size()));
        for (size_t i = 0; i < chunk.size(); ++i) {
            byId.insert(chunk[i].summary.id, i);
            chunkIds.append(chunk[i].summary.id);
        }
        const QByteArray ids = jsonOfIds(chunkIds);
        Statement::Step step;
        tags->reset().bindUtf8(1, ids);
        while ((step = tags->step()) == Statement::Step::Row)
            chunk[byId.value(tags->int64(0))].summary.campaigns.append(tags->text(1));
        if (step == Statement::Step::Error)
            return Error{tags->errorMessage()};
        sugs->reset().bindUtf8(1, ids);
        while ((step = sugs->step()) == Statement::Step::Row)
            chunk[byId.value(sugs->int64(0))].summary.suggestions.append(suggestionFrom(*sugs, 1));
        if (step == Statement::Step::Error)
            return Error{sugs->errorMessage()};
        Result<bool> goOn = each(chunk);
        chunk.clear();
        return goOn;
    };
    Statement::Step step;
    while ((step = s->step()) == Statement::Step::Row) {
        ArticleRecord r;
        ArticleSummary &a = r.summary;
        a.id = s->int64(0);
        a.pageId = s->int64(1);
        a.pageFile = s->text(2);
        a.order = static_cast<int>(s->int64(3));
        a.startLine = static_cast<int>(s->int64(4));
        a.section = s->text(5);
        a.kicker = s->text(6);
        a.title = s->text(7);
        a.annotations = static_cast<int>(s->int64(8));
        a.publication = s->text(9);
        a.date = s->text(10);
        a.pageNumber = s->text(11);
        if (withCoverage) {
            r.county = s->text(12);
            r.town = s->text(13);
            r.unit = s->text(14);
            if (const QString places = s->text(15); !places.isEmpty())
                r.places = places.split(u"; "_s);
            r.publication = a.publication;
            r.date = a.date;
            r.pageNumber = a.pageNumber;
        }
        chunk.push_back(std::move(r));
        if (static_cast<qsizetype>(chunk.size()) < kListChunk)
            continue;
        const Result<bool> goOn = complete();
        if (!goOn)
            return goOn.error();
        if (!goOn.value())
            return {};
    }
    if (step == Statement::Step::Error)
        return Error{s->errorMessage()};
    if (chunk.empty())
        return {};
    const Result<bool> last = complete();
    return last ? Status{} : Status{last.error()};
}

Status SqlLibrary::walkArticles(const ArticleFilter &filter, bool withCoverage,
                                const RecordVisitor &each)
{
    return forEachArticleChunk(filter, withCoverage,
                               [&](std::vector<ArticleRecord> &chunk) -> Result<bool> {
                                   for (ArticleRecord &r : chunk) {
                                       if (!each(r))
                                           return false;
                                   }
                                   return true;
                               });
}

Status SqlLibrary::forEachArticle(const ArticleFilter &filter, const SummaryVisitor &each)
{
    return walkArticles(filter, false, [&](ArticleRecord &r) { return each(r.summary); });
}

Result<QList<ArticleSummary>> SqlLibrary::articles(const ArticleFilter &filter)
{
    return StoreRows::collect<ArticleSummary>(
        [&](const SummaryVisitor &keep) { return forEachArticle(filter, keep); });
}

Result<ArticleDetail> SqlLibrary::article(qint64 id)
{
    PreparedStatement s = m_db->prepared(
        "SELECT a.page_id, a.ord, a.start_line, a.end_line, a.section, a.kicker, a.title, "
        "a.subtitle, a.byline, a.credit, b.blocks FROM article a "
        "LEFT JOIN article_body b ON b.article_id = a.id WHERE a.id = ?1");
    if (!s)
        return Error{m_db->lastError()};
    if (s->bind(1, id).step() != Statement::Step::Row)
        return Error{u"there is no article %1 in the library"_s.arg(id)};
    ArticleDetail d;
    d.id = id;
    d.pageId = s->int64(0);
    d.order = static_cast<int>(s->int64(1));
    d.startLine = static_cast<int>(s->int64(2));
    d.endLine = static_cast<int>(s->int64(3));
    Article &a = d.article;
    a.startLine = d.startLine;
    a.endLine = d.endLine;
    a.section = s->text(4);
    a.kicker = s->text(5);
    a.title = s->text(6);
    a.subtitle = s->text(7);
    a.byline = s->text(8);
    a.credit = s->text(9);
    a.blocks = PageJson::blocksFromArray(QJsonDocument::fromJson(s->text(10).toUtf8()).array());

    PreparedStatement tags = m_db->prepared("SELECT campaign_id, source, set_at, set_by FROM "
                                            "article_campaign WHERE article_id = ?1 "
                                            "ORDER BY campaign_id");
    PreparedStatement sugs =
        m_db->prepared("SELECT campaign_id, score, evidence FROM suggestion WHERE "
                       "article_id = ?1 ORDER BY score DESC");
    if (!tags || !sugs)
        return Error{m_db->lastError()};
    tags->bind(1, id);
    while (tags->step() == Statement::Step::Row) {
        d.campaigns.append(tags->text(0));
        if (StoreRows::tagSourceFrom(tags->text(1)) == TagSource::Suggestion)
            d.acceptedSuggestions.append(tags->text(0));
        d.tags.append(ArticleTag{tags->text(0), StoreRows::tagSourceFrom(tags->text(1)),
                                 tags->text(2), tags->text(3)});
    }
    sugs->bind(1, id);
    while (sugs->step() == Statement::Step::Row)
        a.suggestions.append(suggestionFrom(*sugs, 0));
    PreparedStatement coders =
        m_db->prepared("SELECT DISTINCT coder FROM coding WHERE article_id = ?1 ORDER BY coder");
    if (!coders)
        return Error{m_db->lastError()};
    coders->bind(1, id);
    while (coders->step() == Statement::Step::Row)
        d.codedBy.append(coders->text(0));
    PreparedStatement places =
        // Each place once, named as first printed. The unary plus keeps the planner from
        // answering the inner query by the code's index (every mention of 聊城 in the library:
        // 0.7 s an article at 100,000 articles) instead of the article's few mentions.
        m_db->prepared("SELECT p.name, p.code FROM article_place p WHERE p.article_id = ?1 "
                       "AND p.start_offset = (SELECT min(q.start_offset) FROM article_place q "
                       "WHERE q.article_id = p.article_id AND +q.code = p.code) "
                       "ORDER BY p.start_offset");
    PreparedStatement coverage = m_db->prepared(
        "SELECT v.county, v.town, v.unit, a.unit_suggested, a.county_override IS NOT NULL, "
        "a.unit_override IS NOT NULL, a.main_place, a.county_override, a.unit_override, "
        "a.county_by, a.county_at, a.unit_by, a.unit_at "
        "FROM article_coverage v JOIN article a ON a.id = v.article_id WHERE v.article_id = ?1");
    if (!places || !coverage)
        return Error{m_db->lastError()};
    places->bind(1, id);
    while (places->step() == Statement::Step::Row)
        d.places.append({places->text(0), places->int64(1)});
    if (coverage->bind(1, id).step() == Statement::Step::Row) {
        d.mainCounty = coverage->text(0).toLongLong();
        d.mainTown = coverage->text(1).toLongLong();
        d.unit = coverage->text(2);
        d.unitSuggested = coverage->text(3);
        d.countyCorrected = coverage->int64(4) != 0;
        d.unitCorrected = coverage->int64(5) != 0;
        d.countyFound = coverage->text(6).toLongLong();
        d.countyCorrection = StoreRows::optionalText(*coverage, 7);
        d.unitCorrection = StoreRows::optionalText(*coverage, 8);
        d.countyMark = {coverage->text(9), coverage->text(10)};
        d.unitMark = {coverage->text(11), coverage->text(12)};
    }
    return d;
}

Result<PageDetail> SqlLibrary::page(qint64 id)
{
    PreparedStatement s = m_db->prepared(
        "SELECT p.file_name, p.source_path, p.encoding, t.raw_text, p.masthead, p.publication, "
        "p.pub_date, p.page_number, p.sha256, p.byte_size, p.imported_at, p.imported_by, "
        "p.corrected_by, coalesce(p.corrected_at, ''), p.publication_from, p.pub_date_from, "
        "p.page_number_from FROM page p "
        "LEFT JOIN page_text t ON t.page_id = p.id WHERE p.id = ?1");
    if (!s)
        return Error{m_db->lastError()};
    if (s->bind(1, id).step() != Statement::Step::Row)
        return Error{u"there is no page %1 in the library"_s.arg(id)};
    PageDetail p;
    p.id = id;
    p.fileName = s->text(0);
    p.sourcePath = s->text(1);
    p.encoding = s->text(2);
    p.rawText = s->text(3);
    for (const QJsonValue &v : QJsonDocument::fromJson(s->text(4).toUtf8()).array())
        p.masthead.append(v.toString());
    p.publication = s->text(5);
    p.date = s->text(6);
    p.pageNumber = s->text(7);
    p.publicationFrom = detailOriginFromCode(s->text(14));
    p.dateFrom = detailOriginFromCode(s->text(15));
    p.pageNumberFrom = detailOriginFromCode(s->text(16));
    p.sha256 = s->text(8).toLatin1();
    p.byteSize = s->int64(9);
    p.importedAt = s->text(10);
    p.importedBy = s->text(11);
    p.corrected = {s->text(12), s->text(13)};
    return p;
}

Status SqlLibrary::write(const char *sql, const std::function<void(Statement &)> &bind)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    PreparedStatement s = m_db->prepared(sql);
    if (!s)
        return Error{m_db->lastError()};
    bind(*s);
    if (Status st = s->run(); !st)
        return Error{u"cannot save: %1"_s.arg(st.errorMessage())};
    return tx.commit();
}

Status SqlLibrary::storeAnalysis(const QList<ArticleAnalysis> &found)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    for (const ArticleAnalysis &analysis : found) {
        if (Status s = writeAnalysis(analysis.articleId, analysis.places, analysis.unit); !s)
            return s.error();
    }
    return tx.commit();
}

Result<QList<SavedView>> SqlLibrary::savedViews()
{
    PreparedStatement s =
        m_db->prepared("SELECT id, name, query, filter, campaign FROM saved_view ORDER BY name");
    if (!s)
        return Error{m_db->lastError()};
    QList<SavedView> views;
    while (s->step() == Statement::Step::Row)
        views.append(SavedView{s->int64(0), s->text(1), s->text(2), s->text(3), s->text(4)});
    return views;
}

Result<qint64> SqlLibrary::addSavedView(const SavedView &view)
{
    const QString name = view.name.trimmed();
    if (name.isEmpty())
        return Error{u"a saved search needs a name"_s};
    Status st = write("INSERT INTO saved_view (id, name, query, filter, campaign, created_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                      [&](Statement &s) {
                          if (view.id > 0)
                              s.bind(1, view.id);
                          else
                              s.bindNull(1);
                          s.bind(2, name)
                              .bind(3, view.query)
                              .bind(4, view.filter)
                              .bind(5, view.campaign)
                              .bind(6, now());
                      });
    if (!st) {
        // SQLite says UNIQUE, PostgreSQL "duplicate key".
        return Error{st.errorMessage().contains(u"UNIQUE"_s) ||
                             st.errorMessage().contains(u"duplicate key"_s)
                         ? u"there is a saved search called %1 already"_s.arg(name)
                         : st.errorMessage()};
    }
    return view.id > 0 ? view.id : m_db->lastInsertId();
}

Status SqlLibrary::removeSavedView(qint64 id)
{
    return write("DELETE FROM saved_view WHERE id = ?1", [&](Statement &s) { s.bind(1, id); });
}

Result<QList<Campaign>> SqlLibrary::campaigns()
{
    PreparedStatement s = m_db->prepared(
        "SELECT id, name_zh, name_en, color, builtin FROM campaign ORDER BY builtin DESC, rowid");
    if (!s)
        return Error{m_db->lastError()};
    QList<Campaign> builtin = builtinCampaigns();
    QList<Campaign> own;
    while (s->step() == Statement::Step::Row) {
        if (s->int64(4) == 0)
            own.append(Campaign{s->text(0), s->text(1), s->text(2), s->text(3)});
    }
    return builtin + own;
}

Result<QString> SqlLibrary::addTag(const QString &name, const QString &color, const QString &id)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error{u"a tag needs a name"_s};
    const Result<QList<Campaign>> existing = campaigns();
    if (!existing)
        return existing.error();
    for (const Campaign &c : existing.value()) {
        if (c.nameZh == trimmed || c.nameEn == trimmed)
            return Error{u"there is a tag called %1 already"_s.arg(trimmed)};
    }
    // Ids of the person's tags are "tag-N": stable, and never taken for a campaign's.
    QString tagId = id;
    if (tagId.isEmpty()) {
        PreparedStatement next = m_db->prepared(
            "SELECT coalesce(max(CAST(substr(id, 5) AS INTEGER)), 0) + 1 FROM campaign "
            "WHERE id LIKE 'tag-%'");
        if (!next || next->step() != Statement::Step::Row)
            return Error{m_db->lastError()};
        tagId = u"tag-%1"_s.arg(next->int64(0));
    }
    Status st = write("INSERT INTO campaign (id, name_zh, name_en, color, builtin) "
                      "VALUES (?1, ?2, ?2, ?3, 0)",
                      [&](Statement &st2) { st2.bind(1, tagId).bind(2, trimmed).bind(3, color); });
    if (!st)
        return st.error();
    return tagId;
}

Status SqlLibrary::removeTag(const QString &id)
{
    for (const Campaign &c : builtinCampaigns()) {
        if (c.id == id)
            return Error{u"the campaign %1 is built in and cannot be removed"_s.arg(c.nameZh)};
    }
    return write("DELETE FROM campaign WHERE id = ?1 AND builtin = 0",
                 [&](Statement &s) { s.bind(1, id); });
}

// A tag already there keeps who set it first; the person's own judgment goes to `coding`.
Status SqlLibrary::setCampaign(qint64 articleId, const QString &campaign, bool on, TagSource source)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    PreparedStatement s =
        on ? m_db->prepared(
                 "INSERT INTO article_campaign (article_id, campaign_id, source, set_at, set_by) "
                 "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (article_id, campaign_id) DO NOTHING")
           : m_db->prepared(
                 "DELETE FROM article_campaign WHERE article_id = ?1 AND campaign_id = ?2");
    if (!s)
        return Error{m_db->lastError()};
    s->bind(1, articleId).bind(2, campaign);
    if (on) {
        s->bind(3, StoreRows::tagSourceName(source)).bind(4, now()).bind(5, m_author);
    }
    if (Status st = s->run(); !st)
        return Error{u"cannot save: %1"_s.arg(st.errorMessage())};
    if (Status st = writeOwnCoding(articleId, campaign, on); !st)
        return Error{u"cannot save: %1"_s.arg(st.errorMessage())};
    return tx.commit();
}

Status SqlLibrary::setPageCorrected(qint64 pageId, const CorrectionMark &mark)
{
    return write(
        "UPDATE page SET corrected_at = ?2, corrected_by = ?3 WHERE id = ?1", [&](Statement &s) {
            s.bind(1, pageId).bind(2, mark.at.isEmpty() ? now() : mark.at).bind(3, mark.by);
        });
}

Status SqlLibrary::setPagesDetails(const QList<std::pair<qint64, PageDetails>> &pages)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    PreparedStatement s =
        m_db->prepared("UPDATE page SET publication = ?2, publication_from = ?3, pub_date = ?4, "
                       "pub_date_from = ?5, page_number = ?6, page_number_from = ?7 WHERE id = ?1");
    if (!s)
        return Error{m_db->lastError()};
    for (const auto &[pageId, d] : pages) {
        bindPageDetails(s->reset().bind(1, pageId), 2, d);
        if (Status st = s->run(); !st)
            return Error{u"cannot save: %1"_s.arg(st.errorMessage())};
    }
    return tx.commit();
}

Result<QList<Annotation>> SqlLibrary::annotations(qint64 articleId)
{
    PreparedStatement s = m_db->prepared(
        "SELECT id, start_offset, end_offset, quote, prefix, suffix, note, color, created_at, "
        "updated_at, anchor, uuid, author FROM annotation WHERE article_id = ?1 "
        "ORDER BY start_offset, id");
    if (!s)
        return Error{m_db->lastError()};
    s->bind(1, articleId);
    QList<Annotation> list;
    Statement::Step step;
    while ((step = s->step()) == Statement::Step::Row) {
        Annotation a;
        a.id = s->int64(0);
        a.articleId = articleId;
        a.start = static_cast<int>(s->int64(1));
        a.end = static_cast<int>(s->int64(2));
        a.quote = s->text(3);
        a.prefix = s->text(4);
        a.suffix = s->text(5);
        a.note = s->text(6);
        a.color = s->text(7);
        a.createdAt = s->text(8);
        a.updatedAt = s->text(9);
        a.anchor = anchorStateFromName(s->text(10));
        a.uuid = s->text(11);
        a.author = s->text(12);
        list.append(std::move(a));
    }
    if (step == Statement::Step::Error)
        return Error{s->errorMessage()};
    return list;
}

Result<qint64> SqlLibrary::addAnnotation(const Annotation &a)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    const QString stamp = now();
    Result<qint64> id = insertAnnotation(a, a.articleId, stamp, stamp);
    if (!id)
        return Error{u"cannot save: %1"_s.arg(id.errorMessage())};
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Status SqlLibrary::insertBody(qint64 articleId, const StoredBody &body)
{
    PreparedStatement insert = m_db->prepared(
        "INSERT INTO article_body (article_id, blocks, plain_text) VALUES (?1, ?2, ?3)");
    if (!insert)
        return Error{m_db->lastError()};
    return insert->bind(1, articleId)
        .bindUtf8(2, body.blocksJson)
        .bindUtf8(3, body.plainText)
        .run();
}

Status SqlLibrary::insertSuggestions(qint64 articleId, const QList<CampaignSuggestion> &suggestions)
{
    PreparedStatement insert =
        m_db->prepared("INSERT INTO suggestion (article_id, campaign_id, score, evidence) VALUES "
                       "(?1, ?2, ?3, ?4)");
    if (!insert)
        return Error{m_db->lastError()};
    for (const CampaignSuggestion &sug : suggestions) {
        insert->reset()
            .bind(1, articleId)
            .bind(2, sug.campaign)
            .bind(3, sug.score)
            .bindUtf8(4, compactJson(QJsonArray::fromStringList(sug.evidence)));
        if (Status s = insert->run(); !s)
            return s;
    }
    return {};
}

Result<qint64> SqlLibrary::insertAnnotation(const Annotation &a, qint64 articleId,
                                            const QString &createdAt, const QString &updatedAt)
{
    PreparedStatement taken = m_db->prepared("SELECT 1 FROM annotation WHERE id = ?1");
    PreparedStatement insert = m_db->prepared(
        "INSERT INTO annotation (id, article_id, start_offset, end_offset, quote, prefix, suffix, "
        "note, color, created_at, updated_at, anchor, uuid, author) VALUES (?1, ?2, ?3, ?4, ?5, "
        "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    if (!taken || !insert)
        return Error{m_db->lastError()};
    // An id given back by an undo or a redo may have been taken since by another writer (rowids
    // of deleted rows are used again): then the annotation gets a new one.
    const bool keepId = a.id > 0 && taken->bind(1, a.id).step() != Statement::Step::Row;
    if (keepId)
        insert->bind(1, a.id);
    else
        insert->bindNull(1);
    insert->bind(2, articleId)
        .bind(3, a.start)
        .bind(4, a.end)
        .bind(5, a.quote)
        .bind(6, a.prefix)
        .bind(7, a.suffix)
        .bind(8, a.note)
        .bind(9, a.color)
        .bind(10, a.createdAt.isEmpty() ? createdAt : a.createdAt)
        .bind(11, updatedAt)
        .bind(12, anchorStateName(a.anchor))
        .bind(13, a.uuid.isEmpty() ? Migrations::newUuid() : a.uuid)
        .bind(14, a.author.isEmpty() ? m_author : a.author);
    if (Status s = insert->run(); !s)
        return s.error();
    return keepId ? a.id : m_db->lastInsertId();
}

Status SqlLibrary::removeAnnotation(qint64 id)
{
    return write("DELETE FROM annotation WHERE id = ?1", [&](Statement &s) { s.bind(1, id); });
}

Status SqlLibrary::setAnnotationNote(qint64 id, const QString &note,
                                     const std::optional<QString> &seen)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    PreparedStatement current =
        m_db->prepared("SELECT note, updated_at FROM annotation WHERE id = ?1");
    if (!current)
        return Error{m_db->lastError()};
    if (current->bind(1, id).step() != Statement::Step::Row)
        return Error{u"the highlight was removed meanwhile; the note was not saved"_s,
                     Error::Kind::Stale};
    // Checked under the writers' lock: no one can change it between this look and the write.
    if (seen && current->text(0) != *seen)
        return Error{u"the note was changed elsewhere meanwhile (at %1), so yours was not saved "
                     u"over it; it now reads: %2"_s.arg(current->text(1), current->text(0)),
                     Error::Kind::Stale};
    PreparedStatement update =
        m_db->prepared("UPDATE annotation SET note = ?2, updated_at = ?3 WHERE id = ?1");
    if (!update)
        return Error{m_db->lastError()};
    if (Status s = update->bind(1, id).bind(2, note).bind(3, now()).run(); !s)
        return s.error();
    return tx.commit();
}

namespace {

class TransactionBatch final : public Library::Batch
{
public:
    explicit TransactionBatch(Database &db) : m_transaction(db) {}
    const Status &begun() const { return m_transaction.begun(); }
    Status commit() override { return m_transaction.commit(); }

private:
    Transaction m_transaction;
};

class SnapshotOf final : public Library::Snapshot
{
public:
    explicit SnapshotOf(Database &db) : m_snapshot(db) {}
    const Status &begun() const { return m_snapshot.begun(); }

private:
    ReadSnapshot m_snapshot;
};

} // namespace

Result<std::unique_ptr<Library::Snapshot>> SqlLibrary::beginSnapshot()
{
    auto snapshot = std::make_unique<SnapshotOf>(*m_db);
    if (!snapshot->begun())
        return Error{u"cannot read the library: %1"_s.arg(snapshot->begun().errorMessage())};
    return std::unique_ptr<Snapshot>(std::move(snapshot));
}

Result<std::unique_ptr<Library::Batch>> SqlLibrary::beginBatch()
{
    auto batch = std::make_unique<TransactionBatch>(*m_db);
    if (!batch->begun())
        return Error{u"cannot save: %1"_s.arg(batch->begun().errorMessage())};
    return std::unique_ptr<Batch>(std::move(batch));
}

Result<qint64> SqlLibrary::changesByOthers()
{
    return m_db->changesByOthers();
}

bool SqlLibrary::isReadOnly() const
{
    // Damage found after opening makes it read only even where no read-only connection could be
    // had for it.
    return m_db->isReadOnly() || !m_damage.isEmpty();
}

Result<QList<SearchHit>> SqlLibrary::search(const QString &query, const QString &campaign,
                                            int limit, int *total)
{
    QList<SearchHit> hits;
    const Status made = forEachHit(query, campaign, limit, total, [&](SearchHit &hit) {
        hits.append(std::move(hit));
        return true;
    });
    if (!made)
        return made.error();
    return hits;
}

Status SqlLibrary::forEachHit(const QString &query, const QString &campaign, int limit, int *total,
                              const HitVisitor &each)
{
    // The order is a number a match (a few MB for a million); the hits, with their titles and
    // snippets, are made a few hundred at a time.
    constexpr qsizetype kHitsAtOnce = 500;
    const SearchQuery parsed = SearchQuery::parse(query);
    const Result<QList<qint64>> order = rankedIds(parsed, campaign, limit, total);
    if (!order)
        return order.error();
    qsizetype made = 0;
    for (qsizetype from = 0; from < order->size(); from += kHitsAtOnce) {
        Result<QList<SearchHit>> hits = hitsOf(order->mid(from, kHitsAtOnce), parsed, made);
        if (!hits)
            return hits.error();
        made += hits->size();
        for (SearchHit &hit : hits.value()) {
            if (!each(hit))
                return {};
        }
    }
    return {};
}

Result<QList<SearchHit>> SqlLibrary::hitsOf(const QList<qint64> &order, const SearchQuery &query,
                                            qsizetype firstRank)
{
    PreparedStatement info =
        m_db->prepared("SELECT a.page_id, a.title, p.file_name, b.plain_text FROM article a "
                       "JOIN page p ON p.id = a.page_id "
                       "LEFT JOIN article_body b ON b.article_id = a.id WHERE a.id = ?1");
    if (!info)
        return Error{m_db->lastError()};
    QList<SearchHit> hits;
    for (const qint64 id : std::as_const(order)) {
        SearchHit hit;
        hit.articleId = id;
        info->reset().bind(1, hit.articleId);
        if (info->step() != Statement::Step::Row)
            continue;
        hit.pageId = info->int64(0);
        hit.title = info->text(1);
        hit.pageFile = info->text(2);
        // Made here rather than by FTS5's snippet(): one pass over one text, and it marks exactly
        // the substrings the search matched.
        hit.snippet = query.snippet(info->text(3), kMatchStart, kMatchEnd);
        hit.rank = static_cast<double>(firstRank + hits.size());
        hits.append(std::move(hit));
    }
    return hits;
}

} // namespace br
