#include "text/LineFeatures.h"

#include "text/CjkCharsets.h"
#include "text/LineShape.h"
#include "text/WordJunction.h"

#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace br {

using namespace Qt::StringLiterals;
namespace LS = LineShape;
using cjk::isOneOf;

namespace {

// Headline-sized lines are compared with the text around them; longer ones are body text.
constexpr qsizetype kCompareAtMost = 60;
constexpr qsizetype kBelowWindow = 300;
constexpr qsizetype kAboveWindow = 600;
// How many lines on each side tell the local column width.
constexpr qsizetype kColumnWindow = 10;

// A length in one of the buckets 5, 9, 15, 23, 31, 46, 81, named after `name` ("len<15",
// "abs>=81"); the names are made once, not a line.
QStringView bucket(qsizetype n, QStringView name)
{
    static constexpr qsizetype kBounds[] = {5, 9, 15, 23, 31, 46, 81};
    static const auto names = [](QStringView kind) {
        QStringList made;
        for (const qsizetype b : kBounds)
            made.append(u"%1<%2"_s.arg(kind).arg(b));
        made.append(u"%1>=%2"_s.arg(kind).arg(kBounds[std::size(kBounds) - 1]));
        return made;
    };
    static const QStringList len = names(u"len");
    static const QStringList abs = names(u"abs");
    const QStringList &named = name == u"len" ? len : abs;
    qsizetype k = 0;
    while (k < qsizetype(std::size(kBounds)) && n >= kBounds[k])
        ++k;
    return named[k];
}

QStringView endClass(QStringView line)
{
    if (line.isEmpty())
        return u"none";
    if (LS::endsSentence(line))
        return u"stop";
    const QChar last = line.back();
    if (isOneOf(last, u"，、；：,;:"))
        return u"comma";
    if (LS::endsWithDash(line))
        return u"dash";
    if (isOneOf(last, u"）)】」』》"))
        return u"close";
    if (isOneOf(last, u"“‘（(《「『【"))
        return u"open";
    if (last.isDigit() || (last.unicode() < 0x80 && last.isLetter()))
        return u"alnum";
    if (last.script() == QChar::Script_Han)
        return u"han";
    return u"other";
}

QStringView startClass(QStringView line)
{
    static const QRegularExpression numbered(
        u"^([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、．.]|[①-⑳])"_s);
    if (line.isEmpty())
        return u"none";
    if (LS::startsWithDash(line))
        return u"dash";
    const char16_t opening = line.front().unicode();
    const bool mayBeNumbered = isOneOf(line.front(), u"一二三四五六七八九十（(") ||
                               (opening >= u'0' && opening <= u'9') ||
                               (opening >= u'①' && opening <= u'⑳');
    if (mayBeNumbered && numbered.match(line.first(std::min<qsizetype>(line.size(), 6))).hasMatch())
        return u"num";
    const QChar first = line.front();
    if (isOneOf(first, u"，。、；：？！”’）》,.;:?!)"))
        return u"closepunct";
    if (isOneOf(first, u"“‘"))
        return u"quote";
    if (isOneOf(first, u"（("))
        return u"paren";
    if (isOneOf(first, u"△▲▽□■●◆◇★☆"))
        return u"mark";
    if (first.isDigit())
        return u"digit";
    if (first.unicode() < 0x80 && first.isLetter())
        return u"latin";
    return u"han";
}

QStringView shareClass(double share)
{
    return share >= 0.5 ? u"hi" : share >= 0.25 ? u"mid" : share > 0 ? u"lo" : u"none";
}

bool isLeadBox(QStringView line)
{
    static const QStringList kLeads = {u"核心阅读"_s, u"编者按"_s, u"开栏的话"_s,
                                       u"阅读提示"_s, u"导读"_s,   u"链接"_s,
                                       u"短评"_s,     u"点评"_s,   u"延伸阅读"_s};
    for (const QString &lead : kLeads) {
        if (line.startsWith(lead) && line.size() <= lead.size() + 2)
            return true;
    }
    return line.startsWith(u"编者按") || line.startsWith(u"【编者按");
}

bool endsWithPhotoCredit(QStringView line)
{
    // What the pattern can end on (its `$` also before a final newline).
    const QStringView body = line.endsWith(u'\n') ? line.chopped(1) : line;
    if (body.isEmpty() || (!isOneOf(body.back(), u"摄影图绘）)") && !line.contains(u"图片来源")))
        return false;
    static const QRegularExpression credit(
        u"(摄|摄影|供图|制图|绘|图片来源[^）)]*)([（(][^）)]{0,12}[）)])?$"_s);
    return line.size() <= 60 && credit.match(line).hasMatch();
}

bool startsLikePhoto(QStringView line)
{
    if (line.isEmpty() || !isOneOf(line.front(), u"图上下左右中题本"))
        return false;
    static const QRegularExpression photo(
        u"^(图为|图[①-⑳0-9一二三四五六七八九十]+[：:]|上图|下图|左图|右图|中图|题图|本版图片)"_s);
    return photo.match(line.first(std::min<qsizetype>(line.size(), 8))).hasMatch();
}

// The first two hanzi and the last three characters of a short line, the parts a series shares.
QString openingOf(QStringView han)
{
    return han.first(std::min<qsizetype>(2, han.size())).toString();
}

QString closingOf(QStringView line)
{
    return line.size() >= 6 ? line.last(3).toString() : QString();
}

// A news lead's dateline: 本报北京5月6日电, 新华社武汉5月6日电（记者 …）, 本报讯.
bool startsWithDateline(QStringView line)
{
    static const QRegularExpression dateline(
        u"^(本报讯|(本报|新华社|中新社|人民网)?[^，。：]{0,12}?[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日(电|讯))"_s);
    const QStringView head = line.first(std::min<qsizetype>(line.size(), 24));
    if (!head.startsWith(u"本报讯") && !head.contains(u'月'))
        return false;
    return dateline.match(head).hasMatch();
}

bool isStaffCredit(QStringView line)
{
    if (line.isEmpty() || !isOneOf(line.front(), u"采文撰统策执图本数资"))
        return false;
    static const QRegularExpression staff(
        u"^(采写|文字|撰文|统筹|策划|执笔|文/|图/|文／|图／|本版统筹|数据来源|资料来源)"_s);
    return staff.match(line.first(std::min<qsizetype>(line.size(), 6))).hasMatch();
}

// The evidence of the break before a line (its gap, indent, ends, the line before it): what
// reads differently on pages that mark paragraphs differently. Asked of every feature of every
// line, so a prefix's first character is compared before the prefix.
bool isBreakEvidence(QStringView feature)
{
    static constexpr QStringView kPrefixes[] = {
        u"after:",  u"cw:",    u"end:",          u"flush",  u"gap:",       u"indent",
        u"la:",     u"lb:",    u"pe:",           u"pl:",    u"pla:",       u"p:indent",
        u"p:flush", u"p:end:", u"prev-ends-mid", u"start:", u"word-across"};
    if (feature.isEmpty())
        return false;
    for (const QStringView prefix : kPrefixes) {
        // Compared inline: QStringView::startsWith's general comparison cost more than this
        // whole function otherwise does.
        if (prefix.front() == feature.front() && feature.size() >= prefix.size() &&
            std::equal(prefix.begin(), prefix.end(), feature.begin()))
            return true;
    }
    return false;
}

} // namespace

