#!/usr/bin/env python3
"""The charset detector's accuracy on unlabeled pages, beside charset-normalizer.

Pages are transcoded into each supported charset after every charset declaration is removed
(meta charset, http-equiv, XML declaration), so only the bytes can tell. Sources: the sample
pages (English, so only their punctuation is non-ASCII) and Mozilla Readability's test pages
from ../shared/eval/readability (many languages; not copied, read in place). Two sets:
- "fitting": each Readability page in the charsets made for its script (Latin-1 languages in
  windows-1252, Central European in ISO-8859-2, Cyrillic in windows-1251 and KOI8-R, Japanese
  in Shift_JIS and EUC-JP, Chinese in GB18030 and, when its characters are traditional, Big5,
  Korean in EUC-KR), and every page in UTF-8: the pages a crawler meets;
- "samples in their languages": the five sample pages with the text of every paragraph
  replaced by sentences in the language of each charset (sentences written for this script),
  markup, scripts and styles left as they are: a page that is mostly ASCII markup, as news
  pages are, in each charset;
- "samples": the five English sample pages in every charset, where only punctuation (curly
  quotes, dashes) is non-ASCII: little evidence, a hard case.
Characters a charset lacks become numeric references, as servers write them; a page goes into
a charset only when at least 0.5% of its bytes are non-ASCII there.

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


CENTRAL_EUROPEAN = set("ąćęłńśźżĄĆĘŁŃŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽőűŐŰĺľŕĹĽŔășțĂȘȚ")


def fitting_charsets(text):
    """The legacy charsets made for the page's script, by the letters it uses."""
    counts = {"kana": 0, "hangul": 0, "han": 0, "cyrillic": 0, "central": 0, "latin1": 0}
    for char in text:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF:
            counts["kana"] += 1
        elif 0xAC00 <= code <= 0xD7AF:
            counts["hangul"] += 1
        elif 0x4E00 <= code <= 0x9FFF:
            counts["han"] += 1
        elif 0x0400 <= code <= 0x04FF:
            counts["cyrillic"] += 1
        elif char in CENTRAL_EUROPEAN:
            counts["central"] += 1
        elif 0xC0 <= code <= 0xFF:
            counts["latin1"] += 1
    if counts["kana"] > 20:
        return ["shift_jis", "euc-jp"]
    if counts["hangul"] > 20:
        return ["euc-kr"]
    if counts["han"] > 20:
        han = [c for c in text if 0x4E00 <= ord(c) <= 0x9FFF]
        in_big5 = sum(1 for c in han if can_encode(c, "big5"))
        in_gb2312 = sum(1 for c in han if can_encode(c, "gb2312"))
        return ["gb18030"] + (["big5"] if in_big5 > in_gb2312 else [])
    if counts["cyrillic"] > 20:
        return ["windows-1251", "koi8-r"]
    if counts["central"] > 10:
        return ["iso-8859-2"]
    return ["windows-1252"]


def can_encode(char, charset):
    try:
        char.encode(charset)
        return True
    except UnicodeEncodeError:
        return False


SENTENCES = {
    "windows-1252": ["Le président a déclaré que l’économie française était en très bonne santé.",
                     "Die Regierung hat beschlossen, die Steuern für Familien zu senken; Städte müssen bauen.",
                     "El ministro señaló que la reunión terminó sin acuerdo, según fuentes próximas."],
    "iso-8859-2": ["Prezydent powiedział, że gospodarka rośnie szybciej niż oczekiwano.",
                   "Vláda schválila nový zákon o daních; řidiči zaplatí víc za dálnice.",
                   "Żołnierze wrócili do domów w piątek, a ministrowie spotkali się w Łodzi."],
    "windows-1251": ["Президент заявил, что экономика страны растёт быстрее, чем ожидалось.",
                     "Министр обороны встретился с делегацией в Москве в пятницу.",
                     "По словам аналитиков, переговоры продолжатся на следующей неделе."],
    "shift_jis": ["東京で開かれた国際会議では、各国の代表がエネルギー問題について話し合いました。",
                  "首相は記者会見で、経済対策を来月までにまとめる考えを示しました。",
                  "専門家によりますと、交渉は来週も続く見通しです。"],
    "gb18030": ["中国政府表示，今年的经济增长将会超过预期。", "国家主席在北京会见了来自欧洲的代表团。",
                "分析人士认为，双方的谈判将在下周继续进行。"],
    "big5": ["台灣政府表示，今年的經濟成長將會超過預期。", "總統在台北會見了來自歐洲的代表團。",
             "分析人士認為，雙方的談判將在下週繼續進行。"],
    "euc-kr": ["한국 정부는 올해 경제 성장률이 예상보다 높을 것이라고 발표했습니다.",
               "대통령은 서울에서 유럽 대표단을 만났습니다.", "전문가들은 협상이 다음 주에도 계속될 것으로 보고 있습니다."],
}
SENTENCES["koi8-r"] = SENTENCES["windows-1251"]
SENTENCES["euc-jp"] = SENTENCES["shift_jis"]
PARAGRAPH = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.S | re.I)


def in_language(html, charset):
    """The page with each paragraph's text replaced by sentences in the charset's language."""
    bank = SENTENCES[charset]
    count = [0]

    def replace(match):
        count[0] += 1
        return match.group(1) + " ".join(bank[(count[0] + k) % len(bank)] for k in range(2)) + match.group(3)

    return PARAGRAPH.sub(replace, html)


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
        variants = []
        if corpus == "samples":
            variants += [(corpus, charset, text) for charset in CHARSETS]
            variants += [("samples in their languages", charset, in_language(text, charset)) for charset in SENTENCES]
        else:
            variants += [(corpus, charset, text) for charset in fitting_charsets(text) + ["utf-8"]]
        for corpus, charset, text in variants:
            data = text.encode(codec(charset), errors="xmlcharrefreplace")
            if sum(1 for b in data if b >= 0x80) < max(1, len(data) // 200):
                continue
            # The text the page holds in this charset (characters it lacks are now references).
            held = data.decode(codec(charset))
            file = os.path.join(work, f"{charset}--{corpus.replace(' ', '-')}--{name}.html")
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

    misses = []
    for corpus, title in [("readability", "fitting: Readability test pages in the charsets of their script, and UTF-8"),
                          ("samples in their languages", "samples in their languages: sample markup, paragraphs in each charset's language"),
                          ("samples", "samples: the five English sample pages in every charset")]:
        table = collections.OrderedDict((charset, [0, 0, 0]) for charset in CHARSETS)
        for charset, page_corpus, name, file, held in cases:
            if page_corpus != corpus:
                continue
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
        print(f"\n{title}\n")
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
