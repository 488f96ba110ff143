#!/usr/bin/env bash
# tests/install_check.sh BUILD_DIR SOURCE_DIR [--deb]
#
# Installs the build into a prefix of its own (cmake --install --prefix, no DESTDIR) and checks
# that it is installed as a desktop program: the program, its desktop entry
# (desktop-file-validate), AppStream metainfo (appstreamcli validate), icon, man page (rendered by
# groff) and seed pages, and that the installed program finds its seed pages where it looks for
# them (ui/DesktopApp.cpp: ../share/bulletin-reader/seeds next to the binary): it runs the window
# offscreen on a new library and waits for the seed pages to be imported from there. Every
# problem is named; the exit status is 1 if there was any. Builds nothing: the program and its
# man page must have been built (cmake --build BUILD_DIR).
#
# --deb also makes the Debian package (cpack -G DEB, into a folder of its own: a few seconds) and
# checks its control fields and contents. $CMAKE and $CPACK name the programs (default: from PATH).
set -uo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 BUILD_DIR SOURCE_DIR [--deb]" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
check_deb=0
[ "${3:-}" = "--deb" ] && check_deb=1

app_id=io.github.bulletin_reader.BulletinReader
work=$(mktemp -d "${TMPDIR:-/tmp}/br-install-check.XXXXXX")
prefix=$work/prefix
window_pid=
cleanup() {
    if [ -n "$window_pid" ]; then
        kill "$window_pid" 2>/dev/null
        wait "$window_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
need() { # need PROGRAM DEBIAN-PACKAGE
    if ! command -v "$1" >/dev/null 2>&1; then
        fail "$1 is not installed (Debian package $2; scripts/setup.sh installs it)"
        return 1
    fi
}

# The installed program runs with a home, a library and no display of its own, and without the
# variable that would point it at other seed pages.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/config XDG_DATA_HOME=$work/home/data
export XDG_RUNTIME_DIR=$work/runtime QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
export BULLETIN_READER_DB=$work/default.sqlite3
unset BULLETIN_READER_SEEDS DESTDIR
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

echo "== cmake --install $build --prefix $prefix"
if ! "${CMAKE:-cmake}" --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1; then
    cat "$work/install.log" >&2
    fail "cmake --install failed (is everything built? cmake --build $build)"
    exit 1
fi

program=$prefix/bin/bulletin-reader
desktop=$prefix/share/applications/$app_id.desktop
metainfo=$prefix/share/metainfo/$app_id.metainfo.xml
icon=$prefix/share/icons/hicolor/scalable/apps/$app_id.svg
manpage=$prefix/share/man/man1/bulletin-reader.1
seeds=$prefix/share/bulletin-reader/seeds

echo "== the installed files"
[ -x "$program" ] || fail "no program at $program"
for f in "$desktop" "$metainfo" "$icon" "$manpage"; do
    [ -s "$f" ] || fail "missing or empty: $f"
done
# Every seed page of the source tree, byte for byte, and nothing else.
seed_count=0
for page in "$source"/seeds/*.txt; do
    seed_count=$((seed_count + 1))
    cmp -s "$page" "$seeds/${page##*/}" || fail "seed page not installed as it is: $seeds/${page##*/}"
done
[ "$seed_count" -gt 0 ] || fail "no seed pages in $source/seeds"
installed_count=$(find "$seeds" -type f 2>/dev/null | wc -l)
[ "$installed_count" -eq "$seed_count" ] ||
    fail "$installed_count files in $seeds, $seed_count seed pages in the source"
# Installed for everybody: no file unreadable by others, whatever the umask.
if unreadable=$(find "$prefix" ! -perm -o=r -print 2>/dev/null) && [ -n "$unreadable" ]; then
    fail "not readable by others: $unreadable"
fi

echo "== desktop entry"
if [ -s "$desktop" ] && need desktop-file-validate desktop-file-utils; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate: $desktop"
    grep -qx "Icon=$app_id" "$desktop" || fail "$desktop: Icon is not $app_id"
    grep -q '^Name\[zh_CN\]=.' "$desktop" || fail "$desktop: no Chinese name"
    exec_program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
    [ -x "$prefix/bin/$exec_program" ] || fail "$desktop: Exec=$exec_program is not in $prefix/bin"
fi

echo "== AppStream metainfo"
if [ -s "$metainfo" ] && need appstreamcli appstream; then
    appstreamcli validate --pedantic --no-net "$metainfo" ||
        fail "appstreamcli validate: $metainfo"
    # The installed tree as a software centre reads it: the metainfo with its desktop entry.
    appstreamcli validate-tree --no-net "$prefix" >"$work/tree.log" 2>&1 || {
        cat "$work/tree.log" >&2
        fail "appstreamcli validate-tree: $prefix"
    }
    if need xmllint libxml2-utils; then
        id=$(xmllint --xpath 'string(/component/id)' "$metainfo")
        launchable=$(xmllint --xpath 'string(/component/launchable[@type="desktop-id"])' "$metainfo")
        [ "$id" = "$app_id" ] || fail "$metainfo: id is '$id', not $app_id"
        [ "$launchable" = "$app_id.desktop" ] || fail "$metainfo: launches '$launchable'"
        version=$("$program" --version 2>/dev/null | awk '{print $2}')
        [ -n "$(xmllint --xpath "/component/releases/release[@version='$version']" "$metainfo" 2>/dev/null)" ] ||
            fail "$metainfo: no release for the program's version '$version'"
    fi
fi

echo "== icon"
if [ -s "$icon" ] && need xmllint libxml2-utils; then
    xmllint --noout "$icon" || fail "$icon is not well-formed XML"
    [ "$(xmllint --xpath 'local-name(/*)' "$icon" 2>/dev/null)" = svg ] || fail "$icon is no SVG"
fi

echo "== man page"
if [ -s "$manpage" ] && need groff groff-base; then
    # Every groff warning (-ww) counts: bad requests, lines that cannot be broken or adjusted.
    groff -k -man -Tutf8 -ww -z "$manpage" >"$work/groff.err" 2>&1
    if [ -s "$work/groff.err" ]; then
        cat "$work/groff.err" >&2
        fail "groff warns about $manpage"
    fi
    rendered=$(groff -k -man -Tutf8 -P-c -P-b -P-u "$manpage" 2>/dev/null)
    for expected in '^ *bulletin-reader +- ' '^SYNOPSIS' '^OPTIONS' '^ *--db' '^COMMANDS' \
        '^ +segment$' '^ *--json' '^EXIT STATUS'; do
        grep -qE -- "$expected" <<<"$rendered" || fail "$manpage: the rendered page has no /$expected/"
    done
fi

echo "== the installed program"
if [ -x "$program" ]; then
    "$program" --version >"$work/version.out" 2>&1 || fail "bulletin-reader --version failed"
    grep -q '^bulletin-reader [0-9]' "$work/version.out" || fail "--version says: $(cat "$work/version.out")"
    if "$program" segment "$seeds/001_1f928a1e1901fd81.txt" >"$work/segment.out" 2>"$work/segment.err"; then
        [ -s "$work/segment.out" ] || fail "segment of an installed seed page printed nothing"
    else
        cat "$work/segment.err" >&2
        fail "bulletin-reader segment $seeds/001_1f928a1e1901fd81.txt failed"
    fi

    # The window on an empty library imports the seed pages it finds next to itself. The source
    # tree's seeds/ would do too (the program's second choice), so the pages must come from the
    # installed folder.
    library=$work/window.sqlite3
    "$program" --db "$library" >"$work/window.log" 2>&1 &
    window_pid=$!
    articles=0
    for _ in $(seq 1 240); do
        sleep 0.5
        if ! kill -0 "$window_pid" 2>/dev/null; then
            break
        fi
        if [ -f "$library" ] &&
            "$program" --db "$library" list --json >"$work/list.json" 2>/dev/null; then
            articles=$(grep -c '"page":' "$work/list.json")
            [ "$articles" -gt 0 ] && break
        fi
    done
    if kill -0 "$window_pid" 2>/dev/null; then
        # Whatever was still being imported is read again below, once the window is gone.
        sleep 2
        kill "$window_pid"
    else
        fail "the window ended by itself: $(cat "$work/window.log")"
    fi
    wait "$window_pid" 2>/dev/null
    window_pid=
    "$program" --db "$library" list --json >"$work/list.json" 2>"$work/list.err" ||
        fail "list on the window's library: $(cat "$work/list.err")"
    articles=$(grep -c '"page":' "$work/list.json")
    if [ "$articles" -eq 0 ]; then
        fail "the window imported no seed pages into its empty library: $(cat "$work/window.log")"
    else
        # Where each page was read from (the page table's source_path; Debian's Python reads it).
        if /usr/bin/python3 - "$library" >"$work/sources" 2>&1 <<'PYTHON'; then
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for (path,) in db.execute("SELECT DISTINCT source_path FROM page ORDER BY 1"):
    print(path)
PYTHON
            elsewhere=$(grep -v "^$seeds/" "$work/sources" | head -3)
            pages=$(grep -c . "$work/sources")
            if [ -n "$elsewhere" ]; then
                fail "seed pages imported from elsewhere than $seeds: $elsewhere"
            elif [ "$pages" -ne "$seed_count" ]; then
                fail "the window imported $pages of the $seed_count seed pages"
            else
                echo "the window imported $articles articles from the $pages pages in $seeds"
            fi
        else
            fail "cannot read the pages' source paths: $(cat "$work/sources")"
        fi
    fi
fi

if [ "$check_deb" -eq 1 ]; then
    echo "== cpack -G DEB"
    if need dpkg-deb dpkg && need dpkg-shlibdeps dpkg-dev; then
        if (cd "$build" && "${CPACK:-cpack}" -G DEB -B "$work/deb") >"$work/cpack.log" 2>&1; then
            deb=$(find "$work/deb" -maxdepth 1 -name 'bulletin-reader_*.deb' | head -1)
            if [ -z "$deb" ]; then
                fail "cpack made no bulletin-reader_*.deb: $(cat "$work/cpack.log")"
            else
                [ "$(dpkg-deb -f "$deb" Package)" = bulletin-reader ] || fail "$deb: wrong Package"
                depends=$(dpkg-deb -f "$deb" Depends)
                echo "Depends: $depends"
                for dependency in libqt6gui6 libqt6widgets6 libsqlite3-0 fonts-noto-cjk; do
                    grep -q "\\b$dependency\\b" <<<"$depends" || fail "$deb: Depends lacks $dependency"
                done
                # The package holds what cmake --install installed, under /usr.
                (cd "$prefix" && find . -type f | sed 's|^\./|./usr/|' | sort) >"$work/installed.list"
                dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $6 }' | sort >"$work/packaged.list"
                diff -u "$work/installed.list" "$work/packaged.list" >"$work/deb.diff" || {
                    cat "$work/deb.diff" >&2
                    fail "$deb does not hold what cmake --install installs"
                }
            fi
        else
            cat "$work/cpack.log" >&2
            fail "cpack -G DEB failed"
        fi
    fi
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures problem(s) with the installation" >&2
    exit 1
fi
echo "installation checked"
