#pragma once

#include "core/Result.h"
#include "library/PageReader.h"
#include "text/Page.h"

#include <QString>

namespace br {

// Reads an article or a page as a newspaper's e-paper site shows it, saved as HTML, with a real
// HTML parser (gumbo): headings are headlines — within a run of headings the most prominent is the
// title, those before it the kicker, those after it the subtitle — and a heading no more prominent
// than the title after the body has begun is a subhead, a more prominent one starts the next
// article; paragraphs, list items and text blocks are the body, a short credit line under the
// headline the byline, figure captions and text beside a picture captions. Only text is taken:
// scripts, styles, forms, menus and footers are left out, links keep their words and lose their
// targets, so nothing of the markup reaches a widget. A document with no article text is refused.
Result<Page> readHtmlPage(const QString &html);

// The page formats the exchange layer reads, for the importer and `segment`.
PageFormats exchangePageFormats();

} // namespace br
