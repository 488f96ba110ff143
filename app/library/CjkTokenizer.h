#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

struct sqlite3;

namespace br {

// The FTS5 tokenizer "br_cjk", for the two tables search reads. Text is folded character by
// character (CharFold); runs of word characters (hanzi, letters, digits) are what it indexes:
//  - "br_cjk pairs" (article_fts, detail=full): every run as its overlapping pairs — 扶贫工作 →
//    扶贫 贫工 工作 — so a two-character term is one token and a longer one a phrase of
//    consecutive pairs: every substring of two or more characters is found from the index, which
//    the trigram tokenizer (nothing under three characters) cannot do;
//  - "br_cjk chars" (article_chars, detail=none): every distinct character once per text, so a
//    one-character term is one exact lookup of which articles hold it rather than a prefix
//    merge of every pair starting with it;
//  - "br_cjk" alone: pairs plus each run's last character, the single index of schema versions 3
//    to 6, kept so that their migration can open it.
// Offsets point into the unfolded text, for snippets.
//
// Queries are not tokenized again: SearchQuery builds them out of tokens of these very shapes,
// and the tokenizer hands such a token to FTS5 as it is.
Status registerCjkTokenizer(sqlite3 *db);

// The runs of word characters of `folded` (a query term already folded), each as the tokens the
// index has for it: its pairs (article_fts), or the character itself for a run of one
// (article_chars).
QList<QStringList> cjkRunsOf(const QString &folded);

} // namespace br
