#pragma once

#include <QString>

namespace br::SafeText {

// Characters that would change what a terminal or a line of text shows rather than be shown:
// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that make text read
// backwards (a name "txt.exe" shown as "exe.txt").
bool isControl(char32_t c);

// `c` as \xNN (up to U+00FF) or \uNNNN.
QString escape(char32_t c);

// `text` with every such character escaped: page text, titles and file names on a terminal.
QString escapeControls(const QString &text);

// East Asian Wide and Fullwidth characters, which a terminal (and a spreadsheet's column) gives
// two columns: the CJK blocks, Hangul, the full-width forms.
bool isWide(char32_t c);

// `text` padded with spaces to `columns` terminal columns (Chinese characters and full-width
// forms take two), left-aligned; text as wide or wider comes back as it is.
QString padToColumns(const QString &text, int columns);

} // namespace br::SafeText
