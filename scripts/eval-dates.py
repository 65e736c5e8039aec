#!/usr/bin/env python3
"""Publication dates on Mozilla Readability's test pages that give one (`publishedTime` in
expected-metadata.json), Winnow beside htmldate and trafilatura on the same pages.

A date counts as right when its calendar day (the first ten characters, as the page writes it)
equals the expected one. Pages are read in place from ../shared/eval/readability.

    scripts/eval-dates.py [--binary .build/release/winnow] [--peers VENV_PYTHON] [--misses]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = os.path.join(ROOT, "..", "shared", "eval", "readability", "pages")

PEER_SCRIPT = r'''
import json, sys, warnings
warnings.filterwarnings("ignore")
import logging
logging.disable(logging.CRITICAL)
from htmldate import find_date
import trafilatura
out = {}
for case, path in json.load(open(sys.argv[1])).items():
    html = open(path, encoding="utf-8", errors="replace").read()
    row = {}
    try:
        row["htmldate"] = find_date(html, original_date=True, outputformat="%Y-%m-%d")
    except Exception as error:
        row["htmldate"] = None
    try:
        row["htmldate-fast"] = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:
        row["htmldate-fast"] = None
    try:
        metadata = trafilatura.extract_metadata(html)
        row["trafilatura"] = metadata.date if metadata else None
    except Exception:
        row["trafilatura"] = None
    out[case] = row
print(json.dumps(out))
'''


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "winnow"))
    parser.add_argument("--peers")
    parser.add_argument("--misses", action="store_true", help="list each tool's wrong dates")
    args = parser.parse_args()
    if not os.path.isdir(PAGES):
        sys.exit("eval-dates: ../shared/eval/readability is absent")

    expected, paths = {}, {}
    for case in sorted(os.listdir(PAGES)):
        meta_path = os.path.join(PAGES, case, "expected-metadata.json")
        source = os.path.join(PAGES, case, "source.html")
        if not (os.path.isfile(meta_path) and os.path.isfile(source)):
            continue
        published = json.load(open(meta_path, encoding="utf-8")).get("publishedTime")
        if published:
            expected[case] = published[:10]
            paths[case] = source

    work = tempfile.mkdtemp(prefix="winnow-dates-")
    for case, path in paths.items():
        os.symlink(os.path.abspath(path), os.path.join(work, case + ".html"))
    run = subprocess.run([args.binary, "clean", "-q", "--allow-rejects", "--no-blocks", work],
                         capture_output=True, text=True, check=False)
    answers = {case: {} for case in expected}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        case = record["id"].rsplit(".", 1)[0]
        if case in answers:
            answers[case]["Winnow"] = (record.get("published") or "")[:10] or None
            answers[case]["Winnow source"] = record.get("published_from")

    tools = ["Winnow"]
    if args.peers:
        listing = os.path.join(work, "pages.json")
        json.dump(paths, open(listing, "w"))
        peers = json.loads(subprocess.run([args.peers, "-c", PEER_SCRIPT, listing], capture_output=True, text=True,
                                          check=True).stdout)
        for case, row in peers.items():
            answers[case].update(row)
        tools += ["htmldate", "htmldate-fast", "trafilatura"]

    print(f"Readability test pages with a publishedTime: {len(expected)}")
    print("| tool | right | wrong | none |")
    print("|---|---|---|---|")
    for tool in tools:
        right = sum(1 for case in expected if answers[case].get(tool) == expected[case])
        none = sum(1 for case in expected if not answers[case].get(tool))
        print(f"| {tool} | {right}/{len(expected)} | {len(expected) - right - none} | {none} |")
    if args.misses:
        for tool in tools:
            for case in expected:
                got = answers[case].get(tool)
                if got != expected[case]:
                    extra = f" ({answers[case].get('Winnow source')})" if tool == "Winnow" else ""
                    print(f"  {tool}: {case}: expected {expected[case]}, got {got}{extra}", file=sys.stderr)


if __name__ == "__main__":
    main()
