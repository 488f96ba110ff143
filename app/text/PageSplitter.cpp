#include "text/PageSplitter.h"

#include "text/CharFold.h"
#include "text/CjkCharsets.h"
#include "text/LineRoleModel.h"
#include "text/LineShape.h"
#include "text/WordJunction.h"

#include "text/PageLines.h"
#include <QLoggingCategory>

#include <algorithm>

namespace br {

Q_LOGGING_CATEGORY(lcSplitter, "br.text.splitter", QtWarningMsg)

namespace {

using namespace Qt::StringLiterals;
namespace LS = LineShape;

// Lines of a headline group: section banner, kicker, title over two lines, subtitle.
constexpr int kMaxHeadlineGroup = 5;

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

// What the splitter asks of each line, worked out once: the same questions come up many times
// while headline groups are weighed.
struct LineFacts
{
    bool byline = false;
    bool nameList = false;
};

class Splitter
{
public:
    Splitter(const QList<PageLine> &lines, const std::atomic_bool *cancel)
        : m_lines(lines), m_cancel(cancel)
    {
        m_facts.resize(m_lines.size());
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            const QString &line = m_lines[i].text;
            LineFacts &f = m_facts[i];
            f.byline = LS::looksLikeByline(line);
            if (line.size() <= LS::kMaxHeadlineLength)
                f.nameList = LS::isNameList(line);
        }
    }

    // The lines the model reads: from the first story on, and in simplified characters (it
    // learnt the words lines open and close on from simplified pages; a Big5 page prints the
    // same words in traditional ones). One character for one, so every length stays.
    QList<PageLine> modelLines(qsizetype from) const
    {
        QList<PageLine> lines = m_lines.mid(from);
        for (PageLine &line : lines)
            CharFold::simplifyInPlace(line.text);
        return lines;
    }

    Page run()
    {
        // The model reads the page from its first story on, as it learnt pages.
        const qsizetype mastheadEnd = mastheadLines();
        const QList<LineRoleModel::RoleSet> allowed = conventions(mastheadEnd);
        const QList<LineRole> decoded = LineRoleModel::builtin().decode(
            modelLines(mastheadEnd), allowed.mid(mastheadEnd), m_cancel);
        if (m_cancel && m_cancel->load())
            return Page();
        m_roles = QList<LineRole>(mastheadEnd, LineRole::Furniture) + decoded;
        if (lcSplitter().isDebugEnabled()) {
            for (qsizetype k = 0; k < m_lines.size(); ++k)
                qCDebug(lcSplitter).noquote()
                    << m_lines[k].number << lineRoleName(m_roles[k]) << text(k).left(40);
        }
        qsizetype i = 0;
        while (i < m_lines.size() && m_roles[i] == LineRole::Furniture) {
            m_page.masthead.append(text(i));
            ++i;
        }
        while (i < m_lines.size()) {
            // Page furniture further down (本版编辑：…, 第3版) is page data, not article text.
            if (!m_paragraphOpen && LS::isMastheadLine(text(i)) && !isHead(i)) {
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
            if (isHead(i)) {
                const qsizetype groupEnd = headlineGroupEnd(i);
                const qsizetype bylinesEnd = bylineEnd(groupEnd);
                startArticle(i, groupEnd, bylinesEnd);
                i = bylinesEnd;
                continue;
            }
            i = addBodyLine(i);
        }
        closeArticle();
        return std::move(m_page);
    }

private:
    const QString &text(qsizetype i) const { return m_lines[i].text; }

    // Masthead: the banner, 主办 / 承办 and edition lines at the top of the page; the number of
    // lines it takes.
    qsizetype mastheadLines() const
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
        return last + 1;
    }

    // A number broken after its decimal point (…占比2. / 6%…): the line goes on with it.
    static bool continuesNumber(QStringView above, QStringView line)
    {
        return above.size() >= 2 && above.back() == u'.' && above[above.size() - 2].isDigit() &&
               !line.isEmpty() && line.front().isDigit();
    }

