#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace br {

// The colours a highlight can have, in the window's menu and on the command line
// (`annotate --colour yellow`); the first is what the H key uses. A note alone gets kNoteColor.
struct HighlightColor
{
    const char *hex;
    const char *name; // English, lower case on the command line; translated in the window
};
inline constexpr HighlightColor kHighlightColors[] = {
    {"#ffe066", QT_TRANSLATE_NOOP("br::ui::MainWindow", "Yellow")},
    {"#b8f2a6", QT_TRANSLATE_NOOP("br::ui::MainWindow", "Green")},
    {"#ffc2d9", QT_TRANSLATE_NOOP("br::ui::MainWindow", "Pink")},
    {"#d6c8ff", QT_TRANSLATE_NOOP("br::ui::MainWindow", "Violet")},
};
inline constexpr const char *kNoteColor = "#9fd3ff";

// The colour named `name` (a name above in any case, "blue" for the note colour, or #rrggbb).
inline std::optional<QString> highlightColorNamed(const QString &name)
{
    for (const HighlightColor &c : kHighlightColors) {
        if (name.compare(QLatin1String(c.name), Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(c.hex);
    }
    if (name.compare(QLatin1String("blue"), Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(kNoteColor);
    if (name.size() == 7 && name.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        name.mid(1).toUInt(&ok, 16);
        if (ok)
            return name.toLower();
    }
    return std::nullopt;
}

} // namespace br
