#!/usr/bin/env bash
# Throughput, by the speed protocol in ../shared/DECISIONS.md: release build, whole-command
# wall time, median of RUNS, back to back with the libxml2 parse floor
# (../shared/eval/parse_floor.c) in the same run.
#
#   scripts/bench.sh [RUNS] [--no-arena] [--warc RECORDS] [--peers PYTHON]
#
# 1. The 181 ScrapingHub pages, uncompressed on disk: the parse floor, then winnow clean on one
#    core and on all cores (runs interleaved): pages/s, MB/s of HTML, the parallel speed-up, peak RSS.
#    Interleaved with those, a ceiling for threading: one `--jobs 1` process per core, all at
#    once, each over every page. Separate processes share nothing but the machine (its cores,
#    which on a virtual machine may be shared or slowed by a neighbour, its caches and memory
#    bandwidth), so their combined speed-up is the most threads could give Winnow's per-page
#    work on this host; `--jobs N` is reported against it. The parse floor is run the same
#    way, one process per core at once, for what the host gives a bare parse.
# 2. With --warc RECORDS: a gzip-per-record WARC of about RECORDS records (half of them pages)
#    written by warcio from the sample pages (scripts/make-test-warc.py), through winnow clean
#    on one core and on all cores, with peak RSS: memory must not grow with the crawl.
# --no-arena adds rows with --no-arena (the system allocator instead of the libxml2 arena).
# 3. With --peers PYTHON (a Python with trafilatura and resiliparse, docs/benchmarks.md says how
#    to make one): ../shared/eval/peers/run_peers.py over the same pages right after, and
#    Winnow's one-job pages/s over each peer's. The peers are timed around their extraction calls
#    only, after a warm-up pass; Winnow by its whole command (start-up, reading, JSON writing),
#    before the peers and again right after them (the host's speed moves between the two).
#
# For a repeatable figure, count instructions instead:
#   objcopy --strip-debug .build/release/winnow /tmp/winnow-nodebug   # valgrind 3.19 cannot read DWARF 5
#   valgrind --tool=callgrind /tmp/winnow-nodebug clean -q PAGES -o /dev/null --allow-rejects
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
no_arena=""
warc_records=""
peers_python=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-arena) no_arena=1; shift ;;
    --warc) warc_records="$2"; shift 2 ;;
    --peers) peers_python="$2"; shift 2 ;;
    *) runs="$1"; shift ;;
  esac
done
eval_dir=../shared/eval
[ -d "$eval_dir/scrapinghub/html" ] || { echo "bench: $eval_dir/scrapinghub is absent" >&2; exit 2; }
cores=$(nproc)

