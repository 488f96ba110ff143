// The part of the library that rewrites articles: hand corrections of the split (merge, split,
// headline edits, moved blocks), the re-split with a newer engine, and their undo. Each is one
// replacement of a run of a page's articles by new ones, carrying everything a person added.

#include "library/Database.h"
#include "library/Migrations.h"
#include "library/SqlLibrary.h"
#include "library/StoreRows.h"
#include "text/PageJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace br {

using namespace Qt::StringLiterals;

using StoreRows::compactJson;
using StoreRows::now;

using StoreRows::optionalText;
using StoreRows::tagSourceFrom;
using StoreRows::tagSourceName;

Result<QList<qint64>> SqlLibrary::pageArticleIds(qint64 pageId)
{
    PreparedStatement s = m_db->prepared("SELECT id FROM article WHERE page_id = ?1 ORDER BY ord");
    if (!s)
        return Error{m_db->lastError()};
    s->bind(1, pageId);
    return StoreRows::idsOf(*s);
}

Result<bool> SqlLibrary::isPageCorrected(qint64 pageId)
{
    PreparedStatement s = m_db->prepared("SELECT corrected_at IS NOT NULL FROM page WHERE id = ?1");
    if (!s)
        return Error{m_db->lastError()};
    if (s->bind(1, pageId).step() != Statement::Step::Row)
        return Error{u"there is no page %1 in the library"_s.arg(pageId)};
    return s->int64(0) != 0;
}

Result<QList<std::pair<qint64, bool>>> SqlLibrary::pagesForResplit()
{
    PreparedStatement s =
        m_db->prepared("SELECT id, corrected_at IS NOT NULL FROM page ORDER BY id");
    if (!s)
        return Error{m_db->lastError()};
    QList<std::pair<qint64, bool>> pages;
    Statement::Step step;
    while ((step = s->step()) == Statement::Step::Row)
        pages.append({s->int64(0), s->int64(1) != 0});
    if (step == Statement::Step::Error)
        return Error{s->errorMessage()};
    return pages;
}

Result<QList<StoredArticle>> SqlLibrary::storedArticles(const QList<qint64> &ids)
{
    PreparedStatement row = m_db->prepared(
        "SELECT a.uuid, a.start_line, a.end_line, a.section, a.kicker, a.title, a.subtitle, "
        "a.byline, a.credit, b.blocks, a.headline_edited, a.main_place, a.main_town, "
        "a.unit_suggested, a.county_override, a.unit_override, a.county_by, a.county_at, "
        "a.unit_by, a.unit_at, a.headline_by, a.headline_at FROM article a "
        "LEFT JOIN article_body b ON b.article_id = a.id WHERE a.id = ?1");
    PreparedStatement tags = m_db->prepared("SELECT campaign_id, source, set_at, set_by FROM "
                                            "article_campaign WHERE article_id = ?1 ORDER BY 1");
    PreparedStatement places =
        m_db->prepared("SELECT code, name, start_offset, end_offset FROM article_place "
                       "WHERE article_id = ?1 ORDER BY start_offset");
    PreparedStatement sugs =
        m_db->prepared("SELECT campaign_id, score, evidence FROM suggestion WHERE article_id = ?1 "
                       "ORDER BY score DESC");
    if (!row || !tags || !places || !sugs)
        return Error{m_db->lastError()};
    QList<StoredArticle> stored;
    for (const qint64 id : ids) {
        if (row->reset().bind(1, id).step() != Statement::Step::Row)
            return Error{u"there is no article %1 in the library"_s.arg(id)};
        StoredArticle a;
        a.id = id;
        a.uuid = row->text(0);
        Article &text = a.article;
        text.startLine = static_cast<int>(row->int64(1));
        text.endLine = static_cast<int>(row->int64(2));
        text.section = row->text(3);
        text.kicker = row->text(4);
        text.title = row->text(5);
        text.subtitle = row->text(6);
        text.byline = row->text(7);
        text.credit = row->text(8);
        text.blocks =
            PageJson::blocksFromArray(QJsonDocument::fromJson(row->text(9).toUtf8()).array());
        a.headlineEdited = row->int64(10) != 0;
        a.places.mainCounty = row->text(11).toLongLong();
        a.places.mainTown = row->text(12).toLongLong();
        a.unit.name = row->text(13);
        a.countyCorrection = optionalText(*row, 14);
        a.unitCorrection = optionalText(*row, 15);
        a.countyMark = {row->text(16), row->text(17)};
        a.unitMark = {row->text(18), row->text(19)};
        a.headlineMark = {row->text(20), row->text(21)};

        tags->reset().bind(1, id);
        while (tags->step() == Statement::Step::Row) {
            a.tags.append(
                {tags->text(0), tagSourceFrom(tags->text(1)), tags->text(2), tags->text(3)});
        }
        places->reset().bind(1, id);
        while (places->step() == Statement::Step::Row) {
            PlaceMention m;
            m.code = places->int64(0);
            m.text = places->text(1);
            m.start = places->int64(2);
            m.end = places->int64(3);
            a.places.mentions.append(m);
        }
        sugs->reset().bind(1, id);
        while (sugs->step() == Statement::Step::Row)
            text.suggestions.append(StoreRows::suggestionFrom(*sugs, 0));
        Result<QList<Coding>> judged = codings(id);
        if (!judged)
            return judged.error();
        a.codings = std::move(judged).value();
        Result<QList<Annotation>> notes = annotations(id);
        if (!notes)
            return notes.error();
        a.annotations = std::move(notes).value();
        stored.append(std::move(a));
    }
    return stored;
}

