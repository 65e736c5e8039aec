#!/usr/bin/env python3
"""Writes a WET file with warcio (an independent implementation), as Common Crawl lays them
out: a warcinfo record, then one `conversion` record (text/plain, UTF-8) per text file, each
with WARC-Target-URI, WARC-Date, WARC-Record-ID and WARC-Refers-To. Writes a manifest of the
record ids and URLs Winnow must give back, in order.

    make-test-wet.py OUT.warc.wet.gz MANIFEST.json TEXT.txt... [--urls GROUND_TRUTH.json]

--urls takes each file's URL from a ScrapingHub-style ground truth (id = file name without .txt);
otherwise a file gets https://site-N.example/NAME.
"""
import argparse
import io
import json
import os
import uuid

from warcio.warcwriter import WARCWriter


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("manifest")
    parser.add_argument("texts", nargs="+")
    parser.add_argument("--urls")
    args = parser.parse_args()
    known = {}
    if args.urls:
        known = {key: value.get("url") for key, value in json.load(open(args.urls, encoding="utf-8")).items()}
    pages = []
    with open(args.out, "wb") as stream:
        writer = WARCWriter(stream, gzip=args.out.endswith(".gz"))
        info = writer.create_warcinfo_record(os.path.basename(args.out), {"software": "make-test-wet.py", "format": "WARC File Format 1.1"})
        writer.write_record(info)
        for number, path in enumerate(args.texts):
            name = os.path.basename(path)[:-4] if path.endswith(".txt") else os.path.basename(path)
            url = known.get(name) or f"https://site-{number}.example/{name}"
            payload = open(path, "rb").read()
            record_id = f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>"
            date = f"2021-06-{22 + number % 7:02d}T10:{number % 60:02d}:00Z"
            record = writer.create_warc_record(url, "conversion", payload=io.BytesIO(payload), length=len(payload),
                                               warc_content_type="text/plain",
                                               warc_headers_dict={"WARC-Record-ID": record_id, "WARC-Date": date,
                                                                  "WARC-Refers-To": f"<urn:uuid:{uuid.uuid4()}>"})
            writer.write_record(record)
            pages.append({"id": record_id, "url": url, "date": date, "file": name})
    json.dump({"pages": pages, "records": len(pages) + 1}, open(args.manifest, "w", encoding="utf-8"), indent=1)


if __name__ == "__main__":
    main()
