#pragma once

#include "core/Result.h"

struct sqlite3;

namespace br {

// The collation "br_pinyin" on a connection: Chinese text in the order Chinese readers look it up,
// by pinyin (ICU's collator for zh), Latin letters and digits among it as ICU orders them. What a
// sort by title uses; code-point order puts 阿 after 长 and 北 before both.
Status registerPinyinCollation(sqlite3 *db);

} // namespace br
