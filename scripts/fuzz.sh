#!/usr/bin/env bash
# Builds a libFuzzer target (Fuzz/NAMETarget.swift) under AddressSanitizer and runs it for
# SECONDS over a seed corpus made from samples/ (and a WARC written by warcio).
#
#   scripts/fuzz.sh TARGET [SECONDS]
#
# WinnowIO targets (WARCReader, JSONLines, GzipReader) are compiled with the WinnowIO sources.
# Winnow targets (CharsetSniff, HTMLExtract, CSSSelector, DateParser) link the Winnow modules,
# built once by SwiftPM into .build/fuzzbuild with ASan and libFuzzer's coverage counters (the
# build-time vocabulary tool is linked with ASan only: -sanitize=fuzzer would give it a second main).
# Crashes land in .build/fuzz/TARGET/crashes/; keep each one in Fuzz/regressions/TARGET/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS]}
seconds=${2:-60}
work=.build/fuzz/$target
mkdir -p "$work/corpus" "$work/crashes"
case "$target" in
  WARCReader|JSONLines|GzipReader)
    sources=$(find Sources/WinnowIO -name '*.swift')
    swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name WinnowIO \
      -I Sources/CZlib -I Sources/CBrotli -I Sources/CCrypto \
      $sources "Fuzz/${target}Target.swift" -lz -lbrotlidec -lcrypto -o "$work/fuzz-$target"
    ;;
  CharsetSniff|HTMLExtract|CSSSelector|DateParser)
    build=.build/fuzzbuild
    swift build --build-path "$build" -c release --target Winnow \
      -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,trace-cmp,pc-table \
      -Xcc -fsanitize=address -Xcc -fsanitize-coverage=inline-8bit-counters,trace-cmp,pc-table >/dev/null
    objects=$(find -L "$build/release" -name '*.o' \( -path '*/Winnow.build/*' -o -path '*/WinnowHTML.build/*' -o -path '*/WinnowIO.build/*' \
      -o -path '*/Yams.build/*' -o -path '*/CYaml.build/*' -o -path '*/CICUConvert.build/*' -o -path '*/CLibXML2Arena.build/*' \))
    maps=$(find -L "$build/release" -name module.modulemap \( -path '*/Winnow*' -o -path '*/Yams*' -o -path '*/CICUConvert*' \) \
      | grep -v Tests | sed 's/^/-Xcc -fmodule-map-file=/')
    swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name FuzzTarget \
      -I "$build/release/Modules" -I "$build/release" -I Sources/CLibXML2 -I Sources/CZlib -I Sources/CBrotli -I Sources/CCrypto \
      -I "$build/checkouts/Yams/Sources/CYaml/include" -I Sources/CICUConvert/include -Xcc -I/usr/include/libxml2 $maps \
      "Fuzz/${target}Target.swift" $objects -lxml2 -licuuc -lz -lbrotlidec -lcrypto -o "$work/fuzz-$target"
    ;;
  *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
esac
# Seeds: the sample pages and seed texts, a small WARC when warcio is at hand, and per target
# a few inputs of its own language.
cp samples/*.html "$work/corpus/" 2>/dev/null || true
cp ../shared/seeds/*.txt "$work/corpus/" 2>/dev/null || true
if [ -x .venv-tools/bin/python ] && [ ! -f "$work/corpus/seed.warc.gz" ]; then
  .venv-tools/bin/python scripts/make-test-warc.py "$work/corpus/seed.warc.gz" /dev/null samples/*.html >/dev/null 2>&1 || true
  [ -f "$work/corpus/seed.warc.gz" ] && gunzip -c "$work/corpus/seed.warc.gz" > "$work/corpus/seed.warc"
fi
case "$target" in
  CSSSelector) printf '%s\n' 'div.x > p' '#a .p a[href^="/"]' 'ul li:nth-child(2n+1)' 'section[data-k="v"] h2 + span' 'p:not(.q), li:first-child' \
                 | split -l 1 - "$work/corpus/selector-" ;;
  DateParser) printf '%s\n' 'June 22, 2021' 'on Monday' 'Jun 24, 2021 02:39 AM' '2021-06-22T10:00:00+02:00' 'в понедельник 21 июня 2021 года' \
                'from Tuesday to Thursday' 'in June last year' '22.06.2021' | split -l 1 - "$work/corpus/date-" ;;
esac
# Inputs up to 64 KiB for the readers; 4 KiB for the Winnow targets, whose every input runs a
# whole stage (ICU converters, libxml2, the pipeline) and would otherwise crawl (MAX_LEN overrides).
case "$target" in WARCReader|JSONLines|GzipReader) max_len=${MAX_LEN:-65536} ;; *) max_len=${MAX_LEN:-4096} ;; esac
"$work/fuzz-$target" "$work/corpus" -max_total_time="$seconds" -max_len="$max_len" -artifact_prefix="$work/crashes/" \
  -print_final_stats=1 2>&1 | tail -n 40