LineFeatures::LineFeatures(const QList<PageLine> &lines) : m_lines(lines)
{
    std::map<qsizetype, int> lengths;
    std::map<int, int> gaps;
    int longLines = 0;
    int indented = 0;
    m_hanStart.reserve(lines.size() + 1);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const PageLine &line = lines[i];
        m_hanStart.append(m_allHan.size());
        m_allHan += line.text.size() <= kAboveWindow
                        ? LS::hanOnly(line.text)
                        : LS::hanOnly(QStringView(line.text).first(kAboveWindow));
        if (i > 0)
            ++gaps[line.blanksBefore];
        if (line.text.size() >= 10) {
            ++lengths[line.text.size()];
            ++longLines;
            indented += line.indented ? 1 : 0;
        }
    }
    m_hanStart.append(m_allHan.size());
    linkRepeatedPairs();
    // Column-set text: many lines of one length (give or take the punctuation a typesetter pulls
    // up to the line before).
    int best = 0;
    for (const auto &[length, count] : lengths) {
        const int around = count + (lengths.count(length + 1) ? lengths.at(length + 1) : 0);
        if (around > best) {
            best = around;
            m_columnWidth = length;
        }
    }
    if (best < std::max(4, longLines / 5))
        m_columnWidth = 0;
    // The usual blank gap between paragraphs: the commonest of the gaps there are, not counting
    // none (column-set text breaks most lines without one). A page with a gap at fewer than one
    // break in ten keeps blank lines for its stories: it prints its paragraphs without.
    best = 0;
    int gapped = 0;
    m_rhythm = 0;
    for (const auto &[gap, count] : gaps) {
        if (gap == 0)
            continue;
        gapped += count;
        if (count > best) {
            best = count;
            m_rhythm = gap;
        }
    }
    if (gapped * 10 < static_cast<int>(lines.size()))
        m_rhythm = 0;
    // Column-set pages indent one line in eight or fewer: any regular use counts. A page that
    // indents every line (paragraphs printed one to a line) marks nothing by it.
    m_pageIndents = indented >= std::max(3, longLines / 25) && indented * 100 < longLines * 97;
    m_widthAbove.reserve(lines.size());
    m_widthBelow.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        m_widthAbove.append(columnWidthOf(std::max<qsizetype>(0, i - kColumnWindow), i));
        m_widthBelow.append(
            columnWidthOf(i + 1, std::min<qsizetype>(lines.size(), i + 1 + kColumnWindow)));
    }
    m_layout = u"L"_s + (m_columnWidth > 0 ? u"c"_s : u"-"_s) + (m_rhythm > 0 ? u"b"_s : u"-"_s) +
               (m_pageIndents ? u"i"_s : u"-"_s) + u"&"_s;
    m_headlineShaped.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        m_headlineShaped.append(LS::isHeadlineShaped(lines[i].text));
        if (!m_headlineShaped.back())
            continue;
        if (const QString opening = openingOf(hanOf(i)); opening.size() == 2)
            ++m_openings[opening];
        if (const QString closing = closingOf(lines[i].text); !closing.isEmpty())
            ++m_closings[closing];
    }
}

