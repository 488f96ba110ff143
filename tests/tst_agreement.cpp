// Coder agreement figures against examples worked by hand (kappa = (po - pe) / (1 - pe),
// pe = sum p(A,k) p(B,k); Krippendorff's alpha from the coincidence matrix).

#include "analysis/Agreement.h"

#include <QTest>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

const QString kPoverty = u"poverty-relief"_s;
const QString kCrime = u"anti-crime"_s;

// `coder`'s judgments: the articles of `tagged` tagged with `campaign`, those of `untagged`
// coded without it (a "no" for another campaign keeps them coded).
QList<Coding> judged(const QString &coder, const QString &campaign, const QList<qint64> &tagged,
                     const QList<qint64> &untagged)
{
    QList<Coding> c;
    for (const qint64 id : tagged)
        c.append({id, campaign, coder, true, {}});
    for (const qint64 id : untagged)
        c.append({id, campaign, coder, false, {}});
    return c;
}

} // namespace

class TestAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Ten articles: both yes 4, A only 1, B only 2, both no 3. po = 0.7; p(A yes) = 0.5,
    // p(B yes) = 0.6, pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = 0.2 / 0.5 = 0.4.
    void cohensKappaOfTwoCoders()
    {
        QList<Coding> codings = judged(u"li"_s, kPoverty, {1, 2, 3, 4, 5}, {6, 7, 8, 9, 10});
        codings += judged(u"wang"_s, kPoverty, {1, 2, 3, 4, 6, 7}, {5, 8, 9, 10});
        const QList<CampaignAgreement> rows = Agreement::measure(codings, {kPoverty});
        QCOMPARE(rows.size(), 1);
        const CampaignAgreement &a = rows.front();
        QCOMPARE(a.coders, (QStringList{u"li"_s, u"wang"_s}));
        QCOMPARE(a.articles, 10);
        QCOMPARE(a.confusion, (Confusion{4, 1, 2, 3}));
        QVERIFY(a.kappa.has_value());
        QCOMPARE(qRound(*a.kappa * 1000), 400);
        QVERIFY(!a.alpha.has_value());
        QCOMPARE(a.disagreements, (QList<qint64>{5, 6, 7}));
        QCOMPARE(a.pairs.size(), 1);
    }

    // Three coders, four articles, one coder missing from two (alpha takes what there is):
    //   1: yes yes yes   2: yes no no   3: no no -   4: yes no -
    // coincidences: yes/yes 3 (article 1), no/no 1 + 2 = 3, yes/no 1 + 1 = 2; n(yes) = 5,
    // n(no) = 5, n = 10; alpha = 1 - 9 * 2 / (5 * 5) = 0.28.
    void krippendorffsAlphaOfThreeWithGaps()
    {
        QList<Coding> codings = judged(u"a"_s, kPoverty, {1, 2, 4}, {3});
        codings += judged(u"b"_s, kPoverty, {1}, {2, 3, 4});
        codings += judged(u"c"_s, kPoverty, {1}, {2});
        const CampaignAgreement a = Agreement::measure(codings, {kPoverty}).front();
        QCOMPARE(a.coders, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
        QCOMPARE(a.articles, 4);
        QCOMPARE(a.coincidences.yesYes, 3.0);
        QCOMPARE(a.coincidences.noNo, 3.0);
        QCOMPARE(a.coincidences.yesNo, 2.0);
        QVERIFY(a.alpha.has_value());
        QCOMPARE(qRound(*a.alpha * 1000), 280);
        QVERIFY(!a.kappa.has_value());
        QCOMPARE(a.disagreements, (QList<qint64>{2, 4}));
        // Every two of them over the articles both coded: a and c share 1 and 2 (yes/yes,
        // yes/no): po = 0.5, pe = 1 * 0.5 + 0 = 0.5, kappa 0.
        QCOMPARE(a.pairs.size(), 3);
        QCOMPARE(a.pairs[1].first, u"a"_s);
        QCOMPARE(a.pairs[1].second, u"c"_s);
        QCOMPARE(a.pairs[1].confusion, (Confusion{1, 1, 0, 0}));
        QCOMPARE(qRound(*a.pairs[1].kappa * 1000), 0);
    }

    // A person who coded an article said "no" to every campaign they did not tag it with; an
    // article only one person coded does not count.
    void anUntaggedCampaignIsANo()
    {
        QList<Coding> codings = judged(u"li"_s, kPoverty, {1, 2}, {});
        codings += judged(u"wang"_s, kCrime, {1}, {});
        codings += judged(u"wang"_s, kPoverty, {2, 3}, {});
        const QList<CampaignAgreement> rows = Agreement::measure(codings, {kPoverty, kCrime});
        QCOMPARE(rows[0].articles, 2); // 3 is wang's alone
        // Article 1: li poverty, wang anti-crime (so "no" to poverty); article 2: both poverty.
        QCOMPARE(rows[0].confusion, (Confusion{1, 1, 0, 0}));
        QCOMPARE(rows[0].disagreements, (QList<qint64>{1}));
        QCOMPARE(rows[1].confusion, (Confusion{0, 0, 1, 1}));
        QCOMPARE(rows[1].disagreements, (QList<qint64>{1}));
    }

    // When chance explains every judgment there is no kappa or alpha (a division by zero), and
    // one coder alone gives no figures at all.
    void noFigureWithoutVariation()
    {
        QList<Coding> codings = judged(u"li"_s, kPoverty, {1, 2}, {});
        codings += judged(u"wang"_s, kPoverty, {1, 2}, {});
        const CampaignAgreement a = Agreement::measure(codings, {kPoverty}).front();
        QCOMPARE(a.confusion, (Confusion{2, 0, 0, 0}));
        QVERIFY(!a.kappa.has_value());
        QVERIFY(!Agreement::krippendorffsAlpha({2, 0, 0}).has_value());
        QVERIFY(!Agreement::cohensKappa({}).has_value());

        const CampaignAgreement alone =
            Agreement::measure(judged(u"li"_s, kPoverty, {1}, {2}), {kPoverty}).front();
        QVERIFY(alone.coders.isEmpty());
        QCOMPARE(alone.articles, 0);
        QVERIFY(alone.pairs.isEmpty());
    }

    // Total disagreement on a balanced set is kappa -1.
    void oppositeCodersAreMinusOne()
    {
        QList<Coding> codings = judged(u"li"_s, kPoverty, {1, 2}, {3, 4});
        codings += judged(u"wang"_s, kPoverty, {3, 4}, {1, 2});
        const CampaignAgreement a = Agreement::measure(codings, {kPoverty}).front();
        QCOMPARE(qRound(*a.kappa * 1000), -1000);
    }
};

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
