#pragma once

#include "core/Result.h"
#include "exchange/CodedRecord.h"

#include <QIODevice>

namespace br {

// The record as W3C Web Annotation (JSON-LD, http://www.w3.org/ns/anno.jsonld): one
// AnnotationCollection whose first page holds every annotation. Each highlight is a
// `highlighting` annotation, or `commenting` with its note as a TextualBody (text/plain, zh);
// its target names the article by its urn:uuid IRI with a TextQuoteSelector (exact, prefix,
// suffix) and a TextPositionSelector (code points, end exclusive; left out for an orphan, whose
// position is no place in the text any more) and its colour as a CSS style class with its
// stylesheet. Each campaign tag is a `tagging` annotation of the whole article. Ids are stable: an
// annotation's own uuid, a tag's derived from its article's and its campaign's.
Status writeW3cAnnotations(QIODevice &device, const CodedRecord &record);

} // namespace br
