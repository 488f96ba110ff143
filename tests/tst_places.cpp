#include "analysis/Gazetteer.h"
#include "analysis/PlaceRecognizer.h"
#include "analysis/UnitRecognizer.h"
#include "text/CharFold.h"
#include "text/PrefixTrie.h"
#include "text/TextDecoder.h"
#include "text/WordJunction.h"

#include <QDir>
#include <QFile>
#include <QHashSeed>

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

    void aTownInsideALongerNameIsNotThatTown()
    {
        const PlaceRecognizer recognizer;
        // 王寨乡 is a township of Henan; 大王寨乡 (莘县's 大王寨镇, as people still call it) is not
        // it.
        const QList<PlaceMention> inside = recognizer.find(u"莘县大王寨乡召开扶贫推进会"_s);
        for (const PlaceMention &m : inside)
            QVERIFY2(m.text != u"王寨乡"_s, qPrintable(m.text));
        const QList<PlaceMention> alone = recognizer.find(u"记者来到王寨乡采访"_s);
        QCOMPARE(alone.size(), 1);
        QCOMPARE(alone.front().text, u"王寨乡"_s);
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

    void unitsFromHeadlineAndLead_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("lead");
        QTest::addColumn<QString>("unit");
        QTest::newRow("headline") << u"聊城市第四人民医院开展主题党日活动"_s << u""_s
                                  << u"聊城市第四人民医院"_s;
        QTest::newRow("branch of a bank")
            << u"日照银行聊城分行金融知识进街道"_s << u""_s << u"日照银行聊城分行"_s;
        QTest::newRow("branch of a bureau")
            << u"“五一”期间未发生较大以上道路交通事故"_s
            << u"本报聊城讯 5月5日，记者从聊城市公安局交巡警支队获悉，小长假期间秩序良好。"_s
            << u"聊城市公安局交巡警支队"_s;
        QTest::newRow("committee, whole word")
            << u"打造精准党建新样本"_s
            << u"今年来,聊城市卫生计生委员会在深入调查研究的基础上推进。"_s
            << u"聊城市卫生计生委员会"_s;
        QTest::newRow("bare 市 completed")
            << u"市医疗保障局局长到聊城高新区许营镇慰问"_s << u""_s << u"聊城市医疗保障局"_s;
        QTest::newRow("traditional")
            << u"聊城市第四人民醫院舉辦學術報告會"_s << u""_s << u"聊城市第四人民医院"_s;
        QTest::newRow("a verb is not a place")
            << u"阳谷县石佛镇做好申报工作"_s << u"在全面摸排的基础上,联合镇卫生院逐户告知。"_s
            << u""_s;
        QTest::newRow("none") << u"莘县精准扶贫大回访"_s
                              << u"近日，莘县妹冢镇后庙村干部刘新民说。"_s << u""_s;
    }

    void unitsFromHeadlineAndLead()
    {
        QFETCH(QString, title);
        QFETCH(QString, lead);
        QFETCH(QString, unit);
        Article article;
        article.title = title;
        if (!lead.isEmpty())
            article.blocks.append(Block{Block::Type::Paragraph, lead});
        const PlaceRecognizer places;
        const UnitRecognizer units;
        QCOMPARE(units.suggest(article, places.recognize(article)).name, unit);
    }

    void mainTownNeedsTwoMentionsOrNoRival()
    {
        const PlaceRecognizer places;
        Article article;
        article.title = u"莘县燕塔街道干部帮包助脱贫"_s;
        article.blocks.append(
            Block{Block::Type::Paragraph, u"燕塔街道为156户贫困户明确了帮包干部。"_s});
        QCOMPARE(places.recognize(article).mainTown, 371522001);
        Article roundup;
        roundup.title = u"莘县各乡镇推进产业扶贫"_s;
        roundup.blocks.append(Block{Block::Type::Paragraph,
                                    u"莘县燕塔街道、妹冢镇、大张家镇各有做法。莘县统筹推进。"_s});
        QCOMPARE(places.recognize(roundup).mainCounty, 371522);
        QCOMPARE(places.recognize(roundup).mainTown, 0);
    }

    void prefixTrieFindsTheLongestWord()
    {
        PrefixTrie trie;
        QVERIFY(trie.longestAt(u"聊城"_s, 0).length == 0); // nothing added, nothing frozen
        trie.insert(u"高唐"_s, 1);
        trie.insert(u"高唐县"_s, 2);
        trie.insert(u"高"_s, 3);
        trie.insert(u"唐县"_s, 4);
        trie.insert(u"𠀋村"_s, 5); // a character outside the BMP: two code units
        trie.insert(u"唐县"_s, 6); // added again: the later value
        trie.freeze();
        const QString text = u"去高唐县城看高唐人到唐县𠀋村"_s;
        QCOMPARE(trie.longestAt(text, 1).length, 3);
        QCOMPARE(trie.longestAt(text, 1).value, 2);
        QCOMPARE(trie.longestAt(text, 2).value, 6);
        QCOMPARE(trie.longestAt(text, 6).value, 1); // 高唐人: the longer word is cut short
        QCOMPARE(trie.longestAt(text, 6).length, 2);
        QCOMPARE(trie.longestAt(text, 0).length, 0);
        QCOMPARE(trie.longestAt(text, text.indexOf(u"𠀋"_s)).value, 5);
        QCOMPARE(trie.longestAt(u"高唐"_s, 0).value, 1); // a word ending with the text
        // A word of one unit, where no longer word goes on (the pair filter's other way out).
        QCOMPARE(trie.longestAt(u"高山"_s, 0).value, 3);
        QCOMPARE(trie.longestAt(u"高山"_s, 0).length, 1);
        QCOMPARE(trie.longestAt(u"看高"_s, 1).value, 3);
        QCOMPARE(trie.longestAt(u"唐山"_s, 0).length, 0);
        QCOMPARE(trie.longestAt(text, text.size()).length, 0);
        QCOMPARE(trie.longestAt(text, -1).length, 0);
    }

    void findTakesTheLongestNameEverywhere()
    {
        // The trie against the plain reading of the rule: at each place, of every name with
        // divisions beginning there the longest, unless it is a town's inside a longer word.
        const Gazetteer &g = Gazetteer::builtin();
        QHash<QChar, QList<qsizetype>> byFirst;
        for (qsizetype n = 0; n < g.nameCount(); ++n) {
            if (!g.name(n).codes.isEmpty())
                byFirst[g.name(n).text.front()].append(n);
        }
        const auto townLevel = [&](const Gazetteer::Name &name) {
            return std::all_of(name.codes.cbegin(), name.codes.cend(), [&](qint64 code) {
                return g.find(code) && g.find(code)->level >= 4;
            });
        };
        QString text;
        for (const QFileInfo &seed :
             QDir(QStringLiteral(BR_SEEDS_DIR)).entryInfoList(QDir::Files)) {
            QFile file(seed.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const Result<DecodedText> decoded = TextDecoder::decode(file.readAll());
            QVERIFY(decoded.ok());
            text += CharFold::fold(decoded->text);
        }
        QVERIFY(text.size() > 20000);
        QList<std::pair<qsizetype, QString>> expected;
        for (qsizetype i = 0; i < text.size();) {
            qsizetype longest = -1;
            for (const qsizetype n : byFirst.value(text[i])) {
                if (QStringView(text).sliced(i).startsWith(g.name(n).text) &&
                    (longest < 0 || g.name(n).text.size() > g.name(longest).text.size()))
                    longest = n;
            }
            if (longest < 0 || (townLevel(g.name(longest)) && isInsideWord(text, i))) {
                ++i;
                continue;
            }
            expected.append({i, g.name(longest).text});
            i += g.name(longest).text.size();
        }
        QList<std::pair<qsizetype, QString>> found;
        for (const PlaceMention &m : PlaceRecognizer(g).find(text))
            found.append({m.start, m.text});
        QVERIFY(expected.size() > 100);
        QCOMPARE(found, expected);
    }

    void ofTwoCitiesNamedAsOftenTheFirstIsTheStorys()
    {
        // Decided by the order of the text, not of a hash (which changes from run to run).
        const PlaceRecognizer places;
        for (int run = 0; run < 8; ++run) {
            QHashSeed::resetRandomGlobalSeed();
            QCOMPARE(places.recognize(article(u"两地合作"_s, u"日照市与聊城市签约。"_s)).mainCity,
                     3711);
            QCOMPARE(places.recognize(article(u"两地合作"_s, u"聊城市与日照市签约。"_s)).mainCity,
                     3715);
        }
    }

    // A division's children, in code order, and only its own: given out of order, a grandchild
    // and a sibling's child among them.
    void childrenAreADivisionsOwnInCodeOrder()
    {
        const Result<Gazetteer> g =
            Gazetteer::parse(u"37\t1\t山东省\t\n3715\t2\t聊城市\t37\n371526\t3\t高唐县\t3715\n"
                             "371522\t3\t莘县\t3715\n3711\t2\t日照市\t37\n371102\t3\t东港区\t3711\n"
                             "371522100\t4\t燕塔街道\t371522\n"_s);
        QVERIFY(g.ok());
        QCOMPARE(g->childrenOf(3715), (QList<qint64>{371522, 371526}));
        QCOMPARE(g->childrenOf(37), (QList<qint64>{3711, 3715}));
        QCOMPARE(g->childrenOf(371522), QList<qint64>{371522100});
        QVERIFY(g->childrenOf(371526).isEmpty());
        QVERIFY(g->childrenOf(0).isEmpty()); // the top has no parent to be a child of
        // The builtin gazetteer: every child of 聊城 names it as its parent.
        const Gazetteer &builtin = Gazetteer::builtin();
        const QList<qint64> counties = builtin.childrenOf(3715);
        QVERIFY(counties.size() >= 8);
        for (const qint64 county : counties)
            QCOMPARE(builtin.find(county)->parent, 3715);
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
