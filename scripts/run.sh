#!/usr/bin/env bash
# One command to try Bulletin Reader on a fresh Debian 12 machine: install what is missing, build,
# and open the reader; an empty library gets the bundled seed pages at once. Extra arguments are
# passed to the program instead (for example: scripts/run.sh segment seeds/001_1f928a1e1901fd81.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
program=build/app/bulletin-reader
if [ $# -gt 0 ]; then
    exec "$program" "$@"
fi
exec "$program"