scripts/build-release.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages"
for page in "$eval_dir"/scrapinghub/html/*.html.gz; do
  gunzip -c "$page" > "$work/pages/$(basename "$page" .gz)"
done
count=$(ls "$work/pages" | wc -l)
bytes=$(cat "$work/pages"/* | wc -c)

gcc -O2 -o "$work/parse_floor" "$eval_dir/parse_floor.c" $(pkg-config --cflags --libs libxml-2.0) -lz
echo "== libxml2 parse floor (in-process timing, pages preloaded)"
floor_total() { awk '/^parse\+free/ {for (i = 1; i <= NF; i++) if ($i == "total") print $(i + 1)}'; }
# Printed from a variable: `tee /dev/stderr` reopens a redirected log file at its start.
floor_out=$("$work/parse_floor" --reps 5 --parse-only "$work/pages")
printf '%s\n' "$floor_out"
floor_ms=$(printf '%s\n' "$floor_out" | floor_total)
if [ "$cores" -gt 1 ]; then
  # The same floor, one process per core at once: the slowest one's total sets the pace.
  for core in $(seq "$cores"); do "$work/parse_floor" --reps 5 --parse-only "$work/pages" | floor_total > "$work/floor.$core" & done
  wait
  floor_slowest=$(cat "$work"/floor.* | sort -n | tail -n 1)
  awk -v c="$cores" -v one="$floor_ms" -v all="$floor_slowest" 'BEGIN {
    printf "%d floor processes at once: slowest total %.1f ms, speed-up of separate processes %.2fx\n", c, all, c * one / all }'
fi

# One timed run of winnow clean: "seconds peak-kilobytes".
time_once() {  # INPUT OPTIONS...
  local input=$1; shift
  /usr/bin/time -f "%e %M" .build/release/winnow clean -q --allow-rejects "$@" "$input" -o "$work/out.jsonl" 2>&1 >/dev/null | tail -n 1
}
# The median seconds and the largest peak of "seconds peak" lines (lines of seconds alone: 0).
summarize() {
  sort -n | awk '{t[NR]=$1; if ($2 > m) m = $2} END {print (NR % 2 ? t[(NR+1)/2] : (t[NR/2] + t[NR/2+1]) / 2), m}'
}
report() {  # LABEL SECONDS PEAK-KB PAGES BYTES [ONE-CORE-SECONDS]
  awk -v l="$1" -v t="$2" -v m="$3" -v n="$4" -v b="$5" -v one="${6:-}" -v f="$floor_ms" 'BEGIN {
    printf "%-26s %6.2f s  %5.0f pages/s  %6.1f MB/s  peak %4.0f MB", l, t, n / t, b / t / 1e6, m / 1024
    if (one != "") printf "  speed-up %.2fx", one / t
    if (f != "" && n == '"$count"') printf "  %.2fx the parse floor", t * 1000 / f
    printf "\n" }'
}
rows=("")
[ -n "$no_arena" ] && rows+=("--no-arena")
# One core and all cores for each row of options, their runs interleaved (one job, all jobs,
# one job, ...) so that a change in the host's speed during the run weighs on both alike.
bench_input() {  # INPUT PAGES BYTES
  for row in "${rows[@]}"; do
    : > "$work/one.times"
    : > "$work/all.times"
    : > "$work/ceiling.times"
    for _ in $(seq "$runs"); do
      time_once "$1" --jobs 1 $row >> "$work/one.times"
      time_once "$1" --jobs "$cores" $row >> "$work/all.times"
      [ -z "$row" ] && [ "$cores" -gt 1 ] && ceiling_once "$1" >> "$work/ceiling.times"
    done
    read -r one one_peak < <(summarize < "$work/one.times")
    read -r all all_peak < <(summarize < "$work/all.times")
    [ -z "$row" ] && default_one=$one
    report "--jobs 1 $row" "$one" "$one_peak" "$2" "$3"
    report "--jobs $cores $row" "$all" "$all_peak" "$2" "$3" "$one"
    if [ -z "$row" ] && [ -s "$work/ceiling.times" ]; then
      read -r ceiling _ < <(summarize < "$work/ceiling.times")
      awk -v c="$cores" -v one="$one" -v all="$all" -v t="$ceiling" -v n="$2" 'BEGIN {
        printf "%-26s %6.2f s  %5.0f pages/s  speed-up of separate processes %.2fx; --jobs %d reaches %.0f%% of it\n",
          c " x --jobs 1 at once", t, c * n / t, c * one / t, c, 100 * (one / all) / (c * one / t) }'
    fi
  done
}
# One process per core at once, each over every page, each to its own file: the wall time of
# the slowest, in seconds.
ceiling_once() {  # INPUT
  local core
  for core in $(seq "$cores"); do
    /usr/bin/time -f "%e" .build/release/winnow clean -q --allow-rejects --jobs 1 "$1" -o "$work/ceiling.$core.jsonl" 2> "$work/ceiling.$core.time" >/dev/null &
  done
  wait
  for core in $(seq "$cores"); do tail -n 1 "$work/ceiling.$core.time"; done | sort -n | tail -n 1
}
echo "== winnow clean, $count ScrapingHub pages ($((bytes / 1000000)) MB), whole command, median of $runs; $cores cores"
bench_input "$work/pages" "$count" "$bytes"
scrapinghub_one=$default_one

if [ -n "$peers_python" ]; then
  echo "== peers on the same $count pages, right after (run_peers.py: extraction calls only, after a warm-up pass)"
  "$peers_python" "$eval_dir/peers/run_peers.py" --pages "$work/pages" --out "$work/peers" \
    --tools trafilatura,trafilatura-fast,resiliparse >/dev/null 2>&1
  # The host's speed moves from minute to minute: Winnow's one job is timed again right after
  # the peers, so that each ratio is given against a measure on either side of theirs.
  : > "$work/after.times"
  for _ in $(seq "$runs"); do time_once "$work/pages" --jobs 1 >> "$work/after.times"; done
  read -r scrapinghub_after _ < <(summarize < "$work/after.times")
  echo "winnow --jobs 1 again right after the peers: $scrapinghub_after s (before them: $scrapinghub_one s)"
  for tool in trafilatura trafilatura-fast resiliparse; do
    python3 -c 'import json, sys
s = json.load(open(sys.argv[1])); before = int(sys.argv[2]) / float(sys.argv[3]); after = int(sys.argv[2]) / float(sys.argv[4])
print("%-18s %s  median %6.2f ms/page  %6.1f pages/s   winnow --jobs 1: %.1f pages/s before, %.1f after: %.2fx, %.2fx" % (
    s["tool"], s["version"], s["median_ms"], s["pages_per_s"], before, after, before / s["pages_per_s"], after / s["pages_per_s"]))' \
      "$work/peers/$tool.summary.json" "$count" "$scrapinghub_one" "$scrapinghub_after"
  done
fi

if [ -n "$warc_records" ]; then
  .venv-tools/bin/python scripts/make-test-warc.py "$work/crawl.warc.gz" "$work/crawl.json" samples/*.html --records "$warc_records"
  warc_pages=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["pages"]))' "$work/crawl.json")
  warc_bytes=$(stat -c %s "$work/crawl.warc.gz")
  echo "== winnow clean, generated WARC: $warc_pages pages in about $warc_records records ($((warc_bytes / 1000000)) MB gzip), median of $runs"
  bench_input "$work/crawl.warc.gz" "$warc_pages" "$warc_bytes"
fi
