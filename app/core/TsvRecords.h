#pragma once

#include "core/Result.h"

#include <QList>
#include <QStringView>

namespace br {

// The records of a tab-separated resource the user may edit (lexicons, aliases): every line that
// is not blank or a # comment, trimmed, split at tabs. `record(fields, lineNumber)` returns a
// Status; the first error ends the reading and is returned.
template <typename Record> Status forEachTsvRecord(QStringView tsv, Record &&record)
{
    int lineNumber = 0;
    for (const QStringView line : tsv.split(u'\n')) {
        ++lineNumber;
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        if (Status s = record(trimmed.split(u'\t'), lineNumber); !s)
            return s;
    }
    return {};
}

} // namespace br
