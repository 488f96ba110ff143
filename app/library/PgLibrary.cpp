#include "library/PgLibrary.h"

#include "library/PgDatabase.h"
#include "library/PgSchema.h"
#include "library/SearchGrams.h"
#include "library/SearchQuery.h"
#include "text/CharFold.h"

#include <algorithm>

namespace br {

using namespace Qt::StringLiterals;

namespace {

QStringList foldedTerms(const QList<SearchQuery::Term> &terms)
{
    QStringList folded;
    for (const SearchQuery::Term &term : terms)
        folded.append(term.folded);
    return folded;
}

} // namespace

PgLibrary::PgLibrary(std::unique_ptr<PgDatabase> db, LibraryLocation location)
    : SqlLibrary(nullptr, std::move(location), db->user())
{
    m_db = std::move(db);
}

Result<std::unique_ptr<Library>> PgLibrary::open(const LibraryLocation &location, bool readOnly)
{
    Result<std::unique_ptr<PgDatabase>> db = PgDatabase::open(location.text(), readOnly);
    if (!db)
        return Error{u"%1: %2"_s.arg(location.shown(), db.errorMessage())};
    if (Status s = PgSchema::migrate(*db.value()); !s)
        return Error{u"%1: %2"_s.arg(location.shown(), s.errorMessage())};
    return std::unique_ptr<Library>(new PgLibrary(std::move(db).value(), location));
}

Result<QString> PgLibrary::dailyBackup()
{
    return QString(); // the server's own backups keep a team's library
}

Status PgLibrary::backupTo(const QString &)
{
    return Error{u"a library on a server is backed up by the server (pg_dump, or its archive); "
                 u"'bulletin-reader copy' copies it to a file"_s};
}

Result<QString> PgLibrary::restoreFrom(const QString &)
{
    return Error{u"a library on a server is restored by the server (pg_restore); "
                 u"'bulletin-reader copy' copies a file onto it"_s};
}

Status PgLibrary::indexSelected(const char *select, qint64 bound)
{
    PreparedStatement articles = m_db->prepared(select);
    PreparedStatement insert =
        m_db->prepared("INSERT INTO article_search (article_id, grams, folded, head) "
                       "VALUES (?1, ?2::bigint[], ?3, ?4)");
    if (!articles || !insert)
        return Error{m_db->lastError()};
    articles->bind(1, bound);
    Statement::Step step;
    while ((step = articles->step()) == Statement::Step::Row) {
        const QString head = CharFold::fold(articles->text(1));
        const QString folded = head + u'\n' + CharFold::fold(articles->text(2));
        insert->reset()
            .bind(1, articles->int64(0))
            .bindUtf8(2, SearchGrams::arrayLiteral(SearchGrams::ofText(folded)))
            .bind(3, folded)
            .bind(4, head);
        if (Status s = insert->run(); !s)
            return s.error();
    }
    if (step == Statement::Step::Error)
        return Error{articles->errorMessage()};
    return {};
}

Status PgLibrary::indexArticlesAbove(qint64 lastId)
{
    return indexSelected("SELECT id, head, body FROM article_text WHERE id > ?1 ORDER BY id",
                         lastId);
}

Status PgLibrary::indexArticles(const QList<qint64> &ids)
{
    // A replaced article's row left with it (ON DELETE CASCADE).
    for (const qint64 id : ids) {
        if (Status s = indexSelected("SELECT id, head, body FROM article_text WHERE id = ?1", id);
            !s)
            return s;
    }
    return {};
}

Result<QList<PgLibrary::Match>> PgLibrary::matching(const SearchQuery &query,
                                                    const QString &campaign)
{
    if (query.isEmpty())
        return QList<Match>();
    const QStringList included = foldedTerms(query.included());
    PreparedStatement s = m_db->prepared(
        "SELECT s.article_id, 4 * br_hits(s.head, ?2::text[]) + br_hits(s.folded, ?2::text[]) "
        "FROM article_search s "
        "WHERE s.grams @> ?1::bigint[] AND br_contains_all(s.folded, ?2::text[]) "
        "AND NOT br_contains_any(s.folded, ?3::text[]) "
        "AND (?4 = '' OR EXISTS (SELECT 1 FROM article_campaign c "
        "WHERE c.article_id = s.article_id AND c.campaign_id = ?4)) "
        "ORDER BY s.article_id");
    if (!s)
        return Error{m_db->lastError()};
    s->bindUtf8(1, SearchGrams::arrayLiteral(SearchGrams::ofTerms(included)))
        .bindUtf8(2, SearchGrams::arrayLiteral(included))
        .bindUtf8(3, SearchGrams::arrayLiteral(foldedTerms(query.excluded())))
        .bind(4, campaign);
    QList<Match> found;
    Statement::Step step;
    while ((step = s->step()) == Statement::Step::Row)
        found.append(Match{s->int64(0), s->real(1)});
    if (step == Statement::Step::Error)
        return Error{u"search failed: %1"_s.arg(s->errorMessage())};
    return found;
}

Result<QList<qint64>> PgLibrary::searchIds(const QString &query, const QString &campaign)
{
    const Result<QList<Match>> found = matching(SearchQuery::parse(query), campaign);
    if (!found)
        return found.error();
    QList<qint64> ids;
    ids.reserve(found->size());
    for (const Match &m : found.value())
        ids.append(m.id);
    return ids;
}

Result<QList<SearchHit>> PgLibrary::search(const QString &query, const QString &campaign, int limit,
                                           int *total)
{
    const SearchQuery parsed = SearchQuery::parse(query);
    Result<QList<Match>> found = matching(parsed, campaign);
    if (!found)
        return found.error();
    QList<Match> &matches = found.value();
    if (total)
        *total = static_cast<int>(matches.size());
    const qsizetype shown = limit > 0 ? std::min<qsizetype>(limit, matches.size()) : matches.size();
    // Most occurrences first (a headline's four times), then page order.
    std::partial_sort(matches.begin(), matches.begin() + shown, matches.end(),
                      [](const Match &a, const Match &b) {
                          return a.score != b.score ? a.score > b.score : a.id < b.id;
                      });
    QList<qint64> order;
    for (qsizetype i = 0; i < shown; ++i)
        order.append(matches[i].id);
    return hitsOf(order, parsed);
}

} // namespace br
