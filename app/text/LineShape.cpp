#include "text/LineShape.h"

#include "text/CjkCharsets.h"
#include "text/PageLines.h"

#include <QRegularExpression>

#include <algorithm>

namespace br::LineShape {
namespace {

using namespace Qt::StringLiterals;
using cjk::isOneOf;

// The punctuation classes the rules read, as character sets.
constexpr QStringView kClosingMarks = u"”’\"'」』）)】》〉";
constexpr QStringView kSentenceFinal = u"。！？!?…．";
constexpr QStringView kOpeningMarks = u"“‘「『（(【《〈—-";

bool isClosingMark(QChar ch)
{
    return isOneOf(ch, kClosingMarks);
}

bool isSentenceFinal(QChar ch)
{
    return isOneOf(ch, kSentenceFinal);
}

bool isClausePunctuation(QChar ch)
{
    // ，,、；;：: as a switch: counted over every character of every line.
    switch (ch.unicode()) {
    case u'，':
    case u',':
    case u'、':
    case u'；':
    case u';':
    case u'：':
    case u':':
        return true;
    default:
        return false;
    }
}

// The line's first and last characters, for ruling a pattern out before it is run: every line
// is asked a dozen patterns, and a QRegularExpression match costs a microsecond even when it
// fails at once. `$` matches before a final newline too, so the last character is the one before
// it.
QChar firstOf(QStringView line)
{
    return line.isEmpty() ? QChar() : line.front();
}

QChar lastOf(QStringView line)
{
    if (line.endsWith(u'\n'))
        line.chop(1);
    return line.isEmpty() ? QChar() : line.back();
}

} // namespace

bool endsSentence(QStringView line)
{
    qsizetype end = line.size();
    while (end > 0 && isClosingMark(line[end - 1]))
        --end;
    if (end > 0 && isSentenceFinal(line[end - 1]))
        return true;
    return creditStart(line) >= 0;
}

bool endsMidClause(QStringView line)
{
    if (line.isEmpty())
        return false;
    const QChar last = line.back();
    if (endsWithDash(line))
        return false; // a kicker's dash, not a broken sentence
    return isClausePunctuation(last) || isOneOf(last, kOpeningMarks);
}

int clausePunctuationCount(QStringView line)
{
    int n = 0;
    for (const QChar ch : line) {
        if (isClausePunctuation(ch))
            ++n;
    }
    return n;
}

bool startsWithCaptionMarker(QStringView line)
{
    if (!isOneOf(firstOf(line), u"△▲▽▼↑↓←→↖↗■□●◆图上下左右（("))
        return false;
    static const QRegularExpression marker(
        u"^(?:[△▲▽▼↑↓←→↖↗]|(?:[■□●◆]\\s*)?(?:图为|上图|下图|左图|右图|图[一二三四1-9]?[：:])|"
        u"[（(]图[）)])"_s);
    return marker.match(line).hasMatch();
}

bool isNameList(QStringView line)
{
    // Names apart by spaces: a line without one is no list.
    if (line.size() < 5 || !std::any_of(line.begin(), line.end(),
                                        [](QChar ch) { return isOneOf(ch, u" \u3000\u00A0"); }))
        return false;
    static const QRegularExpression names(
        u"^\\p{Han}{2,4}(?:[ \\x{3000}\\x{00A0}]+\\p{Han}{2,4}){1,5}$"_s);
    return names.match(line).hasMatch();
}

bool wordsOpenOnSurnames(QStringView line)
{
    // The commonest surnames of the Han population (compound ones by their first character, 欧阳
    // by 欧), some four hundred, which most people bear: from public surname rankings.
    static const QString surnames = u"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯"
                                    u"邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
                                    u"陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
                                    u"贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易"
                                    u"乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符"
                                    u"舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴"
                                    u"蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
                                    u"麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边"
                                    u"卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟"
                                    u"邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼"
                                    u"盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支"
                                    u"卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍"
                                    u"辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公"
                                    u"哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植"
                                    u"衡富尧闭由"_s;
    bool atWordStart = true;
    bool any = false;
    for (const QChar ch : line) {
        if (isOneOf(ch, u" \u3000\u00A0")) {
            atWordStart = true;
            continue;
        }
        if (atWordStart && !surnames.contains(ch))
            return false;
        any = any || atWordStart;
        atWordStart = false;
    }
    return any;
}

// A lead's dateline and reporter with the story's first words after them (本报北京2月26日电
// （记者王五）全国人大常委会26日分组审议): the start of a paragraph, not a byline.
bool hasTextAfterCredit(QStringView line)
{
    const qsizetype close = std::max(line.lastIndexOf(u'）'), line.lastIndexOf(u')'));
    if (close < 0)
        return false;
    qsizetype han = 0;
    for (const QChar ch : line.sliced(close + 1))
        han += cjk::isHan(ch.unicode()) ? 1 : 0;
    return han >= 6;
}

bool looksLikeByline(QStringView line)
{
    return isMarkedByline(line) || isNameList(line);
}

bool isMarkedByline(QStringView line)
{
    if (line.size() > 60 || endsSentence(line))
        return false;
    if (line.startsWith(u'□') || line.startsWith(u'■') || line.startsWith(u'◇') ||
        line.startsWith(u'◆'))
        return true;
    static const QRegularExpression reporterWords(
        u"(?:记者|通讯员|本报|报道|撰稿|特约|实习生|摄影|文[/／]|图[/／]|文[:：]|图[:：])"_s);
    if (line.size() <= 50 && clausePunctuationCount(line) <= 1 &&
        reporterWords.match(line).hasMatch() && line.contains(u' '))
        return !hasTextAfterCredit(line);
    return false;
}

bool isPhotoCredit(QStringView line)
{
    if (!isOneOf(firstOf(line), u"□■◇◆（("))
        return false;
    // □ 范勇 报道 over a caption, or a bracketed photographer: （李四 摄）.
    static const QRegularExpression credit(
        u"^(?:[□■◇◆].{1,30}(?:报道|摄|摄影|供图|图)|[（(]\\s*(?:\\p{Han}{2,4}\\s*)+[/／]?"
        u"(?:摄|摄影|供图)\\s*[）)])$"_s);
    return line.size() <= 40 && credit.match(line).hasMatch();
}

bool isMarkedSubhead(QStringView line)
{
    if (!isOneOf(firstOf(line), u"■□◆◇●▲"))
        return false;
    static const QRegularExpression marked(u"^[■□◆◇●▲]\\s*(\\S.{1,24})$"_s);
    const QRegularExpressionMatch m = marked.match(line);
    if (!m.hasMatch())
        return false;
    const QStringView rest = m.capturedView(1);
    static const QRegularExpression reporterWords(u"记者|通讯员|报道|摄|供图|本报"_s);
    return !endsSentence(rest) && !isNameList(rest) && !reporterWords.match(rest).hasMatch() &&
           !startsWithCaptionMarker(rest) && hanOnly(rest).size() >= 3;
}

bool isMastheadLine(QStringView line)
{
    if (line.size() > 60)
        return false;
    // The words, 第 and the date's digits (any script's, and beyond the BMP) it can open on.
    const QChar first = firstOf(line);
    if (!isOneOf(first, u"本主承协副责编美校组统策监出社电邮网投第") && !first.isDigit() &&
        !first.isSurrogate())
        return false;
    static const QRegularExpression masthead(
        u"^(?:本版|本期)?(?:主办|承办|协办|主编|副主编|责编|责任编辑|编辑|美编|校对|组稿|组版|统筹|"
        u"策划|监制|出版|社址|电话|邮编|网址|投稿邮箱)\\s*[：:]|^第\\s*[0-9一二三四五六七八九十]+"
        u"\\s*版|"
        u"^\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:星期|周)[一二三四五六日天]"_s);
    return masthead.match(line).hasMatch();
}

bool isJumpLine(QStringView line)
{
    if (!isOneOf(firstOf(line), u"（("))
        return false;
    static const QRegularExpression jump(
        u"^[（(]\\s*(?:上接|下转|转|接)(?:第?\\s*[0-9一二三四五六七八九十]+\\s*版|[^）)]{1,8}版)\\s*[）)]$"_s);
    return line.size() <= 20 && jump.match(line).hasMatch();
}

qsizetype creditStart(QStringView line)
{
    // Names (2-4 hanzi each, optionally after a role word) in brackets, at the end of the line,
    // either alone or after a finished sentence.
    static const QRegularExpression credit(
        u"[（(]\\s*(?:(?:记者|通讯员|作者|文|图|摄)\\s*[：:]?\\s*)?\\p{Han}{2,4}"
        u"(?:[ \\x{3000}、，,]+(?:(?:记者|通讯员)\\s*)?\\p{Han}{2,4}){0,6}\\s*[）)]$"_s);
    // Only the tail can hold it; a page printed on one huge line must not be scanned whole.
    if (!isOneOf(lastOf(line), u"）)"))
        return -1;
    const qsizetype tailStart = std::max<qsizetype>(0, line.size() - 80);
    const QRegularExpressionMatch m = credit.match(line.sliced(tailStart));
    if (!m.hasMatch())
        return -1;
    const qsizetype start = tailStart + m.capturedStart();
    if (start == 0)
        return 0;
    qsizetype before = start;
    while (before > 0 && isPageSpace(line[before - 1]))
        --before;
    while (before > 0 && isClosingMark(line[before - 1]))
        --before;
    return (before > 0 && isSentenceFinal(line[before - 1])) ? start : -1;
}

bool startsWithDash(QStringView line)
{
    return line.startsWith(u"——") || line.startsWith(u"──") || line.startsWith(u"--") ||
           line.startsWith(u'—');
}

bool endsWithDash(QStringView line)
{
    return line.endsWith(u"——") || line.endsWith(u"──") || line.endsWith(u'—');
}

bool hasInnerDash(QStringView line)
{
    // Not inside brackets: a series tag (在习近平…指引下——新时代新作为新篇章) is no banner.
    int depth = 0;
    for (qsizetype i = 1; i + 1 < line.size(); ++i) {
        const QChar ch = line[i];
        if (ch == u'（' || ch == u'(')
            ++depth;
        else if ((ch == u'）' || ch == u')') && depth > 0)
            --depth;
        else if (depth == 0 && (ch == u'—' || ch == u'·'))
            return true;
    }
    return false;
}

// Headlines and subheads that carry commas are built of clauses of like length (校县结对,资助育人;
// 实施“责任战”,提高站位,强化担当); a sentence cut by a column is not
// (5月1日，县医院组织专家…; 镇政府召开创城动员会，部署).
bool hasBalancedClauses(QStringView line)
{
    // A colon sets a label before the headline (冠县：…) and is not a clause break here.
    static const QString separators = u"，,；;"_s;
    qsizetype shortest = -1;
    qsizetype longest = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        if (i < line.size() && !separators.contains(line[i]))
            continue;
        const qsizetype han = hanOnly(line.sliced(start, i - start)).size();
        shortest = shortest < 0 ? han : std::min(shortest, han);
        longest = std::max(longest, han);
        start = i + 1;
    }
    if (longest == hanOnly(line).size())
        return true; // a single clause
    return shortest >= 3 && static_cast<double>(longest) <= 3.5 * static_cast<double>(shortest);
}

