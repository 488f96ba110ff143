#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace br {

// One printed line of a page, normalised for splitting.
struct PageLine
{
    int number = 0;        // 1-based line number in the page as decoded
    QString text;          // trimmed of ASCII, full-width and no-break spaces at both ends
    int blanksBefore = 0;  // blank lines between this line and the previous non-blank one
    int blanksAfter = 0;   // blank lines between this line and the next non-blank one
    bool indented = false; // printed with spaces before it (a paragraph's first line, often)
};

// The non-blank lines of a page. CRLF and lone CR end lines like LF; lines holding only spaces
// (ASCII, U+3000 full-width, U+00A0 no-break) count as blank; full-width indents are dropped. The
// page text itself is not changed: line numbers refer to it as decoded.
QList<PageLine> splitPageLines(QStringView text);

// True for the space characters pages indent and pad with.
bool isPageSpace(QChar ch);

// `text` without page spaces at either end.
QStringView trimPageSpaces(QStringView text);

} // namespace br
