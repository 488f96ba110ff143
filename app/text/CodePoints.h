#pragma once

#include <QList>
#include <QString>
#include <QStringView>

// Positions in code points. The record (annotations, exports in W3C Web Annotation and REFI-QDA)
// counts characters as Unicode code points; QString and QTextDocument count UTF-16 units, which
// differ after every character outside the Basic Multilingual Plane (U+20000 𠀀 and the rest of
// CJK Extension B and on, used in place and person names). Every crossing between the two goes
// through here.
namespace br::CodePoints {

// The number of code points in text[0, utf16Offset); an offset inside a surrogate pair counts
// the pair's character as not yet reached.
qsizetype fromUtf16(QStringView text, qsizetype utf16Offset);
// The UTF-16 offset of the code point at `codePointOffset`, clamped to the text.
qsizetype toUtf16(QStringView text, qsizetype codePointOffset);
qsizetype count(QStringView text);
// The code points [start, end) of `text`.
QString mid(QStringView text, qsizetype start, qsizetype end);

} // namespace br::CodePoints
