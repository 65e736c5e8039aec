#!/usr/bin/env python3
"""The charset detector's accuracy on unlabeled pages, beside charset-normalizer.

Pages are transcoded into each supported charset after every charset declaration is removed
(meta charset, http-equiv, XML declaration), so only the bytes can tell. Sources: the sample
pages (English, so only their punctuation is non-ASCII) and Mozilla Readability's test pages
from ../shared/eval/readability (many languages; not copied, read in place). A page goes into
a charset when its text fits it (characters the charset lacks become numeric references, as
servers write them) and at least 0.5% of its bytes are non-ASCII there.

A detection counts as right when decoding with the charset named gives exactly the text the
page holds: windows-1252 for an ISO-8859-1 page is right, GBK for a GB18030 page is right
when the text is the same.

    scripts/bench-charset.py PEERS_PYTHON_WITH_CHARSET_NORMALIZER [--winnow .build/release/winnow]
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

CHARSETS = ["windows-1252", "iso-8859-2", "windows-1251", "koi8-r", "shift_jis", "euc-jp", "gb18030", "big5", "euc-kr",
            "utf-8"]
DECLARATIONS = [
    re.compile(rb"<meta[^>]*charset[^>]*>", re.I),
    re.compile(rb"<\?xml[^>]*\?>", re.I),
]
# Python codec names for the WHATWG names Winnow reports (and charset-normalizer's own names).
CODECS = {"windows-1252": "cp1252", "iso-8859-2": "iso8859_2", "windows-1251": "cp1251", "koi8-r": "koi8_r",
          "shift_jis": "cp932", "euc-jp": "euc_jp", "gb18030": "gb18030", "gbk": "gbk", "big5": "big5",
          "euc-kr": "cp949", "utf-8": "utf-8", "iso-8859-1": "cp1252", "ascii": "cp1252"}


def codec(name):
    name = (name or "").lower().replace("_", "-")
    return CODECS.get(name, name)


def decodes_same(data, charset, text):
    try:
        return data.decode(codec(charset)) == text
    except (LookupError, UnicodeDecodeError):
        return False


def sources(root):
    for path in sorted(glob.glob(os.path.join(root, "samples", "*.html"))):
        yield "samples", os.path.basename(path), open(path, "rb").read()
    for path in sorted(glob.glob(os.path.join(root, "..", "shared", "eval", "readability", "pages", "*", "source.html"))):
        yield "readability", os.path.basename(os.path.dirname(path)), open(path, "rb").read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("peers_python")
    parser.add_argument("--winnow", default=".build/release/winnow")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

    work = tempfile.mkdtemp(prefix="winnow-charset-")
    cases = []  # (charset, corpus, name, file, text)
    for corpus, name, raw in sources(root):
        for pattern in DECLARATIONS:
            raw = pattern.sub(b"", raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        text = text.replace("\ufeff", "")
        for charset in CHARSETS:
            data = text.encode(codec(charset), errors="xmlcharrefreplace")
            if sum(1 for b in data if b >= 0x80) < max(1, len(data) // 200):
                continue
            # The text the page holds in this charset (characters it lacks are now references).
            held = data.decode(codec(charset))
            file = os.path.join(work, f"{charset}--{corpus}--{name}.html")
            open(file, "wb").write(data)
            cases.append((charset, corpus, name, file, held))

    listing = subprocess.run([args.winnow, "list", "--decode", work], capture_output=True, text=True, check=False)
    winnow = {}
    for line in listing.stdout.splitlines():
        record = json.loads(line)
        winnow[os.path.join(work, record["id"])] = record.get("charset")

    peer_script = "import json,sys\nfrom charset_normalizer import from_path\nout={}\n" \
                  "for p in sys.argv[1:]:\n    b=from_path(p).best()\n    out[p]=b.encoding if b else None\nprint(json.dumps(out))\n"
    peer = json.loads(subprocess.run([args.peers_python, "-c", peer_script] + [c[3] for c in cases],
                                     capture_output=True, text=True, check=True).stdout)
    version = subprocess.run([args.peers_python, "-c", "import charset_normalizer;print(charset_normalizer.__version__)"],
                             capture_output=True, text=True).stdout.strip()

    table = collections.OrderedDict((charset, [0, 0, 0]) for charset in CHARSETS)
    misses = []
    for charset, corpus, name, file, held in cases:
        data = open(file, "rb").read()
        row = table[charset]
        row[0] += 1
        if decodes_same(data, winnow.get(file), held):
            row[1] += 1
        else:
            misses.append(f"winnow {charset} {corpus}/{name}: {winnow.get(file)}")
        if decodes_same(data, peer.get(file), held):
            row[2] += 1
        else:
            misses.append(f"charset-normalizer {charset} {corpus}/{name}: {peer.get(file)}")

    print(f"| charset | pages | Winnow | charset-normalizer {version} |")
    print("|---|---|---|---|")
    totals = [0, 0, 0]
    for charset, (count, ours, theirs) in table.items():
        if count == 0:
            continue
        print(f"| {charset} | {count} | {ours}/{count} | {theirs}/{count} |")
        totals = [a + b for a, b in zip(totals, (count, ours, theirs))]
    print(f"| all | {totals[0]} | {totals[1]}/{totals[0]} ({100 * totals[1] / totals[0]:.1f}%) "
          f"| {totals[2]}/{totals[0]} ({100 * totals[2] / totals[0]:.1f}%) |")
    print("\nmisses:", file=sys.stderr)
    for miss in misses:
        print("  " + miss, file=sys.stderr)


if __name__ == "__main__":
    main()
