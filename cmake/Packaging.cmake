# Installing Bulletin Reader as a desktop program, and packaging it as a .deb (CPack).
#
#   cmake --install build [--prefix DIR]      the program, its desktop entry, icon, AppStream
#                                             metainfo, man page and bundled seed pages
#   cd build && cpack -G DEB                  bulletin-reader_VERSION_ARCH.deb
#
# Included once, at the end of the top-level CMakeLists.txt. The translations need nothing here:
# qt_add_translations (ui/CMakeLists.txt) compiles them into the program as Qt resources (:/i18n).

include(GNUInstallDirs)

set(BR_APP_ID io.github.bulletin_reader.BulletinReader)
set(BR_DESKTOP_DIR ${PROJECT_SOURCE_DIR}/resources/desktop)

# The folders the installation makes are 0755 whatever the umask of whoever installs (or
# packages) it; files are 0644 and the program 0755 anyway.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# The window looks for the seed pages at ../share/bulletin-reader/seeds next to the program
# (ui/DesktopApp.cpp, seedsDirectory()); other layouts would install them where it does not look.
if(NOT CMAKE_INSTALL_BINDIR STREQUAL "bin" OR NOT CMAKE_INSTALL_DATADIR STREQUAL "share")
    message(WARNING "CMAKE_INSTALL_BINDIR (${CMAKE_INSTALL_BINDIR}) and CMAKE_INSTALL_DATADIR "
                    "(${CMAKE_INSTALL_DATADIR}) are not bin and share: the installed program "
                    "will not find its seed pages (set BULLETIN_READER_SEEDS).")
endif()

install(TARGETS bulletin-reader RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS bulletin-reader-desktop LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/bulletin-reader)
install(FILES ${BR_DESKTOP_DIR}/${BR_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${BR_DESKTOP_DIR}/${BR_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${BR_DESKTOP_DIR}/${BR_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/seeds/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bulletin-reader/seeds
        FILES_MATCHING PATTERN "*.txt")

# The man page, made from the program's own --help (and each command's) by help2man when the
# program is built: it cannot say other than the program does.
find_program(BR_HELP2MAN help2man)
if(BR_HELP2MAN)
    set(BR_MANPAGE ${PROJECT_BINARY_DIR}/man/bulletin-reader.1)
    add_custom_command(OUTPUT ${BR_MANPAGE}
        COMMAND bash ${PROJECT_SOURCE_DIR}/cmake/make-manpage.sh $<TARGET_FILE:bulletin-reader>
                ${BR_HELP2MAN} ${PROJECT_SOURCE_DIR}/cmake/bulletin-reader.h2m
                ${PROJECT_BINARY_DIR}/man/work ${BR_MANPAGE}
        DEPENDS bulletin-reader
                ${PROJECT_SOURCE_DIR}/cmake/make-manpage.sh
                ${PROJECT_SOURCE_DIR}/cmake/bulletin-reader.h2m
        COMMENT "Writing the man page from bulletin-reader --help"
        VERBATIM)
    add_custom_target(bulletin-reader-manpage ALL DEPENDS ${BR_MANPAGE})
    install(FILES ${BR_MANPAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
    message(WARNING "help2man not found (scripts/setup.sh installs it): no man page is built "
                    "or installed.")
endif()

# The Debian package. Its shared-library dependencies come from dpkg-shlibdeps (dpkg-dev); what
# the program needs without linking it is named by hand below.
set(CPACK_PACKAGE_NAME bulletin-reader)
set(CPACK_PACKAGE_VENDOR "Bulletin Reader developers")
set(BR_PACKAGE_MAINTAINER "Bulletin Reader developers <bulletin-reader@users.noreply.github.com>"
    CACHE STRING "The Maintainer of the Debian package: Name <address>")
set(CPACK_PACKAGE_CONTACT "${BR_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "reader for Chinese newspaper special pages: articles, campaign tags, coverage")
set(CPACK_PACKAGE_HOMEPAGE_URL https://github.com/bulletin-reader/bulletin-reader)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_NAME bulletin-reader)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The long description; CPack puts the summary first and indents every line for the control file
# (an empty line becomes its " ." paragraph break).
set(CPACK_PACKAGE_DESCRIPTION
    "Bulletin Reader reads the special pages that Chinese local newspapers and
government bulletins print on public campaigns (poverty relief, the campaign
against organised crime, the civilised-city campaign) and splits each page
into its articles: headlines, bylines, captions, and paragraphs repaired where
the page's columns broke them.

Archivists tag the articles by campaign (with suggestions and their evidence),
highlight and annotate them; officials count the coverage by county, town,
unit, month or publication, with charts, XLSX and PDF reports. Exports to
CSV, REFI-QDA and W3C Web Annotation. The library is a local SQLite file or a
team's PostgreSQL server. A command line (bulletin-reader --help) does the
same without the window.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# - fonts-noto-cjk: the pages are Chinese, and the PDF report asks for Noto Sans CJK SC by name.
# - The Qt platform plugins the window needs (xcb, and offscreen for `report --format pdf`
#   without a display) are in libqt6gui6 and the SVG icon engine in libqt6svg6, both of which
#   dpkg-shlibdeps finds; SQLite is linked directly (no Qt SQL driver).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk")
# Qt's own strings (file dialogs, standard buttons) in Chinese.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# Native Wayland windows; without it the window runs through XWayland.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_GENERATOR DEB)
include(CPack)
