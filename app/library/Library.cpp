#include "library/Library.h"

#include "library/Database.h"
#include "library/Migrations.h"
#include "library/PageReader.h"
#include "text/PageJson.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace br {

using namespace Qt::StringLiterals;

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QByteArray compactJson(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace

Library::Library(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

Library::~Library() = default;

Result<std::unique_ptr<Library>> Library::open(const QString &path)
{
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db)
        return db.error();
    if (Status s = Migrations::migrate(*db.value()); !s)
        return Error{u"%1: %2"_s.arg(path, s.errorMessage())};
    return std::unique_ptr<Library>(new Library(std::move(db).value()));
}

const QString &Library::path() const
{
    return m_db->path();
}

bool Library::hasPage(const QByteArray &sha256)
{
    Statement *s = m_db->prepared("SELECT 1 FROM page WHERE sha256 = ?1");
    return s && s->bindUtf8(1, sha256).step() == Statement::Step::Row;
}

QSet<QByteArray> Library::pageDigests()
{
    QSet<QByteArray> digests;
    Statement *s = m_db->prepared("SELECT sha256 FROM page");
    while (s && s->step() == Statement::Step::Row)
        digests.insert(s->text(0).toLatin1());
    return digests;
}

Result<Library::Added> Library::addPage(const ReadPage &read)
{
    Transaction tx(*m_db);
    if (!tx.begun())
        return Error{u"the library is busy or read-only: %1"_s.arg(tx.begun().errorMessage())};
    // Checked inside the transaction, so two importers cannot both add the same page.
    if (hasPage(read.sha256))
        return Added{0, 0, true};

    Statement *page = m_db->prepared("INSERT INTO page (file_name, source_path, sha256, byte_size, "
                                     "encoding, raw_text, masthead, "
                                     "imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    Statement *article = m_db->prepared(
        "INSERT INTO article (page_id, ord, start_line, end_line, section, kicker, title, "
        "subtitle, "
        "byline, credit, blocks, plain_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
        "?11, ?12)");
    Statement *suggestion = m_db->prepared("INSERT INTO suggestion (article_id, campaign_id, "
                                           "score, evidence) VALUES (?1, ?2, ?3, ?4)");
    if (!page || !article || !suggestion)
        return Error{m_db->lastError()};

    page->bind(1, read.fileName)
        .bind(2, read.path)
        .bindUtf8(3, read.sha256)
        .bind(4, read.byteSize)
        .bind(5, read.decoded.encoding)
        .bind(6, read.decoded.text)
        .bindUtf8(7, compactJson(QJsonArray::fromStringList(read.page.masthead)))
        .bind(8, now());
    if (Status s = page->run(); !s)
        return s.error();
    const qint64 pageId = m_db->lastInsertId();
    int order = 0;
    for (const Article &a : read.page.articles) {
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
            .bindUtf8(11, compactJson(PageJson::blocksArray(a.blocks)))
            .bind(12, a.plainText());
        if (Status s = article->run(); !s)
            return s.error();
        const qint64 articleId = m_db->lastInsertId();
        for (const CampaignSuggestion &sug : a.suggestions) {
            suggestion->reset()
                .bind(1, articleId)
                .bind(2, sug.campaign)
                .bind(3, sug.score)
                .bindUtf8(4, compactJson(QJsonArray::fromStringList(sug.evidence)));
            if (Status s = suggestion->run(); !s)
                return s.error();
        }
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return Added{pageId, static_cast<int>(read.page.articles.size()), false};
}

Result<qint64> Library::count(const char *sql)
{
    Statement *s = m_db->prepared(sql);
    if (!s || s->step() != Statement::Step::Row)
        return Error{m_db->lastError()};
    return s->int64(0);
}

Result<qint64> Library::pageCount()
{
    return count("SELECT count(*) FROM page");
}

Result<qint64> Library::articleCount()
{
    return count("SELECT count(*) FROM article");
}

Result<QList<ArticleSummary>> Library::articles()
{
    Statement *s = m_db->prepared(
        "SELECT a.id, a.page_id, p.file_name, a.ord, a.start_line, a.section, a.kicker, a.title, "
        "(SELECT count(*) FROM annotation n WHERE n.article_id = a.id) "
        "FROM article a JOIN page p ON p.id = a.page_id ORDER BY p.id, a.ord");
    if (!s)
        return Error{m_db->lastError()};
    QList<ArticleSummary> list;
    QHash<qint64, qsizetype> byId;
    Statement::Step step;
    while ((step = s->step()) == Statement::Step::Row) {
        ArticleSummary a;
        a.id = s->int64(0);
        a.pageId = s->int64(1);
        a.pageFile = s->text(2);
        a.order = static_cast<int>(s->int64(3));
        a.startLine = static_cast<int>(s->int64(4));
        a.section = s->text(5);
        a.kicker = s->text(6);
        a.title = s->text(7);
        a.annotations = static_cast<int>(s->int64(8));
        byId.insert(a.id, list.size());
        list.append(std::move(a));
    }
    if (step == Statement::Step::Error)
        return Error{s->errorMessage()};

    Statement *tags = m_db->prepared(
        "SELECT article_id, campaign_id FROM article_campaign ORDER BY article_id, campaign_id");
    if (!tags)
        return Error{m_db->lastError()};
    while ((step = tags->step()) == Statement::Step::Row)
        list[byId.value(tags->int64(0))].campaigns.append(tags->text(1));
    if (step == Statement::Step::Error)
        return Error{tags->errorMessage()};

    Statement *sugs = m_db->prepared("SELECT article_id, campaign_id, score, evidence FROM "
                                     "suggestion ORDER BY article_id, score DESC");
    if (!sugs)
        return Error{m_db->lastError()};
    while ((step = sugs->step()) == Statement::Step::Row) {
        CampaignSuggestion sug;
        sug.campaign = sugs->text(1);
        sug.score = sugs->real(2);
        for (const QJsonValue &v : QJsonDocument::fromJson(sugs->text(3).toUtf8()).array())
            sug.evidence.append(v.toString());
        list[byId.value(sugs->int64(0))].suggestions.append(std::move(sug));
    }
    if (step == Statement::Step::Error)
        return Error{sugs->errorMessage()};
    return list;
}

} // namespace br
