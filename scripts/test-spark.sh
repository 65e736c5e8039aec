#!/usr/bin/env bash
# Runs examples/spark/winnow_spark.py in Spark's local mode and checks that its records equal
# those of a plain `winnow clean` of the same input, for JSON Lines and for WARC input.
# Needs Java (17 here) and PyPI: PySpark goes into .venv-spark, warcio into .venv-tools.
#
#   scripts/test-spark.sh [WINNOW_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
winnow=${1:-.build/release/winnow}
[ -x "$winnow" ] || scripts/build-release.sh >/dev/null
winnow=$(cd "$(dirname "$winnow")" && pwd)/$(basename "$winnow")
[ -x .venv-spark/bin/python ] || python3 -m venv .venv-spark
.venv-spark/bin/python -c "import pyspark" 2>/dev/null || .venv-spark/bin/pip install --quiet pyspark
[ -x .venv-tools/bin/python ] || python3 -m venv .venv-tools
.venv-tools/bin/python -c "import warcio" 2>/dev/null || .venv-tools/bin/pip install --quiet warcio brotli

work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT; echo "work: $work"
mkdir -p "$work/jsonl" "$work/warc"
# JSON Lines input: the sample pages, many times over, with ids, in two files.
python3 - "$work/jsonl" samples/*.html <<'PY'
import json, os, sys
folder, pages = sys.argv[1], sys.argv[2:]
for part in range(2):
    with open(os.path.join(folder, f"part-{part}.jsonl"), "w") as out:
        for copy in range(10):
            for page in pages:
                name = os.path.basename(page)
                out.write(json.dumps({"id": f"{part}-{copy}-{name}", "url": f"https://pages.example/{copy}/{name}",
                                      "html": open(page, encoding="utf-8", errors="replace").read()}) + "\n")
PY
.venv-tools/bin/python scripts/make-test-warc.py "$work/warc/a.warc.gz" "$work/a.json" samples/*.html --records 60
.venv-tools/bin/python scripts/make-test-warc.py "$work/warc/b.warc.gz" "$work/b.json" samples/*.html --records 30

status=0
for kind in jsonl warc; do
  "$winnow" clean -q --allow-rejects --no-progress --jobs 1 --rules "$PWD/config" --names "$PWD/config" "$work/$kind" | sort > "$work/plain-$kind.jsonl"
  PYSPARK_PYTHON=$PWD/.venv-spark/bin/python .venv-spark/bin/python examples/spark/winnow_spark.py \
      --winnow "$winnow" --config "$PWD/config" --partitions 3 "$work/$kind" "$work/spark-$kind" 2> "$work/spark-$kind.log" \
    || { cat "$work/spark-$kind.log"; exit 1; }
  cat "$work/spark-$kind"/part-* | sort > "$work/spark-$kind.jsonl"
  records=$(wc -l < "$work/plain-$kind.jsonl")
  if cmp -s "$work/plain-$kind.jsonl" "$work/spark-$kind.jsonl"; then
    echo "spark: $kind: $records records, identical to winnow clean"
  else
    echo "spark: $kind: records differ from winnow clean ($records plain, $(wc -l < "$work/spark-$kind.jsonl") spark)"
    status=1
  fi
done
exit $status
