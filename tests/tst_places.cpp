#include "analysis/Gazetteer.h"
#include "analysis/PlaceRecognizer.h"

#include <QTest>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

Article article(const QString &title, const QString &body)
{
    Article a;
    a.title = title;
    a.blocks.append(Block{Block::Type::Paragraph, body});
    return a;
}

} // namespace

class TestPlaces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gazetteerHasTheDivisions()
    {
        const Gazetteer &g = Gazetteer::builtin();
        QVERIFY(g.size() > 44000);
        QCOMPARE(g.find(371522114)->name, u"妹冢镇"_s);
        QCOMPARE(g.ancestorAt(371522114, 3), 371522);
        QCOMPARE(g.ancestorAt(371522114, 2), 3715);
        QCOMPARE(g.pathOf(371522114), u"山东省 聊城市 莘县 妹冢镇"_s);
    }

    void resolvesTownsAndCounties()
    {
        const PlaceRecognizer recognizer;
        const ArticlePlaces places =
            recognizer.recognize(article(u"莘县妹冢镇开展大回访"_s, u"妹冢镇机关干部进村入户。"_s));
        QCOMPARE(places.mainCounty, 371522);
        QVERIFY(std::any_of(places.mentions.begin(), places.mentions.end(),
                            [](const PlaceMention &m) { return m.code == 371522114; }));
    }

    void ambiguousNameResolvedByItsNeighbours()
    {
        // 石佛镇 exists in six provinces; next to 阳谷县 it is 阳谷县石佛镇.
        const PlaceRecognizer recognizer;
        const ArticlePlaces places = recognizer.recognize(
            article(u"石佛镇全面做好贫困人口慢性病申报"_s, u"阳谷县石佛镇加大宣传力度。"_s));
        for (const PlaceMention &m : places.mentions) {
            if (m.text == u"石佛镇"_s)
                QCOMPARE(m.code, 371521107);
        }
        QCOMPARE(places.mainCounty, 371521);
        // Alone, it stays unresolved rather than guessed.
        const ArticlePlaces alone =
            recognizer.recognize(article(u"石佛镇召开会议"_s, u"会议要求。"_s));
        QCOMPARE(alone.mentions.first().code, 0);
        QVERIFY(alone.mentions.first().candidates.size() >= 5);
        // The page around can decide it.
        const ArticlePlaces onPage =
            recognizer.recognize(article(u"石佛镇召开会议"_s, u"会议要求。"_s), {371521});
        QCOMPARE(onPage.mentions.first().code, 371521107);
    }

    void shortFormsZonesAndTraditional()
    {
        const PlaceRecognizer recognizer;
        const ArticlePlaces places = recognizer.recognize(
            article(u"聊城高新區許營鎮：愛心小路鋪到群眾心田"_s, u"高唐、阳谷、东阿三地联动。"_s));
        QStringList texts;
        for (const PlaceMention &m : places.mentions)
            texts.append(m.text);
        QVERIFY2(texts.contains(u"聊城高新区"_s), qPrintable(texts.join(u' ')));
        QVERIFY(texts.contains(u"许营镇"_s));
        QVERIFY(texts.contains(u"高唐"_s));
        QCOMPARE(places.mainCounty, 371502); // 许营镇 lies in 东昌府区 in the data
    }

    void shortFormsThatAreWordsAreNotPlaces()
    {
        const PlaceRecognizer recognizer;
        const ArticlePlaces places = recognizer.recognize(
            article(u"聊城市公安局交巡警支队严查酒驾"_s,
                    u"聊城市公安局解放思想，院长武建胤讲话，资源共享，同心协力。"_s));
        for (const PlaceMention &m : places.mentions)
            QVERIFY2(m.text == u"聊城市"_s, qPrintable(m.text));
        QCOMPARE(places.mainCounty, 0);
        // 长治 in 长治久安 is no city; 聊城 named twice is one.
        const ArticlePlaces idiom = recognizer.recognize(
            article(u"开展主题党日活动"_s, u"维护社会长治久安。聊城各界参与，聊城群众点赞。"_s));
        QCOMPARE(idiom.mentions.size(), 2);
        QCOMPARE(idiom.mentions.first().code, 3715);
    }

    void mainCountyStaysInTheStorysCity()
    {
        const PlaceRecognizer recognizer;
        const ArticlePlaces places = recognizer.recognize(article(
            u"聊城扫黑除恶百日会战全面打响"_s,
            u"从吉林省榆树市流窜到聊城的乔某被抓获。聊城市公安机关开展行动，冠县配合，冠县群众举报。"_s));
        QCOMPARE(places.mainCounty, 371525); // 冠县, not 榆树市
        // Named once in passing, a county is not what the story is about: it is the city's.
        const ArticlePlaces passing = recognizer.recognize(
            article(u"聊城扫黑除恶百日会战全面打响"_s, u"聊城市公安机关开展行动，冠县配合。"_s));
        QCOMPARE(passing.mainCounty, 0);
    }

    void aliasesFileIsRead()
    {
        const Result<Gazetteer> g = Gazetteer::parse(u"37\t1\t山东省\t\n3715\t2\t聊城市\t37\n"_s,
                                                     u"# comment\n江北水城\t3715\n"_s);
        QVERIFY(g.ok());
        const QList<PlaceMention> found = PlaceRecognizer(g.value()).find(u"江北水城欢迎你"_s);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().code, 3715);
        QVERIFY(!Gazetteer::parse(u"37\t1\t山东省\t\n"_s, u"江北水城\t99\n"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestPlaces)
#include "tst_places.moc"
