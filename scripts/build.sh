#!/usr/bin/env bash
# Configures (once) and builds into build/, warnings as errors. Incremental after the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBR_WERROR=ON
fi
cmake --build build --parallel "$(nproc)"
