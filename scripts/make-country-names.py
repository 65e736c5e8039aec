#!/usr/bin/env python3
"""Writes config/names/countries.yaml: every country and territory with a two-letter code, its
English name as the canonical one and its names in the languages Winnow reads as variants,
from the Unicode CLDR (through Babel, pip install babel). Demonyms are not in CLDR: the ones
listed in DEMONYMS below were written by hand.

    scripts/make-country-names.py > config/names/countries.yaml
"""
import re

import babel
from babel import Locale

LANGUAGES = ["de", "fr", "es", "pt", "it", "nl", "pl", "ru", "uk", "bg", "sr", "el", "ar"]
DEMONYMS = {
    "MM": ["Burmese", "Myanmarese"], "RU": ["Russian", "Russians"], "CN": ["Chinese"], "US": ["American", "Americans"],
    "GB": ["British"], "FR": ["French"], "DE": ["German", "Germans"], "JP": ["Japanese"], "IN": ["Indian", "Indians"],
    "UA": ["Ukrainian", "Ukrainians"], "TH": ["Thai"], "KR": ["South Korean"], "KP": ["North Korean"],
    "VN": ["Vietnamese"], "ID": ["Indonesian"], "MY": ["Malaysian"], "PH": ["Filipino"], "SG": ["Singaporean"],
    "LA": ["Lao", "Laotian"], "KH": ["Cambodian"], "BD": ["Bangladeshi"], "PK": ["Pakistani"], "IR": ["Iranian"],
    "IQ": ["Iraqi"], "SY": ["Syrian"], "TR": ["Turkish"], "IL": ["Israeli"], "SA": ["Saudi"], "EG": ["Egyptian"],
    "IT": ["Italian"], "ES": ["Spanish"], "PT": ["Portuguese"], "NL": ["Dutch"], "PL": ["Polish"], "BY": ["Belarusian"],
    "KZ": ["Kazakh"], "AU": ["Australian"], "CA": ["Canadian"], "BR": ["Brazilian"], "MX": ["Mexican"],
    "AF": ["Afghan"], "GR": ["Greek"], "SE": ["Swedish"], "NO": ["Norwegian"], "FI": ["Finnish"], "CH": ["Swiss"],
}
# Short English forms the press uses beside CLDR's names.
EXTRA = {"US": ["U.S.", "USA", "United States of America", "США"], "GB": ["UK", "U.K.", "Britain", "Great Britain"],
         "MM": ["Burma"], "RU": ["Russian Federation"], "KR": ["Korea"], "CZ": ["Czech Republic"], "CI": ["Ivory Coast"],
         "VA": ["Vatican"], "AE": ["UAE"], "CD": ["DR Congo"], "MK": ["Macedonia"], "TR": ["Turkey"]}


def clean(name):
    # "Myanmar (Burma)" gives "Myanmar" and "Burma"; "Congo - Kinshasa" stays whole.
    match = re.match(r"^(.*?) \((.*)\)$", name)
    return [match.group(1), match.group(2)] if match else [name]


def main():
    english = Locale("en")
    print("# Countries and territories: canonical English names and their names in other languages.")
    print(f"# Source: Unicode CLDR territory names, through Babel {babel.__version__}"
          " (scripts/make-country-names.py); demonyms and short English forms written by hand.")
    print("# Generated: edit the script, not this file.")
    print("entries:")
    for code, name in sorted(english.territories.items()):
        if not re.fullmatch(r"[A-Z]{2}", code) or code in {"ZZ", "XA", "XB", "EU", "EZ", "UN", "QO"}:
            continue
        names = clean(name)
        canonical = names[0]
        variants = []
        for language in LANGUAGES:
            # Only the name itself: a parenthesis in another language qualifies it ("(США)").
            for variant in clean(Locale(language).territories.get(code, ""))[:1]:
                if variant and variant != canonical and variant not in variants:
                    variants.append(variant)
        aliases = []
        for alias in names[1:] + EXTRA.get(code, []):
            if alias != canonical and alias not in aliases:
                aliases.append(alias)
        print(f"  - name: {yaml(canonical)}")
        print("    kind: place")
        print(f"    country: {code}")
        if aliases:
            print(f"    aliases: [{', '.join(yaml(a) for a in aliases)}]")
        if code in DEMONYMS:
            print(f"    demonyms: [{', '.join(yaml(d) for d in DEMONYMS[code])}]")
        if variants:
            print(f"    variants: [{', '.join(yaml(v) for v in variants)}]")


def yaml(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