QStringView LineFeatures::hanOf(qsizetype i) const
{
    return QStringView(m_allHan).sliced(m_hanStart[i], m_hanStart[i + 1] - m_hanStart[i]);
}

namespace {

// Two adjacent hanzi as one number; hanzi are never U+0000, so no pair is 0.
quint32 pairAt(const QString &han, qsizetype at)
{
    return (quint32(han[at].unicode()) << 16) | han[at + 1].unicode();
}

} // namespace

void LineFeatures::linkRepeatedPairs()
{
    // The windows compared reach kPairReach back at most, so each stretch of kChunk positions is
    // linked with a small table holding it and the kPairReach positions before it: a pair seen
    // only further back is linked to nothing, which the comparisons cannot tell from the truth.
    constexpr qsizetype kChunk = 4096;
    constexpr qsizetype kPairReach = 1024;
    static_assert(kAboveWindow + kCompareAtMost + kBelowWindow < kPairReach);
    const qsizetype n = m_allHan.size();
    m_previousSame.assign(static_cast<size_t>(n), -1);
    // pair << 32 | position (0: empty); a power of two, at most a third full.
    constexpr size_t kSlots = 16384;
    static_assert(kSlots >= 3 * (kChunk + kPairReach) && (kSlots & (kSlots - 1)) == 0);
    std::vector<quint64> table(kSlots);
    const size_t mask = table.size() - 1;
    for (qsizetype chunk = 0; chunk + 1 < n; chunk += kChunk) {
        std::fill(table.begin(), table.end(), 0);
        const qsizetype end = std::min(n - 1, chunk + kChunk);
        for (qsizetype at = std::max<qsizetype>(0, chunk - kPairReach); at < end; ++at) {
            const quint32 pair = pairAt(m_allHan, at);
            size_t slot = (pair * 0x9E3779B1u) & mask;
            while (table[slot] != 0 && quint32(table[slot] >> 32) != pair)
                slot = (slot + 1) & mask;
            if (at >= chunk && table[slot] != 0)
                m_previousSame[static_cast<size_t>(at)] = static_cast<qint32>(table[slot]);
            table[slot] = (quint64(pair) << 32) | quint64(at);
        }
    }
}

