#pragma once

#include <QStringView>

namespace br {

// True when the last characters of `left` and the first of `right` form one word in ICU's
// Chinese dictionary: the line break fell inside a word (卫生健 | 康委), so the two lines are one
// sentence broken by the page's columns. False when either side does not end / start in hanzi.
bool junctionSplitsWord(QStringView left, QStringView right);

// Position `pos` of `text` falls inside a word of the dictionary (大王|寨乡: 王 does not start a
// word there), judged from a few characters either side.
bool isInsideWord(QStringView text, qsizetype pos);

} // namespace br