bool isHeadlineShaped(QStringView line)
{
    if (line.isEmpty() || line.size() > kMaxHeadlineLength)
        return false;
    if (startsWithCaptionMarker(line) || creditStart(line) >= 0)
        return false;
    if (line.startsWith(u'□') || line.startsWith(u'■'))
        return false;
    qsizetype end = line.size();
    while (end > 0 && isClosingMark(line[end - 1]))
        --end;
    if (end > 0 && (line[end - 1] == u'。' || line[end - 1] == u'.'))
        return false; // headlines carry no full stop; ！ and ？ they may
    if (endsMidClause(line))
        return false;
    if (clausePunctuationCount(line) > 3 || !hasBalancedClauses(line))
        return false;
    qsizetype han = 0;
    for (const QChar ch : line) {
        if (cjk::isHan(ch.unicode()))
            ++han;
    }
    return han >= 2;
}

bool isBalancedPair(QStringView line)
{
    const qsizetype space =
        line.indexOf(u' ') >= 0 ? line.indexOf(u' ') : line.indexOf(QChar(0x3000));
    if (space <= 0)
        return false;
    const QStringView left = trimPageSpaces(line.first(space));
    const QStringView right = trimPageSpaces(line.sliced(space + 1));
    if (right.contains(u' ') || right.contains(QChar(0x3000)))
        return false;
    const auto size = [](QStringView s) { return hanOnly(s).size(); };
    const qsizetype a = size(left);
    const qsizetype b = size(right);
    return a >= 3 && b >= 3 && a <= 10 && b <= 10 && std::abs(a - b) <= 2;
}

