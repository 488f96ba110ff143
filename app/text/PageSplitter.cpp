#include "text/PageSplitter.h"

#include "text/CjkCharsets.h"
#include "text/LineShape.h"
#include "text/PageLines.h"
#include "text/WordJunction.h"

#include <QLoggingCategory>

#include <algorithm>
#include <map>

namespace br {

Q_LOGGING_CATEGORY(lcSplitter, "br.text.splitter", QtWarningMsg)

namespace {

using namespace Qt::StringLiterals;
namespace LS = LineShape;

// A new article needs at least this much evidence (see Splitter::newArticleScore).
constexpr int kNewArticleThreshold = 5;
// Lines of a headline group: section banner, kicker, title over two lines, subtitle.
constexpr int kMaxHeadlineGroup = 4;
// How much of the text under a headline is compared with it.
constexpr qsizetype kOverlapWindow = 250;

bool isAsciiWordChar(QChar ch)
{
    return ch.unicode() < 0x80 && ch.isLetterOrNumber();
}

// Joins two pieces of one broken sentence: directly, as Chinese is written, unless both sides are
// Latin letters or digits.
void appendJoined(QString &text, QStringView piece)
{
    if (!text.isEmpty() && !piece.isEmpty() && isAsciiWordChar(text.back()) &&
        isAsciiWordChar(piece.front()))
        text.append(u' ');
    text.append(piece);
}

// The distinct pairs of adjacent characters of a (short) run of hanzi, sorted for lookups.
std::vector<quint32> bigramsOf(QStringView han)
{
    std::vector<quint32> pairs;
    pairs.reserve(static_cast<size_t>(std::max<qsizetype>(0, han.size() - 1)));
    for (qsizetype i = 0; i + 1 < han.size(); ++i)
        pairs.push_back((quint32(han[i].unicode()) << 16) | han[i + 1].unicode());
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

// Share of a headline's character pairs that its story repeats: news titles name the story's own
// places, units and actions, while a fragment of a broken sentence shares little with what follows.
double overlapWithBody(QStringView headlineHan, QStringView bodyHan)
{
    const std::vector<quint32> mine = bigramsOf(headlineHan);
    if (mine.empty())
        return 0;
    std::vector<bool> found(mine.size(), false);
    for (qsizetype i = 0; i + 1 < bodyHan.size(); ++i) {
        const quint32 pair = (quint32(bodyHan[i].unicode()) << 16) | bodyHan[i + 1].unicode();
        const auto it = std::lower_bound(mine.begin(), mine.end(), pair);
        if (it != mine.end() && *it == pair)
            found[static_cast<size_t>(it - mine.begin())] = true;
    }
    const auto shared = std::count(found.begin(), found.end(), true);
    return static_cast<double>(shared) / static_cast<double>(mine.size());
}

QString twoCharPrefix(QStringView line)
{
    return LS::hanOnly(line.first(std::min<qsizetype>(line.size(), 6))).left(2);
}

// What the splitter asks of each line, worked out once: the same questions come up many times
// while headline groups are weighed.
struct LineFacts
{
    QString han; // the line's hanzi only
    QString prefix;
    int credit = -1;
    bool headline = false;
    bool balanced = false;
    bool placeFirst = false;
    bool byline = false;
    bool nameList = false;
    bool caption = false;
    bool startsMid = false;
    qint8 series = -1;    // isSeriesMember, computed on first use
    qint8 continues = -1; // continuesInto, computed on first use
};

class Splitter
{
public:
    explicit Splitter(const QList<PageLine> &lines) : m_lines(lines) { studyPage(); }

    Page run()
    {
        qsizetype i = takeMasthead();
        while (i < m_lines.size()) {
            // Page furniture further down (本版编辑：…, 第3版) is page data, not article text; a
            // jump line (下转第2版) only says where the story goes on.
            if (!m_paragraphOpen && LS::isMastheadLine(text(i))) {
                m_page.masthead.append(text(i));
                ++i;
                continue;
            }
            if (LS::isJumpLine(text(i))) {
                // Where the story goes on is kept with it, as a note after its text.
                if (m_article >= 0) {
                    flushParagraph();
                    Article &a = article();
                    a.credit = a.credit.isEmpty() ? text(i) : a.credit + u' ' + text(i);
                    touch(i);
                } else {
                    m_page.masthead.append(text(i));
                }
                ++i;
                continue;
            }
            if (isHeadlineCandidate(i)) {
                const qsizetype groupEnd = headlineGroupEnd(i);
                const qsizetype bylinesEnd = bylineEnd(groupEnd);
                if (m_article < 0 ||
                    newArticleScore(i, groupEnd, bylinesEnd) >= kNewArticleThreshold) {
                    startArticle(i, groupEnd, bylinesEnd);
                    i = bylinesEnd;
                    continue;
                }
                if (isSubheadGroup(i, groupEnd)) {
                    addSubheads(i, groupEnd);
                    i = groupEnd;
                    continue;
                }
            }
            i = addBodyLine(i);
        }
        closeArticle();
        return std::move(m_page);
    }

private:
    // Page-wide facts the decisions lean on: the usual blank gap between lines, and which lines are
    // shaped like headlines (for series of subheads).
    void studyPage()
    {
        std::map<int, int> gaps;
        for (qsizetype i = 1; i < m_lines.size(); ++i)
            ++gaps[m_lines[i].blanksBefore];
        int best = 0;
        for (const auto &[gap, count] : gaps) {
            if (count > best) {
                best = count;
                m_rhythm = gap;
            }
        }
        m_facts.resize(m_lines.size());
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            const QString &line = m_lines[i].text;
            LineFacts &f = m_facts[i];
            f.han = LS::hanOnly(line);
            f.credit = static_cast<int>(LS::creditStart(line));
            f.caption = LS::startsWithCaptionMarker(line);
            f.startsMid = LS::startsMidSentence(line);
            f.byline = LS::looksLikeByline(line);
            f.headline = LS::isHeadlineShaped(line);
            if (line.size() <= LS::kMaxHeadlineLength) { // only headlines and bylines ask these
                f.prefix = twoCharPrefix(line);
                f.balanced = f.headline && LS::isBalancedPair(line);
                f.placeFirst = LS::startsWithPlaceOrUnit(line);
                f.nameList = LS::isNameList(line);
            }
            if (f.headline)
                m_headlineShaped.append(i);
        }
    }

    const QString &text(qsizetype i) const { return m_lines[i].text; }

    Article &article() { return m_page.articles[m_article]; }

    // Masthead: the banner, 主办 / 承办 and edition lines at the top of the page.
    qsizetype takeMasthead()
    {
        constexpr qsizetype kMastheadSearch = 12;
        qsizetype last = -1;
        for (qsizetype i = 0; i < std::min(kMastheadSearch, m_lines.size()); ++i) {
            if (text(i).size() > LS::kMaxHeadlineLength || LS::endsSentence(text(i)))
                break;
            if (LS::isMastheadLine(text(i)))
                last = i;
        }
        if (last < 0)
            return 0;
        // Lines printed right under the last one (no blank) belong to its block.
        while (last + 1 < m_lines.size() && m_lines[last + 1].blanksBefore == 0 &&
               text(last + 1).size() <= LS::kMaxHeadlineLength && !LS::endsSentence(text(last + 1)))
            ++last;
        for (qsizetype i = 0; i <= last; ++i)
            m_page.masthead.append(text(i));
        return last + 1;
    }

    // Line i is a sentence the layout broke, continued by line i + 1.
    bool continuesInto(qsizetype i) const
    {
        if (i + 1 >= m_lines.size())
            return false;
        LineFacts &f = m_facts[i];
        if (f.continues < 0) {
            const LineFacts &next = m_facts[i + 1];
            // The dictionary is asked only about body lines: two headline-shaped lines can form a
            // word across their break by chance (…专刊 / 本版…).
            f.continues = !next.byline && !next.caption &&
                          (LS::endsMidClause(text(i)) || next.startsMid ||
                           (!next.headline && junctionSplitsWord(text(i), text(i + 1))));
        }
        return f.continues > 0;
    }

    bool continuesOpenParagraph(qsizetype i) const
    {
        return m_paragraphOpen &&
               (m_facts[i].startsMid || junctionSplitsWord(m_paragraph, text(i)));
    }

    bool isHeadlineCandidate(qsizetype i) const
    {
        return m_facts[i].headline && !continuesInto(i) && !continuesOpenParagraph(i);
    }

    // A byline right under a headline. A bare list of names is one only when no marked byline
    // follows it; otherwise it is a headline line printed in two halves (文明交通 与你同行).
    bool isBylineAt(qsizetype i) const
    {
        if (i >= m_lines.size() || !m_facts[i].byline)
            return false;
        if (m_facts[i].nameList && i + 1 < m_lines.size()) {
            const LineFacts &next = m_facts[i + 1];
            if (next.byline && !next.nameList)
                return false;
        }
        return true;
    }

    qsizetype headlineGroupEnd(qsizetype begin) const
    {
        qsizetype end = begin + 1;
        while (end < m_lines.size() && end - begin < kMaxHeadlineGroup && m_facts[end].headline &&
               !isBylineAt(end) && !continuesInto(end) && !isSentenceLike(end))
            ++end;
        return end;
    }

    // A long line with a comma reads as a sentence, not as a headline.
    bool isSentenceLike(qsizetype i) const
    {
        const QString &line = text(i);
        return (line.contains(u'，') || line.contains(u',')) && m_facts[i].han.size() > 16;
    }

    qsizetype bylineEnd(qsizetype groupEnd) const
    {
        qsizetype end = groupEnd;
        if (!isBylineAt(end))
            return end;
        ++end;
        // A byline may run on over the next lines printed without a gap.
        while (end < m_lines.size() && m_lines[end].blanksBefore == 0 &&
               (m_facts[end].byline || m_facts[end].nameList))
            ++end;
        return end;
    }

    bool isSeriesMember(qsizetype i) const
    {
        LineFacts &f = m_facts[i];
        if (f.series < 0) {
            f.series = 0;
            for (const qsizetype j : m_headlineShaped) {
                if (j == i)
                    continue;
                // Places repeat at the head of titles too (莘县…, 莘县…); only other shared
                // openings (实施…, 明确…, 突出…) and paired halves mark a series of subheads.
                if ((f.balanced && m_facts[j].balanced) ||
                    (!f.placeFirst && f.prefix.size() == 2 && m_facts[j].prefix == f.prefix)) {
                    f.series = 1;
                    break;
                }
            }
        }
        return f.series > 0;
    }

    // The opening of the text under a headline, up to the next headline-shaped line or credit.
    QString bodyHanAfter(qsizetype from) const
    {
        QString han;
        for (qsizetype i = from; i < m_lines.size() && han.size() < kOverlapWindow; ++i) {
            if (i > from && (m_facts[i].headline || m_facts[i].credit == 0))
                break;
            han += QStringView(m_facts[i].han)
                       .first(std::min<qsizetype>(m_facts[i].han.size(), kOverlapWindow));
        }
        return han.left(kOverlapWindow);
    }

    // The current story's text so far, as hanzi, for comparing a headline candidate with it.
    QString storyHanSoFar() const
    {
        if (m_article < 0)
            return {};
        const Article &a = m_page.articles[m_article];
        QString han = LS::hanOnly(QString(a.kicker + a.title + a.subtitle));
        for (const Block &b : a.blocks)
            han += LS::hanOnly(b.text);
        han += LS::hanOnly(m_paragraph);
        return han.right(4 * kOverlapWindow);
    }

    bool hasBlankInside(qsizetype begin, qsizetype end) const
    {
        for (qsizetype i = begin + 1; i < end; ++i) {
            if (m_lines[i].blanksBefore > 0)
                return true;
        }
        return false;
    }

    bool isShortPair(qsizetype begin, qsizetype end) const
    {
        return end - begin == 2 && !hasBlankInside(begin, end) && m_facts[begin].han.size() <= 8 &&
               m_facts[begin + 1].han.size() <= 8;
    }

    // Evidence that a headline group opens a new article rather than a subhead or a broken line.
    int newArticleScore(qsizetype begin, qsizetype groupEnd, qsizetype bylinesEnd) const
    {
        int score = 0;
        if (bylinesEnd > groupEnd)
            score += 5; // subheads never carry a byline
        if (m_closedByCredit)
            score += 3; // the story before signed off
        if (groupEnd - begin >= 2) {
            score += 1;
            if (hasBlankInside(begin, groupEnd))
                score += 1;
        }
        bool dashed = LS::endsWithDash(text(begin));
        bool placeFirst = false;
        bool series = false;
        double overlap = 0;
        const QString body = bodyHanAfter(bylinesEnd);
        for (qsizetype i = begin; i < groupEnd; ++i) {
            dashed = dashed || LS::startsWithDash(text(i));
            placeFirst = placeFirst || m_facts[i].placeFirst;
            series = series || isSeriesMember(i);
            overlap = std::max(overlap, overlapWithBody(m_facts[i].han, body));
        }
        if (dashed)
            score += 2;
        if (m_lines[begin].blanksBefore > m_rhythm)
            score += 2; // a wider gap than the page's usual one
        if (placeFirst)
            score += 2; // local news titles open on the place or unit
        if (overlap >= 0.3)
            score += 3;
        else if (overlap >= 0.15)
            score += 1;
        if (groupEnd - begin == 1 && LS::isPlaceColonTitle(text(begin)))
            score += 2; // 某某县某某镇：… is how local pages title a county's story
        if (m_bodyChars + m_paragraph.size() >= 150)
            score += 1; // the story before has had its say
        if (groupEnd - begin == 1 && isSentenceLike(begin))
            score -= 2;
        if (m_paragraphOpen)
            score -= 2; // a headline seldom interrupts a sentence
        if (series)
            score -= 3;
        if (groupEnd - begin == 1 && m_facts[begin].balanced)
            score -= 2;
        if (isShortPair(begin, groupEnd))
            score -= 2;
        // A title names its own story, not the one before it: a line that shares as much with the
        // text above it as with the text below is more likely part of that story. Worked out only
        // where it can tip the decision, as it reads the story so far.
        if (score == kNewArticleThreshold - 1 &&
            overlap - overlapWithBody(m_facts[begin].han, storyHanSoFar()) >= 0.2)
            score += 1;
        qCDebug(lcSplitter) << "line" << m_lines[begin].number << text(begin) << "score" << score
                            << "overlap" << overlap << "series" << series << "place" << placeFirst
                            << "credit" << m_closedByCredit << "open" << m_paragraphOpen;
        return score;
    }

    // Subheads come in series of like-shaped lines, or as two short lines printed as a pair.
    bool isSubheadGroup(qsizetype begin, qsizetype end) const
    {
        if (isShortPair(begin, end))
            return true;
        for (qsizetype i = begin; i < end; ++i) {
            if (isSeriesMember(i) || m_facts[i].balanced)
                return true;
        }
        return false;
    }

    void startArticle(qsizetype begin, qsizetype groupEnd, qsizetype bylinesEnd)
    {
        closeArticle();
        QStringList group;
        for (qsizetype i = begin; i < groupEnd; ++i)
            group.append(text(i));
        qsizetype firstHeadline = begin;
        // A banner over a run of articles: a dashed or dotted line above the headline proper.
        if (group.size() >= 2 && LS::hasInnerDash(group.front()) &&
            !LS::endsWithDash(group.front())) {
            m_section = group.takeFirst();
            ++firstHeadline;
        }
        Article a;
        a.startLine = m_lines[firstHeadline].number;
        a.section = m_section;
        assignHeadline(a, group);
        QStringList bylines;
        for (qsizetype i = groupEnd; i < bylinesEnd; ++i)
            bylines.append(text(i));
        a.byline = bylines.join(u' ');
        a.endLine = m_lines[bylinesEnd - 1].number;
        m_page.articles.append(std::move(a));
        m_article = m_page.articles.size() - 1;
        m_closedByCredit = false;
        m_bodyChars = 0;
    }

    // Kicker (引题), title (one string even when printed over two lines) and subtitle (副题).
    static void assignHeadline(Article &a, QStringList group)
    {
        QStringList subtitles;
        for (qsizetype i = group.size() - 1; i >= 1; --i) {
            if (LS::startsWithDash(group[i]))
                subtitles.prepend(group.takeAt(i));
        }
        a.subtitle = subtitles.join(u' ');
        if (group.size() == 1) {
            a.title = group.front();
        } else if (group.size() == 2 && LS::isBalancedPair(group[1]) &&
                   !LS::isBalancedPair(group[0])) {
            // A slogan printed under the headline (文明交通 与你同行) reads as its subtitle.
            a.title = group[0];
            a.subtitle = a.subtitle.isEmpty() ? group[1] : group[1] + u' ' + a.subtitle;
        } else if (group.size() == 2) {
            const QString &first = group[0];
            // The subject (a unit's name) or a clause that needs the next line makes the first
            // half of a title printed over two lines (聊城市第四人民医院开展 / “1+1”好支部…); any
            // other first line is a kicker (引题).
            const bool kicker = LS::endsWithDash(first) ||
                                !(LS::isPlaceOrUnitName(first) || LS::endsDangling(first));
            if (kicker) {
                a.kicker = first;
                a.title = group[1];
            } else {
                a.title = first;
                appendJoined(a.title, group[1]);
            }
        } else if (group.size() >= 3) {
            a.kicker = group.takeFirst();
            a.title = group.takeFirst();
            if (!group.isEmpty()) {
                if (!a.subtitle.isEmpty())
                    group.append(a.subtitle);
                a.subtitle = group.join(u' ');
            }
        }
    }

    void addSubheads(qsizetype begin, qsizetype end)
    {
        flushParagraph();
        for (qsizetype i = begin; i < end; ++i) {
            article().blocks.append(Block{Block::Type::Subhead, text(i)});
            touch(i);
        }
    }

    void touch(qsizetype i) { article().endLine = m_lines[i].number; }

    // An unmarked caption printed inside a broken paragraph: the open sentence does not go on in
    // this line, but does in the next one.
    bool isCaptionInsideParagraph(qsizetype i) const
    {
        if (!m_paragraphOpen || i + 1 >= m_lines.size() || text(i).size() > 60)
            return false;
        if (m_facts[i].startsMid || junctionSplitsWord(m_paragraph, text(i)))
            return false;
        return m_facts[i + 1].startsMid || junctionSplitsWord(m_paragraph, text(i + 1));
    }

    void addCaption(qsizetype i)
    {
        m_pendingCaptions.append(Block{Block::Type::Caption, text(i)});
        touch(i);
        if (!m_paragraphOpen)
            flushParagraph();
    }

    qsizetype addBodyLine(qsizetype i)
    {
        if (m_article < 0) {
            // Text before any headline (a story continued from another page): an untitled article.
            Article a;
            a.startLine = m_lines[i].number;
            a.section = m_section;
            m_page.articles.append(std::move(a));
            m_article = m_page.articles.size() - 1;
        }
        const QString &line = text(i);
        if (m_facts[i].caption && !continuesOpenParagraph(i)) {
            addCaption(i);
            return i + 1;
        }
        if (LS::isPhotoCredit(line) && (m_bodyChars > 0 || m_paragraphOpen)) {
            addCaption(i);
            // The caption itself follows: right under the credit, or a short line after a gap.
            if (i + 1 < m_lines.size() && !m_facts[i + 1].headline &&
                (m_lines[i + 1].blanksBefore == 0 || text(i + 1).size() <= 50)) {
                addCaption(i + 1);
                return i + 2;
            }
            return i + 1;
        }
        if (LS::isMarkedSubhead(line)) {
            addSubheads(i, i + 1);
            return i + 1;
        }
        const qsizetype credit = m_facts[i].credit;
        if (credit == 0) {
            flushParagraph();
            setCredit(line);
            touch(i);
            return i + 1;
        }
        if (isCaptionInsideParagraph(i)) {
            addCaption(i);
            return i + 1;
        }
        const QStringView body =
            credit > 0 ? trimPageSpaces(QStringView(line).first(credit)) : QStringView(line);
        appendJoined(m_paragraph, body);
        m_paragraphOpen = true;
        touch(i);
        if (credit > 0) {
            flushParagraph();
            setCredit(QStringView(line).sliced(credit).toString());
        } else if (LS::endsSentence(body)) {
            flushParagraph();
        }
        return i + 1;
    }

    void setCredit(const QString &credit)
    {
        Article &a = article();
        a.credit = a.credit.isEmpty() ? credit : a.credit + u' ' + credit;
        m_closedByCredit = true;
    }

    void flushParagraph()
    {
        if (!m_paragraph.isEmpty() && m_article >= 0) {
            m_bodyChars += m_paragraph.size();
            article().blocks.append(Block{Block::Type::Paragraph, std::move(m_paragraph)});
        }
        m_paragraph.clear();
        m_paragraphOpen = false;
        if (m_article >= 0) {
            article().blocks.append(m_pendingCaptions);
        }
        m_pendingCaptions.clear();
    }

    void closeArticle()
    {
        flushParagraph();
        m_article = -1;
    }

    const QList<PageLine> &m_lines;
    Page m_page;
    qsizetype m_article = -1; // index into m_page.articles of the article being filled
    QString m_section;
    QString m_paragraph; // the paragraph being assembled
    bool m_paragraphOpen = false;
    QList<Block> m_pendingCaptions; // captions met inside the open paragraph, placed after it
    bool m_closedByCredit = false;
    qsizetype m_bodyChars = 0;
    int m_rhythm = 1;
    QList<qsizetype> m_headlineShaped;
    mutable QList<LineFacts> m_facts;
};

} // namespace

QString blockTypeName(Block::Type type)
{
    switch (type) {
    case Block::Type::Subhead:
        return u"subhead"_s;
    case Block::Type::Caption:
        return u"caption"_s;
    case Block::Type::Paragraph:
        break;
    }
    return u"paragraph"_s;
}

Block::Type blockTypeFromName(QStringView name)
{
    if (name == u"subhead")
        return Block::Type::Subhead;
    if (name == u"caption")
        return Block::Type::Caption;
    return Block::Type::Paragraph;
}

QString Article::plainText() const
{
    QStringList parts;
    for (const QString *s : {&kicker, &title, &subtitle, &byline}) {
        if (!s->isEmpty())
            parts.append(*s);
    }
    for (const Block &b : blocks)
        parts.append(b.text);
    if (!credit.isEmpty())
        parts.append(credit);
    return parts.join(u'\n');
}

Page PageSplitter::split(QStringView text) const
{
    const QList<PageLine> lines = splitPageLines(text);
    return Splitter(lines).run();
}

} // namespace br
