#include "PageGenerator.h"
#include "testsupport/TestSupport.h"
#include "text/FeatureList.h"
#include "text/LineFeatures.h"
#include "text/LineRoleModel.h"
#include "text/LineShape.h"
#include "text/PageJson.h"
#include "text/PageLines.h"
#include "text/PageSplitter.h"
#include "text/TextDecoder.h"
#include "text/WordJunction.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <unicode/translit.h>

#include <memory>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

QString squeeze(QString s)
{
    s = s.normalized(QString::NormalizationForm_KC);
    s.removeIf([](QChar c) { return c.isSpace(); });
    return s;
}

QStringList paragraphs(const Page &page)
{
    QStringList list;
    for (const Article &a : page.articles) {
        for (const Block &b : a.blocks) {
            if (b.type == Block::Type::Paragraph)
                list.append(squeeze(b.text));
        }
    }
    return list;
}

QList<Block> blocksOfType(const Article &a, Block::Type type)
{
    QList<Block> list;
    for (const Block &b : a.blocks) {
        if (b.type == type)
            list.append(b);
    }
    return list;
}

Page split(const QString &text)
{
    return PageSplitter().split(text);
}

// Every character of the page's text in exactly one place of the split — masthead, a section
// banner (once for the run of articles under it), a headline field, the byline, a block, the
// credit — and the articles in the page's order: nothing lost, nothing repeated.
void checkNothingLostOrRepeated(const QString &text, const Page &page)
{
    QString placed = page.masthead.join(QString());
    QString section;
    int lastStart = 0;
    for (const Article &a : page.articles) {
        QVERIFY2(a.startLine > lastStart, qPrintable(a.title));
        QVERIFY2(a.endLine >= a.startLine, qPrintable(a.title));
        lastStart = a.startLine;
        if (a.section != section)
            placed += a.section;
        section = a.section;
        placed += a.kicker + a.title + a.subtitle + a.byline;
        for (const Block &b : a.blocks)
            placed += b.text;
        placed += a.credit;
    }
    const auto sorted = [](const QString &s) {
        QList<uint> chars = s.toUcs4();
        chars.removeIf([](uint c) { return QChar::isSpace(c); });
        std::sort(chars.begin(), chars.end());
        return chars;
    };
    const QList<uint> want = sorted(text);
    const QList<uint> got = sorted(placed);
    if (want != got) {
        QList<uint> missing, extra;
        std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                            std::back_inserter(missing));
        std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                            std::back_inserter(extra));
        QFAIL(qPrintable(u"lost: %1 | repeated: %2"_s.arg(
            QString::fromUcs4(reinterpret_cast<const char32_t *>(missing.constData()),
                              std::min<qsizetype>(missing.size(), 80)),
            QString::fromUcs4(reinterpret_cast<const char32_t *>(extra.constData()),
                              std::min<qsizetype>(extra.size(), 80)))));
    }
}

} // namespace

class TestPageSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesGoldPages_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("000") << u"000_d0625b9e1a2b4771"_s;
        QTest::newRow("003") << u"003_87001ad0ac9e6170"_s;
    }

    void matchesGoldPages()
    {
        QFETCH(QString, name);
        const QString text = QString::fromUtf8(test::readAll(test::seedsPath(name + u".txt"_s)));
        const QJsonObject gold =
            QJsonDocument::fromJson(test::readAll(test::dataPath(u"gold/"_s + name + u".json"_s)))
                .object();
        const Page page = split(text);
        const QJsonArray goldArticles = gold.value(u"articles"_s).toArray();
        QCOMPARE(page.articles.size(), goldArticles.size());
        for (qsizetype i = 0; i < goldArticles.size(); ++i) {
            const QJsonObject g = goldArticles[i].toObject();
            const Article &a = page.articles[i];
            const QJsonArray range = g.value(u"start_lines"_s).toArray();
            QVERIFY2(a.startLine >= range[0].toInt() && a.startLine <= range[1].toInt(),
                     qPrintable(u"article %1 starts at %2"_s.arg(i).arg(a.startLine)));
            QVERIFY2(squeeze(a.kicker + a.title + a.subtitle)
                         .contains(squeeze(g.value(u"title"_s).toString())),
                     qPrintable(a.title));
            QStringList subheads;
            for (const Block &b : blocksOfType(a, Block::Type::Subhead))
                subheads.append(b.text);
            QStringList goldSubheads;
            for (const QJsonValue &v : g.value(u"subheads"_s).toArray())
                goldSubheads.append(v.toString());
            QCOMPARE(subheads, goldSubheads);
        }
        const QStringList paras = paragraphs(page);
        for (const QJsonValue &v : gold.value(u"broken_paragraphs"_s).toArray()) {
            const QString join = squeeze(v.toObject().value(u"join"_s).toString());
            QVERIFY2(std::any_of(paras.begin(), paras.end(),
                                 [&](const QString &p) { return p.contains(join); }),
                     qPrintable(u"not joined: "_s + join));
        }
    }

    // A page printed in traditional characters (a Big5 paper) is split as the same page in
    // simplified ones: the model learnt its words from simplified pages.
    void splitsTraditionalAsSimplified_data() { matchesGoldPages_data(); }

    void splitsTraditionalAsSimplified()
    {
        QFETCH(QString, name);
        const QString text = QString::fromUtf8(test::readAll(test::seedsPath(name + u".txt"_s)));
        UErrorCode status = U_ZERO_ERROR;
        const std::unique_ptr<icu::Transliterator> toTraditional(
            icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
        QVERIFY(U_SUCCESS(status));
        icu::UnicodeString converted(reinterpret_cast<const UChar *>(text.utf16()),
                                     static_cast<int32_t>(text.size()));
        toTraditional->transliterate(converted);
        const QString traditional(reinterpret_cast<const QChar *>(converted.getBuffer()),
                                  converted.length());
        QVERIFY(traditional != text);
        const Page simplifiedPage = split(text);
        const Page traditionalPage = split(traditional);
        QCOMPARE(traditionalPage.articles.size(), simplifiedPage.articles.size());
        for (qsizetype i = 0; i < simplifiedPage.articles.size(); ++i) {
            QCOMPARE(traditionalPage.articles[i].startLine, simplifiedPage.articles[i].startLine);
            QCOMPARE(traditionalPage.articles[i].endLine, simplifiedPage.articles[i].endLine);
        }
        checkNothingLostOrRepeated(traditional, traditionalPage);
    }

    void keepsRealParagraphEnds()
    {
        const Page page = split(u"扶贫工作会议召开\n\n第一段说完了。\n\n第二段也说完了。\n"_s);
        QCOMPARE(page.articles.size(), 1);
        QCOMPARE(page.articles[0].title, u"扶贫工作会议召开"_s);
        QCOMPARE(blocksOfType(page.articles[0], Block::Type::Paragraph).size(), 2);
    }

    // A paragraph broken by a blank line goes on where the next line cannot open one: on a
    // particle that ends a suggestion or a question, or with the digits of a number broken after
    // its decimal point.
    void joinsWhereNoParagraphCanStart_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("rest");
        QTest::newRow("particle") << u"春节期间，市博物馆天天开门迎客，欢迎市民带着孩子来看看"_s
                                  << u"吧。馆里准备了剪纸、灯谜等二十多项活动。"_s;
        QTest::newRow("number") << u"全年新登记企业中，第一、第二、第三产业分别占比3."_s
                                << u"5%、18.2%和78.3%，第三产业占比继续提高。"_s;
    }

    // A line break inside a dictionary word (卫生健 | 康委) ties two lines into one sentence; one
    // between words does not. The answers are kept by text and place: the same characters
    // broken elsewhere are judged afresh.
    void judgesWordsAcrossLineBreaks()
    {
        for (int round = 0; round < 2; ++round) {
            QVERIFY(junctionSplitsWord(u"县卫生健", u"康委召开"));
            QVERIFY(!junctionSplitsWord(u"县卫生", u"健康委召开"));
            QVERIFY(junctionSplitsWord(u"县卫", u"生健康委召开"));
            QVERIFY(!junctionSplitsWord(u"县卫生健。", u"康委召开"));
            QVERIFY(!junctionSplitsWord(u"县卫生健", u"A康委"));
        }
    }

    void joinsWhereNoParagraphCanStart()
    {
        QFETCH(QString, first);
        QFETCH(QString, rest);
        const Page page = split(u"北山市经济运行平稳\n\n"_s + first + u"\n\n"_s + rest +
                                u"\n\n全市上下将继续努力，推动经济高质量发展。\n"_s);
        QCOMPARE(page.articles.size(), 1);
        const QList<Block> paras = blocksOfType(page.articles[0], Block::Type::Paragraph);
        QCOMPARE(paras.size(), 2);
        QCOMPARE(paras[0].text, first + rest);
    }

    void joinsAcrossMarkedCaption()
    {
        const QString text =
            u"县医院开展义诊活动\n\n5月1日，县医院组织专家深入乡村开展义诊，为群众送去"
            u"\n\n△专家为村民测量血压\n\n健康服务和医疗咨询，受到群众欢迎。\n"_s;
        const Page page = split(text);
        QCOMPARE(page.articles.size(), 1);
        const Article &a = page.articles[0];
        const QList<Block> paras = blocksOfType(a, Block::Type::Paragraph);
        QCOMPARE(paras.size(), 1);
        QVERIFY(paras[0].text.contains(u"送去健康服务"_s));
        const QList<Block> captions = blocksOfType(a, Block::Type::Caption);
        QCOMPARE(captions.size(), 1);
        QCOMPARE(captions[0].text, u"△专家为村民测量血压"_s);
    }

    void joinsAcrossUnmarkedCaptionInsideBrokenWord()
    {
        const QString text =
            u"市卫生健康委推进创城工作\n\n今年是创建全国文明城市的攻坚之年,履行卫生健康行业职"
            u"\n\n\n\n市卫生健康委的志愿者走进小区开展宣传服务活动。\n\n"
            u"责,发挥系统健康服务优势,为创城贡献行业力量。\n"_s;
        const Page page = split(text);
        QCOMPARE(page.articles.size(), 1);
        const QList<Block> paras = blocksOfType(page.articles[0], Block::Type::Paragraph);
        QCOMPARE(paras.size(), 1);
        QVERIFY(paras[0].text.contains(u"行业职责,发挥"_s));
        QCOMPARE(blocksOfType(page.articles[0], Block::Type::Caption).size(), 1);
    }

    void readsBylineCreditAndPhotoCaption()
    {
        const QString text =
            u"以问题为靶心——\n\n全县扫黑除恶会战全面打响\n\n□ 本报记者 张三\n本报通讯员 李四\n\n"
            u"近日，全县召开扫黑除恶推进会。\n\n"
            u"□ 王五 报道\n会议现场。\n\n"
            u"会议要求持续深入推进专项斗争。(赵六 钱七)\n"_s;
        const Page page = split(text);
        QCOMPARE(page.articles.size(), 1);
        const Article &a = page.articles[0];
        QCOMPARE(a.kicker, u"以问题为靶心——"_s);
        QCOMPARE(a.title, u"全县扫黑除恶会战全面打响"_s);
        QCOMPARE(a.byline, u"□ 本报记者 张三 本报通讯员 李四"_s);
        QCOMPARE(a.credit, u"(赵六 钱七)"_s);
        const QList<Block> captions = blocksOfType(a, Block::Type::Caption);
        QCOMPARE(captions.size(), 2);
        QCOMPARE(captions[1].text, u"会议现场。"_s);
        QCOMPARE(blocksOfType(a, Block::Type::Paragraph).size(), 2);
        QCOMPARE(blocksOfType(a, Block::Type::Paragraph).last().text,
                 u"会议要求持续深入推进专项斗争。"_s);
    }

    void creditClosesArticleAndNextHeadlineStartsOne()
    {
        const QString text =
            u"甲县召开脱贫攻坚推进会\n\n甲县召开会议，部署脱贫攻坚工作。\n\n（张三）\n\n"
            u"乙镇开展环境整治\n\n乙镇组织干部群众开展环境整治，清理垃圾。\n"_s;
        const Page page = split(text);
        QCOMPARE(page.articles.size(), 2);
        QCOMPARE(page.articles[0].credit, u"（张三）"_s);
        QCOMPARE(page.articles[0].endLine, 5);
        QCOMPARE(page.articles[1].startLine, 7);
        QCOMPARE(page.articles[1].title, u"乙镇开展环境整治"_s);
    }

    void subheadSeriesStayInsideArticle()
    {
        const QString text =
            u"县卫健委推进行风建设\n\n王五 赵六\n\n县卫健委多措并举推进行风建设。\n\n"
            u"强化责任，压实担当\n\n卫健委成立领导小组，制定工作方案。\n\n"
            u"强化宣传，营造氛围\n\n通过多种形式开展宣传。\n\n"
            u"强化督导，确保实效\n\n组成督导组开展督导。\n"_s;
        const Page page = split(text);
        QCOMPARE(page.articles.size(), 1);
        QCOMPARE(page.articles[0].byline, u"王五 赵六"_s);
        // Names set apart by a full-width space are names too.
        QCOMPARE(
            split(QString(text).replace(u"王五 赵六"_s, u"王五\u3000赵六"_s)).articles[0].byline,
            u"王五\u3000赵六"_s);
        QCOMPARE(blocksOfType(page.articles[0], Block::Type::Subhead).size(), 3);
    }

    // Headline conventions no model weight should overrule (each broke a split of a real page).
    void headlineConventions()
    {
        // Two short phrases under a headline line are its second line, not a byline of two names.
        Page page = split(u"南城区全力整改，建设文明城市\n倾力创城  新风扑面\n\n"
                          u"2020年3月，南城区在文明城市测评中排名靠后。一年多来，全区整改了"
                          u"群众反映的三百多个问题。\n\n"
                          u"如今，小区里的路灯亮了，垃圾分类了，居民说环境一天比一天好。\n"_s);
        QCOMPARE(page.articles.size(), 1);
        QVERIFY(page.articles[0].byline.isEmpty());
        QCOMPARE(page.articles[0].kicker + page.articles[0].title + page.articles[0].subtitle,
                 u"南城区全力整改，建设文明城市倾力创城  新风扑面"_s);

        // A series tag with a dash inside its brackets is part of the title, not a banner.
        page = split(u"稳岗就业有实招（奋进新征程——基层一线见闻）\n\n——北山县推进稳就业纪实\n\n"
                     u"本报北山5月6日电  北山县今年新增城镇就业岗位两千多个，帮助返乡农民工"
                     u"就近就业。\n\n县人社局组织招聘会十二场。\n"_s);
        QCOMPARE(page.articles.size(), 1);
        QCOMPARE(page.articles[0].section, QString());
        QCOMPARE(page.articles[0].title, u"稳岗就业有实招（奋进新征程——基层一线见闻）"_s);
        QCOMPARE(page.articles[0].subtitle, u"——北山县推进稳就业纪实"_s);

        // A kicker ending on a dash leads into the title under it, also when that title is two
        // short phrases shaped like two names, even opening on surnames.
        const QList<std::pair<QString, QString>> dashedKickers{
            {u"西河县推进易地搬迁安置，贫困户——"_s, u"住进新房 心里亮堂"_s},
            {u"东川区引来企业种茶养蜂，山里的乡亲——"_s, u"高山村 富起来"_s}};
        for (const auto &[kicker, title] : dashedKickers) {
            page = split(kicker + u"\n\n"_s + title +
                         u"\n\n本报西河5月8日电  走进西河县安置小区，一排排新楼整齐干净。"
                         u"搬进新家的老李说，日子有了奔头。\n\n去年全村人均收入增加了三成。\n"_s);
            QCOMPARE(page.articles.size(), 1);
            QCOMPARE(page.articles[0].kicker, kicker);
            QCOMPARE(page.articles[0].title, title);
            QVERIFY(page.articles[0].byline.isEmpty());
        }

        // Two balanced phrases of nothing but hanzi under a place's name are the title.
        page = split(u"上一篇稿子的最后一段话写完了。\n\n北山县\n\n春耕不误时 生产不停步\n\n"
                     u"一路走来，田里到处是忙着春耕的村民。北山县克服疫情影响，保障春耕生产"
                     u"不误农时。\n\n县农业农村局组织农技人员下乡，帮助村民解决育秧难题。\n"_s);
        QVERIFY(!page.articles.isEmpty());
        QCOMPARE(page.articles.back().kicker + page.articles.back().title,
                 u"北山县春耕不误时 生产不停步"_s);

        // Such a pair printed over two lines with no gap is the title too, whole.
        for (const QString &kicker :
             {u"西山县推进集体经济助农增收"_s, u"王五在北山县调研集体经济发展时强调"_s}) {
            page = split(u"上一篇稿子的最后一段话写完了。\n\n"_s + kicker +
                         u"\n\n入社有分红\n年底有奔头\n\n"
                         u"本报西山5月12日电  西山县今年有一百二十个村办起了合作社，"
                         u"村民以土地和资金入股。\n\n年底，入社的村民都分到了红利。\n"_s);
            QVERIFY(!page.articles.isEmpty());
            QCOMPARE(page.articles.back().kicker, kicker);
            QCOMPARE(page.articles.back().title, u"入社有分红 年底有奔头"_s);
            QVERIFY(page.articles.back().subtitle.isEmpty());
        }

        // Also where the model reads the two lines as the story's first paragraph.
        const QStringList paragraphs{
            u"保障房 加速建"_s,
            u"这两年，北山市新建了一批保障性住房。在城东的项目工地上，工人们分成两班轮流施工，"
            u"塔吊不停地转，预计今年年底就能交付使用。"_s,
            u"张三摄（影像中国）"_s,
            u"西山县推进集体养牛助脱贫"_s,
            u"合作社分红\n过上新生活"_s,
            u"“今年我还要多入两股，去年分的钱比打工挣得还多！”在西山县南坡村合作社的年终大会上，"
            u"村民李四拿着分红单，笑得合不拢嘴。"_s,
            u"“刚开始大家都不放心，怕钱投进去就没了。后来村干部一家一家上门算账，我才下了决心。"
            u"头一年，一千元就分了三百元。”"_s,
            u"为了让村民放心，村里把合作社的账目每月张榜公布，驻村干部和技术员也常来指导。"_s};
        page = split(paragraphs.join(u"\n\n"_s) + u'\n');
        QCOMPARE(page.articles.size(), 2);
        QCOMPARE(page.articles[1].kicker, u"西山县推进集体养牛助脱贫"_s);
        QCOMPARE(page.articles[1].title, u"合作社分红 过上新生活"_s);

        // Short phrases under a headline line that do not open on surnames are its second line,
        // and the series tag under them its subtitle: one story. Names stay a byline.
        page = split(u"各地帮助返乡农民工就近就业\n\n稳岗位 送培训\n（稳就业 惠民生③）\n\n"
                     u"本报南阳5月11日电  南阳市今年为返乡农民工送去技能培训两万多人次，"
                     u"帮助一万多人在家门口找到工作。\n\n"
                     u"各县还办起了线上招聘会，企业和求职者在网上就能谈妥。\n"_s);
        QCOMPARE(page.articles.size(), 1);
        QVERIFY(page.articles[0].byline.isEmpty());
        QVERIFY(page.articles[0].title.contains(u"稳岗位 送培训"_s) ||
                page.articles[0].subtitle.contains(u"稳岗位 送培训"_s));
        page = split(u"各地帮助返乡农民工就近就业\n\n张明 李华\n\n"
                     u"本报南阳5月11日电  南阳市今年为返乡农民工送去技能培训两万多人次，"
                     u"帮助一万多人在家门口找到工作。\n"_s);
        QCOMPARE(page.articles.size(), 1);
        QCOMPARE(page.articles[0].byline, u"张明 李华"_s);

        // A dash before a name under a quotation says who said it: no subtitle, no new story.
        page = split(u"北湖村修通致富路\n\n"
                     u"本报北湖5月9日电  北湖村新修的水泥路通到了每家门口，"
                     u"村里的果子再也不愁运不出去。老支书在通车仪式上说：\n\n"
                     u"“只要大家齐心协力，就一定能够把日子过好！”\n\n——李四\n\n"
                     u"如今，村里的合作社每天都有货车来收果子，村民的收入比去年多了三成。\n"_s);
        QCOMPARE(page.articles.size(), 1);
        QCOMPARE(page.articles[0].title, u"北湖村修通致富路"_s);

        // A date alone under a notice is its signing date, never the next story's headline.
        page = split(u"关于开展扫黑除恶线索征集的通告\n\n"
                     u"为深入推进扫黑除恶专项斗争，现面向社会征集涉黑涉恶线索。"
                     u"群众可通过来信、来电等方式举报。\n\n"
                     u"东平县扫黑除恶专项斗争领导小组办公室\n\n2020年5月26日\n\n"
                     u"东平县开展夏季治安巡查\n\n"
                     u"本报东平5月27日电  东平县公安局近日启动夏季治安巡查，"
                     u"重点整治夜市、车站周边治安问题。\n"_s);
        for (const Article &a : page.articles)
            QVERIFY2(!a.title.contains(u"2020年5月26日"_s), qPrintable(a.title));
        QCOMPARE(page.articles.last().title, u"东平县开展夏季治安巡查"_s);
    }

    // A text export: a paragraph to a line, an indent before each, no blank line anywhere.
    void splitsPagesPrintedWithoutBlankLines()
    {
        const QString text =
            u"青石镇整治河道 还清水于民\n"
            u"\u3000\u3000本报青石5月6日电  入夏以来，青石镇组织干部群众清理河道淤泥、拆除违建，"
            u"全镇十二条河道水质明显好转。\n"
            u"\u3000\u3000“以前河边臭得不敢开窗，现在傍晚都出来散步。”家住河边的王大姐说。\n"
            u"\u3000\u3000镇里还建立了河长巡查制度，每周巡河两次，发现问题当天处理。\n"
            u"南岭县开展夏季送医下乡\n"
            u"\u3000\u3000本报南岭5月7日电  南岭县人民医院组织医疗队走进偏远山村，"
            u"为群众义诊、送药，讲解防病知识。\n"
            u"\u3000\u3000医疗队一周内走访了八个村，接诊六百多人次。\n"
            u"\u3000\u3000县卫健委表示，送医下乡活动将持续到年底。\n"_s;
        // With the indents, and without (then only the line ends tell the paragraphs apart).
        for (const QString &page : {text, QString(text).remove(QChar(0x3000))}) {
            const Page split = PageSplitter().split(page);
            QCOMPARE(split.articles.size(), 2);
            QCOMPARE(split.articles[0].title, u"青石镇整治河道 还清水于民"_s);
            QCOMPARE(split.articles[1].title, u"南岭县开展夏季送医下乡"_s);
            QCOMPARE(blocksOfType(split.articles[0], Block::Type::Paragraph).size(), 3);
            QCOMPARE(blocksOfType(split.articles[1], Block::Type::Paragraph).size(), 3);
        }
    }

    void recordsMastheadAndSection()
    {
        const QString text =
            u"\n法治山东 平安聊城\n\n主办：某某委员会\n某某办公室\n承办：某某报社\n\n"
            u"决战决胜·脱贫攻坚——聊城在行动\n\n聊城高新区卫计局健康扶贫落到实处\n\n"
            u"今年以来，聊城高新区卫计局深入贯彻落实健康扶贫工作。\n"_s;
        const Page page = split(text);
        QCOMPARE(page.masthead, (QStringList{u"法治山东 平安聊城"_s, u"主办：某某委员会"_s,
                                             u"某某办公室"_s, u"承办：某某报社"_s}));
        QCOMPARE(page.articles.size(), 1);
        QCOMPARE(page.articles[0].section, u"决战决胜·脱贫攻坚——聊城在行动"_s);
        QCOMPARE(page.articles[0].title, u"聊城高新区卫计局健康扶贫落到实处"_s);
        QCOMPARE(page.articles[0].startLine, 10);
    }

    void normalisesLineEndsIndentsAndBlankLines()
    {
        const QString text =
            u"\r\n镇政府召开创城动员会\r\n\u00a0\u00a0\r\n\u3000\u3000镇政府召开创城动员会，部署"
            u"\r\n\u3000\r\n创建工作。\r\n"_s;
        const QList<PageLine> lines = splitPageLines(text);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0].number, 2);
        QCOMPARE(lines[1].number, 4);
        QCOMPARE(lines[1].blanksBefore, 1);
        QVERIFY(lines[1].text.startsWith(u"镇政府"_s));
        const Page page = split(text);
        QCOMPARE(page.articles.size(), 1);
        QCOMPARE(page.articles[0].blocks.size(), 1);
        QCOMPARE(page.articles[0].blocks[0].text, u"镇政府召开创城动员会，部署创建工作。"_s);
    }

    void setsPageFurnitureAndJumpLinesApart()
    {
        const QString text =
            u"县里召开脱贫攻坚推进会\n\n会议部署了下一阶段的脱贫攻坚工作。\n\n（下转第2版）\n\n"
            u"本版编辑：张三 校对：李四\n"_s;
        const Page page = split(text);
        QCOMPARE(page.articles.size(), 1);
        QCOMPARE(page.articles[0].blocks.size(), 1);
        QCOMPARE(page.articles[0].endLine, 5);
        QCOMPARE(page.masthead, QStringList{u"本版编辑：张三 校对：李四"_s});
    }

    void splitsAnotherPaperLayout()
    {
        // Another paper's conventions: 本版主编 masthead, 本报讯 leads, a ■ 图为 caption, a jump
        // line.
        const Page page =
            split(QString::fromUtf8(test::readAll(test::dataPath(u"pages/special_issue.txt"_s))));
        QCOMPARE(page.masthead, (QStringList{u"扫黑除恶专项斗争专刊"_s, u"本版主编：王五"_s}));
        QCOMPARE(page.articles.size(), 3);
        QCOMPARE(page.articles[0].startLine, 5);
        QCOMPARE(page.articles[1].title, u"茌平区：“扫黑”宣传进万家"_s);
        QCOMPARE(blocksOfType(page.articles[1], Block::Type::Caption).size(), 1);
        QCOMPARE(page.articles[2].title, u"东阿县公安局破获一起恶势力犯罪团伙案"_s);
        QCOMPARE(page.articles[2].endLine, 27);
        QCOMPARE(blocksOfType(page.articles[0], Block::Type::Paragraph).size(), 2);
        QCOMPARE(blocksOfType(page.articles[1], Block::Type::Paragraph).size(), 1);
        QCOMPARE(blocksOfType(page.articles[2], Block::Type::Paragraph).size(), 2);
    }

    void readsMarkedSubheadsAndPhotoCredits()
    {
        // A feature: slogan kicker, 地名：title, —— subtitle, 文/图 byline, ■ subheads, （某某
        // 摄）.
        const Page page =
            split(QString::fromUtf8(test::readAll(test::dataPath(u"pages/feature_story.txt"_s))));
        QCOMPARE(page.articles.size(), 2);
        const Article &a = page.articles[0];
        QCOMPARE(a.title, u"冠县：产业扶贫让群众鼓起“钱袋子”"_s);
        QCOMPARE(a.subtitle, u"——冠县推进产业扶贫工作纪实"_s);
        QCOMPARE(a.byline, u"文/张三 图/李四"_s);
        QCOMPARE(a.credit, u"（记者 张三）"_s);
        QCOMPARE(blocksOfType(a, Block::Type::Subhead).size(), 3);
        QCOMPARE(blocksOfType(a, Block::Type::Caption).size(), 2);
        QVERIFY(blocksOfType(a, Block::Type::Paragraph)[1].text.endsWith(u"日子越过越红火。"_s));
        QCOMPARE(page.articles[1].title, u"临清市开展扶贫领域作风问题专项治理"_s);
        QCOMPARE(page.articles[1].credit, u"（王五）"_s);
    }

    void conventionsThatDisagreeLeaveTheRestOfThePage()
    {
        // A —— subtitle may only be a headline line; a line opening on a comma only the rest of a
        // sentence, whose start is never a headline. Where both meet, the page still splits.
        const QString text =
            u"县里召开脱贫攻坚推进会\n\n——部署下一阶段工作\n\n，会议要求各级干部压实责任。\n\n\n\n"
            u"市里召开扫黑除恶推进会\n\n本报记者 张三\n\n"
            u"本报讯 5月10日，市里召开扫黑除恶专项斗争推进会。会议强调，要深挖黑恶势力保护伞。\n"_s;
        const Page page = split(text);
        QCOMPARE(page.articles.size(), 2);
        QCOMPARE(page.articles[1].title, u"市里召开扫黑除恶推进会"_s);
        QCOMPARE(page.articles[1].byline, u"本报记者 张三"_s);
        QVERIFY(page.masthead.isEmpty());
        checkNothingLostOrRepeated(text, page);
    }

    void nothingLostOrRepeated_data()
    {
        QTest::addColumn<QString>("text");
        for (const QString &dir : {test::seedsPath(), test::dataPath(u"pages"_s)}) {
            for (const QFileInfo &file : QDir(dir).entryInfoList({u"*.txt"_s}, QDir::Files))
                QTest::newRow(qPrintable(file.fileName()))
                    << QString::fromUtf8(test::readAll(file.filePath()));
        }
        bench::PageGenerator generator(test::seedsPath(), 42);
        for (int i = 0; i < 40; ++i) {
            QString encoding;
            const QByteArray bytes = generator.page(i, &encoding);
            const Result<DecodedText> decoded = TextDecoder::decode(bytes);
            QVERIFY(decoded.ok());
            QTest::addRow("generated %d (%s)", i, qPrintable(encoding)) << decoded->text;
        }
        // Jump lines, page furniture, credits: text a split is tempted to drop.
        QTest::newRow("furniture")
            << u"县里召开脱贫攻坚推进会\n\n会议部署了下一阶段的脱贫攻坚工作。"
               u"（王五）\n\n（下转第2版）\n\n本版编辑：张三 校对：李四\n"_s;
    }

    void nothingLostOrRepeated()
    {
        QFETCH(QString, text);
        checkNothingLostOrRepeated(text, split(text));
    }

    // The model finds weights by a hash of each feature's name: what it learnt, written out and
    // read back, decodes the same, and a name it never saw weighs nothing.
    void lineRoleModelRoundTripsThroughItsFile()
    {
        LineRoleModel model;
        const QList<QStringList> features = {{u"bias"_s, u"标题:短"_s, u"end:none"_s},
                                             {u"bias"_s, u"end:stop"_s, u"len<46"_s},
                                             {u"bias"_s, u"end:stop"_s, u"p:end:none"_s}};
        const QList<LineRole> gold = {LineRole::HeadStart, LineRole::BodyStart, LineRole::BodyMore};
        for (int epoch = 0; epoch < 5; ++epoch) {
            model.update(features, gold, model.decode(features), 1.0f);
            model.tick();
        }
        model.average();
        QCOMPARE(model.decode(features), gold);
        const QByteArray tsv = model.toTsv();
        QVERIFY(tsv.contains(u"标题:短\t"_s.toUtf8()));
        const LineRoleModel read = LineRoleModel::fromTsv(tsv);
        QCOMPARE(read.decode(features), gold);
        QCOMPARE(read.toTsv(), tsv);
        // A model read from its file can learn on (it has no running sums of its own yet).
        LineRoleModel further = LineRoleModel::fromTsv(tsv);
        const QList<LineRole> wrong = {LineRole::BodyStart, LineRole::BodyStart,
                                       LineRole::BodyMore};
        further.update(features, gold, wrong, 1.0f);
        further.tick();
        further.average();
        QCOMPARE(further.decode(features), gold);
        // Unknown names change nothing; a feature list built in pieces is the same name.
        QList<QStringList> withUnknown = features;
        for (QStringList &line : withUnknown)
            line.append(u"never-seen:%1"_s.arg(line.size()));
        QCOMPARE(read.decode(withUnknown), gold);
        FeatureList pieces;
        pieces.add(u"标题", u":", u"短");
        QCOMPARE(FeatureList::hashOf(pieces[0]), FeatureList::hashOf(u"标题:短"));
        QVERIFY(FeatureList::hashOf(u"end:stop") != FeatureList::hashOf(u"end:stoq"));
        // The length is hashed too: a name padded with a NUL (a zero code unit) is another name.
        QVERIFY(FeatureList::hashOf(u"ab") != FeatureList::hashOf(QStringView(u"ab\0", 3)));
    }

    // A headline-sized line is compared with the text around it by the pairs of adjacent hanzi
    // they share. The features found by linking each pair to its last occurrence must be those of
    // comparing the sets outright, also where pairs recur across the page's 4,096-hanzi stretches
    // (the seed pages, twice over, are some 30,000 hanzi).
    void sharedPairsMatchSetComparison()
    {
        QString text;
        for (int round = 0; round < 2; ++round) {
            for (const QString &name :
                 QDir(test::seedsPath(QString())).entryList({u"*.txt"_s}, QDir::Files, QDir::Name))
                text += QString::fromUtf8(test::readAll(test::seedsPath(name))) + u"\n\n"_s;
        }
        const QList<PageLine> lines = splitPageLines(text);
        QString allHan;
        QList<qsizetype> start;
        for (const PageLine &line : lines) {
            start.append(allHan.size());
            allHan += LineShape::hanOnly(
                QStringView(line.text).first(std::min<qsizetype>(line.text.size(), 600)));
        }
        start.append(allHan.size());
        QVERIFY(allHan.size() > 20000);
        const auto pairsOf = [](QStringView han) {
            QSet<QString> pairs;
            for (qsizetype k = 0; k + 1 < han.size(); ++k)
                pairs.insert(han.sliced(k, 2).toString());
            return pairs;
        };
        const auto shareOf = [](const QSet<QString> &of, const QSet<QString> &in) {
            if (of.isEmpty())
                return 0.0;
            return static_cast<double>(QSet<QString>(of).intersect(in).size()) /
                   static_cast<double>(of.size());
        };
        const auto named = [](double share) {
            return share >= 0.5    ? u"hi"_s
                   : share >= 0.25 ? u"mid"_s
                   : share > 0     ? u"lo"_s
                                   : u"none"_s;
        };
        const LineFeatures features(lines);
        int compared = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].text.size() > 60)
                continue;
            const QStringView han(allHan);
            const QSet<QString> line = pairsOf(han.sliced(start[i], start[i + 1] - start[i]));
            const QSet<QString> below =
                pairsOf(han.sliced(start[i + 1])
                            .first(std::min<qsizetype>(han.size() - start[i + 1], 300)));
            const QSet<QString> above =
                pairsOf(han.first(start[i]).last(std::min<qsizetype>(start[i], 600)));
            const double continuity = shareOf(below, above);
            const QString continuityName = continuity >= 0.3    ? u"hi"_s
                                           : continuity >= 0.15 ? u"mid"_s
                                           : continuity > 0.05  ? u"lo"_s
                                                                : u"none"_s;
            const QStringList found = features.of(i);
            QVERIFY2(found.contains(u"below:"_s + named(shareOf(line, below))),
                     qPrintable(lines[i].text));
            QVERIFY2(found.contains(u"above:"_s + named(shareOf(line, above))),
                     qPrintable(lines[i].text));
            QVERIFY2(found.contains(u"continuity:"_s + continuityName), qPrintable(lines[i].text));
            ++compared;
        }
        QVERIFY(compared > 200);
    }

    void emptyTextHasNoArticles()
    {
        QVERIFY(split(QString()).articles.isEmpty());
        QVERIFY(split(u"\n\n \n"_s).articles.isEmpty());
    }

    void lineShapes()
    {
        QVERIFY(LineShape::endsSentence(u"会议结束。”"_s));
        QVERIFY(!LineShape::endsSentence(u"明确了专"_s));
        QVERIFY(LineShape::looksLikeByline(u"王长新 李震"_s));
        QVERIFY(!LineShape::looksLikeByline(u"会议结束。"_s));
        QVERIFY(LineShape::isBalancedPair(u"行棋观大势 落子谋全局"_s));
        QVERIFY(!LineShape::isBalancedPair(u"牛角店镇实施 百岁老人健康长寿工程"_s));
        QVERIFY(LineShape::startsMidSentence(u"责,发挥系统优势"_s));
        QVERIFY(LineShape::startsMidSentence(u"的新希望。"_s));
        QVERIFY(!LineShape::startsMidSentence(u"近日,县里召开会议"_s));
        QCOMPARE(LineShape::creditStart(u"取得了良好反响。(陈冬梅 岳秀芝)"_s), 8);
        QCOMPARE(LineShape::creditStart(u"召开常委会和党委(党"_s), -1);
        QVERIFY(LineShape::startsWithPlaceOrUnit(u"高唐县梁村镇：党员干部遍访贫困户"_s));
        QVERIFY(!LineShape::startsWithPlaceOrUnit(u"在北徐村党支部,村两委成员"_s));
        QVERIFY(LineShape::hasInnerDash(u"决战决胜·脱贫攻坚——聊城在行动"_s));
        QVERIFY(!LineShape::hasInnerDash(u"做实再做实（在新思想指引下——新时代新作为）"_s));
        QVERIFY(LineShape::isDateAlone(u"2020年5月26日"_s));
        QVERIFY(LineShape::isDateAlone(u"二〇二〇年五月二十六日"_s));
        QVERIFY(!LineShape::isDateAlone(u"2020年5月26日电"_s));
        QVERIFY(LineShape::looksLikeByline(u"倾力创城  新风扑面"_s));
        QVERIFY(!LineShape::isMarkedByline(u"倾力创城  新风扑面"_s));
        QVERIFY(LineShape::isMarkedByline(u"本报记者 张三"_s));
        QVERIFY(LineShape::wordsOpenOnSurnames(u"张三\u3000欧阳娜娜 王五"_s));
        QVERIFY(!LineShape::wordsOpenOnSurnames(u"稳岗位 送培训"_s));
        QVERIFY(!LineShape::wordsOpenOnSurnames(u"张三 进社区"_s));
        QVERIFY(!LineShape::wordsOpenOnSurnames(u" "_s));
        // What each pattern is ruled out by before it runs (its first or last character, a
        // space) still lets every form through.
        QVERIFY(LineShape::isNameList(u"张三\u3000李四"_s));
        QVERIFY(LineShape::isNameList(u"张三\u00A0李四 王五"_s));
        QVERIFY(!LineShape::isNameList(u"张三李四王五"_s));
        QVERIFY(LineShape::isMastheadLine(u"2020年5月26日 星期二"_s));
        QVERIFY(LineShape::isMastheadLine(u"责任编辑：张三"_s));
        QVERIFY(LineShape::isJumpLine(u"（下转第2版）"_s));
        QVERIFY(LineShape::isPhotoCredit(u"（张三 摄）"_s));
        QVERIFY(LineShape::isMarkedSubhead(u"■ 产业兴旺"_s));
        QVERIFY(LineShape::startsWithCaptionMarker(u"图为村民在采摘"_s));
        QVERIFY(LineShape::endsDangling(u"县委县政府联合"_s));
        QCOMPARE(LineShape::creditStart(u"这是结尾。（张三 李四）"_s), 5);
        QCOMPARE(LineShape::creditStart(u"这是结尾。（张三 李四）。"_s), -1);
    }

    // Blocks are kept as QJsonDocument's compact form, written directly: the same bytes for
    // quotes, backslashes, control characters, characters beyond the BMP and lone surrogates.
    void blocksJsonIsQJsonDocumentsCompactForm()
    {
        const QString loneHigh(QChar(0xD835));
        const QString loneLow(QChar(0xDC00));
        const QList<Block> blocks = {
            {Block::Type::Paragraph, u"本报讯 \"引号\" 与 \\ 反斜杠\t制表\n换行\r\b\f"_s},
            {Block::Type::Subhead, u"控制\u0001\u001F\u007F 字 𠀀𝟘 末"_s},
            {Block::Type::Caption, u"孤"_s + loneHigh + u"半"_s + loneLow + loneHigh},
            {Block::Type::Paragraph, QString()},
        };
        QCOMPARE(PageJson::blocksJson(blocks),
                 QJsonDocument(PageJson::blocksArray(blocks)).toJson(QJsonDocument::Compact));
        QCOMPARE(PageJson::blocksJson({}), QByteArray("[]"));
        QCOMPARE(PageJson::blocksFromArray(
                     QJsonDocument::fromJson(PageJson::blocksJson(blocks)).array()),
                 blocks);
        // And every block of the seeds.
        for (const QString &name : QDir(test::seedsPath(QString())).entryList({u"*.txt"_s})) {
            const Page page = split(QString::fromUtf8(test::readAll(test::seedsPath(name))));
            for (const Article &a : page.articles)
                QCOMPARE(
                    PageJson::blocksJson(a.blocks),
                    QJsonDocument(PageJson::blocksArray(a.blocks)).toJson(QJsonDocument::Compact));
        }
    }
};

QTEST_GUILESS_MAIN(TestPageSplitter)
#include "tst_pagesplitter.moc"
