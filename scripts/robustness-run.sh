#!/usr/bin/env bash
# The long runs behind the test suite's short ones (issue 14), each printing its figures:
#   kills     the program's import killed with SIGKILL KILLS times (tst_crash)
#   faults    the Nth write, sync and lock failed for every N an import, an edit and a
#             migration reach (tst_faults)
#   fuzz      libFuzzer on the decoder, the splitter and the query parser for FUZZ_SECONDS
#   sanitize  the whole test suite built with -DBR_SANITIZE=ON (ASan + UBSan) in build-asan/
# Usage: scripts/robustness-run.sh [kills|faults|fuzz|sanitize|all] (default all);
# KILLS (default 200) and FUZZ_SECONDS (default 3600) set the lengths.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
scripts/setup.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
# A long run is longer than Qt Test's five minutes for one test function.
export QTEST_FUNCTION_TIMEOUT=86400000

if [ "$what" = kills ] || [ "$what" = all ]; then
    BR_CRASH_KILLS=${KILLS:-200} build/tests/tst_crash 2>&1 | grep -E 'kills=|FAIL|Totals'
fi
if [ "$what" = faults ] || [ "$what" = all ]; then
    BR_FAULTS_EVERY=1 build/tests/tst_faults 2>&1 | grep -E 'fault_runs=|FAIL|Totals'
fi
if [ "$what" = fuzz ] || [ "$what" = all ]; then
    scripts/fuzz.sh "${FUZZ_SECONDS:-3600}"
fi
if [ "$what" = sanitize ] || [ "$what" = all ]; then
    if [ ! -f build-asan/build.ninja ]; then
        cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBR_SANITIZE=ON \
            -DBR_WERROR=ON
    fi
    cmake --build build-asan --parallel "$(nproc)"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan --output-on-failure --timeout 3600
fi
