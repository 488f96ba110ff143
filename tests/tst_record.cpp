// The archival record through hand corrections of the split and a re-split: every tag and note
// survives, annotations are found again in the new text, undo puts back exactly what was there,
// and positions count code points.

#include "exchange/HtmlPage.h"
#include "library/ArticleEditor.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "library/Migrations.h"
#include "library/PageReader.h"
#include "library/SqliteDatabase.h"
#include "testsupport/LibrarySupport.h"
#include "testsupport/TestSupport.h"
#include "text/CodePoints.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace br;
using br::test::highlight;
using br::test::openLibrary;
using namespace Qt::StringLiterals;

namespace {

// A page with a character outside the Basic Multilingual Plane (𠀀, U+20000) in its second story.
const QString kAstralPage =
    u"扶贫攻坚专版\n\n\n"
    u"驻村书记带领群众脱贫\n\n"
    u"□ 本报记者 王明\n\n"
    u"今年以来，驻村第一书记带领群众发展特色种植，建档立卡贫困户人均增收两千元，村集体经济"
    u"从无到有，群众脱贫信心更足了。\n\n"
    u"下一步，村里将继续壮大产业，巩固脱贫成果。\n\n\n"
    u"𠀀村电商扶贫走出新路\n\n"
    u"□ 本报记者 李强\n\n"
    u"在𠀀村，合作社把农产品搬上网店，贫困户足不出户就能把土鸡蛋卖到全国各地，"
    u"电商扶贫让山里的好东西走出了大山。\n\n"
    u"如今，全村已有三十多户开起了网店。\n"_s;

void importSeeds(Library &lib)
{
    Importer importer(lib);
    const ImportReport report = importer.importPaths({test::seedsPath()});
    if (report.pagesImported != 5)
        qFatal("seed import failed");
}

// What a person added to a set of articles: tags and notes, counted.
struct Record
{
    int tags = 0;
    int notes = 0;
};

Record recordOf(Library &lib)
{
    Record r;
    const Result<QList<ArticleSummary>> all = lib.articles();
    for (const ArticleSummary &a : all.value()) {
        r.tags += static_cast<int>(a.campaigns.size());
        r.notes += a.annotations;
    }
    return r;
}

// Every annotation of the library stands on the text it quotes.
void verifyAnchored(Library &lib)
{
    for (const ArticleSummary &s : lib.articles().value()) {
        const QString text = lib.article(s.id)->article.plainText();
        for (const Annotation &a : lib.annotations(s.id).value()) {
            QCOMPARE(a.anchor, AnchorState::Exact);
            QCOMPARE(CodePoints::mid(text, a.start, a.end), a.quote);
            const auto [from, to] = a.utf16Range(text);
            QCOMPARE(text.mid(from, to - from), a.quote);
        }
    }
}

bool sameRecord(const StoredArticle &a, const StoredArticle &b)
{
    if (a.id != b.id || a.uuid != b.uuid || a.tags != b.tags ||
        a.article.blocks != b.article.blocks || a.article.title != b.article.title ||
        a.article.kicker != b.article.kicker || a.article.byline != b.article.byline ||
        a.article.credit != b.article.credit || a.annotations.size() != b.annotations.size() ||
        a.countyCorrection != b.countyCorrection || a.unitCorrection != b.unitCorrection ||
        a.headlineEdited != b.headlineEdited)
        return false;
    for (qsizetype i = 0; i < a.annotations.size(); ++i) {
        const Annotation &x = a.annotations[i];
        const Annotation &y = b.annotations[i];
        if (x.id != y.id || x.start != y.start || x.end != y.end || x.quote != y.quote ||
            x.note != y.note || x.createdAt != y.createdAt || x.anchor != y.anchor ||
            x.uuid != y.uuid || x.author != y.author)
            return false;
    }
    return true;
}

QList<qint64> searchIds(Library &lib, const QString &query)
{
    return lib.searchIds(query).value();
}

} // namespace

