#!/usr/bin/env bash
# Installs the Debian packages Bulletin Reader builds and runs with, only those that are missing,
# so a second run costs a few dpkg queries. Needs root or sudo on a fresh Debian 12 machine.
set -euo pipefail

packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libgl-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    # qt6-charts-dev's CMake config needs Qt6OpenGL, which the package does not pull in;
    # libxlsxwriter's pkg-config names zlib, which libxlsxwriter-dev does not pull in.
    qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libxlsxwriter-dev zlib1g-dev unzip
    libsqlite3-dev libicu-dev libuchardet-dev
    # REFI-QDA projects are zip archives (minizip); the tests check them against the REFI-QDA
    # schemas with two validators, libxml2's xmllint and python3-xmlschema.
    libminizip-dev libxml2-utils python3-xmlschema
    # Saved e-paper pages are read with a real HTML parser.
    libgumbo-dev
    # A team library lives on a PostgreSQL 15 server (libpq); the tests start one of their own.
    libpq-dev postgresql-15
    # A page's digest is OpenSSL's SHA-256.
    libssl-dev
    # The fuzz targets are built with clang's libFuzzer (scripts/fuzz.sh); a test holds the
    # library's write lock from a Python script, as another program would.
    clang libclang-rt-14-dev python3
    fonts-noto-cjk
    # The man page is written from the program's --help by help2man and checked with groff; the
    # installation test validates the desktop entry and the AppStream metainfo; cpack -G DEB
    # finds the package's dependencies with dpkg-shlibdeps (dpkg-dev), its binaries with file.
    help2man groff-base desktop-file-utils appstream dpkg-dev file
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
