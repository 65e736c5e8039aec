#!/usr/bin/env bash
# Scores Winnow on the ScrapingHub article-extraction benchmark (181 pages) with the shared
# scorer, prints F1/precision/recall/accuracy and the worst pages, and fails below --floor.
#
#   scripts/eval-scrapinghub.sh [--binary PATH] [--floor F1] [--worst N]
#
# Default binary: a release build (built if missing). Needs ../shared/eval and python3.
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
[ -d "$eval_dir/scrapinghub" ] || { echo "eval: $eval_dir/scrapinghub is absent" >&2; exit 2; }
if [ -z "$binary" ]; then
  scripts/build-release.sh >/dev/null
  binary=.build/release/winnow
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Rejected pages count as empty predictions, so the run may exit 1; the scorer decides.
"$binary" clean --allow-rejects "$eval_dir/scrapinghub/html" -o "$out/records.jsonl"
cat "$out/records.jsonl.rejects.jsonl" >> "$out/records.jsonl"

python3 "$eval_dir/score_articles.py" "$eval_dir/scrapinghub/ground-truth.json" "$out/records.jsonl" --per-doc > "$out/scores.txt"
head -n 1 "$out/scores.txt"
echo "worst pages (id, precision, recall, f1):"
sed -n "3,$((2 + worst))p" "$out/scores.txt" | sed 's/^/  /'

if [ -n "$floor" ]; then
  f1=$(python3 "$eval_dir/score_articles.py" "$eval_dir/scrapinghub/ground-truth.json" "$out/records.jsonl" --json \
       | python3 -c 'import json,sys; print(json.load(sys.stdin)["f1"])')
  if python3 -c "import sys; sys.exit(0 if float('$f1') >= float('$floor') else 1)"; then
    echo "eval: F1 $f1 >= floor $floor"
  else
    echo "eval: F1 $f1 is below the floor $floor" >&2
    exit 1
  fi
fi
