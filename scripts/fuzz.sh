#!/usr/bin/env bash
# Fuzzes what reads untrusted bytes — the decoder, the page splitter with its analysis, the search
# query parser — with libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer.
#   scripts/fuzz.sh [SECONDS]   SECONDS in all, shared by the three targets (default 60; the test
#                               command runs this one minute; a long run: scripts/fuzz.sh 3600)
# Builds with clang into build-fuzz/; the corpus starts from the seeds, the test fixtures and
# tests/fuzz/queries.txt and grows in build-fuzz/corpus/. A crash leaves its input in
# build-fuzz/crash-* and fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-60}
each=$(( total / 3 > 0 ? total / 3 : 1 ))
if [ ! -f build-fuzz/build.ninja ]; then
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DBR_FUZZ=ON -DBR_WERROR=ON -DBR_BUILD_TESTS=OFF >/dev/null
fi
cmake --build build-fuzz --parallel "$(nproc)" --target fuzz_decoder fuzz_splitter fuzz_query

seeds=build-fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds/pages" "$seeds/queries"
cp seeds/*.txt tests/data/pages/*.txt "$seeds/pages/"
find tests/data/encodings tests/data/bad tests/data/html -type f -size -256k \
    -exec cp {} "$seeds/pages/" \;
n=0
while IFS= read -r query; do
    n=$((n + 1))
    printf '%s' "$query" > "$seeds/queries/q$n"
done < tests/fuzz/queries.txt

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for target in fuzz_decoder fuzz_splitter fuzz_query; do
    corpus=build-fuzz/corpus/$target
    mkdir -p "$corpus"
    input=$seeds/pages
    [ "$target" = fuzz_query ] && input=$seeds/queries
    log=build-fuzz/$target.log
    if ! QT_QPA_PLATFORM=offscreen build-fuzz/tests/fuzz/$target -max_total_time="$each" \
        -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix=build-fuzz/crash-$target- "$corpus" "$input" >"$log" 2>&1; then
        echo "$target: FAILED (see $log)" >&2
        tail -40 "$log" >&2
        status=1
        continue
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
    echo "fuzz target=$target seconds=$each inputs=$runs coverage=$cov crashes=0"
done
exit $status
