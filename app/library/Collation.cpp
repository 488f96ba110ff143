#include "library/Collation.h"

#include <QString>

#include <sqlite3.h>
#include <unicode/ucol.h>

namespace br {

using namespace Qt::StringLiterals;

namespace {

int comparePinyin(void *collator, int leftBytes, const void *left, int rightBytes,
                  const void *right)
{
    // SQLite hands the text as native UTF-16, as the collation was registered for.
    return ucol_strcoll(static_cast<const UCollator *>(collator), static_cast<const UChar *>(left),
                        leftBytes / 2, static_cast<const UChar *>(right), rightBytes / 2);
}

void destroyCollator(void *collator)
{
    ucol_close(static_cast<UCollator *>(collator));
}

} // namespace

Status registerPinyinCollation(sqlite3 *db)
{
    UErrorCode status = U_ZERO_ERROR;
    UCollator *collator = ucol_open("zh", &status);
    if (U_FAILURE(status) || !collator)
        return Error{u"cannot open ICU's collator for Chinese: %1"_s.arg(
            QString::fromLatin1(u_errorName(status)))};
    // Its owner is SQLite from here on: it closes the collator with the connection.
    if (sqlite3_create_collation_v2(db, "br_pinyin", SQLITE_UTF16, collator, comparePinyin,
                                    destroyCollator) != SQLITE_OK)
        return Error{QString::fromUtf8(sqlite3_errmsg(db))};
    return {};
}

} // namespace br