    // What layout conventions settle before the model weighs anything: the masthead is furniture
    // and nothing else is; a △ / 图为 line is a caption, and so is a photo credit (□ 某某 报道) and
    // the short line printed under it; a line that opens on punctuation or a bound particle goes
    // on with the sentence before it; a line that reads as a sentence is no headline.
    QList<LineRoleModel::RoleSet> conventions(qsizetype mastheadEnd) const
    {
        using M = LineRoleModel;
        const M::RoleSet notFurniture = M::kAnyRole & ~M::only(LineRole::Furniture);
        const M::RoleSet noHeadline =
            notFurniture & ~M::only(LineRole::HeadStart) & ~M::only(LineRole::HeadMore);
        QList<M::RoleSet> allowed(m_lines.size(), notFurniture);
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            const QString &line = text(i);
            if (i < mastheadEnd) {
                allowed[i] = M::only(LineRole::Furniture);
                continue;
            }
            if (LS::startsWithCaptionMarker(line)) {
                allowed[i] = M::only(LineRole::Caption);
                continue;
            }
            if (LS::isPhotoCredit(line) && LS::creditStart(line) != 0) {
                allowed[i] = M::only(LineRole::Caption);
                // A credit printed first (□ 某某 报道, （某某 摄）) opens its caption: the line
                // above it is the story's.
                if (i > mastheadEnd && u"（(□■"_s.contains(line.front()) &&
                    !LS::startsWithCaptionMarker(text(i - 1)))
                    narrow(allowed[i - 1], M::RoleSet(~M::only(LineRole::Caption)));
                if (i + 1 < m_lines.size() && !LS::isHeadlineShaped(text(i + 1)) &&
                    (m_lines[i + 1].blanksBefore == 0 || text(i + 1).size() <= 50))
                    allowed[++i] = M::only(LineRole::Caption);
                continue;
            }
            // An unmarked caption is a line or two under the photo, never a long paragraph.
            if (line.size() > 40)
                narrow(allowed[i], M::RoleSet(~M::only(LineRole::Caption)));
            if (i > mastheadEnd && ((LS::startsMidSentence(line) && !m_facts[i].byline) ||
                                    continuesNumber(text(i - 1), line)))
                allowed[i] = M::only(LineRole::BodyMore);
            else if (isSentence(line) || LS::endsMidClause(line) || LS::isDateAlone(line))
                narrow(allowed[i], noHeadline);
            else if (LS::startsWithDash(line) && line.size() <= LS::kMaxHeadlineLength &&
                     !isAttribution(line) && i > mastheadEnd && LS::isHeadlineShaped(text(i - 1))) {
                // A —— subtitle under its title: the line above is that title.
                allowed[i] = M::only(LineRole::HeadMore);
                narrow(allowed[i - 1], M::only(LineRole::HeadStart) | M::only(LineRole::HeadMore));
            }
        }
        // The line before a sentence's rest is that sentence's start, never a headline; so is a
        // line the rest continues inside a word of, across a caption printed between.
        for (qsizetype k = mastheadEnd + 1; k < m_lines.size(); ++k) {
            if (allowed[k] != M::only(LineRole::BodyMore))
                continue;
            narrow(allowed[k - 1], noHeadline);
            if (k - 2 >= mastheadEnd && junctionSplitsWord(text(k - 2), text(k)))
                narrow(allowed[k - 2], noHeadline);
        }
        return allowed;
    }

    // Narrows what a line may be, unless that leaves it nothing (two conventions disagree: the
    // first one stands).
    static void narrow(LineRoleModel::RoleSet &allowed, LineRoleModel::RoleSet to)
    {
        if ((allowed & to) != 0)
            allowed &= to;
    }

    // ——习近平 under a quotation: who said it, not a subtitle.
    static bool isAttribution(const QString &line) { return LS::hanOnly(line).size() <= 4; }

    // A line ending on a full stop (two titles in 5,343 of the corpus do), or longer than any
    // headline.
    static bool isSentence(const QString &line) { return line.size() > 64 || line.endsWith(u'。'); }

    Article &article() { return m_page.articles[m_article]; }

