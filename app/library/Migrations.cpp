#include "library/Migrations.h"

#include "analysis/Campaign.h"
#include "library/SqliteDatabase.h"
#include "text/CodePoints.h"
#include "text/PageDetailsFinder.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QUuid>

#include <array>

namespace br::Migrations {
namespace {

using namespace Qt::StringLiterals;

// Version 1: pages, their articles, campaigns and the analysis' suggestions.
constexpr const char *kVersion1 = R"sql(
CREATE TABLE page (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT NOT NULL,
    source_path TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    byte_size   INTEGER NOT NULL,
    encoding    TEXT NOT NULL,
    raw_text    TEXT NOT NULL,
    masthead    TEXT NOT NULL DEFAULT '[]',
    publication TEXT NOT NULL DEFAULT '',
    pub_date    TEXT NOT NULL DEFAULT '',
    page_number TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);
CREATE TABLE article (
    id         INTEGER PRIMARY KEY,
    page_id    INTEGER NOT NULL REFERENCES page(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    start_line INTEGER NOT NULL,
    end_line   INTEGER NOT NULL,
    section    TEXT NOT NULL DEFAULT '',
    kicker     TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    subtitle   TEXT NOT NULL DEFAULT '',
    byline     TEXT NOT NULL DEFAULT '',
    credit     TEXT NOT NULL DEFAULT '',
    blocks     TEXT NOT NULL DEFAULT '[]',
    plain_text TEXT NOT NULL DEFAULT '',
    UNIQUE (page_id, ord)
);
CREATE TABLE campaign (
    id      TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    color   TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE suggestion (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    campaign_id TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    score       REAL NOT NULL,
    evidence    TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, campaign_id)
) WITHOUT ROWID;
)sql";

// Version 2: what the reader writes — tags (campaigns set by a person or by accepting a
// suggestion), annotations with position and quote selectors, the article's place and unit.
constexpr const char *kVersion2 = R"sql(
ALTER TABLE article ADD COLUMN main_place TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN unit TEXT NOT NULL DEFAULT '';
ALTER TABLE suggestion ADD COLUMN accepted_at TEXT;
CREATE TABLE article_campaign (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    campaign_id TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    source      TEXT NOT NULL CHECK (source IN ('user', 'suggestion')),
    set_at      TEXT NOT NULL,
    PRIMARY KEY (article_id, campaign_id)
) WITHOUT ROWID;
CREATE INDEX article_campaign_by_campaign ON article_campaign(campaign_id);
CREATE TABLE annotation (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL CHECK (end_offset >= start_offset),
    quote        TEXT NOT NULL,
    prefix       TEXT NOT NULL DEFAULT '',
    suffix       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    color        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX annotation_by_article ON annotation(article_id);
)sql";

// Version 3: full-text search. An external-content FTS5 table over the articles' text with the
// project's own tokenizer (CjkTokenizer), kept in step by the importer inside its transactions;
// 'rebuild' indexes the articles of libraries made before it existed.
constexpr const char *kVersion3 = R"sql(
CREATE VIEW article_text (id, head, body) AS
    SELECT id, kicker || char(10) || title || char(10) || subtitle, plain_text FROM article;
CREATE VIRTUAL TABLE article_fts USING fts5 (
    head, body, content = 'article_text', content_rowid = 'id', tokenize = 'br_cjk',
    detail = full);
CREATE TRIGGER article_fts_delete BEFORE DELETE ON article BEGIN
    INSERT INTO article_fts (article_fts, rowid, head, body) VALUES ('delete', old.id,
        old.kicker || char(10) || old.title || char(10) || old.subtitle, old.plain_text);
END;
INSERT INTO article_fts (article_fts) VALUES ('rebuild');
)sql";

// Version 4: searches a person saved, with their filters, as named views.
constexpr const char *kVersion4 = R"sql(
CREATE TABLE saved_view (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    query      TEXT NOT NULL DEFAULT '',
    filter     TEXT NOT NULL DEFAULT '',
    campaign   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
)sql";

// Version 5: the places each article names (gazetteer codes, text and position); the article's
// main county goes into article.main_place (a code; the person may correct it).
constexpr const char *kVersion5 = R"sql(
CREATE TABLE article_place (
    article_id   INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    code         INTEGER NOT NULL,
    name         TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL
);
CREATE INDEX article_place_by_article ON article_place(article_id);
CREATE INDEX article_place_by_code ON article_place(code);
CREATE INDEX article_by_main_place ON article(main_place);
)sql";

