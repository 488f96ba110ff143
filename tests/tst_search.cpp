#include "PageGenerator.h"
#include "library/Database.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "library/Migrations.h"
#include "library/PageReader.h"
#include "library/SearchQuery.h"
#include "testsupport/TestSupport.h"
#include "text/CharFold.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

struct Corpus
{
    QList<qint64> ids;
    QStringList folded; // CharFold::fold(plain_text), by position in ids
};

Corpus corpusOf(const QString &path)
{
    Corpus corpus;
    Result<std::unique_ptr<Database>> db = Database::open(path);
    PreparedStatement s = db.value()->prepared("SELECT id, plain_text FROM article ORDER BY id");
    while (s->step() == Statement::Step::Row) {
        corpus.ids.append(s->int64(0));
        corpus.folded.append(CharFold::fold(s->text(1)));
    }
    return corpus;
}

QList<qint64> bruteForce(const Corpus &corpus, const QString &query)
{
    const SearchQuery parsed = SearchQuery::parse(query);
    QList<qint64> ids;
    if (parsed.isEmpty())
        return ids;
    for (qsizetype i = 0; i < corpus.ids.size(); ++i) {
        if (parsed.matchesFolded(corpus.folded[i]))
            ids.append(corpus.ids[i]);
    }
    return ids;
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Queries of every kind the contract names: 1-, 2- and 3-character substrings sampled from the
// text, names, places, phrases, exclusions, FTS5 syntax as text, and strings that are not there.
QStringList queriesFor(const Corpus &corpus, int samples)
{
    QStringList queries{u"扶贫"_s,
                        u"创城"_s,
                        u"涉黑"_s,
                        u"王长新"_s,
                        u"莘县"_s,
                        u"聊城市"_s,
                        u"县"_s,
                        u"贫"_s,
                        u"镇"_s,
                        u"龘"_s,
                        u"龘龘"_s,
                        u"xyzzy"_s,
                        u"2018"_s,
                        u"01"_s,
                        u"LED"_s,
                        u"ＬＥＤ"_s,
                        u"led电子屏"_s,
                        u"掃黑除惡"_s,
                        u"脫貧"_s,
                        u"扶贫 莘县"_s,
                        u"扶贫 -莘县"_s,
                        u"-扶贫"_s,
                        u"\"扶贫 工作\""_s,
                        u"\"扶贫工作"_s,
                        u"扶贫*"_s,
                        u"NEAR(扶贫)"_s,
                        u"扶贫 AND 脱贫"_s,
                        u"(扶贫)"_s,
                        u"1+1"_s,
                        u"“1+1”"_s,
                        u"大学习、大调研"_s,
                        u"。"_s,
                        u"——"_s,
                        u"扶贫 OR"_s,
                        u"- 扶贫"_s,
                        u"*"_s,
                        u"\""_s};
    QRandomGenerator random(20261123);
    for (int n = 0; n < samples; ++n) {
        const QString &text = corpus.folded[random.bounded(static_cast<int>(corpus.folded.size()))];
        const int length = 1 + n % 3;
        if (text.size() <= length)
            continue;
        QString sample = text.mid(random.bounded(static_cast<int>(text.size() - length)), length);
        if (sample.trimmed().isEmpty() || sample.contains(u'"'))
            continue;
        queries.append(sample.contains(u' ') ? u'"' + sample + u'"' : sample);
    }
    return queries;
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void compareAll(const QString &path, int samples)
    {
        Result<std::unique_ptr<Library>> library = Library::open(path);
        QVERIFY(library.ok());
        const Corpus corpus = corpusOf(path);
        QVERIFY(corpus.ids.size() > 20);
        int nonEmpty = 0;
        for (const QString &query : queriesFor(corpus, samples)) {
            const Result<QList<qint64>> found = library.value()->searchIds(query);
            QVERIFY2(found.ok(), qPrintable(query + u": "_s + found.errorMessage()));
            const QList<qint64> expected = bruteForce(corpus, query);
            if (!expected.isEmpty())
                ++nonEmpty;
            QVERIFY2(sorted(found.value()) == expected,
                     qPrintable(u"query %1: index %2, scan %3"_s.arg(query)
                                    .arg(found->size())
                                    .arg(expected.size())));
        }
        QVERIFY(nonEmpty > samples / 2);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void parsesQueriesWithoutSyntax()
    {
        const SearchQuery q = SearchQuery::parse(u"扶贫 \"扫黑 除恶\" -莘县 NEAR( \"open"_s);
        QCOMPARE(q.included().size(), 4);
        QCOMPARE(q.included()[1].text, u"扫黑 除恶"_s);
        QVERIFY(!q.included()[1].exact);
        QCOMPARE(q.excluded().size(), 1);
        QCOMPARE(q.included()[3].text, u"\"open"_s);
        QCOMPARE(q.matchExpression(),
                 u"(\"扶贫\") AND (\"扫黑\" AND \"除恶\") AND (\"ne\" + \"ea\" + \"ar\") AND "
                 u"(\"op\" + \"pe\" + \"en\")"_s);
        QCOMPARE(SearchQuery::parse(u"县"_s).matchExpression(), u"(\"县\"*)"_s);
    }

    void matchesBruteForceOnSeeds()
    {
        const QString path = m_dir.filePath(u"seeds.sqlite3"_s);
        {
            Result<std::unique_ptr<Library>> library = Library::open(path);
            QVERIFY(library.ok());
            Importer importer(*library.value());
            QCOMPARE(importer
                         .importPaths({test::seedsPath(), test::dataPath(u"pages"_s),
                                       test::dataPath(u"encodings/big5.txt"_s)})
                         .pagesImported,
                     8);
        }
        compareAll(path, 300);
    }

    void matchesBruteForceOnGeneratedPages()
    {
        const QString path = m_dir.filePath(u"generated.sqlite3"_s);
        {
            Result<std::unique_ptr<Library>> library = Library::open(path);
            QVERIFY(library.ok());
            bench::PageGenerator generator(test::seedsPath(), 7);
            const PageReader reader;
            for (int page = 0; page < 120; ++page) {
                Result<ReadPage> read =
                    reader.readBytes(u"p%1.txt"_s.arg(page), generator.page(page));
                QVERIFY(read.ok());
                QVERIFY(library.value()->addPage(read.value()).ok());
            }
        }
        compareAll(path, 300);
    }

    void hitsHaveSnippetsWithMarkedMatches()
    {
        Result<std::unique_ptr<Library>> library =
            Library::open(m_dir.filePath(u"seeds.sqlite3"_s));
        QVERIFY(library.ok());
        int total = 0;
        const Result<QList<SearchHit>> hits =
            library.value()->search(u"扫黑除恶"_s, QString(), 3, &total);
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 3);
        QVERIFY(total > 3);
        QVERIFY(hits->first().snippet.contains(kMatchStart));
        QVERIFY(hits->first().snippet.contains(kMatchEnd));
        // The article that names the campaign in its title comes before those that only mention it.
        QVERIFY(hits->first().title.contains(u"扫黑除恶"_s));
        // A query the text must decide (punctuation in it) counts the same way.
        int checkedTotal = 0;
        QVERIFY(library.value()->search(u"“1+1”"_s, QString(), 1, &checkedTotal).ok());
        QCOMPARE(checkedTotal,
                 static_cast<int>(library.value()->searchIds(u"“1+1”"_s).value().size()));
    }

    void migrationIndexesExistingArticles()
    {
        const QString path = m_dir.filePath(u"v2.sqlite3"_s);
        {
            Result<std::unique_ptr<Database>> db = Database::open(path);
            QVERIFY(Migrations::migrate(*db.value(), 2).ok());
            QVERIFY(
                db.value()
                    ->execScript(
                        "INSERT INTO page (file_name, source_path, sha256, byte_size, "
                        "encoding, raw_text, imported_at) VALUES ('a.txt', '/a.txt', "
                        "'abc', 3, 'UTF-8', '', '2020-01-01');"
                        "INSERT INTO article (page_id, ord, start_line, end_line, title, "
                        "plain_text) VALUES (1, 0, 1, 1, '莘县扶贫', '莘县扶贫\n贫困户脱贫了。');")
                    .ok());
        }
        Result<std::unique_ptr<Library>> library = Library::open(path);
        QVERIFY2(library.ok(), qPrintable(library.errorMessage()));
        QCOMPARE(library.value()->searchIds(u"贫困"_s).value().size(), 1);
        QCOMPARE(library.value()->searchIds(u"脱"_s).value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
