#!/usr/bin/env python3
"""Score Winnow (and optionally the peers) on Mozilla Readability's test pages.

    scripts/eval-readability.py [--binary PATH] [--peers PYTHON] [--keep DIR]

For each case in ../shared/eval/readability/pages/<case>/, the ground truth is the text of
expected.html (Readability's own output, flattened: one line per block element), Winnow reads
source.html, and ../shared/eval/score_articles.py scores the article text with the same
shingle metric as the ScrapingHub benchmark. Metadata is compared with expected-metadata.json:
title (exact after whitespace normalization), language (primary subtag), and publication date
(same calendar day), over the cases whose expected value is set.

--peers PYTHON runs ../shared/eval/peers/run_peers.py with that interpreter (a venv holding
trafilatura etc.) on the same source pages and scores them the same way.
"""
import argparse
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval")
PAGES = os.path.join(EVAL, "readability", "pages")
BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td", "th",
          "section", "article", "figcaption", "dd", "dt", "br", "table", "ul", "ol"}


class TextOf(html.parser.HTMLParser):
    """Text of an HTML fragment, a line break at each block boundary."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

    def text(self):
        lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


def text_of(path):
    parser = TextOf()
    with open(path, encoding="utf-8", errors="replace") as f:
        parser.feed(f.read())
    return parser.text()


def score(truth_file, predictions):
    out = subprocess.run([sys.executable, os.path.join(EVAL, "score_articles.py"), truth_file, predictions, "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "winnow"))
    ap.add_argument("--peers", help="python of a venv with the peers installed")
    ap.add_argument("--tools", default="trafilatura,trafilatura-precision,readability-lxml+html_text,resiliparse")
    ap.add_argument("--keep", help="keep the work folder here")
    args = ap.parse_args()
    if not os.path.isdir(PAGES):
        sys.exit(f"eval: {PAGES} is absent")
    work = args.keep or tempfile.mkdtemp(prefix="winnow-readability-")
    pages = os.path.join(work, "pages")
    os.makedirs(pages, exist_ok=True)
    truth, meta = {}, {}
    for case in sorted(os.listdir(PAGES)):
        folder = os.path.join(PAGES, case)
        if not os.path.isfile(os.path.join(folder, "source.html")):
            continue
        shutil.copy(os.path.join(folder, "source.html"), os.path.join(pages, case + ".html"))
        truth[case] = {"articleBody": text_of(os.path.join(folder, "expected.html"))}
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as f:
            meta[case] = json.load(f)
    truth_file = os.path.join(work, "truth.json")
    with open(truth_file, "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False)

    records = os.path.join(work, "winnow.jsonl")
    subprocess.run([args.binary, "clean", "-q", "--allow-rejects", pages, "-o", records], check=True)
    with open(records + ".rejects.jsonl", encoding="utf-8") as rejects, open(records, "a", encoding="utf-8") as out:
        out.write(rejects.read())
    rows = [("Winnow", score(truth_file, records))]

    if args.peers:
        peers_out = os.path.join(work, "peers")
        subprocess.run([args.peers, os.path.join(EVAL, "peers", "run_peers.py"), "--pages", pages, "--out", peers_out,
                        "--tools", args.tools], check=True, capture_output=True)
        for tool in args.tools.split(","):
            path = os.path.join(peers_out, tool + ".jsonl")
            if os.path.exists(path):
                rows.append((tool, score(truth_file, path)))

    print(f"Readability test pages: {len(truth)} cases (ground truth: text of expected.html)")
    print("| tool | F1 | precision | recall | accuracy |")
    print("|---|---|---|---|---|")
    for name, s in rows:
        print(f"| {name} | {s['f1']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} | {s['accuracy']:.3f} |")

    got = {}
    with open(records, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            got[r["id"].rsplit(".", 1)[0]] = r
    norm = lambda s: re.sub(r"\s+", " ", s or "").strip()
    checks = {"title": [0, 0], "language": [0, 0], "published": [0, 0]}
    for case, expected in meta.items():
        r = got.get(case, {})
        if expected.get("title"):
            checks["title"][1] += 1
            checks["title"][0] += norm(r.get("title")) == norm(expected["title"])
        if expected.get("lang"):
            checks["language"][1] += 1
            checks["language"][0] += (r.get("language") or "") == expected["lang"].split("-")[0].lower()
        if expected.get("publishedTime"):
            checks["published"][1] += 1
            checks["published"][0] += (r.get("published") or "")[:10] == expected["publishedTime"][:10]
    print("metadata agreement with expected-metadata.json: " + ", ".join(
        f"{k} {ok}/{n}" for k, (ok, n) in checks.items()))
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