LineFeatures::Shares LineFeatures::sharesOf(qsizetype i) const
{
    // Positions in m_allHan: the line's hanzi are [line, below); the text above is the
    // kAboveWindow hanzi before the line, the text below the kBelowWindow after it. A pair at
    // position p is m_allHan[p] and m_allHan[p + 1]; it lies in [from, to) when p >= from and
    // p + 1 < to. Each pair is counted once in a stretch: at its first position there.
    const qsizetype line = m_hanStart[i];
    const qsizetype below = m_hanStart[i + 1];
    const qsizetype n = m_allHan.size();
    const qsizetype aboveFrom = std::max<qsizetype>(0, line - kAboveWindow);
    const qsizetype belowTo = below + std::min(n - below, kBelowWindow);
    const auto previous = [&](qsizetype p) { return m_previousSame[static_cast<size_t>(p)]; };
    // The last position before `p` with its pair that lies wholly before `limit`, or -1.
    const auto lastBefore = [&](qsizetype p, qsizetype limit) {
        qsizetype q = previous(p);
        while (q >= 0 && q + 1 >= limit)
            q = previous(q);
        return q;
    };
    // Calls `each(p)` at the first position of every distinct pair lying wholly in [from, to).
    const auto forEachDistinctPair = [&](qsizetype from, qsizetype to, auto each) {
        for (qsizetype p = from; p + 1 < to; ++p) {
            if (previous(p) < from)
                each(p);
        }
    };
    qsizetype linePairs = 0;
    qsizetype lineFoundAbove = 0;
    forEachDistinctPair(line, below, [&](qsizetype p) {
        ++linePairs;
        lineFoundAbove += lastBefore(p, line) >= aboveFrom ? 1 : 0;
    });
    qsizetype belowPairs = 0;
    qsizetype belowFoundInLine = 0;
    qsizetype belowFoundAbove = 0;
    forEachDistinctPair(below, belowTo, [&](qsizetype q) {
        ++belowPairs;
        belowFoundInLine += lastBefore(q, below) >= line ? 1 : 0;
        belowFoundAbove += lastBefore(q, line) >= aboveFrom ? 1 : 0;
    });
    const auto share = [](qsizetype found, qsizetype of) {
        return of == 0 ? 0.0 : static_cast<double>(found) / static_cast<double>(of);
    };
    return {share(belowFoundInLine, linePairs), share(lineFoundAbove, linePairs),
            share(belowFoundAbove, belowPairs)};
}

QStringView LineFeatures::gapClass(qsizetype i) const
{
    const int gap = m_lines[i].blanksBefore;
    // On a page printed without blank lines, no gap is the usual one and tells nothing.
    if (m_rhythm == 0)
        return gap == 0 ? u"gap:none-usual" : u"gap:more";
    return gap == 0          ? u"gap:0"
           : gap < m_rhythm  ? u"gap:less"
           : gap == m_rhythm ? u"gap:usual"
                             : u"gap:more";
}

qsizetype LineFeatures::columnWidthOf(qsizetype from, qsizetype to) const
{
    // The length shared, give or take one character (a closing mark pulled up, a number pushed
    // down), by most lines of ten characters or more; at least three of them.
    qsizetype best = 0;
    int bestCount = 0;
    int counted = 0;
    for (qsizetype a = from; a < to; ++a) {
        const qsizetype length = m_lines[a].text.size();
        if (length < 10)
            continue;
        ++counted;
        int count = 0;
        for (qsizetype b = from; b < to; ++b) {
            const qsizetype other = m_lines[b].text.size();
            count += (other == length || other == length + 1) ? 1 : 0;
        }
        if (count > bestCount || (count == bestCount && length > best)) {
            bestCount = count;
            best = length;
        }
    }
    return bestCount >= 3 && bestCount * 5 >= counted * 2 ? best : 0;
}