bool startsMidSentence(QStringView line)
{
    if (line.isEmpty())
        return false;
    // Bound particles, and those that end a question or a suggestion (吧 吗 呢): none opens one.
    static const QString particles = u"的了着过们等之吧吗呢"_s;
    const QChar first = line.front();
    if (isClausePunctuation(first) || isSentenceFinal(first) || first == u'”' || first == u'’' ||
        first == u'）' || first == u')' || first == u'》' || first == u'」')
        return true;
    if (particles.contains(first))
        return true;
    return line.size() >= 2 && cjk::isHan(first.unicode()) && isClausePunctuation(line[1]);
}

bool startsWithPlaceOrUnit(QStringView line)
{
    // Administrative suffixes and the words organisations end in, within the first dozen
    // characters, after at least one character of name.
    // The name part holds no function words (对, 在, 是, 为 ...): 在北徐村… and 今年是…文明城市
    // open on a clause, not on a name.
    static const QRegularExpression place(
        u"^(?:(?:(?![对在为把是的了向从给将被使让])[\\p{Han}“”\"0-9]){1,12}?"
        u"(?:省|市|县|区|镇|乡|街道|村|社区|局|委|办|厅|院|所|站|中心|协会|学会|公司|集团|银行|"
        u"分行|支行|学校|大学|学院|医院|法院|检察院|队|部|团|会|单位|系统|机关)|"
        u"(?:全市|全县|全区|全省|全镇|本市|我市|我县|市|县|区))"_s);
    return place.match(line).hasMatch();
}

