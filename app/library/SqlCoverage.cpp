// The coverage part of the library: what the analysis found of an article's places and unit, a
// person's corrections of them, merged unit names, and the counts by county, town, unit, month
// and publication.
#include "library/CoverageSql.h"
#include "library/Database.h"
#include "library/SqlLibrary.h"
#include "library/StoreRows.h"

#include <QHash>
#include <QMap>

namespace br {

using StoreRows::now;
using StoreRows::placeCode;

using namespace Qt::StringLiterals;

Status SqlLibrary::writeAnalysis(qint64 articleId, const ArticlePlaces &places,
                                 const UnitSuggestion &unit)
{
    PreparedStatement clear = m_db->prepared("DELETE FROM article_place WHERE article_id = ?1");
    PreparedStatement main = m_db->prepared(
        "UPDATE article SET main_place = ?2, main_town = ?3, unit_suggested = ?4 WHERE id = ?1");
    if (!clear || !main)
        return Error{m_db->lastError()};
    if (Status s = clear->bind(1, articleId).run(); !s)
        return s;
    if (Status s = insertPlaces(articleId, places); !s)
        return s;
    main->bind(1, articleId)
        .bind(2, placeCode(places.mainCounty))
        .bind(3, placeCode(places.mainTown))
        .bind(4, unit.name.isNull() ? u""_s : unit.name);
    return main->run();
}

Status SqlLibrary::insertPlaces(qint64 articleId, const ArticlePlaces &places)
{
    PreparedStatement place = m_db->prepared(
        "INSERT INTO article_place (article_id, code, name, start_offset, end_offset) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!place)
        return Error{m_db->lastError()};
    for (const PlaceMention &m : places.mentions) {
        if (m.code == 0)
            continue; // ambiguous names are not counted anywhere
        place->reset()
            .bind(1, articleId)
            .bind(2, m.code)
            .bind(3, m.text)
            .bind(4, m.start)
            .bind(5, m.end);
        if (Status s = place->run(); !s)
            return s;
    }
    return {};
}

Result<QList<CoverageRow>> SqlLibrary::coverage(const QString &by, const QString &campaign,
                                                bool countSuggested)
{
    if (!coverageDimensions().contains(by)) {
        return Error{
            u"coverage by %1 is not known (%2)"_s.arg(by, coverageDimensions().join(u", "_s))};
    }
    // The articles' side first (SQLite takes a CROSS JOIN's left side as the outer loop; a
    // server plans it as any join): its columns are then read from their own index, never from
    // the article rows, which hold the text.
    PreparedStatement tagged = m_db->prepared("SELECT " BR_COVERAGE_KEY(
        "?1") " AS k, c.campaign_id, count(*) FROM article_coverage v "
              "CROSS JOIN article_campaign c WHERE c.article_id = v.article_id "
              "AND (?2 = '' OR c.campaign_id = ?2) GROUP BY k, c.campaign_id");
    PreparedStatement suggested = m_db->prepared("SELECT " BR_COVERAGE_KEY(
        "?1") " AS k, s.campaign_id, count(*) FROM article_coverage v "
              "CROSS JOIN suggestion s WHERE s.article_id = v.article_id "
              "AND (?2 = '' OR s.campaign_id = ?2) AND NOT EXISTS (SELECT 1 FROM "
              "article_campaign c "
              "WHERE c.article_id = v.article_id AND c.campaign_id = s.campaign_id) "
              "GROUP BY k, s.campaign_id");
    if (!tagged || !suggested)
        return Error{m_db->lastError()};
    QMap<std::pair<QString, QString>, CoverageRow> rows;
    const auto add = [&](Statement &s, bool isSuggestion) {
        const QString key = s.text(0);
        CoverageRow &row = rows[{key, s.text(1)}];
        row.key = key;
        row.campaign = s.text(1);
        const int n = static_cast<int>(s.int64(2));
        if (isSuggestion)
            row.suggested += n;
        if (!isSuggestion || countSuggested)
            row.articles += n;
    };
    tagged->bind(1, by).bind(2, campaign);
    while (tagged->step() == Statement::Step::Row)
        add(*tagged, false);
    suggested->bind(1, by).bind(2, campaign);
    while (suggested->step() == Statement::Step::Row)
        add(*suggested, true);
    return rows.values();
}

Status SqlLibrary::setCounty(qint64 articleId, const Correction &county,
                             const std::optional<Correction> &seen)
{
    return setCorrection(articleId, "SELECT county_override FROM article WHERE id = ?1",
                         "UPDATE article SET county_override = ?2, county_by = ?3, "
                         "county_at = ?4 WHERE id = ?1",
                         county, seen, u"county"_s);
}

Status SqlLibrary::setUnit(qint64 articleId, const Correction &unit,
                           const std::optional<Correction> &seen)
{
    return setCorrection(articleId, "SELECT unit_override FROM article WHERE id = ?1",
                         "UPDATE article SET unit_override = ?2, unit_by = ?3, unit_at = ?4 "
                         "WHERE id = ?1",
                         unit ? Correction(unit->trimmed()) : std::nullopt, seen, u"unit"_s);
}

Status SqlLibrary::setCorrection(qint64 articleId, const char *select, const char *update,
                                 const Correction &value, const std::optional<Correction> &seen,
                                 const QString &what)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    PreparedStatement current = m_db->prepared(select);
    PreparedStatement write = m_db->prepared(update);
    if (!current || !write)
        return Error{m_db->lastError()};
    if (current->bind(1, articleId).step() != Statement::Step::Row)
        return Error{u"there is no article %1 in the library"_s.arg(articleId)};
    // Checked under the writers' lock: no one can change it between this look and the write.
    if (const Correction now = StoreRows::optionalText(*current, 0); seen && now != *seen) {
        return Error{u"the %1 of article %2 was corrected elsewhere meanwhile (%3), so yours "
                     u"was not saved over it"_s.arg(what)
                         .arg(articleId)
                         .arg(now ? u"now “%1”"_s.arg(*now) : u"taken back to the analysis'"_s),
                     Error::Kind::Stale};
    }
    write->bind(1, articleId);
    if (value)
        write->bind(2, *value);
    else
        write->bindNull(2);
    write->bind(3, m_author).bind(4, now()); // who and when, a correction taken back too
    if (Status s = write->run(); !s)
        return Error{u"cannot save: %1"_s.arg(s.errorMessage())};
    return tx.commit();
}

Status SqlLibrary::mergeUnit(const QString &alias, const QString &unit)
{
    const QString from = alias.trimmed();
    const QString into = unit.trimmed();
    if (from.isEmpty() || from == into)
        return Error{u"a unit cannot be merged into itself"_s};
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    PreparedStatement remove = m_db->prepared("DELETE FROM unit_alias WHERE alias = ?1");
    // What was merged into `from` goes with it, so a merge never needs two steps to read.
    PreparedStatement follow = m_db->prepared("UPDATE unit_alias SET unit = ?2 WHERE unit = ?1");
    PreparedStatement add = m_db->prepared("INSERT INTO unit_alias (alias, unit) VALUES (?1, ?2)");
    if (!remove || !follow || !add)
        return Error{m_db->lastError()};
    if (Status s = remove->bind(1, from).run(); !s)
        return s;
    if (!into.isEmpty()) {
        if (Status s = follow->bind(1, from).bind(2, into).run(); !s)
            return s;
        // A merge the other way round before (into → from) would make a loop: it gives way.
        PreparedStatement reverse = m_db->prepared("DELETE FROM unit_alias WHERE alias = ?1");
        if (!reverse)
            return Error{m_db->lastError()};
        if (Status s = reverse->bind(1, into).run(); !s)
            return s;
        if (Status s = add->bind(1, from).bind(2, into).run(); !s)
            return s;
    }
    return tx.commit();
}

Result<QString> SqlLibrary::unitCorrection(qint64 articleId)
{
    PreparedStatement s = m_db->prepared("SELECT unit_override FROM article WHERE id = ?1");
    if (!s)
        return Error{m_db->lastError()};
    if (s->bind(1, articleId).step() == Statement::Step::Row)
        return s->text(0);
    return QString();
}

Result<QString> SqlLibrary::unitMergedInto(const QString &alias)
{
    PreparedStatement s = m_db->prepared("SELECT unit FROM unit_alias WHERE alias = ?1");
    if (!s)
        return Error{m_db->lastError()};
    if (s->bind(1, alias.trimmed()).step() == Statement::Step::Row)
        return s->text(0);
    return QString();
}

Result<QList<std::pair<QString, QString>>> SqlLibrary::unitMerges()
{
    PreparedStatement s = m_db->prepared("SELECT alias, unit FROM unit_alias ORDER BY alias");
    if (!s)
        return Error{m_db->lastError()};
    QList<std::pair<QString, QString>> merges;
    while (s->step() == Statement::Step::Row)
        merges.append({s->text(0), s->text(1)});
    return merges;
}

Status SqlLibrary::forEachArticleRecord(const ArticleFilter &filter, const RecordVisitor &each)
{
    return walkArticles(filter, true, each);
}

Result<QList<ArticleRecord>> SqlLibrary::articleRecords(const ArticleFilter &filter)
{
    return StoreRows::collect<ArticleRecord>(
        [&](const RecordVisitor &keep) { return forEachArticleRecord(filter, keep); });
}

Result<QList<std::pair<QString, int>>> SqlLibrary::units()
{
    PreparedStatement s = m_db->prepared("SELECT unit, count(*) AS n FROM article_coverage v "
                                         "WHERE unit <> '' GROUP BY unit ORDER BY n DESC, unit");
    if (!s)
        return Error{m_db->lastError()};
    QList<std::pair<QString, int>> list;
    while (s->step() == Statement::Step::Row)
        list.append({s->text(0), static_cast<int>(s->int64(1))});
    return list;
}

} // namespace br
