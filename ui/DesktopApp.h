#pragma once

// No widget header here: the program's main() (in app/) starts the window through this function
// only.
namespace br::ui {

// Runs the desktop program: the library from --db, $BULLETIN_READER_DB or the default place.
int runDesktop(int &argc, char **argv);

} // namespace br::ui
