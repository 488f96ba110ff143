#!/usr/bin/env bash
# Learns the line-role model the page splitter ships (resources/model/line_roles.tsv) from pages
# whose structure is known: pages set from the two months of People's Daily in ../shared/corpus by
# ../shared/tools/make_pages.py (every style, every encoding), and the project's own seed pages
# with their gold (tests/data/gold: by hand; tests/data/silver: the earlier rule engine's split,
# checked), also remixed; and pages of other layouts made from them (scripts/relayout_pages.py:
# no blank lines, no indents). The corpus and the pages made from it stay outside the project:
# they are built in a scratch folder and removed; only the learnt weights are kept.
#
# usage: scripts/train_line_model.sh [SHARED_DIR]      (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/build.sh >/dev/null

sets=()
# BR_TRAIN_MONTHS picks the months (to measure on a month the model has not seen).
for month in ${BR_TRAIN_MONTHS:-2019-02 2020-05}; do
    for seed in 1 5 9 13; do
        python3 "$shared/tools/make_pages.py" "$shared/corpus/rmrb-$month.jsonl.xz" \
            "$work/$month-$seed" --pages 440 --encodings --seed "$seed" >/dev/null
        sets+=("$work/$month-$seed")
        # The same pages with no blank lines at all (a paragraph to a line): a layout the
        # generator does not make and text exports often do.
        python3 scripts/relayout_pages.py squeeze "$work/$month-$seed" \
            "$work/$month-$seed-squeezed" --styles indent,seed >/dev/null
        # And the column-set pages without their indents (OCR drops them).
        python3 scripts/relayout_pages.py unindent "$work/$month-$seed" \
            "$work/$month-$seed-unindented" --styles dense >/dev/null
        sets+=("$work/$month-$seed-squeezed" "$work/$month-$seed-unindented")
    done
done
mkdir -p "$work/seeds"
cp seeds/*.txt tests/data/gold/*.json tests/data/silver/*.json "$work/seeds/"
python3 scripts/remix_seed_pages.py "$work/seeds" "$work/seeds" "$work/seedmix" --pages 80
# The project's own pages are few beside the corpus' hundreds: they are read several times.
for _ in $(seq 6); do sets+=("$work/seedmix"); done
for _ in $(seq 30); do sets+=("$work/seeds"); done

build/tools/train_line_roles resources/model/line_roles.tsv --epochs 15 "${sets[@]}"
