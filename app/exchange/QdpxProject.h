#pragma once

#include "core/Result.h"
#include "exchange/CodedRecord.h"

#include <QIODevice>

namespace br {

// The record in REFI-QDA's exchange format (QDA-XML 1.0, read by NVivo, MAXQDA, ATLAS.ti and
// QualCoder). A .qdpx is a zip holding project.qde and sources/: one TextSource per article
// (its plain text in UTF-8 at internal://GUID.txt), the campaigns and own tags as codes (and
// one code per highlight colour, under a code that is not codable itself), each campaign tag as
// a coding of a selection of the whole text, each highlight as a PlainTextSelection (code points,
// end exclusive) coded with its colour and referring to its note. An orphaned highlight, whose
// position is no place in the text any more, becomes a note on its source. Every guid is stable:
// an article's and annotation's own uuid, or one derived from them.
Status writeQdpx(QIODevice &device, const CodedRecord &record);
// The codebook alone (.qdc).
Status writeQdc(QIODevice &device, const CodedRecord &record);

// The stable guid the exports give a code: a campaign's or own tag's id, or "highlight:#rrggbb".
QString codeGuid(const QString &key);

} // namespace br