Result<QList<qint64>> SqlLibrary::replaceArticles(qint64 pageId, const QList<qint64> &replaced,
                                                  const QList<StoredArticle> &articles,
                                                  std::optional<bool> corrected)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"cannot save: %1"_s.arg(tx.begun().errorMessage())};
    Result<QList<qint64>> current = pageArticleIds(pageId);
    if (!current)
        return current.error();
    const qsizetype at = replaced.isEmpty() ? current->size() : current->indexOf(replaced.front());
    if (at < 0 || current->mid(at, replaced.size()) != replaced)
        return Error{u"the articles %1 are not neighbours on page %2"_s.arg(
            [&] {
                QStringList ids;
                for (const qint64 id : replaced)
                    ids.append(QString::number(id));
                return ids.join(u", "_s);
            }(),
            QString::number(pageId))};

    PreparedStatement remove = m_db->prepared("DELETE FROM article WHERE id = ?1");
    PreparedStatement park = m_db->prepared("UPDATE article SET ord = -1 - ord WHERE page_id = ?1");
    PreparedStatement order = m_db->prepared("UPDATE article SET ord = ?2 WHERE id = ?1");
    PreparedStatement insert = m_db->prepared(
        "INSERT INTO article (id, page_id, ord, start_line, end_line, section, kicker, title, "
        "subtitle, byline, credit, uuid, headline_edited, county_override, unit_override, "
        "county_by, county_at, unit_by, unit_at, headline_by, headline_at) VALUES (?1, ?2, ?3, "
        "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)");
    PreparedStatement tag =
        m_db->prepared("INSERT INTO article_campaign (article_id, campaign_id, source, set_at, "
                       "set_by) VALUES (?1, ?2, ?3, ?4, ?5)");
    PreparedStatement articleTaken = m_db->prepared("SELECT 1 FROM article WHERE id = ?1");
    if (!remove || !park || !order || !insert || !tag || !articleTaken)
        return Error{m_db->lastError()};
    // An id given back by an undo or a redo may have been taken since by another writer (an
    // import reuses the ids of deleted rows): then the row gets a new one.
    const auto isFree = [](Statement &taken, qint64 id) {
        return id > 0 && taken.reset().bind(1, id).step() != Statement::Step::Row;
    };

    for (const qint64 id : replaced) {
        if (Status s = remove->reset().bind(1, id).run(); !s)
            return s.error();
    }
    // Out of the way of UNIQUE (page_id, ord) while the page is numbered again.
    if (Status s = park->bind(1, pageId).run(); !s)
        return s.error();
    QList<qint64> stored;
    const QString stamp = now();
    for (qsizetype i = 0; i < articles.size(); ++i) {
        const StoredArticle &a = articles[i];
        const Article &t = a.article;
        const auto bindOptional = [&](int index, const std::optional<QString> &value) {
            if (value)
                insert->bind(index, *value);
            else
                insert->bindNull(index);
        };
        const bool keepId = isFree(*articleTaken, a.id);
        insert->reset();
        if (keepId)
            insert->bind(1, a.id);
        else
            insert->bindNull(1);
        insert->bind(2, pageId)
            .bind(3, static_cast<qint64>(at + i))
            .bind(4, t.startLine)
            .bind(5, t.endLine)
            .bind(6, t.section)
            .bind(7, t.kicker)
            .bind(8, t.title)
            .bind(9, t.subtitle)
            .bind(10, t.byline)
            .bind(11, t.credit)
            .bind(12, a.uuid.isEmpty() ? Migrations::newUuid() : a.uuid)
            .bind(13, a.headlineEdited ? 1 : 0);
        bindOptional(14, a.countyCorrection);
        bindOptional(15, a.unitCorrection);
        insert->bind(16, a.countyMark.by)
            .bind(17, a.countyMark.at)
            .bind(18, a.unitMark.by)
            .bind(19, a.unitMark.at)
            .bind(20, a.headlineMark.by)
            .bind(21, a.headlineMark.at);
        if (Status s = insert->run(); !s)
            return s.error();
        const qint64 id = keepId ? a.id : m_db->lastInsertId();
        stored.append(id);
        if (Status s = insertBody(id, StoredBody::of(t)); !s)
            return s.error();
        if (Status s = writeAnalysis(id, a.places, a.unit); !s)
            return s.error();
        if (Status s = insertSuggestions(id, t.suggestions); !s)
            return s.error();
        for (const ArticleTag &tagged : a.tags) {
            tag->reset()
                .bind(1, id)
                .bind(2, tagged.campaign)
                .bind(3, tagSourceName(tagged.source))
                .bind(4, tagged.setAt.isEmpty() ? stamp : tagged.setAt)
                .bind(5, tagged.setBy); // as it was: "" stays unknown, not this connection
            if (Status s = tag->run(); !s)
                return s.error();
        }
        if (Status s = insertCodings(id, a.codings); !s)
            return s.error();
        for (const Annotation &n : a.annotations) {
            Result<qint64> noteId =
                insertAnnotation(n, id, stamp, n.updatedAt.isEmpty() ? stamp : n.updatedAt);
            if (!noteId)
                return noteId.error();
        }
    }
    QList<qint64> pageOrder = current->mid(0, at);
    pageOrder += stored;
    pageOrder += current->mid(at + replaced.size());
    for (qsizetype i = 0; i < pageOrder.size(); ++i) {
        if (Status s = order->reset().bind(1, pageOrder[i]).bind(2, static_cast<qint64>(i)).run();
            !s)
            return s.error();
    }
    if (Status s = indexArticles(stored); !s)
        return s.error();
    if (corrected) {
        PreparedStatement mark =
            m_db->prepared("UPDATE page SET corrected_at = ?2, corrected_by = ?3 WHERE id = ?1");
        if (!mark)
            return Error{m_db->lastError()};
        mark->bind(1, pageId);
        if (*corrected)
            mark->bind(2, stamp).bind(3, m_author);
        else
            mark->bindNull(2).bind(3, u""_s);
        if (Status s = mark->run(); !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return stored;
}

Status SqlLibrary::setAnnotationAnchor(const Annotation &a)
{
    return write("UPDATE annotation SET article_id = ?2, start_offset = ?3, end_offset = ?4, "
                 "quote = ?5, prefix = ?6, suffix = ?7, anchor = ?8, updated_at = ?9 WHERE id = ?1",
                 [&](Statement &s) {
                     s.bind(1, a.id)
                         .bind(2, a.articleId)
                         .bind(3, a.start)
                         .bind(4, a.end)
                         .bind(5, a.quote)
                         .bind(6, a.prefix)
                         .bind(7, a.suffix)
                         .bind(8, anchorStateName(a.anchor))
                         .bind(9, now());
                 });
}

Result<QList<Annotation>> SqlLibrary::annotationsToReview()
{
    PreparedStatement s =
        m_db->prepared("SELECT DISTINCT article_id FROM annotation WHERE anchor <> 'exact' "
                       "ORDER BY article_id");
    if (!s)
        return Error{m_db->lastError()};
    QList<qint64> articles;
    while (s->step() == Statement::Step::Row)
        articles.append(s->int64(0));
    QList<Annotation> review;
    for (const qint64 id : articles) {
        Result<QList<Annotation>> notes = annotations(id);
        if (!notes)
            return notes.error();
        for (Annotation &a : notes.value()) {
            if (a.anchor != AnchorState::Exact)
                review.append(std::move(a));
        }
    }
    return review;
}

} // namespace br
