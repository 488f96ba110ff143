#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace br {

// Recognises content that is not a bulletin page before anyone tries to split it.
namespace ContentSniffer {

// The kind of binary file the bytes start with ("PNG image", "PDF document", ...), or an empty
// string when no known signature matches.
QString binaryKind(QByteArrayView bytes);

// True when decoded text is an HTML (or XHTML) document rather than a plain page. A plain page
// that merely quotes a tag is not HTML: the document has to open like one or be mostly markup.
bool looksLikeHtml(QStringView text);

} // namespace ContentSniffer
} // namespace br
