#!/usr/bin/env bash
# One command for the whole test suite on a fresh Debian 12 machine: install what is missing,
# build, run every Qt Test suite (offscreen platform) through ctest, then fuzz the decoder, the
# splitter and the query parser for a minute (scripts/fuzz.sh; longer runs:
# scripts/robustness-run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure --timeout 900
scripts/fuzz.sh 60