// Version 6: what coverage counts by. The analysis' main town and unit beside the main county, a
// person's corrections of county and unit kept apart from them (NULL: the analysis stands; a
// correction survives a new analysis), unit names a person merged (卫计委 → 卫生计生委), and the
// view the coverage table and its click-through read.
constexpr const char *kVersion6 = R"sql(
ALTER TABLE article ADD COLUMN main_town TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN county_override TEXT;
ALTER TABLE article ADD COLUMN unit_suggested TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN unit_override TEXT;
CREATE TABLE unit_alias (
    alias TEXT PRIMARY KEY,
    unit  TEXT NOT NULL
) WITHOUT ROWID;
CREATE VIEW article_coverage AS
SELECT a.id AS article_id,
       COALESCE(a.county_override, a.main_place) AS county,
       CASE WHEN a.county_override IS NULL OR substr(a.main_town, 1, 6) = a.county_override
            THEN a.main_town ELSE '' END AS town,
       COALESCE((SELECT x.unit FROM unit_alias x
                 WHERE x.alias = COALESCE(a.unit_override, a.unit_suggested)),
                COALESCE(a.unit_override, a.unit_suggested)) AS unit,
       substr(p.pub_date, 1, 7) AS month,
       p.publication AS publication
FROM article a JOIN page p ON p.id = a.page_id;
)sql";

// Version 7: search in two tables. article_fts keeps only the pairs of characters (phrases of
// them find every substring of two characters or more); article_chars (detail=none) knows which
// articles hold each single character: one exact lookup for a one-character term where a prefix
// query merged every pair starting with it (党: 14 ms → 1 ms on 100,000 articles). Both are
// rebuilt from the articles.
constexpr const char *kVersion7 = R"sql(
DROP TRIGGER article_fts_delete;
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5 (
    head, body, content = 'article_text', content_rowid = 'id', tokenize = 'br_cjk pairs',
    detail = full);
CREATE VIRTUAL TABLE article_chars USING fts5 (
    head, body, content = 'article_text', content_rowid = 'id', tokenize = 'br_cjk chars',
    detail = none, columnsize = 0);
CREATE TRIGGER article_fts_delete BEFORE DELETE ON article BEGIN
    INSERT INTO article_fts (article_fts, rowid, head, body) VALUES ('delete', old.id,
        old.kicker || char(10) || old.title || char(10) || old.subtitle, old.plain_text);
    INSERT INTO article_chars (article_chars, rowid, head, body) VALUES ('delete', old.id,
        old.kicker || char(10) || old.title || char(10) || old.subtitle, old.plain_text);
END;
INSERT INTO article_fts (article_fts) VALUES ('rebuild');
INSERT INTO article_chars (article_chars) VALUES ('rebuild');
)sql";

// Version 8: the archival record. Every article and annotation gets a stable name for exports (a
// uuid, kept through merges, splits and re-splits), every annotation the person who made it; a page
// remembers that a person corrected its split by hand (a re-split leaves it alone unless asked), an
// article that a person set its headline; an annotation, how its passage was found after its text
// last changed. Annotation offsets, UTF-16 units until now, count code points from here on (filled
// in by convertToVersion8).
constexpr const char *kVersion8 = R"sql(
ALTER TABLE article ADD COLUMN uuid TEXT;
ALTER TABLE article ADD COLUMN headline_edited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE page ADD COLUMN corrected_at TEXT;
ALTER TABLE annotation ADD COLUMN anchor TEXT NOT NULL DEFAULT 'exact'
    CHECK (anchor IN ('exact', 'check', 'orphaned'));