    // A byline right under a headline. A bare list of names is one only when no marked byline
    // follows it; otherwise it is a headline line printed in two halves (文明交通 与你同行).
    bool isBylineAt(qsizetype i) const
    {
        if (i >= m_lines.size() || !m_facts[i].byline)
            return false;
        // Two four-character phrases (倾力创城  新风扑面), or shorter ones that do not open on
        // surnames (稳岗位 送培训), are shaped like two names: where the model reads the line as
        // part of the headline and nothing marks it a byline, it is that. Shorter words opening
        // on surnames stay a byline whatever the model says, but under a kicker's dash (below).
        if (m_facts[i].nameList && m_roles[i] == LineRole::HeadMore &&
            !LS::isMarkedByline(text(i)) &&
            (shortestWord(text(i)) >= 4 || !LS::wordsOpenOnSurnames(text(i))))
            return false;
        // What a kicker's dash leads into is its title, however it is shaped (进社区 解民忧 under
        // …建到每个社区——), unless a reporter's word marks it a byline.
        if (m_facts[i].nameList && i > 0 && leadsIntoTitle(i - 1) && !LS::isMarkedByline(text(i)))
            return false;
        if (m_facts[i].nameList && i + 1 < m_lines.size()) {
            const LineFacts &next = m_facts[i + 1];
            if (next.byline && !next.nameList)
                return false;
        }
        return true;
    }

    // The length of the shortest of the line's words between spaces (ASCII, full-width or
    // no-break).
    static qsizetype shortestWord(QStringView line)
    {
        qsizetype shortest = line.size();
        qsizetype run = 0;
        for (qsizetype k = 0; k <= line.size(); ++k) {
            if (k < line.size() && !isPageSpace(line[k])) {
                ++run;
                continue;
            }
            if (run > 0)
                shortest = std::min(shortest, run);
            run = 0;
        }
        return shortest;
    }

    bool isHead(qsizetype i) const
    {
        return m_roles[i] == LineRole::HeadStart || m_roles[i] == LineRole::HeadMore;
    }

    // The headline: the line the model starts it on and the headline lines after it, up to the
    // next line it starts a headline on.
    qsizetype headlineGroupEnd(qsizetype begin) const
    {
        qsizetype end = begin + 1;
        // A lone headline line with another headline right under it is that headline's kicker
        // or banner (决战脱贫攻坚 决胜全面小康 / 冠县：…): a story has some text of its own.
        if (end < m_lines.size() && m_roles[end] == LineRole::HeadStart && !isBylineAt(end))
            ++end;
        if (end == begin + 1 && end + 1 < m_lines.size() && isTitleOverTwoLines(end))
            return end + 2;
        while (end < m_lines.size() && end - begin < kMaxHeadlineGroup &&
               (m_roles[end] == LineRole::HeadMore || leadsIntoTitle(end - 1) ||
                (end == begin + 1 && isBalancedTitle(end))) &&
               !isBylineAt(end))
            ++end;
        return end;
    }

    // The same pair printed over two lines with no gap (入社有分红 / 年底有奔头), right under a
    // headline line.
    bool isTitleOverTwoLines(qsizetype i) const
    {
        return m_lines[i + 1].blanksBefore == 0 && isPairOverTwoLines(text(i), text(i + 1));
    }

    // Two lines of nothing but hanzi that make a balanced pair put together.
    static bool isPairOverTwoLines(const QString &first, const QString &second)
    {
        return isHanOnly(first) && isHanOnly(second) &&
               LS::isBalancedPair(QString(first + u' ' + second));
    }

    // Two balanced phrases of nothing but hanzi right under a headline line (北山县 / 春耕不误时
    // 生产不停步) are its title, whatever the model made of them: a story's text is sentences.
    bool isBalancedTitle(qsizetype i) const
    {
        const QStringView line = text(i);
        return LS::isBalancedPair(line) && !LS::isMarkedByline(line) && isHanOnly(line);
    }

    static bool isHanOnly(QStringView line)
    {
        return std::all_of(line.begin(), line.end(),
                           [](QChar ch) { return isPageSpace(ch) || cjk::isHan(ch.unicode()); });
    }

