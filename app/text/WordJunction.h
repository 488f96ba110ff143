#pragma once

#include <QStringView>

namespace br {

// True when the last characters of `left` and the first of `right` form one word in ICU's
// Chinese dictionary: the line break fell inside a word (卫生健 | 康委), so the two lines are one
// sentence broken by the page's columns. False when either side does not end / start in hanzi.
bool junctionSplitsWord(QStringView left, QStringView right);

} // namespace br