ALTER TABLE annotation ADD COLUMN uuid TEXT;
ALTER TABLE annotation ADD COLUMN author TEXT NOT NULL DEFAULT '';
CREATE INDEX annotation_to_review ON annotation(anchor) WHERE anchor <> 'exact';
)sql";

// Version 9: who. Each tag names the person who set it, each page the person who imported it
// (a file's user; on a server, the PostgreSQL role), as every annotation names its author.
constexpr const char *kVersion9 = R"sql(
ALTER TABLE article_campaign ADD COLUMN set_by TEXT NOT NULL DEFAULT '';
ALTER TABLE page ADD COLUMN imported_by TEXT NOT NULL DEFAULT '';
)sql";

// Version 10: each person's own judgment of an article's campaigns, for how far coders agree (the
// article's tags are the record everybody sees; these say who judged what, yes or no). The tags
// set so far are their setters' judgments.
constexpr const char *kVersion10 = R"sql(
CREATE TABLE coding (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    coder       TEXT NOT NULL,
    campaign_id TEXT NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    applies     INTEGER NOT NULL CHECK (applies IN (0, 1)),
    set_at      TEXT NOT NULL,
    PRIMARY KEY (article_id, coder, campaign_id)
) WITHOUT ROWID;
INSERT INTO coding (article_id, coder, campaign_id, applies, set_at)
    SELECT article_id, set_by, campaign_id, 1, set_at FROM article_campaign WHERE set_by <> '';
)sql";

// Version 11: who corrected an article's county, unit and headline, and when (the record's every
// correction names its person, as tags, notes and imports do), and who corrected a page's split.
constexpr const char *kVersion11 = R"sql(
ALTER TABLE article ADD COLUMN county_by TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN county_at TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN unit_by TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN unit_at TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN headline_by TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN headline_at TEXT NOT NULL DEFAULT '';
ALTER TABLE page ADD COLUMN corrected_by TEXT NOT NULL DEFAULT '';
)sql";

// Version 12: what the coverage counts of each article in an index of its own. An article's row
// holds its text before these columns, so a count by county read every article's text (10.6 s
// at 1,000,000 articles); the index answers it alone.
constexpr const char *kVersion12 = R"sql(
CREATE INDEX article_coverage_columns ON article(page_id, county_override, main_place, main_town,
                                                 unit_override, unit_suggested);
)sql";

// Version 13: the texts in tables of their own. An article's blocks and plain text, and a page's
// raw text, sat in the middle of their rows, before every column added since: reading an
// article's county or a page's date walked its text's overflow pages, so a list, a count or an
// export read every text of the library. Now the article and page rows hold what lists show,
// the texts are read by id when one is opened, searched or indexed.
constexpr const char *kVersion13 = R"sql(
DROP TRIGGER article_fts_delete;
DROP VIEW article_text;
CREATE TABLE article_body (
    article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
    blocks     TEXT NOT NULL DEFAULT '[]',
    plain_text TEXT NOT NULL DEFAULT ''
);
INSERT INTO article_body (article_id, blocks, plain_text)
    SELECT id, blocks, plain_text FROM article ORDER BY id;
ALTER TABLE article DROP COLUMN blocks;
ALTER TABLE article DROP COLUMN plain_text;
CREATE TABLE page_text (
    page_id  INTEGER PRIMARY KEY REFERENCES page(id) ON DELETE CASCADE,
    raw_text TEXT NOT NULL
);
INSERT INTO page_text (page_id, raw_text) SELECT id, raw_text FROM page ORDER BY id;
ALTER TABLE page DROP COLUMN raw_text;
CREATE VIEW article_text (id, head, body) AS
    SELECT a.id, a.kicker || char(10) || a.title || char(10) || a.subtitle, b.plain_text
    FROM article a JOIN article_body b ON b.article_id = a.id;
