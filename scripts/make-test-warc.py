#!/usr/bin/env python3
"""Writes a WARC with warcio (an independent implementation) from HTML pages, and a manifest
of what Winnow should make of it.

Every page becomes a request and a response record, the responses varied the ways crawlers
store them: plain, chunked, gzip, deflate and brotli Content-Encoding, charset only in the HTTP
header. Around them: a warcinfo record, a 404, a redirect, an image, a metadata record, a revisit
and a resource record. The manifest (JSON) lists the record ids that must become pages (with where
each one's record lies in the file) and the records that must be skipped, by reason, as
`winnow clean` counts them.

    make-test-warc.py OUT.warc.gz MANIFEST.json PAGE.html... [--records N] [--plain]

--records N repeats the pages until about N records are written (the streaming test).
"""
import argparse
import gzip as gziplib
import io
import json
import zlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

try:
    import brotli
except ImportError:  # br responses are left out when the module is missing
    brotli = None

CYRILLIC_PAGE = (
    "<html><head><title>Новости дня</title></head><body><article><h1>Новости дня</h1>"
    + "".join(
        f"<p>Абзац {n}: в Москве прошла встреча министров, на которой обсуждались вопросы "
        "экономического сотрудничества и развития регионов страны.</p>"
        for n in range(1, 8))
    + "</article></body></html>")


def chunked(body, size=700):
    out = bytearray()
    for start in range(0, len(body), size):
        piece = body[start:start + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return bytes(out + b"0\r\n\r\n")


def response_variants():
    """(name, headers, transform) for the ways a 200 response is stored."""
    variants = [
        ("plain", [], lambda body: body),
        ("chunked", [("Transfer-Encoding", "chunked")], chunked),
        ("gzip", [("Content-Encoding", "gzip")], lambda body: gziplib.compress(body, mtime=0)),
        ("deflate", [("Content-Encoding", "deflate")], zlib.compress),
        ("gzip+chunked", [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
         lambda body: chunked(gziplib.compress(body, mtime=0))),
    ]
    if brotli is not None:
        variants.append(("br", [("Content-Encoding", "br")], brotli.compress))
    return variants


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("manifest")
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--records", type=int, default=0)
    parser.add_argument("--plain", action="store_true", help="write an uncompressed WARC")
    args = parser.parse_args()

    bodies = [open(path, "rb").read() for path in args.pages]
    variants = response_variants()
    manifest = {"pages": [], "skipped": {}, "records": 0}

    def skipped(reason):
        manifest["skipped"][reason] = manifest["skipped"].get(reason, 0) + 1

    with open(args.output, "wb") as output:
        writer = WARCWriter(output, gzip=not args.plain)

        offsets = {}

        def write(record):
            start = output.tell()
            writer.write_record(record)
            manifest["records"] += 1
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            offsets[record_id] = (start, output.tell())
            return record_id

        write(writer.create_warcinfo_record("test.warc", {"software": "warcio", "format": "WARC File Format 1.1"}))
        skipped("warcinfo")

        serial = 0
        while True:
            for index, body in enumerate(bodies):
                name, extra, transform = variants[serial % len(variants)]
                serial += 1
                uri = f"https://pages.example/{serial}/page-{index}.html"
                request = writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b""),
                    http_headers=StatusAndHeaders(f"GET /{serial}/page-{index}.html HTTP/1.1",
                                                  [("Host", "pages.example")], is_http_request=True))
                write(request)
                skipped("request")
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")] + extra,
                                           protocol="HTTP/1.1")
                response = writer.create_warc_record(uri, "response", payload=io.BytesIO(transform(body)),
                                                     http_headers=headers)
                record_id = write(response)
                manifest["pages"].append({"id": record_id, "url": uri, "stored": name,
                                          "date": response.rec_headers.get_header("WARC-Date")})
            if manifest["records"] >= args.records:
                break

        # A page whose charset only the HTTP header gives.
        uri = "https://pages.example/cyrillic.html"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1251")], protocol="HTTP/1.1")
        record_id = write(writer.create_warc_record(uri, "response", payload=io.BytesIO(CYRILLIC_PAGE.encode("cp1251")),
                                                    http_headers=headers))
        manifest["pages"].append({"id": record_id, "url": uri, "stored": "windows-1251", "charset": "windows-1251"})

        # Records that are not pages.
        for status, reason in [("404 Not Found", "HTTP status 404"), ("301 Moved Permanently", "HTTP status 301")]:
            headers = StatusAndHeaders(status, [("Content-Type", "text/html"), ("Location", "https://pages.example/")],
                                       protocol="HTTP/1.1")
            write(writer.create_warc_record("https://pages.example/gone", "response",
                                            payload=io.BytesIO(b"<html><body>gone</body></html>"), http_headers=headers))
            skipped(reason)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        write(writer.create_warc_record("https://pages.example/logo.png", "response",
                                        payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)), http_headers=headers))
        skipped("non-HTML")
        write(writer.create_warc_record("https://pages.example/1/page-0.html", "metadata",
                                        payload=io.BytesIO(b"via: https://pages.example/\n"),
                                        warc_content_type="application/warc-fields"))
        skipped("metadata")
        write(writer.create_revisit_record("https://pages.example/1/page-0.html", digest="sha1:AAAA",
                                           refers_to_uri="https://pages.example/1/page-0.html",
                                           refers_to_date="2021-06-22T10:00:00Z"))
        skipped("revisit")
        resource = writer.create_warc_record("https://pages.example/resource.html", "resource",
                                             payload=io.BytesIO(bodies[0]), warc_content_type="text/html")
        manifest["pages"].append({"id": write(resource), "url": "https://pages.example/resource.html", "stored": "resource"})

        for page in manifest["pages"]:
            page["offset"], page["end"] = offsets[page["id"]]

    with open(args.manifest, "w") as out:
        json.dump(manifest, out, indent=1)


if __name__ == "__main__":
    main()
