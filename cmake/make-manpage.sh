#!/usr/bin/env bash
# cmake/make-manpage.sh PROGRAM HELP2MAN INCLUDE WORK_DIR OUTPUT
#
# Writes bulletin-reader(1) from the program itself: help2man reads `bulletin-reader --help` and
# `--version`, and the COMMANDS section is made of each command's own `bulletin-reader COMMAND
# --help` (its usage, description, options and arguments), for every command the top-level help
# lists. INCLUDE adds what --help does not say (environment, files, exit status). Run by the
# build (cmake/Packaging.cmake) whenever the program is linked again.
set -euo pipefail

if [ $# -ne 5 ]; then
    echo "usage: $0 PROGRAM HELP2MAN INCLUDE WORK_DIR OUTPUT" >&2
    exit 2
fi
program=$1 help2man=$2 include=$3 work=$4 output=$5

rm -rf "$work"
mkdir -p "$work/bin" "$work/home"
# Run as plain `bulletin-reader` (the usage lines show argv[0]), with no display, and with a
# home and a library of its own: nothing of the user's is read or made.
ln -s "$program" "$work/bin/bulletin-reader"
export PATH="$work/bin:$PATH" HOME="$work/home" XDG_CONFIG_HOME="$work/home/config"
export XDG_DATA_HOME="$work/home/data" BULLETIN_READER_DB="$work/home/unused.sqlite3"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
unset LANGUAGE BULLETIN_READER_SEEDS
# A sanitizer build (BR_SANITIZE) is asked for its help text, not checked for leaks at exit.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

commands=$(bulletin-reader --help | awk '/^Commands:$/ { listed = 1; next }
                                         listed && /^  [a-z]+  / { print $1 }')
if [ -z "$commands" ]; then
    echo "$0: bulletin-reader --help lists no commands" >&2
    exit 1
fi

# One command's --help as roff: its usage line (with the command's name, which the program's
# usage line leaves out), its description as a paragraph, and its options and arguments as
# tagged paragraphs, as help2man does for the top-level options.
to_roff() {
    awk -v name="$1" '
    function esc(s) { gsub(/\\/, "\\\\e", s); gsub(/-/, "\\\\-", s); return s }
    function start(s) { return (s ~ /^[.\047]/) ? "\\&" s : s }
    function term(s,    out) {
        s = esc(s)
        if (s !~ /^\\-/)
            return "\\fI" s "\\fR"
        out = ""
        while (match(s, /<[^>]*>/)) {
            out = out "\\fB" substr(s, 1, RSTART - 1) "\\fR<\\fI" substr(s, RSTART + 1, RLENGTH - 2) "\\fR>"
            s = substr(s, RSTART + RLENGTH)
        }
        return out "\\fB" s "\\fR"
    }
    function flush() { if (text != "") print start(esc(text)); text = "" }
    NR == 1 && /^Usage: / {
        sub(/^Usage: +/, "")
        program = $1
        rest = substr($0, length(program) + 2)
        if (rest != name && index(rest, name " ") != 1)
            rest = name " " rest
        print ".PP"
        print "\\fB" esc(program) " " esc(name) "\\fR " esc(substr(rest, length(name) + 2))
        print ".PP"
        next
    }
    /^$/ { flush(); next }
    /^[A-Z][A-Za-z ]*:$/ { flush(); print ".PP"; print start(esc($0)); next }
    /^  [^ ]/ {
        flush()
        match($0, /^  ([^ ]| [^ ])+/)
        end = RLENGTH
        print ".TP"
        print start(term(substr($0, 3, end - 2)))
        text = substr($0, end + 1)
        sub(/^ +/, "", text)
        next
    }
    /^ +[^ ]/ { line = $0; sub(/^ +/, "", line); text = (text == "" ? line : text " " line); next }
    { text = (text == "" ? $0 : text " " $0) }
    END { flush() }'
}

{
    cat "$include"
    printf '\n[COMMANDS]\n'
    for name in $commands; do
        printf '.SS %s\n' "$name"
        bulletin-reader "$name" --help | to_roff "$name"
    done
} >"$work/bulletin-reader.h2m"

"$help2man" --no-info --section=1 --locale=C.UTF-8 --include="$work/bulletin-reader.h2m" \
    --output="$work/bulletin-reader.1" bulletin-reader
# The commands' help has non-ASCII characters (dashes, ellipses): say the page is UTF-8, so that
# groff's preconv reads it as such (man does this by itself).
{
    printf '%s\n' ".\\\" -*- coding: UTF-8 -*-"
    cat "$work/bulletin-reader.1"
} >"$output.tmp"
mv "$output.tmp" "$output"
