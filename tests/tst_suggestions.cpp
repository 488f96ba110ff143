#include "analysis/CampaignLexicon.h"
#include "analysis/CampaignSuggester.h"
#include "text/ScriptFolder.h"

#include <QTest>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

Article article(const QString &title, const QStringList &paragraphs)
{
    Article a;
    a.title = title;
    for (const QString &p : paragraphs)
        a.blocks.append(Block{Block::Type::Paragraph, p});
    return a;
}

const CampaignSuggestion *find(const QList<CampaignSuggestion> &list, const QString &campaign)
{
    for (const CampaignSuggestion &s : list) {
        if (s.campaign == campaign)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestSuggestions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinLexiconLoads()
    {
        const CampaignLexicon &lexicon = CampaignLexicon::builtin();
        QVERIFY(lexicon.terms().size() > 20);
        QVERIFY(lexicon.termsStartingWith(u'扶') != nullptr);
    }

    void rejectsMalformedLexicon()
    {
        QVERIFY(!CampaignLexicon::parse(u"poverty-relief\t扶贫"_s).ok());
        QVERIFY(!CampaignLexicon::parse(u"no-such-campaign\t扶贫\t1"_s).ok());
        QVERIFY(!CampaignLexicon::parse(u"poverty-relief\t扶贫\tx"_s).ok());
        QVERIFY(CampaignLexicon::parse(u"# comment\n\npoverty-relief\t扶贫\t2\n"_s).ok());
    }

    void headlineTermIsEnough()
    {
        const CampaignSuggester suggester;
        const auto list =
            suggester.suggest(article(u"莘县燕塔街道干部帮包助脱贫"_s,
                                      {u"燕塔街道为每户明确了帮包干部，促进工作见实效。"_s}));
        const CampaignSuggestion *s = find(list, u"poverty-relief"_s);
        QVERIFY(s);
        QVERIFY(s->score >= CampaignSuggester::kMinimumScore);
        QVERIFY(s->evidence.contains(u"脱贫"_s));
        QVERIFY(!find(list, u"anti-crime"_s));
    }

    void bodyEvidenceFromSeveralTerms()
    {
        const CampaignSuggester suggester;
        const auto list = suggester.suggest(article(
            u"市卫计委部署重点工作"_s,
            {u"会议要求深入开展扫黑除恶专项斗争，严厉打击黑恶势力，深挖保护伞，推动扫黑除恶取得实效。"_s}));
        const CampaignSuggestion *s = find(list, u"anti-crime"_s);
        QVERIFY(s);
        QCOMPARE(s->evidence.first(), u"扫黑除恶"_s); // strongest evidence first: named twice
        QVERIFY(s->evidence.contains(u"扫黑除恶"_s));
        QVERIFY(s->evidence.contains(u"保护伞"_s));
    }

    void wordsThatTurnUpElsewhereAreNotEnough()
    {
        // 文明 in 文明出行 / 文明旅游 and a volunteer service, even in a headline, is no
        // civilised-city story without one of the campaign's own terms.
        const CampaignSuggester suggester;
        const auto list = suggester.suggest(
            article(u"倡导文明出行 文明旅游"_s,
                    {u"假期里，志愿服务队在景区倡导文明出行，市文明办发出文明旅游倡议。"_s}));
        QVERIFY(!find(list, u"civilization-city"_s));
        // With the campaign named, the same words are its evidence.
        const auto named = suggester.suggest(
            article(u"倡导文明出行 助力创城"_s, {u"志愿服务队在景区倡导文明出行，为创城添彩。"_s}));
        const CampaignSuggestion *s = find(named, u"civilization-city"_s);
        QVERIFY(s);
        QVERIFY(s->evidence.contains(u"文明出行"_s));
    }

    void passingMentionInLongArticleIsNotEnough()
    {
        QStringList body;
        for (int i = 0; i < 12; ++i)
            body.append(u"该委党委坚持把党建工作与业务工作有机融合，开展理论学习，完善制度建设，"
                        u"强化党员教育管理，提升了机关党组织的组织力和凝聚力。"_s);
        body.append(u"机关志愿者热情宣传创城工作，调动了群众参与的积极性。"_s);
        const CampaignSuggester suggester;
        QVERIFY(suggester.suggest(article(u"卫生计生委打造精准党建新样本"_s, body)).isEmpty());
    }

    void longestTermCountsOnce()
    {
        // 精准扶贫 must not also count as 扶贫: one mention, one piece of evidence.
        const CampaignSuggester suggester;
        const auto list = suggester.suggest(article(u"会议"_s, {u"推进精准扶贫。"_s}));
        QVERIFY(list.isEmpty());
    }

    void traditionalTextIsFolded()
    {
        const ScriptFolder folder;
        QCOMPARE(folder.fold(u"掃黑除惡 ＡＢＣ１２"_s), u"扫黑除恶 abc12"_s);
        const CampaignSuggester suggester;
        const auto list = suggester.suggest(
            article(u"全縣掃黑除惡專項鬥爭推進會召開"_s, {u"會議要求嚴厲打擊黑惡勢力。"_s}));
        const CampaignSuggestion *s = find(list, u"anti-crime"_s);
        QVERIFY(s);
        QVERIFY(s->evidence.contains(u"扫黑除恶"_s));
        QVERIFY(s->evidence.contains(u"黑恶势力"_s));
    }
};

QTEST_GUILESS_MAIN(TestSuggestions)
#include "tst_suggestions.moc"