bool isPlaceOrUnitName(QStringView line)
{
    static const QRegularExpression name(u"^(?:(?![对在为把是的了向从给将被使让])\\p{Han}){2,16}(?:"
                                         u"省|市|县|区|镇|乡|街道|村|社区|局|委|"
                                         u"办|厅|院|所|站|中心|协会|学会|公司|集团|银行|分行|支行|"
                                         u"学校|大学|学院|医院|法院|检察院|队|"
                                         u"部|团|支部|党支部|委员会)$"_s);
    return line.size() <= 20 && name.match(line).hasMatch();
}

bool endsDangling(QStringView line)
{
    if (!isOneOf(lastOf(line), u"展办开行织立进合手与和及同对为在向把将"))
        return false;
    static const QRegularExpression dangling(
        u"(?:开展|举办|召开|举行|组织|成立|走进|联合|携手|与|和|及|同|对|为|在|向|把|将)$"_s);
    return dangling.match(line).hasMatch();
}

bool isPlaceColonTitle(QStringView line)
{
    const qsizetype colon = std::max(line.indexOf(u'：'), line.indexOf(u':'));
    return colon >= 2 && colon <= 14 && line.size() - colon > 4 &&
           startsWithPlaceOrUnit(line.first(colon)) && clausePunctuationCount(line) == 1;
}

QString hanOnly(QStringView line)
{
    QString out;
    out.reserve(line.size());
    for (const QChar ch : line) {
        if (cjk::isHan(ch.unicode()))
            out.append(ch);
    }
    return out;
}

bool isDateAlone(QStringView line)
{
    if (lastOf(line) != u'日')
        return false;
    static const QRegularExpression date(
        u"^([0-9０-９]{4}|[〇○零一二三四五六七八九Ｏ]{4})年[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日$"_s);
    return line.size() <= 14 && date.match(line).hasMatch();
}

} // namespace br::LineShape
