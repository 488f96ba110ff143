#pragma once

#include <QString>
#include <QStringView>

// What a single printed line looks like, from layout conventions of Chinese newspaper pages alone:
// punctuation, length, and the markers pages print before bylines, captions and credits. Nothing
// here knows any page's words.
namespace br::LineShape {

// Longest line still taken for a headline; body lines broken by a column can be shorter, but a
// headline longer than this is practically never printed.
inline constexpr qsizetype kMaxHeadlineLength = 40;

// Ends a sentence: 。！？!?… possibly followed by closing quotes or brackets.
bool endsSentence(QStringView line);

// Ends inside a sentence on clause punctuation or an opening quote or bracket: certainly continues.
bool endsMidClause(QStringView line);

// Number of commas, enumeration commas, semicolons and colons in the line.
int clausePunctuationCount(QStringView line);

// Starts with a photo-caption marker: △ ▲ ▽ ↑ ← 图为 上图 ...
bool startsWithCaptionMarker(QStringView line);

// A byline: □ / ■ marker, reporter words (记者, 通讯员, 本报, 报道), or a short run of names.
bool looksLikeByline(QStringView line);
// A byline by its marks (□, 记者, 通讯员, 文/…), not only a list of names.
bool isMarkedByline(QStringView line);

// Nothing but two to six personal names (2 to 4 hanzi each) separated by spaces.
bool isNameList(QStringView line);
// Every word between spaces opens on one of the four hundred commonest Chinese surnames (张 王
// 欧阳 …), as names do; 稳岗位 送培训 or 进社区 解民忧 does not.
bool wordsOpenOnSurnames(QStringView line);

// A photo credit printed over a caption: □ 某某 报道 / 摄, or （某某 摄）.
bool isPhotoCredit(QStringView line);

// A subhead printed behind a block marker: ■ 发展特色种植.
bool isMarkedSubhead(QStringView line);

// Page masthead furniture: 主办：, 承办：, edition and date lines.
bool isMastheadLine(QStringView line);

// A jump line telling the reader where a story continues: （上接第一版）, （下转第3版）.
bool isJumpLine(QStringView line);

// Where a trailing author credit such as (翟晖 任喜荣 杨蕊) starts, or -1. A credit is names in
// brackets at the very end of a line, alone or after a finished sentence.
qsizetype creditStart(QStringView line);

// Could be a headline, subhead, kicker or section banner by shape alone.
bool isHeadlineShaped(QStringView line);

// Starts with a ——/— dash: a subtitle (副题).
bool startsWithDash(QStringView line);
// Ends with a ——/— dash: a kicker leading into the title (引题).
bool endsWithDash(QStringView line);
// A dash or middle dot inside the line, as section banners print (决战决胜·脱贫攻坚——聊城在行动);
// one inside brackets (a series tag) does not count.
bool hasInnerDash(QStringView line);

// Two halves of similar length around one space, the shape of paired subheads (行棋观大势
// 落子谋全局).
bool isBalancedPair(QStringView line);

// The line cannot start a paragraph: it opens on punctuation, a bound particle, or a one-character
// clause (责,发挥...), so it is the rest of a sentence broken by the layout.
bool startsMidSentence(QStringView line);

// Begins with the name of a place or an organisation: a county, town, bureau, hospital, bank...
bool startsWithPlaceOrUnit(QStringView line);

// The whole line is the name of a place or a unit (冠县范寨镇计生协会): the subject of a title
// printed over two lines.
bool isPlaceOrUnitName(QStringView line);

// Ends on a verb or word that needs the next line (…开展 / …举办 / …与): a title printed over two
// lines.
bool endsDangling(QStringView line);

// A place or unit, a colon, then the headline proper: 高唐县梁村镇：党员干部头顶烈日遍访贫困户.
bool isPlaceColonTitle(QStringView line);

// A date and nothing else (2020年5月26日): a page's dateline, or a document's signing date at
// its foot; never a headline.
bool isDateAlone(QStringView line);

// Chinese characters only (no punctuation, digits or spaces) as a string, for comparisons.
QString hanOnly(QStringView line);

} // namespace br::LineShape
