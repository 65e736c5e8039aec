#!/usr/bin/env bash
# Builds a libFuzzer target (Fuzz/NAMETarget.swift, compiled with the WinnowIO sources under
# AddressSanitizer) and runs it for SECONDS with a seed corpus made from samples/ and a WARC.
#
#   scripts/fuzz.sh WARCReader [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS]}
seconds=${2:-60}
work=.build/fuzz/$target
mkdir -p "$work/corpus" "$work/crashes"
sources=$(find Sources/WinnowIO -name '*.swift')
swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name WinnowIO \
  -I Sources/CZlib -I Sources/CBrotli -I Sources/CCrypto \
  $sources "Fuzz/${target}Target.swift" -lz -lbrotlidec -lcrypto -o "$work/fuzz-$target"
# Seeds: the sample pages, and a small WARC when warcio is at hand.
cp samples/*.html "$work/corpus/" 2>/dev/null || true
if [ -x .venv-tools/bin/python ] && [ ! -f "$work/corpus/seed.warc.gz" ]; then
  .venv-tools/bin/python scripts/make-test-warc.py "$work/corpus/seed.warc.gz" /dev/null samples/*.html >/dev/null 2>&1 || true
  [ -f "$work/corpus/seed.warc.gz" ] && gunzip -c "$work/corpus/seed.warc.gz" > "$work/corpus/seed.warc"
fi
"$work/fuzz-$target" "$work/corpus" -max_total_time="$seconds" -max_len=65536 -artifact_prefix="$work/crashes/" -print_final_stats=1
