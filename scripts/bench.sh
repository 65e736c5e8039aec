#!/usr/bin/env bash
# Throughput on the 181 ScrapingHub pages, by the speed protocol in ../shared/DECISIONS.md:
# pages uncompressed on disk, release build, whole-command wall time, one job (and --jobs 2),
# median of RUNS, back to back with the libxml2 parse floor (../shared/eval/parse_floor.c).
#
#   scripts/bench.sh [RUNS]        (default 7)
#
# For a repeatable figure, count instructions instead:
#   objcopy --strip-debug .build/release/winnow /tmp/winnow-nodebug   # valgrind 3.19 cannot read DWARF 5
#   valgrind --tool=callgrind /tmp/winnow-nodebug clean -q PAGES -o /dev/null --allow-rejects
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
eval_dir=../shared/eval
[ -d "$eval_dir/scrapinghub/html" ] || { echo "bench: $eval_dir/scrapinghub is absent" >&2; exit 2; }

swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages"
for page in "$eval_dir"/scrapinghub/html/*.html.gz; do
  gunzip -c "$page" > "$work/pages/$(basename "$page" .gz)"
done
count=$(ls "$work/pages" | wc -l)

gcc -O2 -o "$work/parse_floor" "$eval_dir/parse_floor.c" $(pkg-config --cflags --libs libxml-2.0) -lz
echo "== libxml2 parse floor (in-process timing, pages preloaded)"
"$work/parse_floor" --reps 5 "$work/pages"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
measure() {
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e" .build/release/winnow clean -q "$@" "$work/pages" -o "$work/out.jsonl" --allow-rejects 2>&1 >/dev/null | tail -n 1
  done | median
}
one=$(measure --jobs 1)
two=$(measure --jobs 2)
echo "== winnow clean, $count pages, whole command wall time, median of $runs"
awk -v t="$one" -v n="$count" 'BEGIN {printf "--jobs 1: %.2f s  %.0f pages/s  %.2f ms/page\n", t, n / t, 1000 * t / n}'
awk -v t="$two" -v n="$count" 'BEGIN {printf "--jobs 2: %.2f s  %.0f pages/s  %.2f ms/page\n", t, n / t, 1000 * t / n}'
