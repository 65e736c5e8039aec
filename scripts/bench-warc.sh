#!/usr/bin/env bash
# WARC reading throughput, side by side with FastWARC on the same file.
#
#   scripts/bench-warc.sh PEERS_PYTHON [RECORDS] [RUNS]
#
# Writes a gzip-per-record WARC of about RECORDS records (default 20000) with warcio from the
# sample pages (scripts/make-test-warc.py), then times, median of RUNS (default 5), whole
# commands on a release build:
#   - winnow list --count           read records, parse HTTP heads, de-chunk (decode-only input)
#   - winnow list --count --decode  the same plus the decode stage (content encoding, charset, UTF-8)
#   - winnow clean --jobs 1/2       the whole pipeline
#   - FastWARC                      ArchiveIterator(parse_http=True), every record's payload read
#                                   (no de-chunking or content decoding: its auto_decode stopped early here)
# MB/s are over the file as stored (compressed), as FastWARC's own benchmarks count.
# PEERS_PYTHON needs fastwarc; .venv-tools (warcio) is made by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
peers=${1:?usage: scripts/bench-warc.sh PEERS_PYTHON [RECORDS] [RUNS]}
records=${2:-20000}
runs=${3:-5}

scripts/build-release.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv-tools/bin/python scripts/make-test-warc.py "$work/bench.warc.gz" "$work/manifest.json" samples/*.html --records "$records"
bytes=$(stat -c %s "$work/bench.warc.gz")
cat > "$work/fastwarc_read.py" <<'PY'
import sys
from fastwarc import ArchiveIterator
count = payload = 0
# FastWARC 2: a path opens a buffered local stream; gzip is detected from the content.
for record in ArchiveIterator(sys.argv[1], parse_http=True, fsspec_args=False):
    payload += len(record.reader.read())
    count += 1
print(count, payload, file=sys.stderr)
PY

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
time_runs() {
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -n 1
  done | median
}
report() {
  awk -v name="$1" -v t="$2" -v b="$bytes" 'BEGIN {printf "%-34s %6.2f s  %7.1f MB/s\n", name, t, b / 1e6 / t}'
}
echo "== $(basename "$work/bench.warc.gz"): $(python3 -c "import json;m=json.load(open('$work/manifest.json'));print(m['records'],'records,',len(m['pages']),'pages')"), $((bytes / 1000000)) MB gzip; median of $runs"
report "FastWARC (read all payloads)" "$(time_runs "$peers" "$work/fastwarc_read.py" "$work/bench.warc.gz")"
report "winnow list --count" "$(time_runs .build/release/winnow list --count "$work/bench.warc.gz")"
report "winnow list --count --decode" "$(time_runs .build/release/winnow list --count --decode "$work/bench.warc.gz")"
report "winnow clean --jobs 1" "$(time_runs .build/release/winnow clean -q --no-blocks "$work/bench.warc.gz" -o "$work/out.jsonl")"
report "winnow clean --jobs 2" "$(time_runs .build/release/winnow clean -q --no-blocks --jobs 2 "$work/bench.warc.gz" -o "$work/out.jsonl")"
