#include "text/PageDetailsFinder.h"

#include <QDate>
#include <QFileInfo>
#include <QRegularExpression>

namespace br {

using namespace Qt::StringLiterals;

QString detailOriginCode(DetailOrigin origin)
{
    switch (origin) {
    case DetailOrigin::None:
        return QString();
    case DetailOrigin::Page:
        return u"page"_s;
    case DetailOrigin::FileName:
        return u"file"_s;
    case DetailOrigin::Folder:
        return u"folder"_s;
    case DetailOrigin::Person:
        return u"person"_s;
    }
    return QString();
}

DetailOrigin detailOriginFromCode(QStringView code)
{
    for (const DetailOrigin origin :
         {DetailOrigin::Page, DetailOrigin::FileName, DetailOrigin::Folder, DetailOrigin::Person}) {
        if (code == detailOriginCode(origin))
            return origin;
    }
    return DetailOrigin::None;
}

namespace PageDetailsFinder {
namespace {

// A date line is short; a longer line is a sentence that mentions a day.
constexpr qsizetype kMaxDateLine = 60;
// What is left of a date line without its date and its furniture: at most a paper's name.
constexpr qsizetype kMaxDateLineRest = 12;
// The lines of a page's head and foot that may carry its date.
constexpr int kHeadLines = 12;
constexpr int kFootLines = 4;

// Full-width digits, letters and punctuation as ASCII, so one pattern reads both.
QString asciiDigits(QStringView text)
{
    QString out = text.toString();
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            c = QChar(static_cast<char16_t>(u - 0xFF01 + u'!'));
        else if (u == 0x3000)
            c = u' ';
    }
    return out;
}

// 〇一二…九 as digits; 十 as in 十二, 二十八, 三十.
int hanziNumber(QStringView text)
{
    static const QString kDigits = u"〇一二三四五六七八九"_s;
    int value = 0;
    int pending = -1;
    for (const QChar c : text) {
        if (c == u'十') {
            value += (pending < 0 ? 1 : pending) * 10;
            pending = -1;
            continue;
        }
        int digit = static_cast<int>(kDigits.indexOf(c));
        if (digit < 0 && (c == u'零' || c == u'○' || c == u'Ｏ' || c == u'O'))
            digit = 0;
        if (digit < 0)
            return -1;
        pending = pending < 0 ? digit : pending * 10 + digit;
    }
    return value + (pending < 0 ? 0 : pending);
}

struct DateMatch
{
    QString iso; // YYYY-MM-DD, or YYYY-MM when `monthOnly`
    qsizetype start = -1;
    qsizetype end = -1;
};

QString isoOf(int year, int month, int day)
{
    const QDate date(year, month, day);
    if (!date.isValid() || year < 1900 || year > 2100)
        return QString();
    return date.toString(u"yyyy-MM-dd"_s);
}

// The first real day `text` (ASCII digits) names. `compact`: also 20190528, as file names write
// it (page text uses such numbers for other things).
DateMatch findDate(const QString &text, bool compact)
{
    static const QRegularExpression kDigitsDate(
        uR"((?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号])"_s);
    static const QRegularExpression kHanziDate(
        uR"(([〇零○ＯO一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*[日号])"_s);
    static const QRegularExpression kSeparated(
        uR"((?<!\d)((?:19|20)\d\d)([-/._．])(\d{1,2})\2(\d{1,2})(?!\d))"_s);
    static const QRegularExpression kCompact(
        uR"((?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d))"_s);
    DateMatch best;
    const auto consider = [&](const QRegularExpressionMatch &m, int year, int month, int day) {
        const QString iso = isoOf(year, month, day);
        if (iso.isEmpty() || (best.start >= 0 && best.start <= m.capturedStart()))
            return;
        best = {iso, m.capturedStart(), m.capturedEnd()};
    };
    for (auto it = kDigitsDate.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        consider(m, m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    }
    for (auto it = kHanziDate.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        int year = 0;
        for (const QChar c : m.capturedView(1))
            year = year * 10 + hanziNumber(QStringView(&c, 1));
        consider(m, year, hanziNumber(m.capturedView(2)), hanziNumber(m.capturedView(3)));
    }
    for (auto it = kSeparated.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        consider(m, m.captured(1).toInt(), m.captured(3).toInt(), m.captured(4).toInt());
    }
    if (compact) {
        for (auto it = kCompact.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            consider(m, m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        }
    }
    return best;
}

// A paper's name at the start of `token`: 聊城日报, 大众日报 (of 大众日报聊城新闻), and where the
// page prints it (`anyBao`), 中国青年报 too — elsewhere a bare 报 is as likely 举报 or 情报.
QString paperNameAtStart(const QString &token, bool anyBao = false)
{
    static const QRegularExpression kPaper(
        uR"(^(\p{Han}{1,10}?(?:日报|晚报|早报|时报|商报|导报|公报|简报|周报|快报|画报))(?:社|\p{Han}{0,8})$)"_s);
    static const QRegularExpression kAnyPaper(uR"(^(\p{Han}{1,10}?报)(?:社|\p{Han}{0,8})$)"_s);
    // Words ending in 报 that are no paper.
    static const QRegularExpression kNotPaper(uR"((?:举|情|汇|申|预|警|喜|捷|电|海|通)报$)"_s);
    const auto m = (anyBao ? kAnyPaper : kPaper).match(token);
    if (!m.hasMatch() || m.captured(1).contains(kNotPaper))
        return QString();
    return m.captured(1);
}

// A line's tokens without a label (承办：, 主办单位：).
QStringList tokensOf(const QString &line)
{
    static const QRegularExpression kLabel(uR"(^\p{Han}{2,4}(?:单位)?[:：]\s*)"_s);
    static const QRegularExpression kSpace(uR"([\s|｜·•]+)"_s);
    QString rest = line;
    rest.remove(kLabel);
    return rest.split(kSpace, Qt::SkipEmptyParts);
}

// A page number a page prints by its date (第3版, 第三版, A3版).
QString pageNumberIn(const QString &line)
{
    static const QRegularExpression kNumbered(
        uR"(第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*版)"_s);
    static const QRegularExpression kLettered(uR"((?<![A-Za-z0-9])([A-H])\s*0*(\d{1,2})\s*版)"_s);
    if (const auto m = kNumbered.match(line); m.hasMatch()) {
        const int n = m.captured(1).front().isDigit() ? m.captured(1).toInt()
                                                      : hanziNumber(m.capturedView(1));
        return n > 0 ? QString::number(n) : QString();
    }
    if (const auto m = kLettered.match(line); m.hasMatch())
        return m.captured(1) + QString::number(m.captured(2).toInt());
    return QString();
}

// How a line stands to its date: no date line; a date alone (a notice's signing date or a
// chronicle's entry look the same, so such a line counts only at the page's very head); a date
// with a page's furniture beside it (weekday, lunar date, issue or page number, the paper's
// name), which counts anywhere at the page's head or foot.
enum class DateLine
{
    No,
    Bare,
    Furnished
};

DateLine dateLineKind(const QString &line, const DateMatch &date)
{
    if (date.start < 0 || line.size() > kMaxDateLine)
        return DateLine::No;
    static const QRegularExpression kFurniture(
        uR"(星期[一二三四五六日天]|周[一二三四五六日天]|农历\S*|总?第\s*[\d一二三四五六七八九十〇零百]+\s*[期版号]|[A-H]?\d{1,3}\s*版)"_s);
    static const QRegularExpression kSeparators(uR"([\s|｜·•/、,，:：()（）【】\[\]—–-]+)"_s);
    QString rest = line.left(date.start) + u' ' + line.mid(date.end);
    const qsizetype before = rest.size();
    rest.remove(kFurniture);
    const bool furnished = rest.size() < before;
    rest.remove(kSeparators);
    if (rest.isEmpty())
        return furnished ? DateLine::Furnished : DateLine::Bare;
    // Beside the date, only the paper's name: 聊城日报 2019年5月28日.
    return rest.size() <= kMaxDateLineRest && paperNameAtStart(rest, true) == rest
               ? DateLine::Furnished
               : DateLine::No;
}

// The first `count` lines of `text` that are not blank, from its head or (`fromEnd`) its foot,
// never reading more of a long page than those lines.
QStringList edgeLines(const QString &text, int count, bool fromEnd)
{
    QStringList lines;
    qsizetype pos = fromEnd ? text.size() : 0;
    while (lines.size() < count) {
        qsizetype start = 0;
        qsizetype end = 0;
        if (fromEnd) {
            if (pos <= 0)
                break;
            end = pos;
            const qsizetype newline = text.lastIndexOf(u'\n', end - 1);
            start = newline + 1;
            pos = newline < 0 ? 0 : newline;
        } else {
            if (pos >= text.size())
                break;
            start = pos;
            const qsizetype newline = text.indexOf(u'\n', start);
            end = newline < 0 ? text.size() : newline;
            pos = end + 1;
        }
        // A line longer than any date line is a paragraph: only its length matters.
        const QStringView line = QStringView(text).mid(start, end - start).trimmed();
        if (line.isEmpty())
            continue;
        lines.append(line.size() > kMaxDateLine ? QString(kMaxDateLine + 1, u'x')
                                                : line.toString());
    }
    return lines;
}

void take(FoundDetail &detail, const QString &value, DetailOrigin origin)
{
    if (detail.value.isEmpty() && !value.isEmpty())
        detail = {value, origin};
}

void readPage(PageDetails &found, const QStringList &masthead, const QString &text)
{
    QStringList lines;
    for (const QString &line : masthead)
        lines.append(asciiDigits(line.trimmed()));
    for (const QString &line : edgeLines(text, kHeadLines, false))
        lines.append(asciiDigits(line));
    for (const QString &line : edgeLines(text, kFootLines, true))
        lines.append(asciiDigits(line));
    const qsizetype mastheadLines = masthead.size();
    // A date alone is the page's only in the masthead or in the page's first three lines before
    // any paragraph (after one, it signs a notice or dates an entry).
    const qsizetype head = mastheadLines + 3;
    bool paragraphSeen = false;
    QList<bool> dateLines(lines.size(), false);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (line.size() > kMaxDateLine) {
            paragraphSeen = true;
            continue;
        }
        const DateMatch date = findDate(line, false);
        const DateLine kind = dateLineKind(line, date);
        const bool pageHead = i < mastheadLines || (i < head && !paragraphSeen);
        dateLines[i] = kind == DateLine::Furnished || (kind == DateLine::Bare && pageHead);
        if (dateLines[i])
            take(found.date, date.iso, DetailOrigin::Page);
    }
    // The paper's name and page number only where the page prints them: its masthead, its date
    // line and a line that is nothing but the paper's name beside it (a headline may name a
    // paper too).
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        const bool besideDateLine =
            (i > 0 && dateLines[i - 1]) || (i + 1 < lines.size() && dateLines[i + 1]);
        if (dateLines[i] || i < mastheadLines) {
            take(found.pageNumber, pageNumberIn(line), DetailOrigin::Page);
            for (const QString &token : tokensOf(line))
                take(found.publication, paperNameAtStart(token, true), DetailOrigin::Page);
        } else if (besideDateLine && line.size() <= kMaxDateLineRest) {
            take(found.publication, paperNameAtStart(line, true), DetailOrigin::Page);
        }
    }
}

// A page number in a file's name: 第3版, p03, page-3, or the number after its date
// (rmrb_20190226-06); a name that is only a number (03.txt) when its folder gave the date.
QString pageNumberInName(const QString &name, const DateMatch &date, bool dateFromFolder)
{
    static const QRegularExpression kNumbered(uR"(第\s*(\d{1,3})\s*版)"_s);
    static const QRegularExpression kTagged(
        uR"((?:^|[_\-\s.])(?:p|pg|page|ban)[-_]?(\d{1,3})(?=$|[_\-\s.]))"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression kAfterDate(uR"(^[-_\s]([A-H]?)(\d{1,2})(?=$|[_\-\s.]))"_s);
    static const QRegularExpression kOnlyNumber(uR"(^(\d{1,3})$)"_s);
    if (const auto m = kNumbered.match(name); m.hasMatch())
        return QString::number(m.captured(1).toInt());
    if (const auto m = kTagged.match(name); m.hasMatch())
        return QString::number(m.captured(1).toInt());
    if (date.start >= 0) {
        if (const auto m = kAfterDate.match(QStringView(name).mid(date.end)); m.hasMatch())
            return m.captured(1) + QString::number(m.captured(2).toInt());
    }
    if (dateFromFolder) {
        if (const auto m = kOnlyNumber.match(name); m.hasMatch())
            return QString::number(m.captured(1).toInt());
    }
    return QString();
}

// A date spread over folders: …/2019/05/28/, …/2019-05/28/, …/201905/28/.
QString dateOfFolders(const QStringList &folders)
{
    static const QRegularExpression kYear(uR"(^((?:19|20)\d\d)$)"_s);
    static const QRegularExpression kYearMonth(uR"(^((?:19|20)\d\d)[-_.]?(\d{1,2})$)"_s);
    static const QRegularExpression kNumber(uR"(^(\d{1,2})$)"_s);
    const auto number = [](const QString &s) {
        const auto m = kNumber.match(s);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    };
    if (folders.size() >= 3 && kYear.match(folders[2]).hasMatch()) {
        const QString iso = isoOf(folders[2].toInt(), number(folders[1]), number(folders[0]));
        if (!iso.isEmpty())
            return iso;
    }
    if (folders.size() >= 2) {
        if (const auto m = kYearMonth.match(folders[1]); m.hasMatch())
            return isoOf(m.captured(1).toInt(), m.captured(2).toInt(), number(folders[0]));
    }
    return QString();
}

void readPath(PageDetails &found, const QString &path)
{
    const QFileInfo info(path);
    const QString name = asciiDigits(info.completeBaseName());
    const DateMatch nameDate = findDate(name, true);
    take(found.date, nameDate.iso, DetailOrigin::FileName);
    static const QRegularExpression kTokenBreak(uR"([\s_\-.]+)"_s); // compiled once, not a page
    for (const QString &token : name.split(kTokenBreak))
        take(found.publication, paperNameAtStart(token), DetailOrigin::FileName);

    // The nearest folders first, at most four of them.
    QStringList folders;
    QString dir = QFileInfo(info.path()).filePath();
    for (int i = 0; i < 4; ++i) {
        const QFileInfo folder(dir);
        const QString folderName = folder.fileName();
        if (folderName.isEmpty() || folderName == u"."_s || folderName == u".."_s)
            break;
        folders.append(asciiDigits(folderName));
        dir = folder.path();
    }
    const bool hadDate = !found.date.value.isEmpty();
    for (const QString &folder : folders)
        take(found.date, findDate(folder, true).iso, DetailOrigin::Folder);
    take(found.date, dateOfFolders(folders), DetailOrigin::Folder);
    const bool dateFromFolder = !hadDate && found.date.origin == DetailOrigin::Folder;
    take(found.pageNumber, pageNumberInName(name, nameDate, dateFromFolder),
         DetailOrigin::FileName);
    for (const QString &folder : folders)
        take(found.publication, paperNameAtStart(folder), DetailOrigin::Folder);
}

} // namespace

PageDetails find(const QString &path, const QStringList &masthead, const QString &text)
{
    PageDetails found;
    readPage(found, masthead, text);
    if (!path.isEmpty())
        readPath(found, path);
    return found;
}

std::optional<QString> normalizeDate(const QString &text)
{
    const QString date = asciiDigits(text.trimmed());
    if (date.isEmpty())
        return QString();
    const DateMatch found = findDate(date, true);
    if (found.start >= 0) {
        static const QRegularExpression kWeekday(
            uR"(^[\s,，(（]*(星期|周)[一二三四五六日天][)）]?$)"_s);
        const QString rest = date.left(found.start) + date.mid(found.end);
        if (rest.trimmed().isEmpty() || kWeekday.match(rest).hasMatch())
            return found.iso;
        return std::nullopt;
    }
    // A month alone counts by month too.
    static const QRegularExpression kMonth(
        uR"(^((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$)"_s);
    if (const auto m = kMonth.match(date); m.hasMatch()) {
        const int month = m.captured(2).toInt();
        if (month >= 1 && month <= 12)
            return u"%1-%2"_s.arg(m.captured(1)).arg(month, 2, 10, QChar(u'0'));
    }
    return std::nullopt;
}

} // namespace PageDetailsFinder
} // namespace br
