#include "text/PageLines.h"

namespace br {

bool isPageSpace(QChar ch)
{
    const char16_t u = ch.unicode();
    return u == u' ' || u == u'\t' || u == 0x3000 || u == 0x00A0 || u == 0x2002 || u == 0x2003 ||
           u == 0x2009 || u == 0x200B || u == 0xFEFF || u == u'\f' || u == u'\v';
}

QStringView trimPageSpaces(QStringView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isPageSpace(text[begin]))
        ++begin;
    while (end > begin && isPageSpace(text[end - 1]))
        --end;
    return text.sliced(begin, end - begin);
}

QList<PageLine> splitPageLines(QStringView text)
{
    QList<PageLine> lines;
    int number = 0;
    int blanks = 0;
    qsizetype pos = 0;
    const qsizetype n = text.size();
    while (pos <= n) {
        qsizetype end = pos;
        while (end < n && text[end] != u'\n' && text[end] != u'\r')
            ++end;
        ++number;
        const QStringView trimmed = trimPageSpaces(text.sliced(pos, end - pos));
        if (trimmed.isEmpty()) {
            ++blanks;
        } else {
            if (!lines.isEmpty())
                lines.last().blanksAfter = blanks;
            const QStringView raw = text.sliced(pos, end - pos);
            qsizetype lead = 0;
            while (lead < raw.size() && isPageSpace(raw[lead]) && raw[lead] != QChar(0xFEFF) &&
                   raw[lead] != QChar(0x200B))
                ++lead;
            lines.append(PageLine{number, trimmed.toString(), blanks, 0, lead > 0});
            blanks = 0;
        }
        if (end >= n)
            break;
        pos = end + ((text[end] == u'\r' && end + 1 < n && text[end + 1] == u'\n') ? 2 : 1);
        if (pos == n) {
            ++number; // a final line break opens one more, empty, line
            ++blanks;
            break;
        }
    }
    if (!lines.isEmpty())
        lines.last().blanksAfter = blanks;
    return lines;
}

} // namespace br
