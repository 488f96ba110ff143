#pragma once

#include <QString>
#include <QStringView>

namespace br {

// Folds text for matching, never for display: NFKC (full-width letters and digits to ASCII),
// case folding, and traditional characters to simplified by the character mapping of ICU's
// Hant-Hans transliterator, so that 掃黑除惡 on a Big5 page matches 扫黑除恶 in the lexicon. The
// printed text is kept as it is.
class ScriptFolder final
{
public:
    ScriptFolder();
    ~ScriptFolder();
    ScriptFolder(const ScriptFolder &) = delete;
    ScriptFolder &operator=(const ScriptFolder &) = delete;

    QString fold(QStringView text) const;

private:
    struct Private;
    Private *d;
};

} // namespace br