class TestRecord : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_libraries = 0;
    QString newLibraryPath() { return m_dir.filePath(u"record-%1.sqlite3"_s.arg(++m_libraries)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void mergeKeepsTagsAndNotesAndUndoPutsBackExactly()
    {
        const std::unique_ptr<Library> lib = openLibrary(newLibraryPath());
        importSeeds(*lib);
        const QList<qint64> page = lib->pageArticleIds(1).value();
        const qint64 first = page[0];
        const qint64 second = page[1];
        QVERIFY(lib->setCampaign(first, u"anti-crime"_s, true).ok());
        QVERIFY(lib->setCampaign(second, u"anti-crime"_s, true, TagSource::Suggestion).ok());
        QVERIFY(lib->setCampaign(second, u"civilization-city"_s, true).ok());
        QVERIFY(lib->setCounty(second, u"371502"_s).ok());
        highlight(*lib, first, u"挤压黑恶势力滋生空间"_s, u"标题里的说法"_s);
        highlight(*lib, second, u"主题党日"_s, u"第二篇的笔记"_s);
        const QString secondTitle = lib->article(second)->article.title;
        const QList<StoredArticle> before = lib->storedArticles(page).value();
        const Record recordBefore = recordOf(*lib);

        ArticleEditor editor(*lib);
        Result<ArticleRewrite> merge = editor.merge(first, second);
        QVERIFY2(merge.ok(), qPrintable(merge.errorMessage()));
        QCOMPARE(merge->exact, 2);
        QVERIFY(editor.apply(merge.value()).ok());
        QCOMPARE(merge->afterIds(), QList<qint64>{first});

        const ArticleDetail merged = lib->article(first).value();
        QCOMPARE(lib->pageArticleIds(1)->size(), page.size() - 1);
        QCOMPARE(merged.campaigns, (QStringList{u"anti-crime"_s, u"civilization-city"_s}));
        QVERIFY(!merged.acceptedSuggestions.contains(u"anti-crime"_s)); // a person's tag wins
        QCOMPARE(merged.mainCounty, 371502);                            // the correction came along
        QCOMPARE(lib->annotations(first)->size(), 2);
        // Nothing of the two texts is lost: the second's headline is a subhead of the merged one.
        QCOMPARE(merged.article.plainText(),
                 before[0].article.plainText() + u'\n' + before[1].article.plainText());
        QVERIFY(std::any_of(merged.article.blocks.begin(), merged.article.blocks.end(),
                            [&](const Block &b) {
                                return b.type == Block::Type::Subhead && b.text == secondTitle;
                            }));
        verifyAnchored(*lib);
        // The search index follows the text.
        QVERIFY(searchIds(*lib, u"好支部共建"_s).contains(first));
        QVERIFY(!searchIds(*lib, u"好支部共建"_s).contains(second));
        QCOMPARE(recordOf(*lib).notes, recordBefore.notes);

        QVERIFY(lib->isPageCorrected(1).value());
        QVERIFY(editor.undo(merge.value()).ok());
        QVERIFY(!lib->isPageCorrected(1).value()); // the page is as it was, unmarked too
        const QList<StoredArticle> restored = lib->storedArticles(page).value();
        QCOMPARE(lib->pageArticleIds(1).value(), page);
        for (qsizetype i = 0; i < before.size(); ++i)
            QVERIFY2(sameRecord(before[i], restored[i]), qPrintable(u"article %1"_s.arg(page[i])));
        QVERIFY(searchIds(*lib, u"好支部共建"_s).contains(second));
        QCOMPARE(recordOf(*lib).tags, recordBefore.tags);

        // Redo stores the same record again: same ids, same uuid.
        QVERIFY(editor.apply(merge.value()).ok());
        QCOMPARE(lib->storedArticles({first})->front().uuid, before[0].uuid);
        verifyAnchored(*lib);
    }

    void splitAtTheCursorSendsNotesWithTheirText()
    {
        const std::unique_ptr<Library> lib = openLibrary(newLibraryPath());
        importSeeds(*lib);
        const qint64 id = lib->pageArticleIds(2)->front();
        const ArticleDetail whole = lib->article(id).value();
        QVERIFY(whole.article.blocks.size() >= 3);
        QVERIFY(lib->setCampaign(id, u"anti-crime"_s, true).ok());
        const QString lastBlock = whole.article.blocks.last().text;
        const QString early = whole.article.blocks[0].text.left(12);
        highlight(*lib, id, early);
        highlight(*lib, id, lastBlock.right(10), u"在后半篇"_s);

        ArticleEditor editor(*lib);
        const int cut = static_cast<int>(whole.article.blocks.size()) - 1;
        Result<ArticleRewrite> split = editor.split(id, cut, 5);
        QVERIFY2(split.ok(), qPrintable(split.errorMessage()));
        QVERIFY(editor.apply(split.value()).ok());
        const QList<qint64> parts = split->afterIds();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[0], id);
        const ArticleDetail second = lib->article(parts[1]).value();
        QCOMPARE(second.article.blocks.front().text, CodePoints::mid(lastBlock, 5, 9999));
        QCOMPARE(lib->article(id)->article.blocks.last().text, CodePoints::mid(lastBlock, 0, 5));
        QCOMPARE(second.campaigns, QStringList{u"anti-crime"_s}); // both halves keep the tag
        QCOMPARE(lib->annotations(id)->size(), 1);
        QCOMPARE(lib->annotations(parts[1])->size(), 1);
        QCOMPARE(lib->annotations(parts[1])->front().note, u"在后半篇"_s);
        verifyAnchored(*lib);
        // A hand correction marks the page: a re-split leaves it alone.
        const auto pages = lib->pagesForResplit().value();
        QVERIFY(std::any_of(pages.begin(), pages.end(),
                            [&](const auto &p) { return p.first == whole.pageId && p.second; }));

        // Refused: a block that is not there, a cut outside the block; nothing changes.
        QVERIFY(!editor.split(id, 99).ok());
        QVERIFY(!editor.split(id, 0, 0).ok());
        QVERIFY(!editor.split(id, 0).ok());
        QVERIFY(!editor.merge(id, id + 1000).ok());
    }

    void headlineEditOrphansANoteOnTheOldTitle()
    {
        const std::unique_ptr<Library> lib = openLibrary(newLibraryPath());
        importSeeds(*lib);
        const qint64 id = lib->pageArticleIds(2)->front();
        const ArticleDetail a = lib->article(id).value();
        highlight(*lib, id, a.article.title);
        highlight(*lib, id, a.article.blocks[0].text.left(15));
        ArticleEditor editor(*lib);
        HeadlineEdit edit;
        edit.title = u"扫黑除恶专项斗争全面展开"_s;
        Result<ArticleRewrite> set = editor.setHeadline(id, edit);
        QVERIFY(set.ok());
        QCOMPARE(set->orphaned, 1);
        QCOMPARE(set->exact, 1);
        QVERIFY(editor.apply(set.value()).ok());
        QCOMPARE(lib->article(id)->article.title, u"扫黑除恶专项斗争全面展开"_s);
        const QList<Annotation> review = lib->annotationsToReview().value();
        QCOMPARE(review.size(), 1);
        QCOMPARE(review[0].quote, a.article.title); // what was highlighted stays on record
        QCOMPARE(review[0].anchor, AnchorState::Orphaned);
        QVERIFY(searchIds(*lib, u"全面展开"_s).contains(id));
        // Attaching it again by hand: it is exact from then on.
        const QString text = lib->article(id)->article.plainText();
        const Annotation again = review[0].reattachedTo(text, 0, 4); // the new title's start
        QVERIFY(lib->setAnnotationAnchor(again).ok());
        QVERIFY(lib->annotationsToReview()->isEmpty());
        // Headline edits are not a change of the split: the page is not marked.
        for (const auto &[page, corrected] : lib->pagesForResplit().value())
            QVERIFY(!corrected);
    }

    void positionsCountCodePoints()
    {
        const std::unique_ptr<Library> lib = openLibrary(newLibraryPath());
        Result<ReadPage> read = PageReader().readBytes(u"astral.txt"_s, kAstralPage.toUtf8());
        QVERIFY(read.ok());
        QCOMPARE(read->page.articles.size(), 2);
        QVERIFY(lib->addPage(read.value()).ok());
        const QList<qint64> ids = lib->pageArticleIds(1).value();
        const QString text = lib->article(ids[1])->article.plainText();
        const qsizetype at = text.indexOf(u"合作社"_s);
        highlight(*lib, ids[1], u"合作社"_s);
        const Annotation stored = lib->annotations(ids[1])->front();
        // Two 𠀀 stand before the passage: two code points fewer than UTF-16 units.
        QCOMPARE(stored.start, at - 2);
        QCOMPARE(CodePoints::mid(text, stored.start, stored.end), u"合作社"_s);

        ArticleEditor editor(*lib);
        Result<ArticleRewrite> merge = editor.merge(ids[0], ids[1]);
        QVERIFY(merge.ok());
        QVERIFY(editor.apply(merge.value()).ok());
        const QString merged = lib->article(ids[0])->article.plainText();
        const Annotation moved = lib->annotations(ids[0])->front();
        QCOMPARE(moved.anchor, AnchorState::Exact);
        QCOMPARE(moved.start, CodePoints::fromUtf16(merged, merged.indexOf(u"合作社"_s)));
        const auto [from, to] = moved.utf16Range(merged);
        QCOMPARE(merged.mid(from, to - from), u"合作社"_s);
    }

    void resplitOfAnOlderSplitKeepsEveryTagAndNote()
    {
        const std::unique_ptr<Library> lib = openLibrary(newLibraryPath());
        importSeeds(*lib);
        const qint64 engineArticles = lib->articleCount().value();
        ArticleEditor editor(*lib);
        // An older engine ran neighbouring stories together: on every page, each pair of
        // articles is one (not a hand correction: the page stays open to a re-split).
        for (const auto &[pageId, corrected] : lib->pagesForResplit().value()) {
            QList<qint64> ids = lib->pageArticleIds(pageId).value();
            for (qsizetype i = 0; i + 1 < ids.size(); i += 2) {
                Result<ArticleRewrite> merge = editor.merge(ids[i], ids[i + 1]);
                QVERIFY(merge.ok());
                merge->byHand = false;
                QVERIFY(editor.apply(merge.value()).ok());
            }
        }
        QVERIFY(lib->articleCount().value() < engineArticles);
        // A person coded the old split: a tag and two notes on every article.
        const QStringList campaigns{u"poverty-relief"_s, u"anti-crime"_s, u"civilization-city"_s};
        int n = 0;
        for (const ArticleSummary &s : lib->articles().value()) {
            QVERIFY(lib->setCampaign(s.id, campaigns[n++ % 3], true).ok());
            const ArticleDetail d = lib->article(s.id).value();
            highlight(*lib, s.id, d.article.blocks.front().text.left(20), u"开头"_s);
            highlight(*lib, s.id, d.article.blocks.last().text.right(16), u"结尾"_s);
        }
        const Record before = recordOf(*lib);
        QList<std::pair<QString, QString>> notedTags; // note quote → its article's campaign
        for (const ArticleSummary &s : lib->articles().value()) {
            for (const Annotation &a : lib->annotations(s.id).value())
                notedTags.append({a.quote, s.campaigns.front()});
        }

        int check = 0;
        int orphaned = 0;
        for (const auto &[pageId, corrected] : lib->pagesForResplit().value()) {
            QVERIFY(!corrected);
            Result<ArticleRewrite> again = editor.resplit(pageId);
            QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
            QVERIFY(again->changesArticles());
            QVERIFY(editor.apply(again.value()).ok());
            check += again->check;
            orphaned += again->orphaned;
        }
        QCOMPARE(lib->articleCount().value(), engineArticles);
        QCOMPARE(check, 0);
        QCOMPARE(orphaned, 0);
        const Record after = recordOf(*lib);
        QCOMPARE(after.notes, before.notes);
        QVERIFY(after.tags >= before.tags); // a story run together was tagged whole: both keep it
        verifyAnchored(*lib);
        // Every note's article still carries the campaign its old article was tagged with.
        for (const ArticleSummary &s : lib->articles().value()) {
            for (const Annotation &a : lib->annotations(s.id).value()) {
                const auto it = std::find_if(notedTags.begin(), notedTags.end(),
                                             [&](const auto &x) { return x.first == a.quote; });
                QVERIFY(it != notedTags.end());
                QVERIFY2(s.campaigns.contains(it->second), qPrintable(a.quote));
            }
        }
        // The engine's own split again: a second re-split finds nothing to change.
        for (const auto &[pageId, corrected] : lib->pagesForResplit().value())
            QVERIFY(!editor.resplit(pageId)->changesArticles());
    }

    void undoAndRedoGoOnWhenAnImportTookTheIds()
    {
        const std::unique_ptr<Library> lib = openLibrary(newLibraryPath());
        QCOMPARE(Importer(*lib)
                     .importPaths({test::seedsPath(u"000_d0625b9e1a2b4771.txt"_s)})
                     .pagesImported,
                 1);
        const qint64 id = lib->pageArticleIds(1)->front();
        highlight(*lib, id, u"医闹线索6条"_s, u"拆分后的后半篇"_s);
        ArticleEditor editor(*lib);
        Result<ArticleRewrite> split = editor.split(id, 6);
        QVERIFY(split.ok());
        QVERIFY(editor.apply(split.value()).ok());
        const qint64 secondHalf = split->afterIds().at(1);
        QVERIFY(editor.undo(split.value()).ok());
        // Another writer comes between undo and redo: its articles take the freed ids.
        QCOMPARE(Importer(*lib)
                     .importPaths({test::seedsPath(u"001_1f928a1e1901fd81.txt"_s)})
                     .pagesImported,
                 1);
        QVERIFY(lib->article(secondHalf).ok()); // the id is someone else's now
        const QString theirs = lib->article(secondHalf)->article.title;
        QVERIFY2(editor.apply(split.value()).ok(), "redo");
        QVERIFY(split->afterIds().at(1) != secondHalf);
        QCOMPARE(lib->article(secondHalf)->article.title, theirs);
        QCOMPARE(lib->annotations(split->afterIds().at(1))->front().note, u"拆分后的后半篇"_s);
        QVERIFY(editor.undo(split.value()).ok());
        QCOMPARE(lib->annotations(id)->size(), 1);
    }

    void htmlPageSplitAgainByItsOwnReader()
    {
        const std::unique_ptr<Library> lib = openLibrary(newLibraryPath());
        QCOMPARE(Importer(*lib, exchangePageFormats())
                     .importPaths({test::dataPath(u"html/two-stories.html"_s)})
                     .pagesImported,
                 1);
        const QList<qint64> ids = lib->pageArticleIds(1).value();
        QCOMPARE(ids.size(), 2);
        QVERIFY(lib->setCampaign(ids[0], u"poverty-relief"_s, true).ok());
        ArticleEditor plain(*lib);
        QVERIFY(!plain.resplit(1).ok()); // no HTML reader: refused, not read as plain text
        ArticleEditor editor(*lib, exchangePageFormats());
        Result<ArticleRewrite> again = editor.resplit(1);
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QVERIFY(!again->changesArticles());
    }

    void migrationCountsOldOffsetsInCodePoints()
    {
        const QString path = newLibraryPath();
        {
            Result<std::unique_ptr<SqliteDatabase>> db = SqliteDatabase::open(path);
            QVERIFY(db.ok());
            QVERIFY(Migrations::migrate(*db.value(), 7).ok());
            const QString text = u"𠀀村电商扶贫"_s;
            PreparedStatement page = db.value()->prepared(
                "INSERT INTO page (id, file_name, source_path, sha256, byte_size, encoding, "
                "raw_text, imported_at) VALUES (1, 'a.txt', 'a.txt', 'x', 1, 'UTF-8', ?1, 'now')");
            QVERIFY(page->bind(1, text).run().ok());
            PreparedStatement article = db.value()->prepared(
                "INSERT INTO article (id, page_id, ord, start_line, end_line, blocks, plain_text) "
                "VALUES (7, 1, 0, 1, 1, '[]', ?1)");
            QVERIFY(article->bind(1, text).run().ok());
            // 扶贫 at UTF-16 units 4–6, as version 7 stored positions.
            QVERIFY(
                db.value()
                    ->execScript("INSERT INTO annotation (article_id, start_offset, end_offset, "
                                 "quote, color, created_at, updated_at) VALUES (7, 4, 6, "
                                 "'扶贫', '#ffe066', 'now', 'now')")
                    .ok());
        }
        const std::unique_ptr<Library> lib = openLibrary(path);
        const Annotation a = lib->annotations(7)->front();
        QCOMPARE(a.start, 3);
        QCOMPARE(a.end, 5);
        QCOMPARE(a.anchor, AnchorState::Exact);
        QCOMPARE(lib->storedArticles({7})->front().uuid.size(), 36);
    }
};

QTEST_GUILESS_MAIN(TestRecord)
#include "tst_record.moc"
