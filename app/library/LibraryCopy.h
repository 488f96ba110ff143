#pragma once

#include "core/Result.h"

#include <functional>

namespace br {

class Library;

struct CopyReport
{
    qint64 pages = 0;
    qint64 articles = 0;
    qint64 tags = 0;        // campaign tags on articles
    qint64 annotations = 0; // highlights and notes
};

// Copies everything of the library `from` into the empty library `to` — a file to a server or
// back: pages as imported (bytes' digest, text, encoding, import time), their articles as split
// and corrected by hand (ids, uuids, headlines a person set, the page's "corrected" mark), tags
// with who-set-them and when, annotations with their authors, anchors and times, places, units
// and a person's county and unit corrections, merged unit names, the person's own tags and saved
// searches. One transaction on `to`: all of it, or nothing. A `to` that holds pages is refused.
Result<CopyReport> copyLibrary(Library &from, Library &to,
                               const std::function<void(qint64 done, qint64 total)> &progress = {});

} // namespace br
