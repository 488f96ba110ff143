#pragma once

// No widget header here: the program's main() (in app/) starts the window through this function
// only.
class QLocale;

namespace br::ui {

// Installs the program's and Qt's own translations for `locale` into the running application;
// false when there is no translation of the program for it (English is built in).
bool installTranslations(const QLocale &locale);

// Runs the desktop program: the library from --db, $BULLETIN_READER_DB or the default place.
int runDesktop(int &argc, char **argv);

} // namespace br::ui
