#include "library/PgLibrary.h"

#include "library/PgDatabase.h"
#include "library/PgSchema.h"
#include "library/SearchGrams.h"
#include "library/SearchQuery.h"
#include "text/CharFold.h"

#include <algorithm>

namespace br {

using namespace Qt::StringLiterals;

PgLibrary::PgLibrary(std::unique_ptr<PgDatabase> db, LibraryLocation location)
    : SqlLibrary(nullptr, std::move(location), db->user())
{
    m_db = std::move(db);
}

Result<std::unique_ptr<Library>> PgLibrary::open(const LibraryLocation &location, bool readOnly)
{
    Result<std::unique_ptr<PgDatabase>> db = PgDatabase::open(location.text(), readOnly);
    if (!db)
        return Error{u"%1: %2"_s.arg(location.shown(), location.scrubbed(db.errorMessage()))};
    if (Status s = PgSchema::migrate(*db.value()); !s)
        return Error{u"%1: %2"_s.arg(location.shown(), location.scrubbed(s.errorMessage()))};
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
    // Many articles a statement (an import's batch): one round trip to the server, not one
    // each. The arrays are zipped row by row by unnest.
    PreparedStatement insert = m_db->prepared(
        "INSERT INTO article_search (article_id, grams, folded, head) "
        "SELECT i, g::bigint[], f, h FROM unnest(?1::bigint[], ?2::text[], ?3::text[], "
        "?4::text[]) AS t(i, g, f, h)");
    if (!articles || !insert)
        return Error{m_db->lastError()};
    std::vector<qint64> ids;
    QStringList grams;
    QStringList foldedTexts;
    QStringList heads;
    const auto flush = [&]() -> Status {
        if (ids.empty())
            return {};
        insert->reset()
            .bindUtf8(1, SearchGrams::arrayLiteral(ids))
            .bindUtf8(2, SearchGrams::arrayLiteral(grams))
            .bindUtf8(3, SearchGrams::arrayLiteral(foldedTexts))
            .bindUtf8(4, SearchGrams::arrayLiteral(heads));
        ids.clear();
        grams.clear();
        foldedTexts.clear();
        heads.clear();
        return insert->run();
    };
    constexpr size_t kArticlesAStatement = 200;
    articles->bind(1, bound);
    Statement::Step step;
    while ((step = articles->step()) == Statement::Step::Row) {
        const QString head = CharFold::fold(articles->text(1));
        const QString folded = head + u'\n' + CharFold::fold(articles->text(2));
        ids.push_back(articles->int64(0));
        grams.append(QString::fromLatin1(SearchGrams::arrayLiteral(SearchGrams::ofText(folded))));
        foldedTexts.append(folded);
        heads.append(head);
        if (ids.size() == kArticlesAStatement) {
            if (Status s = flush(); !s)
                return s.error();
        }
    }
    if (step == Statement::Step::Error)
        return Error{articles->errorMessage()};
    return flush();
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
    // A term of one or two word characters is one code: the index decides it alone, as
    // article_chars and article_fts do for the file. Longer ones, and terms with punctuation or
    // spaces, are decided by the folded text.
    const auto decidedByIndex = [](const SearchQuery::Term &term) {
        return term.exact && QStringView(term.folded).toUcs4().size() <= 2;
    };
    QStringList included;
    bool checked = false;
    for (const SearchQuery::Term &term : query.included()) {
        included.append(term.folded);
        checked = checked || !decidedByIndex(term);
    }
    QStringList excludedByIndex;
    QStringList excludedByText;
    for (const SearchQuery::Term &term : query.excluded())
        (decidedByIndex(term) ? excludedByIndex : excludedByText).append(term.folded);
    checked = checked || !excludedByText.isEmpty();
    PreparedStatement s = m_db->prepared(
        "SELECT article_id, score FROM br_search(?1::bigint[], ?2::bigint[], ?3::text[], "
        "?4::text[], ?5::text, ?6::boolean)");
    if (!s)
        return Error{m_db->lastError()};
    s->bindUtf8(1, SearchGrams::arrayLiteral(SearchGrams::ofTerms(included)))
        .bindUtf8(2, SearchGrams::arrayLiteral(SearchGrams::ofTerms(excludedByIndex)))
        .bindUtf8(3, SearchGrams::arrayLiteral(included))
        .bindUtf8(4, SearchGrams::arrayLiteral(excludedByText))
        .bind(5, campaign)
        .bindUtf8(6, checked ? "true" : "false");
    QList<Match> found;
    Statement::Step step;
    while ((step = s->step()) == Statement::Step::Row)
        found.append(Match{s->int64(0), s->real(1)});
    if (step == Statement::Step::Error)
        return Error{u"search failed: %1"_s.arg(s->errorMessage())};
    std::sort(found.begin(), found.end(),
              [](const Match &a, const Match &b) { return a.id < b.id; });
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

Result<QList<qint64>> PgLibrary::rankedIds(const SearchQuery &parsed, const QString &campaign,
                                           int limit, int *total)
{
    Result<QList<Match>> found = matching(parsed, campaign);
    if (!found)
        return found.error();
    QList<Match> &matches = found.value();
    if (total)
        *total = static_cast<int>(matches.size());
    const qsizetype shown = limit > 0 ? std::min<qsizetype>(limit, matches.size()) : matches.size();
    // The terms most often in the headline first, then page order.
    std::partial_sort(matches.begin(), matches.begin() + shown, matches.end(),
                      [](const Match &a, const Match &b) {
                          return a.score != b.score ? a.score > b.score : a.id < b.id;
                      });
    QList<qint64> order;
    for (qsizetype i = 0; i < shown; ++i)
        order.append(matches[i].id);
    return order;
}

} // namespace br
