#pragma once

// The entry of the module holding the window (ui/DesktopModule.cpp), found by name with dlsym:
//   int br_desktop_main(int argc, char **argv, int mode)
// mode: BR_DESKTOP_WINDOW opens the window; BR_DESKTOP_PDF_COMMAND runs a command that draws.
#define BR_DESKTOP_ENTRY "br_desktop_main"
#define BR_DESKTOP_WINDOW 0
#define BR_DESKTOP_PDF_COMMAND 1
