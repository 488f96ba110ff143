#include "library/Importer.h"
#include "library/Library.h"
#include "library/Migrations.h"
#include "library/PageReader.h"
#include "library/Reanalysis.h"
#include "library/SqliteDatabase.h"
#include "library/StoreRows.h"
#include "testsupport/TestSupport.h"

#include <QCollator>
#include <QDir>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

qint64 scalar(SqliteDatabase &db, const char *sql)
{
    PreparedStatement s = db.prepared(sql);
    return s && s->step() == Statement::Step::Row ? s->int64(0) : -1;
}

QString scalarText(SqliteDatabase &db, const char *sql)
{
    PreparedStatement s = db.prepared(sql);
    return s && s->step() == Statement::Step::Row ? s->text(0) : QString();
}

ReadPage readSeed(const QString &name)
{
    Result<ReadPage> read = PageReader().readFile(test::seedsPath(name));
    if (!read)
        qFatal("cannot read seed %s", qPrintable(name));
    return std::move(read).value();
}

} // namespace

class TestLibrary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    // A suggestion's evidence is kept as a JSON array and read back for every row a list shows,
    // by a short cut when nothing in it is escaped: what comes back is what was written.
    void evidenceReadsBackAsWritten_data()
    {
        QTest::addColumn<QStringList>("evidence");
        QTest::newRow("none") << QStringList{};
        QTest::newRow("one") << QStringList{u"脱贫攻坚"_s};
        QTest::newRow("several") << QStringList{u"扶贫"_s, u"贫困户"_s, u"驻村第一书记"_s};
        QTest::newRow("empty string") << QStringList{QString()};
        QTest::newRow("separator inside") << QStringList{u"a\",\"b"_s, u"c"_s};
        QTest::newRow("backslash") << QStringList{u"a\\"_s, u"\\b"_s};
        QTest::newRow("control") << QStringList{u"行\n尾"_s, u"\t"_s};
    }

    void evidenceReadsBackAsWritten()
    {
        QFETCH(QStringList, evidence);
        const QByteArray json = StoreRows::compactJson(QJsonArray::fromStringList(evidence));
        QCOMPARE(StoreRows::stringsOfJsonArray(QString::fromUtf8(json)), evidence);
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void createsCurrentSchemaInWalMode()
    {
        Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(path(u"new.sqlite3"_s));
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        QVERIFY(Migrations::migrate(*db.value()).ok());
        QCOMPARE(db.value()->userVersion(), Migrations::kCurrentVersion);
        QCOMPARE(scalarText(*db.value(), "PRAGMA journal_mode"), u"wal"_s);
        QCOMPARE(scalar(*db.value(), "PRAGMA foreign_keys"), 1);
        QCOMPARE(scalar(*db.value(), "SELECT count(*) FROM campaign WHERE builtin = 1"), 3);
    }

    void statementRefusesSeveralStatements()
    {
        Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(u":memory:"_s);
        QVERIFY(db.ok());
        SqliteStatement two(db.value()->handle(), "SELECT 1; SELECT 2");
        QVERIFY(!two.isValid());
        SqliteStatement one(db.value()->handle(), "SELECT 1;");
        QVERIFY(one.isValid());
    }

    void textIsBoundWithItsLength()
    {
        Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(u":memory:"_s);
        QVERIFY(db.ok());
        QVERIFY(db.value()->execScript("CREATE TABLE t (x TEXT)").ok());
        const QString withNul = u"扶贫"_s + QChar(0) + u"脱贫"_s;
        QVERIFY(db.value()->prepared("INSERT INTO t VALUES (?1)")->bind(1, withNul).run().ok());
        QCOMPARE(scalarText(*db.value(), "SELECT x FROM t"), withNul);
        QCOMPARE(scalar(*db.value(), "SELECT length(CAST(x AS BLOB)) FROM t"), 13);
    }

    void addsPageOnceAndSaysDuplicate()
    {
        Result<std::unique_ptr<Library>> library = Library::open(path(u"dup.sqlite3"_s));
        QVERIFY2(library.ok(), qPrintable(library.errorMessage()));
        const ReadPage page = readSeed(u"003_87001ad0ac9e6170.txt"_s);
        Result<Library::Added> first = library.value()->addPage(page);
        QVERIFY(first.ok());
        QVERIFY(!first->duplicate);
        QCOMPARE(first->articles, page.page.articles.size());
        Result<Library::Added> second = library.value()->addPage(page);
        QVERIFY(second.ok());
        QVERIFY(second->duplicate);
        QCOMPARE(library.value()->pageCount().value(), 1);
        QCOMPARE(library.value()->articleCount().value(), page.page.articles.size());
        const Result<QList<ArticleSummary>> articles = library.value()->articles();
        QVERIFY(articles.ok());
        QCOMPARE(articles->size(), page.page.articles.size());
        QCOMPARE(articles->last().suggestions.first().campaign, u"poverty-relief"_s);
    }

    void failedImportLeavesLibraryAsItWas()
    {
        Result<std::unique_ptr<Library>> library = Library::open(path(u"rollback.sqlite3"_s));
        QVERIFY(library.ok());
        QVERIFY(library.value()->addPage(readSeed(u"000_d0625b9e1a2b4771.txt"_s)).ok());
        // The last article carries a suggestion for a campaign the library does not know: its
        // insert fails on the foreign key after the page and the other articles went in.
        ReadPage broken = readSeed(u"003_87001ad0ac9e6170.txt"_s);
        broken.page.articles.last().suggestions.append({u"no-such-campaign"_s, 0.9, {}});
        const Result<Library::Added> added = library.value()->addPage(broken);
        QVERIFY(!added.ok());
        QCOMPARE(library.value()->pageCount().value(), 1);
        QCOMPARE(library.value()->articleCount().value(), 6);
        QVERIFY(!library.value()->hasPage(broken.sha256));
    }

    void migratesPreviousVersion()
    {
        const QString file = path(u"v1.sqlite3"_s);
        {
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(file);
            QVERIFY(db.ok());
            QVERIFY(Migrations::migrate(*db.value(), 1).ok());
            QCOMPARE(db.value()->userVersion(), 1);
            QVERIFY(
                db.value()
                    ->execScript("INSERT INTO page (file_name, source_path, sha256, byte_size, "
                                 "encoding, raw_text, imported_at) VALUES ('a.txt', '/a.txt', "
                                 "'abc', 3, 'UTF-8', '扶贫', '2020-01-01');"
                                 "INSERT INTO article (page_id, ord, start_line, end_line, title) "
                                 "VALUES (1, 0, 1, 1, '扶贫');")
                    .ok());
        }
        Result<std::unique_ptr<Library>> library = Library::open(file);
        QVERIFY2(library.ok(), qPrintable(library.errorMessage()));
        QCOMPARE(library.value()->articleCount().value(), 1);
        Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(file);
        QCOMPARE(db.value()->userVersion(), Migrations::kCurrentVersion);
        QCOMPARE(scalar(*db.value(), "SELECT count(*) FROM annotation"), 0);
        QCOMPARE(scalarText(*db.value(), "SELECT unit FROM article"), QString());
    }

    void refusesNewerLibraryWithoutTouchingIt()
    {
        const QString file = path(u"newer.sqlite3"_s);
        {
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(file);
            QVERIFY(db.ok());
            QVERIFY(db.value()
                        ->execScript("CREATE TABLE page (x); CREATE TABLE future (x); "
                                     "PRAGMA user_version = 99;")
                        .ok());
        }
        Result<std::unique_ptr<Library>> library = Library::open(file);
        QVERIFY(!library.ok());
        QVERIFY2(library.errorMessage().contains(u"newer"_s), qPrintable(library.errorMessage()));
        Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(file);
        QCOMPARE(db.value()->userVersion(), 99);
        QCOMPARE(scalar(*db.value(), "SELECT count(*) FROM sqlite_schema WHERE name = 'article'"),
                 0);
    }

    void refusesFileThatIsNotALibrary()
    {
        const Result<std::unique_ptr<Library>> library =
            Library::open(test::dataPath(u"bad/document.pdf"_s));
        QVERIFY(!library.ok());
        QVERIFY2(library.errorMessage().contains(u"not a Bulletin Reader library"_s),
                 qPrintable(library.errorMessage()));
    }

    // What --db names: a URL of libpq's form is a server, anything else (a name with a colon or
    // an @ in it too) a file; a password in the URL never reaches a message.
    void locationsNameFilesAndServers()
    {
        const LibraryLocation file = LibraryLocation::fromText(u"/tmp/a:b@c/库.sqlite3"_s);
        QVERIFY(file.isFile());
        QCOMPARE(file.text(), u"/tmp/a:b@c/库.sqlite3"_s);
        QCOMPARE(file.name(), u"库.sqlite3"_s);

        const LibraryLocation server = LibraryLocation::fromText(
            u"postgresql://coder:s3cret@db.example:5433/county?sslmode=disable&password=s3cret"_s);
        QCOMPARE(server.kind(), LibraryLocation::Kind::Server);
        QCOMPARE(server.name(), u"county"_s);
        QVERIFY2(!server.shown().contains(u"s3cret"_s), qPrintable(server.shown()));
        QVERIFY(server.shown().contains(u"coder@db.example:5433/county"_s));
        QCOMPARE(LibraryLocation::fromText(u"POSTGRES:///county?host=/run/pg"_s).kind(),
                 LibraryLocation::Kind::Server);

        // A library opened from a location says where it is, so another connection opens the same.
        const QString path = this->path(u"location.sqlite3"_s);
        Result<std::unique_ptr<Library>> library = Library::open(LibraryLocation::file(path));
        QVERIFY2(library.ok(), qPrintable(library.errorMessage()));
        QCOMPARE(library.value()->location(), LibraryLocation::file(path));
    }

    void editsTagsAnnotationsAndPageDetails()
    {
        const QString file = path(u"edits.sqlite3"_s);
        qint64 articleId = 0;
        qint64 annotationId = 0;
        {
            Result<std::unique_ptr<Library>> library = Library::open(file);
            QVERIFY(library.ok());
            Library &lib = *library.value();
            QVERIFY(lib.addPage(readSeed(u"003_87001ad0ac9e6170.txt"_s)).ok());
            articleId = lib.articles().value().last().id;
            QVERIFY(
                lib.setCampaign(articleId, u"poverty-relief"_s, true, TagSource::Suggestion).ok());
            QVERIFY(lib.setCampaign(articleId, u"anti-crime"_s, true).ok());
            QVERIFY(lib.setCampaign(articleId, u"anti-crime"_s, false).ok());
            QVERIFY(!lib.setCampaign(articleId, u"no-such-campaign"_s, true).ok());
            const ArticleDetail detail = lib.article(articleId).value();
            const QString text = detail.article.plainText();
            Annotation a = Annotation::forSelection(articleId, text, 3, 9, u"#ffe066"_s);
            QCOMPARE(a.quote, text.mid(3, 6));
            QCOMPARE(a.prefix, text.left(3));
            a.note = u"<b>note</b>"_s;
            annotationId = lib.addAnnotation(a).value();
            QVERIFY(lib.setAnnotationNote(annotationId, u"检查 <i>此处</i>"_s).ok());
            QVERIFY(lib.setPageDetails(detail.pageId, u"聊城日报"_s, u"2018-04-23"_s, u"7"_s).ok());
        }
        Result<std::unique_ptr<Library>> reopened = Library::open(file);
        QVERIFY(reopened.ok());
        Library &lib = *reopened.value();
        const ArticleDetail detail = lib.article(articleId).value();
        QCOMPARE(detail.campaigns, QStringList{u"poverty-relief"_s});
        QCOMPARE(detail.acceptedSuggestions, QStringList{u"poverty-relief"_s});
        const QList<Annotation> notes = lib.annotations(articleId).value();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0].id, annotationId);
        QCOMPARE(notes[0].note, u"检查 <i>此处</i>"_s);
        QCOMPARE(lib.page(detail.pageId).value().publication, u"聊城日报"_s);
        ArticleFilter annotated;
        annotated.annotated = true;
        QCOMPARE(lib.articles(annotated).value().size(), 1);
        ArticleFilter tagged;
        tagged.campaign = u"poverty-relief"_s;
        QCOMPARE(lib.articles(tagged).value().size(), 1);
        ArticleFilter untagged;
        untagged.untagged = true;
        QCOMPARE(lib.articles(untagged).value().size(), lib.articleCount().value() - 1);
        ArticleFilter text;
        text.text = u"卒中"_s;
        QCOMPARE(lib.articles(text).value().size(), 1);
        ArticleFilter byNotes;
        byNotes.sort = ArticleFilter::Sort::Notes;
        byNotes.descending = true;
        QCOMPARE(lib.articles(byNotes).value().first().id, articleId);
        ArticleFilter byTitle;
        byTitle.sort = ArticleFilter::Sort::Title;
        QStringList titles;
        for (const ArticleSummary &a : lib.articles(byTitle).value())
            titles.append(a.title);
        QStringList sorted = titles;
        // By pinyin, as ICU's Chinese collator (QCollator uses it) orders them.
        const QCollator chinese{QLocale(QLocale::Chinese, QLocale::China)};
        std::stable_sort(sorted.begin(), sorted.end(),
                         [&](const QString &a, const QString &b) { return chinese(a, b); });
        QCOMPARE(titles, sorted);
        QVERIFY(lib.removeAnnotation(annotationId).ok());
        QVERIFY(lib.annotations(articleId).value().isEmpty());
    }

    void ownTagsAreCampaignsToo()
    {
        Result<std::unique_ptr<Library>> library = Library::open(path(u"tags.sqlite3"_s));
        QVERIFY(library.ok());
        Library &lib = *library.value();
        QVERIFY(lib.addPage(readSeed(u"004_a1b20d376ccfc04f.txt"_s)).ok());
        const Result<QString> id = lib.addTag(u" 党建 "_s, u"#8e44ad"_s);
        QVERIFY2(id.ok(), qPrintable(id.errorMessage()));
        QCOMPARE(id.value(), u"tag-1"_s);
        QVERIFY(!lib.addTag(u"党建"_s, u"#000000"_s).ok()); // names are unique
        QVERIFY(!lib.addTag(u"扫黑除恶"_s, u"#000000"_s).ok());
        const QList<Campaign> all = lib.campaigns().value();
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.last().nameZh, u"党建"_s);
        QCOMPARE(all.last().color, u"#8e44ad"_s);
        const qint64 article = lib.articles().value().first().id;
        QVERIFY(lib.setCampaign(article, id.value(), true).ok());
        ArticleFilter tagged;
        tagged.campaign = id.value();
        QCOMPARE(lib.articles(tagged).value().size(), 1);
        QVERIFY(lib.removeTag(id.value()).ok());
        QVERIFY(lib.article(article).value().campaigns.isEmpty()); // gone from the article too
        QVERIFY(!lib.removeTag(u"anti-crime"_s).ok());
        QCOMPARE(lib.campaigns().value().size(), 3);
    }

    void savesSearchesAsNamedViews()
    {
        Result<std::unique_ptr<Library>> library = Library::open(path(u"views.sqlite3"_s));
        QVERIFY(library.ok());
        Library &lib = *library.value();
        const Result<qint64> id = lib.addSavedView(
            {0, u"莘县扶贫"_s, u"扶贫 莘县"_s, u"campaign"_s, u"poverty-relief"_s});
        QVERIFY(id.ok());
        QVERIFY(!lib.addSavedView({0, u"莘县扶贫"_s, u"x"_s, QString(), QString()}).ok());
        QVERIFY(!lib.addSavedView({0, u"  "_s, u"x"_s, QString(), QString()}).ok());
        QCOMPARE(lib.savedViews().value().size(), 1);
        QCOMPARE(lib.savedViews().value().first().query, u"扶贫 莘县"_s);
        QVERIFY(lib.removeSavedView(id.value()).ok());
        QVERIFY(lib.savedViews().value().isEmpty());
        QCOMPARE(lib.addSavedView({id.value(), u"莘县扶贫"_s, u"扶贫 莘县"_s, QString(), QString()})
                     .value(),
                 id.value()); // an undone removal comes back under its id
    }

    void countsCoverageByCounty()
    {
        Result<std::unique_ptr<Library>> library = Library::open(path(u"coverage.sqlite3"_s));
        QVERIFY(library.ok());
        Library &lib = *library.value();
        QVERIFY(lib.addPage(readSeed(u"003_87001ad0ac9e6170.txt"_s)).ok());
        // The five poverty stories from 莘县 are suggested; confirm one of them.
        qint64 first = 0;
        for (const ArticleSummary &a : lib.articles().value()) {
            if (a.title.startsWith(u"莘县"_s) && !first)
                first = a.id;
        }
        QVERIFY(first);
        QVERIFY(lib.setCampaign(first, u"poverty-relief"_s, true).ok());
        const auto cell = [](const QList<CoverageRow> &rows, const QString &key,
                             const QString &campaign) {
            for (const CoverageRow &r : rows) {
                if (r.key == key && r.campaign == campaign)
                    return r;
            }
            return CoverageRow{};
        };
        const CoverageRow confirmed =
            cell(lib.coverage(u"county"_s).value(), u"371522"_s, u"poverty-relief"_s);
        QCOMPARE(confirmed.articles, 1);
        QCOMPARE(confirmed.suggested, 4);
        const CoverageRow counted =
            cell(lib.coverage(u"county"_s, u"poverty-relief"_s, true).value(), u"371522"_s,
                 u"poverty-relief"_s);
        QCOMPARE(counted.articles, 5);
        QVERIFY(lib.coverage(u"county"_s, u"anti-crime"_s).value().isEmpty());
        QVERIFY(!lib.coverage(u"weather"_s).ok());
    }

    void reanalysesPlacesOfOlderLibraries()
    {
        const QString file = path(u"v4.sqlite3"_s);
        {
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(file);
            QVERIFY(Migrations::migrate(*db.value(), 4).ok());
            QVERIFY(
                db.value()
                    ->execScript("INSERT INTO page (file_name, source_path, sha256, byte_size, "
                                 "encoding, raw_text, imported_at) VALUES ('a.txt', '/a.txt', "
                                 "'abc', 3, 'UTF-8', '', '2020-01-01');"
                                 "INSERT INTO article (page_id, ord, start_line, end_line, title, "
                                 "plain_text) VALUES (1, 0, 1, 1, '阳谷县石佛镇卫生院开展义诊', "
                                 "'阳谷县石佛镇卫生院开展义诊\n石佛镇卫生院组织医生进村。');")
                    .ok());
        }
        Result<std::unique_ptr<Library>> library = Library::open(file);
        QVERIFY(library.ok());
        QCOMPARE(library.value()->coverage(u"county"_s).value().size(), 0);
        qint64 reported = 0;
        const Result<qint64> done =
            reanalyseLibrary(*library.value(), [&](qint64 n, qint64) { reported = n; });
        QVERIFY(done.ok());
        QCOMPARE(done.value(), 1);
        QCOMPARE(reported, 1);
        const ArticleDetail detail = library.value()->article(1).value();
        QCOMPARE(detail.mainCounty, 371521);
        QCOMPARE(detail.mainTown, 371521107); // 石佛镇, twice
        QCOMPARE(detail.unit, u"阳谷县石佛镇卫生院"_s);
        QVERIFY(!detail.places.isEmpty());
    }

    void readOnlyLibraryReadsAndRefusesEveryEdit()
    {
        const QString file = path(u"readonly.sqlite3"_s);
        qint64 articleId = 0;
        {
            Result<std::unique_ptr<Library>> library = Library::open(file);
            QVERIFY(library.ok());
            QVERIFY(library.value()->addPage(readSeed(u"000_d0625b9e1a2b4771.txt"_s)).ok());
            articleId = library.value()->articles().value().first().id;
        }
        Result<std::unique_ptr<Library>> library = Library::open(file, true);
        QVERIFY2(library.ok(), qPrintable(library.errorMessage()));
        Library &lib = *library.value();
        QVERIFY(lib.isReadOnly());
        QCOMPARE(lib.articles().value().size(), 6);
        const Status tagged = lib.setCampaign(articleId, u"anti-crime"_s, true);
        QVERIFY(!tagged.ok()); // said, never silently dropped
        QVERIFY2(tagged.errorMessage().contains(u"cannot save"_s),
                 qPrintable(tagged.errorMessage()));
        QVERIFY(!lib.addAnnotation(
                        Annotation::forSelection(articleId, u"扶贫工作"_s, 0, 2, u"#ffe066"_s))
                     .ok());
        QVERIFY(lib.article(articleId).value().campaigns.isEmpty());
    }

    void importsSeedsTwiceWithSameCount()
    {
        Result<std::unique_ptr<Library>> library = Library::open(path(u"seeds.sqlite3"_s));
        QVERIFY(library.ok());
        Importer importer(*library.value());
        const ImportReport first = importer.importPaths({test::seedsPath()});
        QCOMPARE(first.pagesImported, 5);
        QVERIFY(first.refused.isEmpty());
        const qint64 articles = library.value()->articleCount().value();
        QCOMPARE(first.articles, articles);
        const ImportReport second = importer.importPaths({test::seedsPath()});
        QCOMPARE(second.pagesImported, 0);
        QCOMPARE(second.duplicates, 5);
        QCOMPARE(library.value()->articleCount().value(), articles);
    }

    // The seeds go in as one batch; one of them cannot be saved (a trigger refuses it, as a full
    // disk would): the batch is saved again page by page, the other four pages are kept with
    // their articles searchable, and the one refused is named.
    void batchThatCannotBeSavedKeepsEveryOtherPage()
    {
        const QString file = path(u"batch.sqlite3"_s);
        Result<std::unique_ptr<Library>> library = Library::open(file);
        QVERIFY(library.ok());
        {
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(file);
            QVERIFY(db.value()
                        ->execScript("CREATE TRIGGER refuse BEFORE INSERT ON page "
                                     "WHEN new.file_name LIKE '003_%' BEGIN "
                                     "SELECT RAISE(ABORT, 'no room left'); END;")
                        .ok());
        }
        Importer importer(*library.value());
        const ImportReport report = importer.importPaths({test::seedsPath()});
        QCOMPARE(report.pagesImported, 4);
        QCOMPARE(report.refused.size(), 1);
        QVERIFY(QFileInfo(report.refused.front().path).fileName().startsWith(u"003_"_s));
        QVERIFY(report.refused.front().reason.contains(u"no room left"_s));
        QCOMPARE(library.value()->pageCount().value(), 4);
        QCOMPARE(library.value()->articleCount().value(), report.articles);
        // Every article kept is in both index tables, and nothing else is.
        const QList<qint64> all = library.value()->searchIds(u"-龘"_s).value();
        QCOMPARE(all.size(), report.articles);
        Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(file);
        QVERIFY(db.value()
                    ->execScript("INSERT INTO article_fts (article_fts, rank) VALUES "
                                 "('integrity-check', 1);"
                                 "INSERT INTO article_chars (article_chars, rank) VALUES "
                                 "('integrity-check', 1);")
                    .ok());
        PreparedStatement indexed = db.value()->prepared(
            "SELECT count(*) FROM article_fts WHERE article_fts MATCH '\"脱贫\" OR \"扫黑\"'");
        QVERIFY(indexed->step() == Statement::Step::Row && indexed->int64(0) > 0);
    }

    void refusesBadFilesEachWithReasonAndChangesNothing()
    {
        Result<std::unique_ptr<Library>> library = Library::open(path(u"bad.sqlite3"_s));
        QVERIFY(library.ok());
        Importer importer(*library.value());
        const ImportReport report = importer.importPaths(
            {test::dataPath(u"bad"_s), test::dataPath(u"bad/image.png"_s), path(u"missing.txt"_s)});
        QCOMPARE(report.pagesImported, 0);
        QCOMPARE(library.value()->pageCount().value(), 0);
        // *.txt in the folder and every named file are reported; other non-text files are skipped.
        QStringList reasons;
        for (const Refusal &r : report.refused)
            reasons.append(QFileInfo(r.path).fileName() + u": "_s + r.reason);
        QVERIFY2(reasons.size() == 8, qPrintable(reasons.join(u'\n')));
        QCOMPARE(report.skipped.size(), 3); // pdf, zip and png inside the folder
        QVERIFY(reasons.join(u'\n').contains(u"page.html: is an HTML document"_s));
        QVERIFY(reasons.join(u'\n').contains(u"image.png: is a binary file (PNG image)"_s));
        QVERIFY(reasons.join(u'\n').contains(u"missing.txt: does not exist"_s));
    }

    void titlesSortByPinyin()
    {
        Result<std::unique_ptr<Library>> lib = Library::open(path(u"pinyin.sqlite3"_s));
        QVERIFY(lib.ok());
        ReadPage read;
        read.path = read.fileName = u"titles.txt"_s;
        read.sha256 = "pinyin-titles";
        read.decoded.text = u"成都 北京 阿城 大连"_s;
        read.decoded.encoding = u"UTF-8"_s;
        // In code points 北 (U+5317) < 大 (U+5927) < 成 (U+6210) < 阿 (U+963F).
        for (const QString &title : {u"成都"_s, u"北京"_s, u"阿城"_s, u"大连"_s}) {
            Article a;
            a.title = title;
            a.blocks.append({Block::Type::Paragraph, title + u"的消息。"_s});
            read.page.articles.append(a);
        }
        QVERIFY(lib.value()->addPage(read).ok());
        ArticleFilter byTitle;
        byTitle.sort = ArticleFilter::Sort::Title;
        const auto titles = [&](bool descending) {
            byTitle.descending = descending;
            QStringList list;
            for (const ArticleSummary &a : lib.value()->articles(byTitle).value())
                list.append(a.title);
            return list;
        };
        const QStringList pinyin{u"阿城"_s, u"北京"_s, u"成都"_s, u"大连"_s}; // a, bei, cheng, da
        QCOMPARE(titles(false), pinyin);
        QStringList reversed = pinyin;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(titles(true), reversed);
    }
};

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
