#pragma once

#include "core/Result.h"

#include <functional>

namespace br {

class Library;

// Finds the places and units of every article again (libraries imported before they were kept,
// or after the gazetteer, its aliases or the unit lexicon changed), page by page — places are
// recognised with their page's context — each page's findings stored in one transaction; a
// person's corrections stay. The analysis runs here, never in the store. Returns the number of
// articles.
Result<qint64>
reanalyseLibrary(Library &library,
                 const std::function<void(qint64 done, qint64 total)> &progress = {});

} // namespace br