-- Before the delete: the body leaves with its article (ON DELETE CASCADE), and the index needs
-- the text it was given to take the article out.
CREATE TRIGGER article_fts_delete BEFORE DELETE ON article BEGIN
    INSERT INTO article_fts (article_fts, rowid, head, body)
        SELECT 'delete', old.id, old.kicker || char(10) || old.title || char(10) || old.subtitle,
               b.plain_text FROM article_body b WHERE b.article_id = old.id;
    INSERT INTO article_chars (article_chars, rowid, head, body)
        SELECT 'delete', old.id, old.kicker || char(10) || old.title || char(10) || old.subtitle,
               b.plain_text FROM article_body b WHERE b.article_id = old.id;
END;
)sql";

// Version 14: where a page's publication, date and page number came from (PageDetailsFinder's
// origins). What was there was typed by a person; the rest is read off the pages once, after.
constexpr const char *kVersion14 = R"sql(
ALTER TABLE page ADD COLUMN publication_from TEXT NOT NULL DEFAULT '';
ALTER TABLE page ADD COLUMN pub_date_from TEXT NOT NULL DEFAULT '';
ALTER TABLE page ADD COLUMN page_number_from TEXT NOT NULL DEFAULT '';
UPDATE page SET publication_from = 'person' WHERE publication <> '';
UPDATE page SET pub_date_from = 'person' WHERE pub_date <> '';
UPDATE page SET page_number_from = 'person' WHERE page_number <> '';
)sql";

// Version 15: the pairs index puts a token between two runs of word characters where the next
// begins with the character the last ended on (RunBreaks in CjkTokenizer), so that a term is no
// longer found across punctuation (大学。学生 for 大学生): built again.
constexpr const char *kVersion15 = R"sql(
INSERT INTO article_fts (article_fts) VALUES ('rebuild');
)sql";

const std::array<const char *, kCurrentVersion> kSteps{
    kVersion1, kVersion2,  kVersion3,  kVersion4,  kVersion5,  kVersion6,  kVersion7, kVersion8,
    kVersion9, kVersion10, kVersion11, kVersion12, kVersion13, kVersion14, kVersion15};

// Gives every row that `select` lists (by id) a uuid with `update` (?1 the id, ?2 the uuid).
Status nameRows(SqliteDatabase &db, const char *select, const char *update)
{
    PreparedStatement ids = db.prepared(select);
    PreparedStatement name = db.prepared(update);
    if (!ids || !name)
        return Error{db.lastError()};
    QList<qint64> rows;
    while (ids->step() == Statement::Step::Row)
        rows.append(ids->int64(0));
    for (const qint64 id : rows) {
        if (Status s = name->reset().bind(1, id).bind(2, newUuid()).run(); !s)
            return s;
    }
    return {};
}

// The part of version 8 SQL cannot do: uuids for the articles and annotations there are, and
// annotation offsets from UTF-16 units to code points of their article's text.
Status convertToVersion8(SqliteDatabase &db)
{
    if (Status s = nameRows(db, "SELECT id FROM article WHERE uuid IS NULL",
                            "UPDATE article SET uuid = ?2 WHERE id = ?1");
        !s)
        return s;
    if (Status s = nameRows(db, "SELECT id FROM annotation WHERE uuid IS NULL",
                            "UPDATE annotation SET uuid = ?2 WHERE id = ?1");
        !s)
        return s;
    PreparedStatement notes =
        db.prepared("SELECT n.id, n.start_offset, n.end_offset, a.plain_text FROM annotation n "
                    "JOIN article a ON a.id = n.article_id");
    PreparedStatement move =
        db.prepared("UPDATE annotation SET start_offset = ?2, end_offset = ?3 WHERE id = ?1");
    if (!notes || !move)
        return Error{db.lastError()};
    QList<std::array<qint64, 3>> moved;
    while (notes->step() == Statement::Step::Row) {
        const QString text = notes->text(3);
        const qint64 start = CodePoints::fromUtf16(text, notes->int64(1));
        const qint64 end = CodePoints::fromUtf16(text, notes->int64(2));
        if (start != notes->int64(1) || end != notes->int64(2))
            moved.append({notes->int64(0), start, end});
    }
    for (const auto &[id, start, end] : moved) {
        if (Status s = move->reset().bind(1, id).bind(2, start).bind(3, end).run(); !s)
            return s;
    }
    return {};
}

} // namespace

