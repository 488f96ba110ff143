#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

struct sqlite3;

namespace br {

// The FTS5 tokenizer "br_cjk". Text is folded character by character (CharFold) and every run of
// word characters (hanzi, letters, digits) becomes its overlapping pairs — 扶贫工作 → 扶贫 贫工
// 工作 — plus the run's last character on its own (作). So a two-character term is one token, a
// longer one a phrase of consecutive pairs, and a single character the prefix of the tokens that
// start with it: every substring of a run is found from the index, which the trigram tokenizer
// (nothing under three characters) cannot do. Offsets point into the unfolded text, for snippets.
//
// Queries are not tokenized again: SearchQuery builds them out of tokens of this very shape, and
// the tokenizer hands such a token to FTS5 as it is.
Status registerCjkTokenizer(sqlite3 *db);

// The tokens of `folded` (a query term already folded), as the index has them: a list of runs,
// each run a list of tokens (pairs, or the single character).
QList<QStringList> cjkRunsOf(const QString &folded);

} // namespace br
