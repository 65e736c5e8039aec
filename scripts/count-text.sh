#!/usr/bin/env bash
# Instructions the text route spends, in all and stage by stage: the repeatable figure behind
# the budgets in docs/benchmarks.md (wall time on this host moves by tens of percent; these
# counts do not). Runs the release build under callgrind over the 181 flattened ScrapingHub
# pages (../shared/eval/scrapinghub-text), one job, from the project folder (so `config/` is
# read: from elsewhere the name and site files are missing and the counts mean something else),
# with Swift's hashing seeded the same on every run.
#
#   scripts/count-text.sh [PAGES_FOLDER]
#
# Per page is the stage's inclusive count divided by the pages. One-off costs fall inside the
# stage that first needs them (ICU's first transliterator, about 38 million instructions, in
# the name stage; the date words' tables in dates), so compare runs on the same folder. Decode
# counts SHA-256 in libcrypto's portable code, since valgrind does not offer the CPU's SHA
# extensions: natively decode is under 2% of the text route's time.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-../shared/eval/scrapinghub-text/pages}
[ -d "$pages" ] || { echo "count-text: $pages is absent" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "count-text: valgrind is not installed (apt-get install -y valgrind)" >&2; exit 2; }
scripts/build-release.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 the toolchain writes: it counts a copy without it.
objcopy --strip-debug .build/release/winnow "$work/winnow"
count=$(find "$pages" -maxdepth 1 -type f | wc -l)
SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
  "$work/winnow" clean -q --jobs 1 --allow-rejects "$pages" -o /dev/null 2>"$work/valgrind.log"
callgrind_annotate --inclusive=yes "$work/callgrind.out" >"$work/inclusive.txt"
python3 - "$work/inclusive.txt" "$count" <<'PY'
import re, sys
path, pages = sys.argv[1], int(sys.argv[2])
# Each stage by a piece of its entry point's mangled name (the Swift module is `Winnow`).
stages = [
    ("decode (read, sniff, SHA-256)", "DecodePageV3run"),
    ("segment (lines, repairs)", "SegmentTextO5lines"),
    ("strip (signals, vocabularies, run)", "StripTextV3run"),
    ("  line signals", "LineSignalsV7measure"),
    ("  vocabularies", "StripTextV14vocabularyFate"),
    ("extract (metadata, blocks)", "ExtractTextV3run"),
    ("normalize (tokens, dates, names)", "NormalizeArticleV3run"),
    ("  tokens", "TextTokensVyACSScfC"),
    ("  dates", "FindDatesV4find2in"),
    ("  names", "AnnotateNamesV3run"),
    ("    candidates", "FindNameCandidatesV4find"),
    ("    transliteration", "TransliterateV5latin"),
    ("render (the record)", "RenderRecordV3run"),
    ("name files loaded (once)", "NameLoaderO4load"),
]
total = None
found = {}
for line in open(path):
    match = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)", line)
    if not match:
        continue
    value, name = int(match.group(1).replace(",", "")), match.group(2)
    if "PROGRAM TOTALS" in name:
        total = value
    for label, piece in stages:
        # The largest inclusive count for the piece is the entry point itself.
        if piece in name and value > found.get(label, 0):
            found[label] = value
print(f"text route under callgrind: {pages} pages, one job")
print(f"{'all':38s} {total:>15,d}   {total / pages:>12,.0f} a page")
for label, _ in stages:
    value = found.get(label, 0)
    print(f"{label:38s} {value:>15,d}   {value / pages:>12,.0f} a page")
PY
