// Anchors that survive a changed text: positions in code points, the bit-parallel approximate
// matcher against a plain dynamic programme, and re-anchoring after the text moved, was edited,
// was deleted, or left a look-alike passage behind.

#include "library/PageReader.h"
#include "testsupport/TestSupport.h"
#include "text/CodePoints.h"
#include "text/TextAnchor.h"

#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace br;
using namespace Qt::StringLiterals;

namespace {

// The paragraphs of a real seed page: the text annotations are made on.
QStringList seedParagraphs()
{
    Result<ReadPage> read = PageReader().readFile(test::seedsPath(u"001_1f928a1e1901fd81.txt"_s));
    if (!read)
        qFatal("cannot read the seed page");
    QStringList paragraphs;
    for (const Article &a : read->page.articles) {
        for (const Block &b : a.blocks) {
            if (b.type == Block::Type::Paragraph && b.text.size() > 80)
                paragraphs.append(b.text);
        }
    }
    return paragraphs;
}

std::vector<char32_t> points(QStringView s)
{
    std::vector<char32_t> p;
    for (const char32_t c : s.toUcs4())
        p.push_back(c);
    return p;
}

// The fewest errors of `pattern` against any substring of `text` ending at each position: the
// textbook dynamic programme that approximateMatches must agree with.
std::vector<int> naiveEndErrors(const std::vector<char32_t> &text,
                                const std::vector<char32_t> &pattern)
{
    const size_t m = pattern.size();
    std::vector<int> column(m + 1);
    for (size_t i = 0; i <= m; ++i)
        column[i] = static_cast<int>(i);
    std::vector<int> ends(text.size() + 1, static_cast<int>(m));
    for (size_t j = 1; j <= text.size(); ++j) {
        int diagonal = column[0];
        column[0] = 0;
        for (size_t i = 1; i <= m; ++i) {
            const int left = column[i];
            column[i] = std::min(
                {column[i] + 1, column[i - 1] + 1, diagonal + (pattern[i - 1] != text[j - 1])});
            diagonal = left;
        }
        ends[j] = column[m];
    }
    return ends;
}

int levenshtein(const std::vector<char32_t> &a, const std::vector<char32_t> &b)
{
    std::vector<int> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

class TestAnchor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codePointsCountCharactersOutsideTheBmpOnce()
    {
        const QString text = u"在"_s + QString::fromUcs4(U"\U00020000") + u"村扶贫"_s;
        QCOMPARE(text.size(), 6); // 𠀀 is two UTF-16 units
        QCOMPARE(CodePoints::count(text), 5);
        QCOMPARE(CodePoints::fromUtf16(text, 3), 2); // after 𠀀
        QCOMPARE(CodePoints::fromUtf16(text, 2), 1); // inside the pair: not reached yet
        QCOMPARE(CodePoints::toUtf16(text, 2), 3);
        QCOMPARE(CodePoints::toUtf16(text, 99), 6);
        QCOMPARE(CodePoints::mid(text, 2, 5), u"村扶贫"_s);

        const TextQuote q = TextQuote::of(text, 3, 5);
        QCOMPARE(q.exact, u"扶贫"_s);
        QCOMPARE(q.prefix, u"在"_s + QString::fromUcs4(U"\U00020000") + u"村"_s);
        const Anchoring a = TextAnchor::find(text, q);
        QCOMPARE(a.state, AnchorState::Exact);
        QCOMPARE(a.start, 3);
        QCOMPARE(a.end, 5);
    }

    void bitParallelMatchingAgreesWithTheTextbook_data()
    {
        QTest::addColumn<int>("patternLength");
        QTest::addColumn<int>("alphabet");
        QTest::newRow("short, small alphabet") << 7 << 3;
        QTest::newRow("one block exactly") << 64 << 4;
        QTest::newRow("two blocks") << 65 << 4;
        QTest::newRow("three blocks, Chinese") << 150 << 0;
    }
    void bitParallelMatchingAgreesWithTheTextbook()
    {
        QFETCH(int, patternLength);
        QFETCH(int, alphabet);
        QRandomGenerator random(20261201u + static_cast<quint32>(patternLength));
        const QString paragraphs = seedParagraphs().join(QString());
        for (int round = 0; round < 20; ++round) {
            std::vector<char32_t> text;
            std::vector<char32_t> pattern;
            if (alphabet > 0) {
                for (int i = 0; i < 400; ++i)
                    text.push_back(U'a' + random.bounded(alphabet));
            } else {
                const qsizetype from = random.bounded(paragraphs.size() - 500);
                text = points(QStringView(paragraphs).mid(from, 400));
            }
            // The pattern: a piece of the text with a few edits, so real matches exist.
            const size_t from = random.bounded(static_cast<int>(text.size()) - patternLength);
            pattern.assign(text.begin() + from, text.begin() + from + patternLength);
            for (int e = 0; e < patternLength / 10 + 1; ++e)
                pattern[random.bounded(patternLength)] = U'x';
            const int maxErrors = patternLength / 4;
            const std::vector<int> naive = naiveEndErrors(text, pattern);
            const QList<ApproximateMatch> found = approximateMatches(text, pattern, maxErrors);
            const int naiveBest = *std::min_element(naive.begin(), naive.end());
            int best = INT_MAX;
            for (const ApproximateMatch &m : found) {
                // Each match is real: its range is that far from the pattern, and no end
                // within reach of the plain programme is missed or better.
                const std::vector<char32_t> piece(text.begin() + m.start, text.begin() + m.end);
                QCOMPARE(levenshtein(piece, pattern), m.errors);
                QCOMPARE(naive[static_cast<size_t>(m.end)], m.errors);
                best = std::min(best, m.errors);
            }
            if (naiveBest <= maxErrors)
                QCOMPARE(best, naiveBest);
            else
                QVERIFY(found.isEmpty());
            // Every end the programme finds within maxErrors lies in a reported run.
            for (size_t j = 1; j < naive.size(); ++j) {
                if (naive[j] > maxErrors)
                    continue;
                const bool covered = std::any_of(found.begin(), found.end(), [&](const auto &m) {
                    return static_cast<size_t>(m.end) <= j + patternLength &&
                           static_cast<size_t>(m.end) + patternLength >= j;
                });
                QVERIFY2(covered, qPrintable(u"end %1 not reported"_s.arg(j)));
            }
        }
    }

    void quoteStillAtItsPlaceIsExact()
    {
        const QString text = seedParagraphs().first();
        const TextQuote q = TextQuote::of(text, 10, 30);
        const Anchoring a = TextAnchor::find(text, q);
        QCOMPARE(a.state, AnchorState::Exact);
        QCOMPARE(a.start, 10);
        QCOMPARE(a.score, 1.0);
    }

    void movedTextIsFoundExactly()
    {
        const QStringList paragraphs = seedParagraphs();
        const QString text = paragraphs[0] + u'\n' + paragraphs[1];
        const TextQuote q =
            TextQuote::of(text, paragraphs[0].size() + 20, paragraphs[0].size() + 36);
        // A paragraph put in front (a merge), then the article's headline taken away (a split).
        for (const QString &changed :
             QStringList{paragraphs[2] + u'\n' + text, text.mid(paragraphs[0].size())}) {
            const Anchoring a = TextAnchor::find(changed, q);
            QCOMPARE(a.state, AnchorState::Exact);
            QCOMPARE(CodePoints::mid(changed, a.start, a.end), q.exact);
            QCOMPARE(changed.indexOf(q.exact, 0) >= 0, true);
        }
    }

    void editedPassageIsKeptForChecking()
    {
        const QString text = seedParagraphs()[1];
        const TextQuote q = TextQuote::of(text, 30, 70); // 40 characters
        QString edited = text;
        edited[35] = u'某';
        edited[50] = u'某';
        edited.insert(60, u"一些"_s);
        const Anchoring a = TextAnchor::find(edited, q);
        QCOMPARE(a.state, AnchorState::Check);
        QVERIFY(std::abs(a.start - 30) <= 1);
        QVERIFY(std::abs(a.end - 72) <= 1);
        QVERIFY(a.score >= TextAnchor::kCheckScore);
    }

    void longPassageOverSeveralBlocksIsFound()
    {
        const QStringList paragraphs = seedParagraphs();
        const QString text = paragraphs[0] + u'\n' + paragraphs[1] + u'\n' + paragraphs[2];
        const qsizetype start = paragraphs[0].size() + 1;
        const TextQuote q = TextQuote::of(text, start, start + 150);
        QString edited = paragraphs[2] + u'\n' + text;
        edited.replace(start + paragraphs[2].size() + 1 + 70, 4, u"改动四字"_s);
        const Anchoring a = TextAnchor::find(edited, q);
        QCOMPARE(a.state, AnchorState::Check);
        QCOMPARE(a.start, start + paragraphs[2].size() + 1);
        QCOMPARE(a.end, a.start + 150);
    }

    void deletedPassageIsOrphaned()
    {
        const QStringList paragraphs = seedParagraphs();
        const QString text = paragraphs[0] + u'\n' + paragraphs[1];
        const TextQuote q =
            TextQuote::of(text, paragraphs[0].size() + 5, paragraphs[0].size() + 25);
        const Anchoring a = TextAnchor::find(QString(paragraphs[0] + u'\n' + paragraphs[2]), q);
        QCOMPARE(a.state, AnchorState::Orphaned);
        QCOMPARE(a.start, q.start); // where it was: nothing is moved
    }

    void lookAlikePassageIsOrphanedNotMovedTo()
    {
        // Two reports of one template: the annotated one goes with the paragraph around it, its
        // twin (another county, another date) stands elsewhere. Hypothesis users see highlights
        // jump to such twins; here they must not.
        const QString original =
            u"莘县扶贫办组织全县各乡镇于5月6日开展精准扶贫“大回访”活动，对建档立卡贫困户逐户走访。"_s;
        const QString twin =
            u"冠县扶贫办组织全县各乡镇于6月9日开展精准扶贫“回头看”活动，对建档立卡贫困户逐户核实。"_s;
        const QStringList paragraphs = seedParagraphs();
        const QString text = paragraphs[0] + u'\n' + original + u'\n' + paragraphs[1];
        const qsizetype at = paragraphs[0].size() + 1;
        const TextQuote q = TextQuote::of(text, at, at + original.size());
        const Anchoring a =
            TextAnchor::find(QString(paragraphs[2] + u'\n' + twin + u'\n' + paragraphs[3]), q);
        QCOMPARE(a.state, AnchorState::Orphaned);
        // The same sentence edited where it stood (its county corrected) is the passage: kept for
        // a person to check.
        const Anchoring edited = TextAnchor::find(
            QString(paragraphs[0] + u'\n' + QString(original).replace(0, 2, u"冠县"_s) + u'\n' +
                    paragraphs[1]),
            q);
        QCOMPARE(edited.state, AnchorState::Check);
    }

    void sameWordsInAnotherContextAreNotTakenForTheQuote()
    {
        // "扶贫" stands in the text many times; the annotated occurrence was deleted with its
        // sentence. An exact occurrence elsewhere, with other words around it, is no anchor.
        const QString text = u"全县上下一心，坚决打赢扶贫攻坚战。驻村第一书记带领群众发展产业。"_s;
        const qsizetype at = text.indexOf(u"扶贫"_s);
        const TextQuote q = TextQuote::of(text, at, at + 2);
        const QString changed = u"驻村第一书记带领群众发展产业，电商扶贫让农产品走出大山。"_s;
        const Anchoring a = TextAnchor::find(changed, q);
        QVERIFY(a.state != AnchorState::Exact);
    }

    void sameCharacterAtTheOldOffsetIsNotTakenOnTrust()
    {
        // After a merge or an edit the old offset points into other text: a one-character quote
        // that happens to stand there in other words is no anchor.
        const QString text = u"全县党员干部下沉一线，帮助群众解决实际困难。"_s;
        const TextQuote q = TextQuote::of(text, 2, 3); // 党
        const QString changed = u"市委党校举办培训班，学员来自各个乡镇。"_s;
        QCOMPARE(changed.mid(2, 1), u"党"_s);
        QVERIFY(TextAnchor::find(changed, q).state != AnchorState::Exact);
    }

    void emptyQuoteIsOrphaned()
    {
        QCOMPARE(TextAnchor::find(u"任何文字"_s, TextQuote{}).state, AnchorState::Orphaned);
    }
};

QTEST_GUILESS_MAIN(TestAnchor)
#include "tst_anchor.moc"