QStringView LineFeatures::fitClass(qsizetype length, qsizetype width)
{
    if (length >= width - 1 && length <= width + 2)
        return u"full";
    if (length > width + 2)
        return u"over";
    return length * 10 >= width * 7 ? u"most" : u"part";
}

QStringView LineFeatures::lengthClass(qsizetype i) const
{
    const qsizetype n = m_lines[i].text.size();
    if (m_columnWidth > 0)
        return fitClass(n, m_columnWidth);
    return bucket(n, u"len");
}

// The line's own evidence, also given (prefixed) to its neighbours. Each line's is asked for
// three times in a row (as the line before, the line, the line after), so the last few are kept.
const FeatureList &LineFeatures::own(qsizetype i) const
{
    OwnCache &cached = m_own[static_cast<size_t>(i) % m_own.size()];
    if (cached.line == i)
        return cached.features;
    cached.line = i;
    FeatureList &f = cached.features;
    f.clear();
    const PageLine &line = m_lines[i];
    const QStringView text = line.text;
    f.add(u"end:", endClass(text));
    f.add(u"start:", startClass(text));
    f.add(lengthClass(i));
    f.add(bucket(text.size(), u"abs"));
    if (m_pageIndents)
        f.add(line.indented ? u"indent" : u"flush");
    f.add(gapClass(i));
    if (LS::looksLikeByline(text))
        f.add(u"byline");
    if (LS::startsWithCaptionMarker(text) || startsLikePhoto(text))
        f.add(u"caption-mark");
    if (LS::isPhotoCredit(text) || endsWithPhotoCredit(text))
        f.add(u"photo-credit");
    if (m_headlineShaped[i])
        f.add(u"headline-shape");
    if (text.startsWith(u"本报") || text.startsWith(u"新华社") || text.startsWith(u"记者"))
        f.add(u"news-lead");
    if (startsWithDateline(text))
        f.add(u"dateline");
    if (LS::isPlaceColonTitle(text))
        f.add(u"place-colon");
    return f;
}

QStringList LineFeatures::of(qsizetype i) const
{
    FeatureList f;
    of(i, f);
    return f.toStringList();
}

