#!/usr/bin/env bash
# Scores Winnow's text route on the ScrapingHub pages flattened to text
# (../shared/eval/scrapinghub-text): once as .txt files and, when a Python with warcio is at
# hand (.venv-tools, made by .ci/run), once as a WET file written by warcio with each page's
# URL. Prints F1/precision/recall for each and the worst pages of the .txt run; fails when
# either F1 is below --floor.
#
#   scripts/eval-scrapinghub-text.sh [--binary PATH] [--floor F1] [--worst N]
set -euo pipefail
cd "$(dirname "$0")/.."

binary=""
floor=""
worst=10
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --floor) floor="$2"; shift 2 ;;
    --worst) worst="$2"; shift 2 ;;
    *) echo "usage: $0 [--binary PATH] [--floor F1] [--worst N]" >&2; exit 2 ;;
  esac
done

eval_dir=../shared/eval
[ -d "$eval_dir/scrapinghub-text/pages" ] || { echo "eval: $eval_dir/scrapinghub-text is absent" >&2; exit 2; }
if [ -z "$binary" ]; then
  scripts/build-release.sh >/dev/null
  binary=.build/release/winnow
fi
truth="$eval_dir/scrapinghub/ground-truth.json"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

score() {  # NAME RECORDS
  python3 "$eval_dir/score_articles.py" "$truth" "$2" --json | python3 -c '
import json, sys
s = json.load(sys.stdin)
print("%s: F1 %.3f  precision %.3f  recall %.3f" % (sys.argv[1], s["f1"], s["precision"], s["recall"]))
print(s["f1"], file=open(sys.argv[2], "w"))' "$1" "$out/$1.f1"
}

# Rejected pages count as empty predictions: the scorer decides.
"$binary" clean -q --allow-rejects "$eval_dir/scrapinghub-text/pages" -o "$out/txt.jsonl"
cat "$out/txt.jsonl.rejects.jsonl" >> "$out/txt.jsonl"
score txt "$out/txt.jsonl"
runs="txt"

python=""
for candidate in .venv-tools/bin/python python3; do
  if "$candidate" -c 'import warcio' 2>/dev/null; then python=$candidate; break; fi
done
if [ -n "$python" ]; then
  "$python" scripts/make-test-wet.py "$out/pages.warc.wet.gz" "$out/manifest.json" "$eval_dir"/scrapinghub-text/pages/*.txt --urls "$truth"
  "$binary" clean -q --allow-rejects "$out/pages.warc.wet.gz" -o "$out/wet.jsonl"
  cat "$out/wet.jsonl.rejects.jsonl" >> "$out/wet.jsonl"
  score wet "$out/wet.jsonl"
  runs="txt wet"
else
  echo "eval: no Python with warcio; the WET run is skipped" >&2
fi

echo "worst pages of the .txt run (id, precision, recall, f1):"
python3 "$eval_dir/score_articles.py" "$truth" "$out/txt.jsonl" --per-doc | sed -n "3,$((2 + worst))p" | sed 's/^/  /'

if [ -n "$floor" ]; then
  for run in $runs; do
    f1=$(cat "$out/$run.f1")
    if python3 -c "import sys; sys.exit(0 if float('$f1') >= float('$floor') else 1)"; then
      echo "eval: $run F1 $f1 >= floor $floor"
    else
      echo "eval: $run F1 $f1 is below the floor $floor" >&2
      exit 1
    fi
  done
fi
