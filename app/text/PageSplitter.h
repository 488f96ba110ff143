#pragma once

#include "text/Page.h"

#include <QStringView>

#include <atomic>

namespace br {

// Splits the text of one bulletin page into its masthead and articles, and repairs paragraphs
// that the page's columns broke.
//
// Every decision comes from layout conventions of such pages, weighed together: the shape of a line
// (length, sentence-final punctuation, byline / caption / credit markers), the blank-line rhythm of
// the page, and how headlines relate to the text under them (a title repeats words of its story; a
// subhead comes in a series of like-shaped lines; a broken sentence continues inside a word or on a
// one-character clause). No page's own words are known to it.
class PageSplitter final
{
public:
    // While *cancel is set, the split stops (within a thousand lines of scoring them, the bulk
    // of its work) and gives an empty page.
    Page split(QStringView text, const std::atomic_bool *cancel = nullptr) const;
};

} // namespace br
