#include "text/CodePoints.h"

#include <algorithm>

namespace br::CodePoints {

qsizetype fromUtf16(QStringView text, qsizetype utf16Offset)
{
    const qsizetype end = std::clamp<qsizetype>(utf16Offset, 0, text.size());
    qsizetype points = 0;
    for (qsizetype i = 0; i < end; ++i) {
        // The high half of a pair starts a character; the low half belongs to it.
        if (!text[i].isLowSurrogate() || i == 0 || !text[i - 1].isHighSurrogate())
            ++points;
    }
    // An offset between the halves of a pair has not reached the pair's character.
    if (end > 0 && end < text.size() && text[end - 1].isHighSurrogate() &&
        text[end].isLowSurrogate())
        --points;
    return points;
}

qsizetype toUtf16(QStringView text, qsizetype codePointOffset)
{
    qsizetype i = 0;
    for (qsizetype points = 0; points < codePointOffset && i < text.size(); ++points) {
        const bool pair =
            text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        i += pair ? 2 : 1;
    }
    return i;
}

qsizetype count(QStringView text)
{
    return fromUtf16(text, text.size());
}

QString mid(QStringView text, qsizetype start, qsizetype end)
{
    const qsizetype from = toUtf16(text, start);
    const qsizetype to = std::max(from, toUtf16(text, end));
    return text.mid(from, to - from).toString();
}

} // namespace br::CodePoints
