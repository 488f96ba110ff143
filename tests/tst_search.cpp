#include "PageGenerator.h"
#include "library/CjkTokenizer.h"
#include "library/HitReaders.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "library/Migrations.h"
#include "library/PageReader.h"
#include "library/SearchQuery.h"
#include "library/SqliteDatabase.h"
#include "testsupport/SearchSupport.h"
#include "testsupport/TestSupport.h"
#include "text/CharFold.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <optional>

using namespace br;
using namespace Qt::StringLiterals;

// While alive: every search reads its hits side by side on three connections (a phrase of
// several tokens in three ranges), however small the library and however many the cores.
struct SideBySide
{
    SideBySide() { HitReaders::setSideBySide(0, 3); }
    ~SideBySide() { HitReaders::setSideBySide(HitReaders::kSideBySideFrom, 0); }
    SideBySide(const SideBySide &) = delete;
    SideBySide &operator=(const SideBySide &) = delete;
};

class TestSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A library of schema `version` with one page and one article, then `more` SQL.
    static void makeOldLibrary(const QString &path, int version, const char *more)
    {
        Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(path);
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrate(*db.value(), version).ok());
        QVERIFY(db.value()
                    ->execScript(
                        "INSERT INTO page (file_name, source_path, sha256, byte_size, "
                        "encoding, raw_text, imported_at) VALUES ('a.txt', '/a.txt', "
                        "'abc', 3, 'UTF-8', '', '2020-01-01');"
                        "INSERT INTO article (page_id, ord, start_line, end_line, title, "
                        "plain_text) VALUES (1, 0, 1, 1, '莘县扶贫', '莘县扶贫\n贫困户脱贫了。');")
                    .ok());
        if (*more)
            QVERIFY(db.value()->execScript(more).ok());
    }

    // A library at `path` holding each of `pages` (a page's text) as a page of its own, read as
    // the file `prefix`N.txt; none when opening or storing fails.
    static std::unique_ptr<Library> libraryWith(const QString &path, const QStringList &pages,
                                                const QString &prefix)
    {
        Result<std::unique_ptr<Library>> library = Library::open(path);
        if (!library)
            return nullptr;
        for (qsizetype i = 0; i < pages.size(); ++i) {
            Result<ReadPage> read =
                PageReader().readBytes(prefix + QString::number(i) + u".txt"_s, pages[i].toUtf8());
            if (!read || !library.value()->addPage(read.value()))
                return nullptr;
        }
        return std::move(library).value();
    }

    // On one connection, and side by side.
    void compareAll(const QString &path, int samples)
    {
        Result<std::unique_ptr<Library>> library = Library::open(path);
        QVERIFY(library.ok());
        const test::Corpus corpus = test::corpusOf(path);
        test::compareWithBruteForce(*library.value(), corpus, samples);
        if (QTest::currentTestFailed())
            return;
        const SideBySide sideBySide;
        test::compareWithBruteForce(*library.value(), corpus, samples);
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
        QCOMPARE(q.includedExpressions().pairs,
                 u"\"扶贫\" AND \"扫黑\" + \"除恶\" AND \"ne\" + \"ea\" + \"ar\" AND "
                 u"\"op\" + \"pe\" + \"en\""_s);
        QVERIFY(q.includedExpressions().characters.isEmpty());
        QCOMPARE(q.excludedExpressions().pairs, u"\"莘县\""_s);
        // One character: an exact lookup in the characters table, never a prefix query.
        const SearchQuery single = SearchQuery::parse(u"县 a-扶贫 -党"_s);
        QCOMPARE(single.includedExpressions().characters, u"\"县\" AND \"a\""_s);
        QCOMPARE(single.includedExpressions().pairs, u"\"扶贫\""_s);
        QCOMPARE(single.excludedExpressions().characters, u"\"党\""_s);
        // A term with punctuation: its runs' pairs as the index holds them, one phrase across
        // punctuation and single characters, two where the break token stands between.
        QCOMPARE(SearchQuery::parse(u"扶贫、县、莘县"_s).includedExpressions().pairs,
                 u"\"扶贫\" + \"莘县\""_s);
        QCOMPARE(SearchQuery::parse(u"大学。学生"_s).includedExpressions().pairs,
                 u"\"大学\" AND \"学生\""_s);
        QCOMPARE(SearchQuery::parse(u"卫生，生，生健康"_s).includedExpressions().pairs,
                 u"\"卫生\" AND \"生健\" + \"健康\""_s);
    }

    // The punctuation of Chinese text is folded from a table made once (CharFold): it must fold
    // as ICU's NFKC with case folding (then Hant-Hans) does, mark for mark.
    void punctuationFoldsAsIcuDoes()
    {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
        QVERIFY(U_SUCCESS(status));
        int changed = 0;
        for (const auto &[first, last] : {std::pair{0x2000, 0x206F}, std::pair{0x3000, 0x303F}}) {
            for (char32_t c = first; c <= static_cast<char32_t>(last); ++c) {
                status = U_ZERO_ERROR;
                const icu::UnicodeString normalized =
                    nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
                QVERIFY(U_SUCCESS(status));
                QString expected(reinterpret_cast<const QChar *>(normalized.getBuffer()),
                                 normalized.length());
                CharFold::simplifyInPlace(expected);
                const QString mark = QString::fromUcs4(&c, 1);
                QVERIFY2(CharFold::fold(mark) == expected, qPrintable(QString::number(c, 16)));
                changed += expected != mark ? 1 : 0;
            }
        }
        QVERIFY(changed > 20); // not the identity: … is ..., the ideographic space a space
    }

    // A search's text check folds each text from SQLite's UTF-8 (CharFold::foldUtf8): the same
    // as folding it after QString::fromUtf8, for every seed page and for bytes that are not
    // plain UTF-8.
    void foldsUtf8AsFromUtf8ThenFold()
    {
        QList<QByteArray> texts;
        for (const QFileInfo &seed : QDir(test::seedsPath()).entryInfoList({u"*.txt"_s})) {
            QFile file(seed.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            texts.append(file.readAll());
        }
        QVERIFY(!texts.isEmpty());
        texts += {u"掃黑除惡，ＬＥＤ屏…①㎏ 𠀀𝐀 ﷺ　“A”"_s.toUtf8(),
                  QByteArray("\xEF\xBB\xBF\xE6\x89\xB6"),        // a byte-order mark
                  QByteArray("a\xC3"),                           // cut short
                  QByteArray("\xED\xA0\x80x"),                   // a surrogate
                  QByteArray("\xC0\x80\xF5\x80\x80\x80"),        // overlong, past U+10FFFF
                  QByteArray("\xE6\x89\xB6\x00\xE8\xB4\xAB", 7), // a NUL inside
                  QString(10, QChar(0xFDFA)).toUtf8(),           // each folds to 18 characters
                  QByteArray()};
        QString folded = u"left from before"_s;
        for (const QByteArray &text : std::as_const(texts)) {
            CharFold::foldUtf8(text, folded);
            QCOMPARE(folded, CharFold::fold(QString::fromUtf8(text)));
        }
        QCOMPARE(CharFold::fold(QString(10, QChar(0xFDFA))).size(), 180);
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

    // Library::search ranks as bm25 with the lengths held in memory (PhraseHits); FTS5's own
    // bm25() must give the same order, read on one connection or side by side, also after
    // articles were deleted by another connection and new ones took their ids.
    void ranksAsFts5Bm25()
    {
        const QString path = m_dir.filePath(u"generated.sqlite3"_s);
        Result<std::unique_ptr<Library>> library = Library::open(path);
        QVERIFY(library.ok());
        Result<std::unique_ptr<SqliteDatabase>> other = SqliteDatabase::open(path);
        QVERIFY(other.ok());
        // Several phrases of one token in either order, the one with the fewest hits first or
        // not, read first and the others kept to its articles.
        const QStringList queries{u"扶贫"_s,      u"扫黑除恶"_s,       u"莘县 扶贫"_s,
                                  u"扶贫 莘县"_s, u"工作 扶贫 莘县"_s, u"文明 -创城"_s,
                                  u"医院 党"_s};
        const auto compareOrders = [&] {
            for (const QString &query : queries) {
                int total = 0;
                const Result<QList<SearchHit>> hits = library.value()->search(query, {}, 0, &total);
                QVERIFY(hits.ok());
                QList<qint64> ours;
                for (const SearchHit &hit : hits.value())
                    ours.append(hit.articleId);
                const QList<qint64> matching = library.value()->searchIds(query).value();
                PreparedStatement s = other.value()->prepared(
                    "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 "
                    "ORDER BY bm25(article_fts, 4.0, 1.0), rowid");
                s->bind(1, SearchQuery::parse(query).includedExpressions().pairs);
                QList<qint64> fts5;
                while (s->step() == Statement::Step::Row) {
                    if (matching.contains(s->int64(0)))
                        fts5.append(s->int64(0));
                }
                QVERIFY2(total > 5, qPrintable(query));
                QCOMPARE(ours.size(), total);
                QVERIFY2(ours == fts5, qPrintable(query));
            }
        };
        compareOrders();
        if (QTest::currentTestFailed())
            return;
        {
            const SideBySide sideBySide;
            compareOrders();
            if (QTest::currentTestFailed())
                return;
        }
        // The last page goes (through the other connection), and a new page reuses its ids.
        QVERIFY(other.value()
                    ->execScript("DELETE FROM article WHERE page_id = (SELECT max(id) FROM page);"
                                 "DELETE FROM page WHERE id = (SELECT max(id) FROM page);")
                    .ok());
        bench::PageGenerator generator(test::seedsPath(), 11);
        Result<ReadPage> read = PageReader().readBytes(u"new.txt"_s, generator.page(500));
        QVERIFY(read.ok());
        QVERIFY(library.value()->addPage(read.value()).ok());
        compareOrders();
        {
            const SideBySide sideBySide;
            compareOrders();
        }
        // Both index tables still agree with the articles, row for row.
        QVERIFY(other.value()
                    ->execScript("INSERT INTO article_fts (article_fts, rank) VALUES "
                                 "('integrity-check', 1);"
                                 "INSERT INTO article_chars (article_chars, rank) VALUES "
                                 "('integrity-check', 1);")
                    .ok());
    }

    // An import's readers fold the texts ahead (PrefoldedTexts); the tokenizer then reads them
    // instead of folding again. The index must be the very one folding again makes: the same
    // pairs at the same offsets, the same characters, texts that fold to several characters left
    // to the tokenizer, and a text that is not the one folded never read from another's.
    void prefoldedTextsIndexAsFoldingAgain()
    {
        QTemporaryDir dir;
        Result<std::unique_ptr<SqliteDatabase>> db =
            SqliteDatabase::open(dir.filePath(u"prefolded.sqlite3"_s));
        QVERIFY(db.ok());
        SqliteDatabase &d = *db.value();
        QVERIFY(d.execScript(
                     "CREATE VIRTUAL TABLE again USING fts5(head, body, tokenize='br_cjk pairs');"
                     "CREATE VIRTUAL TABLE ahead USING fts5(head, body, tokenize='br_cjk pairs');"
                     "CREATE VIRTUAL TABLE again_chars USING fts5(head, body, "
                     "tokenize='br_cjk chars', detail=none);"
                     "CREATE VIRTUAL TABLE ahead_chars USING fts5(head, body, "
                     "tokenize='br_cjk chars', detail=none);"
                     "CREATE VIRTUAL TABLE again_v USING fts5vocab(again, instance);"
                     "CREATE VIRTUAL TABLE ahead_v USING fts5vocab(ahead, instance);"
                     "CREATE VIRTUAL TABLE again_cv USING fts5vocab(again_chars, row);"
                     "CREATE VIRTUAL TABLE ahead_cv USING fts5vocab(ahead_chars, row);")
                    .ok());
        QStringList texts = {
            u"扶貧攻堅：ＡＢＣ　abc，１２３年「聊城市」"_s,
            u"ﬁnance ligature: one character, two when folded; aﬁb, ﬁﬁ"_s,
            u"扶贫……攻坚⑩号℃度，soft\u00ADhyphen 扶\u00AD贫"_s,
            u"县委书记\n调研𠀋村 𠀋 扶贫"_s,
            u"·—…『』 no word characters but these"_s,
            u"Ｅ"_s,
            // Runs ending on the character the next begins with (RunBreaks), 動 folded to 动.
            u"大学。学生，生活；活动。動作 甲 作风、风\u00AD气"_s,
        };
        for (const QString &name : QDir(test::seedsPath()).entryList({u"*.txt"_s}).mid(0, 2))
            texts.append(QString::fromUtf8(test::readAll(test::seedsPath(name))));
        PrefoldedTexts prefolded;
        for (const QString &text : texts)
            prefolded.add(text.toUtf8(), PrefoldedTexts::fold(text.toUtf8()));
        // A text folded ahead, and one with the same start, end and length that was not.
        prefolded.add("扶贫工作：甲：发展成果"_ba, "扶贫工作：甲：发展成果"_ba);
        texts.append(u"扶贫工作：乙：发展成果"_s);
        // One character from one; two from one, and none, kept apart; a text folding to itself
        // is its own folded form.
        QCOMPARE(PrefoldedTexts::fold("扶貧"_ba), "扶贫"_ba);
        QCOMPARE(PrefoldedTexts::fold("aﬁ\xC2\xAD"_ba), "a\xFE"
                                                        "fi\xFF\xFE\xFF"_ba);
        const QByteArray same = "扶贫 abc"_ba;
        QVERIFY(PrefoldedTexts::fold(same).isSharedWith(same));
        {
            // Thousands of texts, as a batch of an import has: each found, as itself.
            PrefoldedTexts many;
            QList<QByteArray> sources;
            for (int k = 0; k < 5000; ++k)
                sources.append(QByteArray::number(k * 7919) + "號");
            for (const QByteArray &source : sources)
                many.add(source, PrefoldedTexts::fold(source));
            for (const QByteArray &source : sources) {
                const QByteArray *found =
                    many.find(source.constData(), static_cast<int>(source.size()));
                QVERIFY(found);
                QCOMPARE(*found, source.chopped(3) + "号");
            }
            QVERIFY(!many.find("7919號!", 10));
        }
        // prepared() keeps statements by the address of their text: literals only.
        const auto insert = [&](const char *sql) {
            for (qsizetype k = 0; k < texts.size(); ++k) {
                PreparedStatement s = d.prepared(sql);
                QVERIFY(s);
                const Status inserted = s->bind(1, qint64(k + 1))
                                            .bind(2, texts[(k + 1) % texts.size()])
                                            .bind(3, texts[k])
                                            .run();
                QVERIFY2(inserted.ok(), qPrintable(inserted.errorMessage()));
            }
        };
        insert("INSERT INTO again (rowid, head, body) VALUES (?1, ?2, ?3)");
        insert("INSERT INTO again_chars (rowid, head, body) VALUES (?1, ?2, ?3)");
        {
            const PrefoldedTexts::Scope scope(prefolded);
            insert("INSERT INTO ahead (rowid, head, body) VALUES (?1, ?2, ?3)");
            insert("INSERT INTO ahead_chars (rowid, head, body) VALUES (?1, ?2, ?3)");
        }
        const auto rowsOf = [&](const char *sql) {
            QStringList rows;
            PreparedStatement s = d.prepared(sql);
            while (s && s->step() == Statement::Step::Row)
                rows.append(s->text(0));
            return rows;
        };
        const QStringList again = rowsOf("SELECT term || ' ' || doc || ' ' || col || ' ' || offset "
                                         "FROM again_v ORDER BY 1");
        QVERIFY(again.size() > 1000);
        // Six breaks in the text of runs (texts[6]): the body of row 7, the head of row 6.
        for (const QString &rowAndColumn : {u"\x1f 7 body "_s, u"\x1f 6 head "_s})
            QCOMPARE(
                std::count_if(again.cbegin(), again.cend(),
                              [&](const QString &row) { return row.startsWith(rowAndColumn); }),
                6);
        QCOMPARE(rowsOf("SELECT term || ' ' || doc || ' ' || col || ' ' || offset FROM ahead_v "
                        "ORDER BY 1"),
                 again);
        const QStringList againChars =
            rowsOf("SELECT term || ' ' || doc FROM again_cv ORDER BY 1"); // no counts: detail=none
        QVERIFY(againChars.size() > 500);
        QVERIFY(std::any_of(againChars.cbegin(), againChars.cend(),
                            [](const QString &row) { return row.startsWith(u"乙 "); }));
        QCOMPARE(rowsOf("SELECT term || ' ' || doc FROM ahead_cv ORDER BY 1"), againChars);
        // Snippets' offsets come from the same places.
        QCOMPARE(rowsOf("SELECT highlight(ahead, 0, '[', ']') || highlight(ahead, 1, '[', ']') "
                        "FROM ahead WHERE ahead MATCH '扶贫' ORDER BY rowid"),
                 rowsOf("SELECT highlight(again, 0, '[', ']') || highlight(again, 1, '[', ']') "
                        "FROM again WHERE again MATCH '扶贫' ORDER BY rowid"));
    }

    // All hits of a common word are handed over a few hundred at a time: the same hits in the
    // same order as the whole list, ranks running on across the pieces, and the visitor can stop.
    void hitsComeAsTheyAreMade()
    {
        Result<std::unique_ptr<Library>> library =
            Library::open(m_dir.filePath(u"generated.sqlite3"_s));
        QVERIFY(library.ok());
        for (const QString &query : {u"的"_s, u"扶贫"_s}) {
            int total = 0;
            const Result<QList<SearchHit>> all =
                library.value()->search(query, QString(), 0, &total);
            QVERIFY(all.ok());
            QCOMPARE(all->size(), total);
            int streamedTotal = -1;
            qsizetype at = 0;
            QVERIFY(library.value()
                        ->forEachHit(query, QString(), 0, &streamedTotal,
                                     [&](SearchHit &hit) {
                                         const bool same = at < all->size() &&
                                                           hit.articleId == all->at(at).articleId &&
                                                           hit.rank == static_cast<double>(at) &&
                                                           hit.snippet == all->at(at).snippet;
                                         ++at;
                                         return same;
                                     })
                        .ok());
            QCOMPARE(at, all->size());
            QCOMPARE(streamedTotal, total);
        }
        int total = 0;
        QVERIFY(library.value()->search(u"的"_s, QString(), 0, &total).ok());
        QVERIFY2(total > 500, qPrintable(QString::number(total)));
        int seen = 0;
        QVERIFY(library.value()
                    ->forEachHit(u"的"_s, QString(), 0, nullptr,
                                 [&](SearchHit &) { return ++seen < 3; })
                    .ok());
        QCOMPARE(seen, 3);
    }

    // A term is found where its characters stand one after the other, not where one run of
    // text ends on the character the next begins with: 大学。学生 holds 大学 and 学生, not
    // 大学生 (its pairs 大学 and 学生 used to stand one after the other in the index). Also with
    // a run of one character, which has no pair, between them; and in a headline against its
    // body.
    void phrasesDoNotRunAcrossPunctuation()
    {
        const QStringList pages{
            u"高校招生工作顺利结束\n\n今年他考入大学。学生们都来祝贺他，这是全村的喜事。\n"_s,
            u"关于开展卫生检查的通知\n\n各村要搞好环境卫生，生健康、讲文明，A、生健等。\n"_s,
            u"乡村振兴在行动\n\n脱贫攻坚，坚持到底：振兴乡村——村民说好。\n"_s,
            u"城乡环境卫生\n\n城乡环境卫生整治取得成效，环境卫生明显改善。\n"_s};
        // Stored page by page, and by the importer (whose readers fold the texts ahead).
        const QString byPage = m_dir.filePath(u"runs.sqlite3"_s);
        const QString imported = m_dir.filePath(u"runs-imported.sqlite3"_s);
        {
            QVERIFY(libraryWith(byPage, pages, u"runs"_s));
            QTemporaryDir folder;
            for (qsizetype i = 0; i < pages.size(); ++i) {
                QFile file(folder.filePath(u"runs%1.txt"_s.arg(i)));
                QVERIFY(file.open(QIODevice::WriteOnly));
                QVERIFY(file.write(pages[i].toUtf8()) > 0);
            }
            Result<std::unique_ptr<Library>> other = Library::open(imported);
            QVERIFY(other.ok());
            QCOMPARE(Importer(*other.value()).importPaths({folder.path()}).pagesImported, 4);
        }
        for (const QString &path : {byPage, imported}) {
            Result<std::unique_ptr<Library>> library = Library::open(path);
            QVERIFY(library.ok());
            const test::Corpus corpus = test::corpusOf(path);
            QVERIFY(corpus.ids.size() >= 4);
            for (const QString &query :
                 {u"大学生"_s,         u"入大学生们"_s,     u"卫生健康"_s,      u"生生健"_s,
                  u"攻坚坚持"_s,       u"坚坚"_s,           u"乡村村民"_s,      u"卫生城乡"_s,
                  u"大学"_s,           u"学生"_s,           u"卫生"_s,          u"环境卫生"_s,
                  u"大学。学生"_s,     u"入大学。学生们"_s, u"卫生，生健康"_s,  u"生健康、讲文明"_s,
                  u"攻坚，坚持到底"_s, u"坚，坚持"_s,       u"乡村——村民"_s,    u"到底：振兴"_s,
                  u"A、生健"_s,        u"文明，A、生健"_s,  u"卫生整治，环境"_s}) {
                const QList<qint64> expected = test::bruteForce(corpus, query);
                QCOMPARE(library.value()->searchIds(query).value(), expected);
                int total = -1;
                QVERIFY(library.value()->search(query, {}, 0, &total).ok());
                QCOMPARE(total, expected.size());
            }
            QCOMPARE(library.value()->searchIds(u"大学生"_s).value().size(), 0);
            QCOMPARE(library.value()->searchIds(u"环境卫生"_s).value().size(), 2);
        }
    }

    // A phrase of several pairs is matched by HitReader on the position lists of its tokens
    // (FTS5 finding the articles that hold them all): it must find and count exactly what FTS5's
    // phrase does. Runs that overlap themselves count once for every place they start; a run
    // never goes on across punctuation or from the headline into the body.
    void runsCountAsFts5Phrases()
    {
        const QStringList pages{u"哈哈哈哈\n\n他说：哈哈哈哈哈，真是哈哈哈的好日子。\n"_s,
                                u"哈哈哈\n\n村里人说哈哈哈，都笑了。\n"_s,
                                u"不是哈哈\n\n哈哈。哈哈，哈哈、哈哈。\n"_s,
                                u"讲卫生\n\n健康生活，卫生健康委卫生健康卫生健康，卫生。健康。\n"_s,
                                u"搞好卫生\n\n健康第一，卫生健，生健康。\n"_s};
        const QString path = m_dir.filePath(u"overlaps.sqlite3"_s);
        const std::unique_ptr<Library> library = libraryWith(path, pages, u"overlap"_s);
        QVERIFY(library);
        Result<std::unique_ptr<SqliteDatabase>> other = SqliteDatabase::open(path);
        QVERIFY(other.ok());
        const test::Corpus corpus = test::corpusOf(path);
        const auto compare = [&](const QString &query, qsizetype expected) {
            int total = -1;
            const Result<QList<SearchHit>> hits = library->search(query, {}, 0, &total);
            QVERIFY(hits.ok());
            QList<qint64> ours;
            for (const SearchHit &hit : hits.value())
                ours.append(hit.articleId);
            PreparedStatement s =
                other.value()->prepared("SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 "
                                        "ORDER BY bm25(article_fts, 4.0, 1.0), rowid");
            s->bind(1, SearchQuery::parse(query).includedExpressions().pairs);
            QList<qint64> fts5;
            while (s->step() == Statement::Step::Row)
                fts5.append(s->int64(0));
            QCOMPARE(ours, fts5);
            QCOMPARE(total, expected);
            QList<qint64> sorted = ours;
            std::sort(sorted.begin(), sorted.end());
            QCOMPARE(sorted, test::bruteForce(corpus, query));
        };
        for (const bool sideBySide : {false, true}) {
            std::optional<SideBySide> threads;
            if (sideBySide)
                threads.emplace();
            compare(u"哈哈哈"_s, 2);   // not where 哈哈 stand apart
            compare(u"哈哈哈哈"_s, 1); // the first page holds it four times in all
            compare(u"卫生健康"_s, 1); // not from the headline into the body, nor across 。
            compare(u"卫生健"_s, 2);
            compare(u"生健康"_s, 2);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // Side by side, each connection reads in a transaction of its own: when another connection
    // commits between two ranges, what was read would mix two states of the library. The
    // phrases are then read again, alone: an article deleted meanwhile is not among the hits,
    // whichever range it was in.
    void sideBySideReadsAgainAfterAnotherCommit_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("reads"); // ranges and slices, on three connections
        QTest::newRow("run of pairs, row by row") << u"卫生健康"_s << 3;
        // The filtered phrase's slices are read after the leader's: the article goes after
        // both phrases were read where it is.
        QTest::newRow("pairs walked, one filtered") << u"卫生 健康"_s << 6;
    }

    void sideBySideReadsAgainAfterAnotherCommit()
    {
        QFETCH(QString, query);
        QFETCH(int, reads);
        const QString path =
            m_dir.filePath(u"commits-%1.sqlite3"_s.arg(QString::number(query.size())));
        QStringList pages;
        for (int i = 0; i < 12; ++i)
            pages.append(u"卫生健康第%1期\n\n县卫生健康局召开会议，部署第%1项工作。\n"_s.arg(i));
        const std::unique_ptr<Library> library = libraryWith(path, pages, u"commit"_s);
        QVERIFY(library);
        Result<std::unique_ptr<SqliteDatabase>> other = SqliteDatabase::open(path);
        QVERIFY(other.ok());
        const QList<qint64> before = library->searchIds(query).value();
        QCOMPARE(before.size(), 12);

        const SideBySide sideBySide;
        std::atomic_bool deleted = false;
        std::atomic_int read = 0;
        qint64 deletedId = -1;
        HitReaders::setAfterRangeRead([&](qint64 first, qint64 last) {
            if (++read < reads || deleted.exchange(true))
                return;
            // After the search's last read, an article of the range it read goes, through the
            // other connection.
            for (const qint64 id : before) {
                if (id >= first && id <= last) {
                    deletedId = id;
                    break;
                }
            }
            PreparedStatement drop = other.value()->prepared("DELETE FROM article WHERE id = ?1");
            drop->bind(1, deletedId);
            (void)drop->run();
        });
        const QList<qint64> ids = library->searchIds(query).value();
        int total = -1;
        const Result<QList<SearchHit>> hits = library->search(query, {}, 0, &total);
        HitReaders::setAfterRangeRead({});
        QVERIFY(deleted.load());
        QVERIFY(deletedId > 0);
        QList<qint64> expected = before;
        expected.removeAll(deletedId);
        QCOMPARE(ids, expected);
        QVERIFY(hits.ok());
        QCOMPARE(total, 11);
    }

    // The first k hits of a search are the first k of its whole order; a search of single
    // characters alone, made right after a ranked one, is in id order (its scores are not the
    // last search's).
    void shownHitsAreTheBestOfTheWholeOrder()
    {
        Result<std::unique_ptr<Library>> library =
            Library::open(m_dir.filePath(u"generated.sqlite3"_s));
        QVERIFY(library.ok());
        const auto idsOf = [&](const QString &query, int limit) {
            QList<qint64> ids;
            const Result<QList<SearchHit>> hits = library.value()->search(query, {}, limit);
            for (const SearchHit &hit : hits.value())
                ids.append(hit.articleId);
            return ids;
        };
        for (const QString &query : {u"扶贫"_s, u"扫黑除恶"_s, u"莘县 扶贫"_s}) {
            const QList<qint64> whole = idsOf(query, 0);
            QVERIFY2(whole.size() > 20, qPrintable(query));
            for (const int k : {1, 7, 20})
                QCOMPARE(idsOf(query, k), whole.first(k));
        }
        QVERIFY(!idsOf(u"扶贫"_s, 5).isEmpty());
        const QList<qint64> characters = idsOf(u"的"_s, 0);
        QVERIFY(characters.size() > 20);
        QVERIFY(std::is_sorted(characters.begin(), characters.end()));
        QCOMPARE(characters, library.value()->searchIds(u"的"_s).value());
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
        makeOldLibrary(path, 2, "");
        if (QTest::currentTestFailed())
            return;
        Result<std::unique_ptr<Library>> library = Library::open(path);
        QVERIFY2(library.ok(), qPrintable(library.errorMessage()));
        QCOMPARE(library.value()->searchIds(u"贫困"_s).value().size(), 1);
        QCOMPARE(library.value()->searchIds(u"脱"_s).value().size(), 1);
    }

    // A library of schema 6 (one index of pairs and each run's last character) gets the pairs
    // table and the characters table of schema 7, both rebuilt from its articles.
    // Version 15 builds the pairs index again (RunBreaks): what a library of version 14 holds
    // is found by it, and not across punctuation.
    void migrationBuildsThePairsAgain()
    {
        const QString path = m_dir.filePath(u"v14.sqlite3"_s);
        {
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(path);
            QVERIFY(db.ok());
            QVERIFY(Migrations::migrate(*db.value(), 14).ok());
            const Status made = db.value()->execScript(
                "INSERT INTO page (file_name, source_path, sha256, byte_size, encoding, "
                "imported_at) VALUES ('a.txt', '/a.txt', 'abc', 3, 'UTF-8', '2020-01-01');"
                "INSERT INTO page_text (page_id, raw_text) VALUES (1, '');"
                "INSERT INTO article (page_id, ord, start_line, end_line, title) "
                "VALUES (1, 0, 1, 1, '高校招生');"
                "INSERT INTO article_body (article_id, plain_text) "
                "VALUES (1, '今年他考入大学。学生们都来祝贺。');");
            QVERIFY2(made.ok(), qPrintable(made.errorMessage()));
        }
        Result<std::unique_ptr<Library>> library = Library::open(path);
        QVERIFY2(library.ok(), qPrintable(library.errorMessage()));
        QCOMPARE(library.value()->searchIds(u"大学"_s).value(), QList<qint64>{1});
        QCOMPARE(library.value()->searchIds(u"高校招生"_s).value(), QList<qint64>{1});
        QVERIFY(library.value()->searchIds(u"大学生"_s).value().isEmpty());
    }

    void migrationSplitsTheIndex()
    {
        const QString path = m_dir.filePath(u"v6.sqlite3"_s);
        // Version 6 has the importer fill the index; here 'rebuild' does.
        makeOldLibrary(path, 6, "INSERT INTO article_fts (article_fts) VALUES ('rebuild');");
        if (QTest::currentTestFailed())
            return;
        {
            Result<std::unique_ptr<Library>> library = Library::open(path);
            QVERIFY2(library.ok(), qPrintable(library.errorMessage()));
            for (const QString &query : {u"了"_s, u"县"_s, u"扶贫"_s, u"贫困户脱贫"_s})
                QVERIFY2(library.value()->searchIds(query).value() == QList<qint64>{1},
                         qPrintable(query));
            QVERIFY(library.value()->searchIds(u"扶贫 -了"_s).value().isEmpty());
        }
        Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(path);
        QCOMPARE(db.value()->userVersion(), Migrations::kCurrentVersion);
        QVERIFY(db.value()
                    ->execScript("INSERT INTO article_fts (article_fts, rank) VALUES "
                                 "('integrity-check', 1);"
                                 "INSERT INTO article_chars (article_chars, rank) VALUES "
                                 "('integrity-check', 1);")
                    .ok());
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
