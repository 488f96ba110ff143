#pragma once

#include <QPalette>
#include <QString>

namespace br::ui {

// Light or dark, as the desktop asks for it. Qt 6.4 follows a dark desktop only through a
// platform theme plugin, which a plain Debian desktop lacks: the program reads the desktop's
// own setting (GNOME's colour scheme, a dark GTK theme, KDE's colour scheme) and, when it asks for
// dark and Qt's palette is light, puts a dark palette on the Fusion style.
// $BULLETIN_READER_THEME (dark or light) decides instead, when set.
namespace ColorScheme {

enum class Scheme
{
    Light,
    Dark
};

// What the desktop asks for; reads no more than a setting or two (gsettings only when present).
Scheme desktopScheme();
bool isDark(const QPalette &palette);
// Fusion's colours, made dark.
QPalette darkPalette();
// Applies the desktop's scheme to the application (a dark palette when asked and not there yet).
void follow();

} // namespace ColorScheme
} // namespace br::ui