void LineFeatures::of(qsizetype i, FeatureList &f) const
{
    const PageLine &line = m_lines[i];
    const QStringView text = line.text;
    const bool headlineShaped = m_headlineShaped[i];
    f.clear();
    f.add(u"bias");
    {
        const FeatureList &mine = own(i);
        for (qsizetype k = 0; k < mine.size(); ++k)
            f.add(mine[k]);
    }
    if (m_columnWidth > 0)
        f.add(u"page:columns");
    if (!m_pageIndents)
        f.add(u"page:no-indents");
    if (m_rhythm == 0)
        f.add(u"page:no-blanks");
    if (i == 0)
        f.add(u"first-line");
    const int gapAfter = line.blanksAfter;
    f.add(gapAfter == 0 ? u"after:0" : gapAfter <= m_rhythm ? u"after:usual" : u"after:more");
    if (line.blanksBefore >= 3)
        f.add(u"gap:3+");

    // Marks of a line's job.
    const qsizetype credit = LS::creditStart(text);
    if (credit == 0)
        f.add(u"credit-line");
    else if (credit > 0)
        f.add(u"credit-after-text");
    static const std::pair<bool (*)(QStringView), const char16_t *> kMarks[] = {
        {LS::isMastheadLine, u"masthead"},        {LS::isJumpLine, u"jump"},
        {LS::isNameList, u"name-list"},           {LS::isBalancedPair, u"balanced-pair"},
        {LS::isMarkedSubhead, u"marked-subhead"}, {LS::startsWithPlaceOrUnit, u"place-first"},
        {LS::hasInnerDash, u"inner-dash"},        {isLeadBox, u"lead-box"},
        {LS::isDateAlone, u"date-line"},          {isStaffCredit, u"staff-credit"},
    };
    for (const auto &[holds, name] : kMarks) {
        if (holds(text))
            f.add(name);
    }
    // The columns around the line: a story set to other columns than the one above starts here.
    const qsizetype widthAbove = m_widthAbove[i];
    const qsizetype widthBelow = m_widthBelow[i];
    if (widthAbove > 0 && widthBelow > 0)
        f.add(std::abs(widthAbove - widthBelow) <= 1 ? u"cw:same" : u"cw:change");
    else if (widthAbove > 0 || widthBelow > 0)
        f.add(widthAbove > 0 ? u"cw:above-only" : u"cw:below-only");
    if (widthBelow > 0)
        f.add(u"lb:", fitClass(text.size(), widthBelow));
    if (widthAbove > 0) {
        f.add(u"la:", fitClass(text.size(), widthAbove));
        if (i > 0)
            f.add(u"pla:", fitClass(m_lines[i - 1].text.size(), widthAbove), u"|pe:",
                  endClass(m_lines[i - 1].text));
    }
    if (text.contains(u"  ") || (text.size() <= 30 && text.contains(u'\u3000')))
        f.add(u"inner-space");
    if (text.contains(u'，') || text.contains(u','))
        f.add(u"has-comma");
    const int clauses = LS::clausePunctuationCount(text);
    f.add(clauses == 0 ? u"clauses:0" : clauses == 1 ? u"clauses:1" : u"clauses:2+");
    if (LS::startsMidSentence(text))
        f.add(u"starts-mid");
    if (headlineShaped) {
        const int opening = m_openings.value(openingOf(hanOf(i)));
        const int closing = m_closings.value(closingOf(text));
        f.add(opening >= 3   ? u"series-open:3+"
              : opening == 2 ? u"series-open:2"
                             : u"series-open:1");
        f.add(closing >= 3   ? u"series-close:3+"
              : closing == 2 ? u"series-close:2"
                             : u"series-close:1");
        if (text.endsWith(u'：') || text.endsWith(u':'))
            f.add(u"ends-colon");
        if (text.endsWith(u'）') || text.endsWith(u')'))
            f.add(u"ends-tag");
    }
    if (text.startsWith(u"本报") || text.startsWith(u"新华社") || text.startsWith(u"记者"))
        f.add(u"news-lead");

    // The words a line opens and closes on (近日, 本报讯, 据了解 … ; …纪实, …代表：): the genre's
    // formulas, learnt from the pages.
    f.add(u"open2:", text.first(std::min<qsizetype>(2, text.size())));
    f.add(u"close2:", text.last(std::min<qsizetype>(2, text.size())));
    if (i + 1 < m_lines.size()) {
        const QStringView next = m_lines[i + 1].text;
        f.add(u"n-open2:", next.first(std::min<qsizetype>(2, next.size())));
    }

    // Whether a headline-shaped line opens a story or a section of one rests on how its other
    // evidence combines: each of it again, paired with the shape.
    if (headlineShaped) {
        const qsizetype plain = f.size();
        for (qsizetype k = 1; k < plain; ++k)
            f.addPrefixed(u"hs&", k);
    }

    // The break before this line.
    if (i > 0) {
        const PageLine &prev = m_lines[i - 1];
        const QStringView prevEnd = endClass(prev.text);
        if (LS::endsMidClause(prev.text))
            f.add(u"prev-ends-mid");
        if (junctionSplitsWord(prev.text, text))
            f.add(u"word-across");
        const QStringView prevLength = lengthClass(i - 1);
        const QStringView gap = gapClass(i);
        f.add(u"pe:", prevEnd, u"|pl:", prevLength);
        f.add(u"pe:", prevEnd, u"|", lengthClass(i));
        if (m_pageIndents)
            f.add(u"pe:", prevEnd, u"|", line.indented ? u"indent" : u"flush");
        f.add(u"pe:", prevEnd, u"|", gap);
        f.add(u"pl:", prevLength, u"|", gap);
        f.addAllPrefixed(u"p:", own(i - 1));
        if (headlineShaped) {
            f.add(u"hs&pe:", prevEnd, u"|pl:", prevLength);
            f.add(u"hs&pe:", prevEnd, u"|", gap);
        }
        if (i > 1) {
            f.add(u"pp:", endClass(m_lines[i - 2].text), u"|", lengthClass(i - 2));
            if (m_headlineShaped[i - 2])
                f.add(u"pp:headline-shape");
        }
    } else {
        f.add(u"p:none");
    }
    if (i + 1 < m_lines.size()) {
        const FeatureList &next = own(i + 1);
        f.addAllPrefixed(u"n:", next);
        if (headlineShaped)
            f.addAllPrefixed(u"hs&n:", next);
        // A label over a headline (人物：, 短评) is the headline's kicker, whatever it ends with.
        if (m_headlineShaped[i + 1])
            f.add(u"nhs&end:", endClass(text), u"|", gapClass(i + 1));
        if (i + 2 < m_lines.size()) {
            f.add(u"nn:", endClass(m_lines[i + 2].text));
            f.add(u"nn:", lengthClass(i + 2));
        }
    } else {
        f.add(u"n:none");
    }

    // A story's text opens on a dateline or a byline (本报北京5月6日电, 据新华社电, 本报记者 …); a
    // section of one goes on without. The first line under a headline-sized line that is not
    // itself headline-shaped tells which.
    if (text.size() <= kCompareAtMost) {
        for (qsizetype j = i + 1; j < m_lines.size() && j <= i + 4; ++j) {
            const QStringView under = m_lines[j].text;
            if (m_headlineShaped[j] || LS::endsMidClause(under) || LS::endsWithDash(under))
                continue;
            if (startsWithDateline(under) || under.startsWith(u"据新华社") ||
                under.startsWith(u"据中新社"))
                f.add(u"fb:dateline");
            else if (under.startsWith(u"本报") || under.startsWith(u"新华社") ||
                     under.startsWith(u"记者"))
                f.add(u"fb:news-lead");
            else if (LS::looksLikeByline(under) || LS::creditStart(under) == 0)
                f.add(u"fb:byline");
            else
                f.add(u"fb:text");
            break;
        }
    }

    // A headline repeats the words of the story under it, and not those of the one above.
    if (text.size() <= kCompareAtMost) {
        const auto [down, up, continuity] = sharesOf(i);
        f.add(u"below:", shareClass(down));
        f.add(u"above:", shareClass(up));
        const QStringView cohesion = down > up + 0.15   ? u"cohesion:below"
                                     : up > down + 0.15 ? u"cohesion:above"
                                                        : u"cohesion:even";
        f.add(cohesion);
        // Whether the text goes on with the same subject across the line (a subhead inside a
        // story) or changes it (a new story): how much of the text below recurs above.
        const QStringView continuityClass = continuity >= 0.3    ? u"continuity:hi"
                                            : continuity >= 0.15 ? u"continuity:mid"
                                            : continuity > 0.05  ? u"continuity:lo"
                                                                 : u"continuity:none";
        f.add(continuityClass);
        if (headlineShaped) {
            f.add(u"hs&", continuityClass);
            f.add(u"hs&", continuityClass, u"&", cohesion);
            f.add(u"hs&", cohesion);
            f.add(u"hs&below:", shareClass(down));
            f.add(u"hs&above:", shareClass(up));
            if (i > 0)
                f.add(u"hs&pe:", endClass(m_lines[i - 1].text), u"&", cohesion);
        }
    }
    // How a line break reads depends on how the page marks paragraphs (blank lines, indents,
    // column widths): the break's evidence again, paired with the page's way.
    const qsizetype plain = f.size();
    for (qsizetype k = 1; k < plain; ++k) {
        if (isBreakEvidence(f[k]))
            f.addPrefixed(m_layout, k);
    }
}

} // namespace br
