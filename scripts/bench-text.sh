#!/usr/bin/env bash
# Throughput of the text route on one core: the 181 flattened ScrapingHub pages
# (../shared/eval/scrapinghub-text) copied COPIES times (default 10, so process start-up and
# rule loading weigh little), release build, whole-command wall time, median of RUNS, with
# the name stage on (the default) and off.
#
# Then the steady rate, start-up left out: each run also cleans twice as many copies, and the
# extra pages divided by the extra time is the rate of a long crawl (median over the runs of
# that difference, the two sizes run back to back so that both see the same machine).
#
#   scripts/bench-text.sh [RUNS] [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
copies=${2:-10}
pages_dir=../shared/eval/scrapinghub-text/pages
[ -d "$pages_dir" ] || { echo "bench: $pages_dir is absent" >&2; exit 2; }
scripts/build-release.sh >/dev/null
work=$(mktemp -d)
double="$work.double"
trap 'rm -rf "$work" "$double"' EXIT
for copy in $(seq "$copies"); do
  for page in "$pages_dir"/*.txt; do cp "$page" "$work/$copy-$(basename "$page")"; done
done
mkdir "$double"
for copy in $(seq $((2 * copies))); do
  for page in "$pages_dir"/*.txt; do cp "$page" "$double/$copy-$(basename "$page")"; done
done
count=$(ls "$work" | wc -l)
bytes=$(cat "$work"/*.txt | wc -c)
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
measure() {
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e" .build/release/winnow clean -q --jobs 1 --allow-rejects "$@" "$work" -o /dev/null 2>&1 >/dev/null | tail -n 1
  done | median
}
with_names=$(measure)
without_names=$(measure --no-names)
echo "== winnow clean, text route, $count pages ($((bytes / 1000000)) MB), one job, whole command, median of $runs"
awk -v t="$with_names" -v n="$count" -v b="$bytes" 'BEGIN {printf "names on:  %.2f s  %.0f pages/s  %.2f ms/page  %.1f MB/s\n", t, n / t, 1000 * t / n, b / t / 1e6}'
awk -v t="$without_names" -v n="$count" -v b="$bytes" 'BEGIN {printf "--no-names: %.2f s  %.0f pages/s  %.2f ms/page  %.1f MB/s\n", t, n / t, 1000 * t / n, b / t / 1e6}'
extra() {
  for _ in $(seq "$runs"); do
    one=$(/usr/bin/time -f "%e" .build/release/winnow clean -q --jobs 1 --allow-rejects "$@" "$work" -o /dev/null 2>&1 >/dev/null | tail -n 1)
    two=$(/usr/bin/time -f "%e" .build/release/winnow clean -q --jobs 1 --allow-rejects "$@" "$double" -o /dev/null 2>&1 >/dev/null | tail -n 1)
    awk -v a="$one" -v b="$two" 'BEGIN {print b - a}'
  done | median
}
steady_names=$(extra)
steady_without=$(extra --no-names)
echo "== steady rate: the $count extra pages of a $((2 * count))-page run over their extra time, median of $runs"
awk -v t="$steady_names" -v n="$count" 'BEGIN {printf "names on:  %.0f pages/s  %.2f ms/page\n", n / t, 1000 * t / n}'
awk -v t="$steady_without" -v n="$count" 'BEGIN {printf "--no-names: %.0f pages/s  %.2f ms/page\n", n / t, 1000 * t / n}'