    // A kicker that ends on a dash (…贫困户——) runs into the title under it, whatever the model
    // made of that title.
    bool leadsIntoTitle(qsizetype i) const
    {
        return i + 1 < m_lines.size() && LS::endsWithDash(text(i)) &&
               text(i).size() <= LS::kMaxHeadlineLength && LS::isHeadlineShaped(text(i + 1));
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
                   !LS::isBalancedPair(group[0]) && !LS::endsWithDash(group[0]) &&
                   LS::hanOnly(group[0]).size() > LS::hanOnly(group[1]).size()) {
            // A slogan printed under the headline (文明交通 与你同行) reads as its subtitle; under
            // a shorter line (a place's name: 北山县), the pair is the title and that line its
            // kicker.
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
            // A title of two balanced phrases printed over two lines (入社有分红 / 年底有奔头).
            if (isPairOverTwoLines(a.title, group.front()))
                a.title += u' ' + group.takeFirst();
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

    void addCaption(qsizetype i)
    {
        m_pendingCaptions.append(Block{Block::Type::Caption, text(i)});
        touch(i);
        if (!m_paragraphOpen)
            flushParagraph();
    }

    // The text stops on a letter or a comma, not where a paragraph can end: its sentence was cut
    // by the layout. (A colon or a semicolon can end one: a quotation, or the next item of a
    // list, follows as its own paragraph.)
    static bool endsInsideWord(QStringView text)
    {
        if (text.isEmpty())
            return false;
        const QChar last = text.back();
        return last.isLetterOrNumber() || last == u'，' || last == u',';
    }

    // An unmarked caption printed inside a broken paragraph: the open sentence does not go on in
    // this line, but does in the next one.
    bool isCaptionInsideParagraph(qsizetype i) const
    {
        if (!m_paragraphOpen || i + 1 >= m_lines.size() || text(i).size() > 60 ||
            LS::endsSentence(m_paragraph))
            return false;
        if (LS::startsMidSentence(text(i)) || junctionSplitsWord(m_paragraph, text(i)))
            return false;
        // Where the model read the line as the paragraph's rest, only a word broken across it
        // says otherwise.
        if (m_roles[i] == LineRole::BodyMore)
            return LS::endsSentence(text(i)) && junctionSplitsWord(m_paragraph, text(i + 1));
        return LS::startsMidSentence(text(i + 1)) || junctionSplitsWord(m_paragraph, text(i + 1));
    }

    // A subhead: a headline-shaped line inside a story that no sentence runs into or out of.
    bool isSubhead(qsizetype i) const
    {
        const QString &line = text(i);
        if (LS::isMarkedSubhead(line))
            return true;
        // The next line that is no caption goes on with this one's sentence.
        qsizetype next = i + 1;
        while (next < m_lines.size() && m_roles[next] == LineRole::Caption)
            ++next;
        const bool continued = next < m_lines.size() && m_roles[next] == LineRole::BodyMore;
        return !continued && LS::isHeadlineShaped(line) && !LS::endsSentence(line) &&
               !LS::endsMidClause(line) && LS::creditStart(line) < 0 &&
               !LS::startsWithCaptionMarker(line);
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
        if (m_roles[i] == LineRole::Caption) {
            addCaption(i);
            return i + 1;
        }
        if (isCaptionInsideParagraph(i)) {
            addCaption(i);
            return i + 1;
        }
        // A line that goes on with the open paragraph, or starts something new. A paragraph
        // whose sentence has not ended goes on in any case.
        const bool goesOn = m_roles[i] == LineRole::BodyMore ||
                            (endsInsideWord(m_paragraph) && !isSubhead(i) && !m_facts[i].byline);
        if (!goesOn || !m_paragraphOpen) {
            flushParagraph();
            if (isSubhead(i)) {
                addSubheads(i, i + 1);
                return i + 1;
            }
        }
        const qsizetype credit = LS::creditStart(line);
        if (credit == 0) {
            flushParagraph();
            setCredit(line);
            touch(i);
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
        }
        return i + 1;
    }

    void setCredit(const QString &credit)
    {
        Article &a = article();
        a.credit = a.credit.isEmpty() ? credit : a.credit + u' ' + credit;
    }

    void flushParagraph()
    {
        if (!m_paragraph.isEmpty() && m_article >= 0) {
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
    const std::atomic_bool *m_cancel = nullptr;
    QList<LineRole> m_roles;
    Page m_page;
    qsizetype m_article = -1; // index into m_page.articles of the article being filled
    QString m_section;
    QString m_paragraph; // the paragraph being assembled
    bool m_paragraphOpen = false;
    QList<Block> m_pendingCaptions; // captions met inside the open paragraph, placed after it
    QList<LineFacts> m_facts;
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

Page PageSplitter::split(QStringView text, const std::atomic_bool *cancel) const
{
    const QList<PageLine> lines = splitPageLines(text);
    return Splitter(lines, cancel).run();
}

} // namespace br
