// Saved e-paper pages: each shape of HTML read into articles by a real parser, untrusted markup
// reduced to its text, and a document with no article text refused.

#include "exchange/HtmlPage.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "library/PageReader.h"
#include "testsupport/LibrarySupport.h"
#include "testsupport/TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

Result<ReadPage> readHtml(const QString &name)
{
    return PageReader(exchangePageFormats()).readFile(test::dataPath(u"html/"_s + name));
}

QStringList blockTexts(const Article &a, Block::Type type)
{
    QStringList texts;
    for (const Block &b : a.blocks) {
        if (b.type == type)
            texts.append(b.text);
    }
    return texts;
}

} // namespace

class TestHtml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void epaperArticleInGb2312()
    {
        Result<ReadPage> read = readHtml(u"epaper-article-gb2312.html"_s);
        QVERIFY2(read.ok(), qPrintable(read.errorMessage()));
        QCOMPARE(read->decoded.encoding, u"GB18030"_s);
        QCOMPARE(read->page.articles.size(), 1); // the site's menu and footer are no story
        const Article &a = read->page.articles.front();
        QCOMPARE(a.kicker, u"以6大项31条共性问题为靶心——"_s);
        QCOMPARE(a.title, u"聊城扫黑除恶百日会战全面打响"_s);
        QCOMPARE(a.subtitle, u"全市上下形成强大攻势"_s);
        QCOMPARE(a.byline, u"本报记者 肖会 本报通讯员 赵美丽"_s);
        QCOMPARE(blockTexts(a, Block::Type::Caption),
                 QStringList{u"△ 5月27日，民警在街头向群众发放扫黑除恶宣传材料。"_s});
        const QStringList paragraphs = blockTexts(a, Block::Type::Paragraph);
        QCOMPARE(paragraphs.size(), 3);
        // The indent is the layout's, the link keeps its words, markup is gone.
        QCOMPARE(paragraphs[0], u"近日，从吉林省榆树市流窜到聊城的犯罪团伙被我市警方一举打掉，"
                                u"扫黑除恶专项斗争取得阶段性成果。"_s);
        QCOMPARE(paragraphs[1], u"针对2018年中央督导组反馈的问题，市委、市政府召开专题会议，"
                                u"逐条研究整改措施。"_s);
        // Escaped angle brackets are text, as printed.
        QVERIFY(paragraphs[2].contains(u"<下一步>"_s));
        const QString all = a.plainText();
        for (const QString &never : {u"这段脚本不是正文"_s, u"javascript"_s, u"steal"_s,
                                     u"版权所有"_s, u"首页"_s, u"<b>"_s, u"onclick"_s})
            QVERIFY2(!all.contains(never), qPrintable(never));
        QCOMPARE(a.suggestions.front().campaign, u"anti-crime"_s);
    }

    void pageOfStoriesWithSubheadsAndFigures()
    {
        Result<ReadPage> read = readHtml(u"two-stories.html"_s);
        QVERIFY(read.ok());
        QCOMPARE(read->page.masthead, QStringList{u"脱贫攻坚专版"_s});
        QCOMPARE(read->page.articles.size(), 2);
        const Article &first = read->page.articles[0];
        QCOMPARE(first.title, u"莘县精准扶贫“大回访”"_s);
        QCOMPARE(first.subtitle, u"杜绝“被脱贫”"_s);
        QCOMPARE(first.byline, u"文/本报记者 王明"_s);
        QCOMPARE(blockTexts(first, Block::Type::Subhead),
                 (QStringList{u"一、摸清底数"_s, u"二、补齐短板"_s}));
        QCOMPARE(blockTexts(first, Block::Type::Paragraph).size(), 3);
        const Article &second = read->page.articles[1];
        QCOMPARE(second.title, u"牛角店镇实施百岁老人健康长寿工程"_s);
        QCOMPARE(blockTexts(second, Block::Type::Caption),
                 QStringList{u"图为医生为老人测量血压。"_s});
    }

    void pageWithoutHeadingsIsNamedByItsTitle()
    {
        Result<ReadPage> read = readHtml(u"no-headings.html"_s);
        QVERIFY(read.ok());
        QCOMPARE(read->page.articles.size(), 1);
        const Article &a = read->page.articles.front();
        QCOMPARE(a.title, u"文明创建简讯"_s);
        QCOMPARE(blockTexts(a, Block::Type::Paragraph),
                 (QStringList{u"东昌府区开展文明城市创建志愿服务活动。"_s,
                              u"志愿者走上街头劝导不文明行为。"_s}));
    }

    void documentWithoutArticleTextIsRefused()
    {
        Result<ReadPage> read =
            PageReader(exchangePageFormats()).readFile(test::dataPath(u"bad/page.html"_s));
        QVERIFY(!read.ok());
        QVERIFY2(read.errorMessage().contains(u"HTML document with no article text"_s),
                 qPrintable(read.errorMessage()));
        // Without the exchange layer's reader HTML stays refused, and says so.
        Result<ReadPage> plain = PageReader().readFile(test::dataPath(u"html/two-stories.html"_s));
        QVERIFY(!plain.ok());
        QVERIFY(plain.errorMessage().contains(u"is an HTML document"_s));
    }

    void importedFromAFolderWithTheRest()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::unique_ptr<Library> lib = test::openLibrary(dir.filePath(u"html.sqlite3"_s));
        Importer importer(*lib, exchangePageFormats());
        const ImportReport report =
            importer.importPaths({test::dataPath(u"html"_s), test::dataPath(u"bad/page.html"_s)});
        QCOMPARE(report.pagesImported, 3);
        QCOMPARE(report.articles, 4);
        QCOMPARE(report.refused.size(), 1);
        QVERIFY(report.refused.front().path.endsWith(u"bad/page.html"_s));
        QVERIFY(lib->searchIds(u"百岁老人"_s)->size() == 1);
    }
};

QTEST_GUILESS_MAIN(TestHtml)
#include "tst_html.moc"