Status insertBuiltinCampaigns(Database &db)
{
    for (const Campaign &c : builtinCampaigns()) {
        PreparedStatement s =
            db.prepared("INSERT INTO campaign (id, name_zh, name_en, color, "
                        "builtin) VALUES (?1, ?2, ?3, ?4, 1) ON CONFLICT (id) DO NOTHING");
        if (!s)
            return Error{db.lastError()};
        if (Status st = s->bind(1, c.id).bind(2, c.nameZh).bind(3, c.nameEn).bind(4, c.color).run();
            !st)
            return st;
    }
    return {};
}

Status findPageDetails(Database &db)
{
    // A chunk of pages at a time, and of each page only its edges (PageDetailsFinder reads its
    // first and last lines): a library of a million articles is read in pieces, never whole
    // (a server hands a query's whole answer over at once).
    constexpr qint64 kChunk = 500; // the LIMIT below; 4000: characters of a page's head and foot
    PreparedStatement pages = db.prepared(
        "SELECT p.id, p.source_path, p.masthead, substr(t.raw_text, 1, 4000), "
        "CASE WHEN length(t.raw_text) > 4000 THEN substr(t.raw_text, length(t.raw_text) - 3999) "
        "ELSE '' END, p.publication, p.pub_date, p.page_number FROM page p "
        "JOIN page_text t ON t.page_id = p.id WHERE p.id > ?1 AND (p.publication = '' OR "
        "p.pub_date = '' OR p.page_number = '') ORDER BY p.id LIMIT 500");
    PreparedStatement set =
        db.prepared("UPDATE page SET publication = ?2, publication_from = ?3, pub_date = ?4, "
                    "pub_date_from = ?5, page_number = ?6, page_number_from = ?7 WHERE id = ?1");
    if (!pages || !set)
        return Error{db.lastError()};
    qint64 after = 0;
    for (;;) {
        struct Found
        {
            qint64 id;
            PageDetails details;
        };
        QList<Found> found;
        Statement::Step step = Statement::Step::Done;
        pages->reset().bind(1, after);
        while ((step = pages->step()) == Statement::Step::Row) {
            QStringList masthead;
            for (const QJsonValue line : QJsonDocument::fromJson(pages->text(2).toUtf8()).array())
                masthead.append(line.toString());
            const QString foot = pages->text(4);
            const QString edges = foot.isEmpty() ? pages->text(3) : pages->text(3) + u'\n' + foot;
            PageDetails details = PageDetailsFinder::find(pages->text(1), masthead, edges);
            // What a person typed stays.
            const auto keep = [](FoundDetail &detail, const QString &typed) {
                if (!typed.isEmpty())
                    detail = {typed, DetailOrigin::Person};
            };
            keep(details.publication, pages->text(5));
            keep(details.date, pages->text(6));
            keep(details.pageNumber, pages->text(7));
            found.append({pages->int64(0), details});
        }
        if (step == Statement::Step::Error)
            return Error{pages->errorMessage()};
        pages->reset();
        for (const Found &page : found) {
            const PageDetails &d = page.details;
            if (Status s = set->reset()
                               .bind(1, page.id)
                               .bind(2, d.publication.value)
                               .bind(3, detailOriginCode(d.publication.origin))
                               .bind(4, d.date.value)
                               .bind(5, detailOriginCode(d.date.origin))
                               .bind(6, d.pageNumber.value)
                               .bind(7, detailOriginCode(d.pageNumber.origin))
                               .run();
                !s)
                return s;
        }
        if (found.size() < kChunk)
            return {};
        after = found.last().id;
    }
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Status refuseOtherDatabases(SqliteDatabase &db)
{
    const int version = db.userVersion();
    PreparedStatement tables =
        db.prepared("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                    "'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    if (!tables)
        return Error{db.lastError()};
    QStringList names;
    Statement::Step step = Statement::Step::Done;
    while ((step = tables->step()) == Statement::Step::Row)
        names.append(tables->text(0));
    if (step == Statement::Step::Error)
        return Error{tables->errorMessage()};
    // Our pages make it ours whatever the version says: another program of ours may have made
    // the schema between the two reads. A file with no table at all is a new library.
    const bool ours = names.contains(u"page"_s) || (names.isEmpty() && version <= 0);
    if (ours)
        return {};
    const QStringList shown = names.mid(0, 4);
    return Error{u"it is another program's SQLite database (tables %1%2), not a Bulletin Reader "
                 u"library; nothing was changed in it"_s.arg(
                     shown.join(u", "_s), names.size() > 4 ? u", …"_s : QString())};
}

Status migrate(SqliteDatabase &db, int targetVersion)
{
    // Looked at before locking: a library that is up to date is not written to at all, so a
    // read-only file at the current version opens.
    const int current = db.userVersion();
    if (Status s = refuseOtherDatabases(db); !s)
        return s;
    if (current > kCurrentVersion) {
        return Error{u"the library was written by a newer Bulletin Reader (schema %1, this program "
                     u"knows up to %2); it was not changed"_s.arg(current)
                         .arg(kCurrentVersion)};
    }
    if (current >= targetVersion)
        return {};
    if (db.isReadOnly()) {
        return Error{u"the library is read-only and was written by an older Bulletin Reader "
                     u"(schema %1); it needs updating, which needs write access"_s.arg(current)};
    }
    Transaction tx(db);
    if (!tx.begun())
        return Error{u"cannot lock the library to update it: %1"_s.arg(tx.begun().errorMessage())};
    const int version = db.userVersion();
    if (version < 0)
        return Error{u"cannot read the library's version: %1"_s.arg(db.lastError())};
    if (Status s = refuseOtherDatabases(db); !s)
        return s;
    if (version > kCurrentVersion) {
        return Error{u"the library was written by a newer Bulletin Reader (schema %1, this program "
                     u"knows up to %2); it was not changed"_s.arg(version)
                         .arg(kCurrentVersion)};
    }
    if (version >= targetVersion)
        return {};
    for (int step = version; step < targetVersion; ++step) {
        if (Status s = db.execScript(kSteps[static_cast<size_t>(step)]); !s)
            return Error{u"cannot update the library to schema %1: %2"_s.arg(step + 1).arg(
                s.errorMessage())};
        if (step + 1 == 8) {
            if (Status s = convertToVersion8(db); !s)
                return Error{u"cannot update the library to schema 8: %1"_s.arg(s.errorMessage())};
        }
        if (step + 1 == 14) {
            if (Status s = findPageDetails(db); !s)
                return Error{u"cannot update the library to schema 14: %1"_s.arg(s.errorMessage())};
        }
    }
    if (version == 0) {
        if (Status s = insertBuiltinCampaigns(db); !s)
            return s;
    }
    // PRAGMA takes no bound parameters; the number comes from this code, not from any input.
    const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(targetVersion);
    if (Status s = db.execScript(setVersion.constData()); !s)
        return s;
    return tx.commit();
}

} // namespace br::Migrations
