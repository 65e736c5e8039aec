import Foundation
import Testing
import WinnowIO
import WinnowTestSupport

/// WARC records built by hand: the reader, the page maker, and damage that must cost only the
/// records it touches. (The round trip through an independent writer, warcio, is in the CLI tests.)
@Suite struct WARCTests {
    /// Removed after each test.
    private let temporary: TemporaryFolder
    init() throws { temporary = try TemporaryFolder("winnow-warc") }

    static func record(type: String, id: String, uri: String? = nil, contentType: String? = nil, block: [UInt8],
                       lineBreak: String = "\r\n") -> [UInt8] {
        var head = "WARC/1.1\(lineBreak)WARC-Type: \(type)\(lineBreak)WARC-Record-ID: <urn:uuid:\(id)>\(lineBreak)"
        head += "WARC-Date: 2021-06-22T10:15:00Z\(lineBreak)"
        if let uri { head += "WARC-Target-URI: \(uri)\(lineBreak)" }
        if let contentType { head += "Content-Type: \(contentType)\(lineBreak)" }
        head += "Content-Length: \(block.count)\(lineBreak)\(lineBreak)"
        return Array(head.utf8) + block + Array("\(lineBreak)\(lineBreak)".utf8)
    }

    static func response(id: String, status: String = "200 OK", headers: [String] = ["Content-Type: text/html; charset=utf-8"],
                         body: [UInt8]) -> [UInt8] {
        let head = (["HTTP/1.1 \(status)"] + headers).joined(separator: "\r\n") + "\r\n\r\n"
        return record(type: "response", id: id, uri: "https://news.example/\(id)", contentType: "application/http; msgtype=response",
                      block: Array(head.utf8) + body)
    }

    static let page = Array("<!doctype html><html><head><title>T</title></head><body><p>Body text.</p></body></html>".utf8)

    /// A small archive: warcinfo, then request and response pairs, then records that are not pages.
    static func archive() -> [[UInt8]] {
        [
            record(type: "warcinfo", id: "info", contentType: "application/warc-fields", block: Array("software: test\r\n".utf8)),
            record(type: "request", id: "q1", uri: "https://news.example/r1", contentType: "application/http; msgtype=request",
                   block: Array("GET /r1 HTTP/1.1\r\nHost: news.example\r\n\r\n".utf8)),
            response(id: "r1", body: page),
            response(id: "r2", status: "404 Not Found", body: page),
            response(id: "r3", headers: ["Content-Type: image/jpeg"], body: [0xFF, 0xD8, 0xFF, 0xE0]),
            response(id: "r4", headers: ["Content-Type: text/html; charset=\"Shift_JIS\"", "Transfer-Encoding: chunked"],
                     body: Array("7\r\n<p>one \r\n7\r\ntwo</p>\r\n0\r\n\r\n".utf8)),
            record(type: "resource", id: "r5", uri: "https://news.example/r5", contentType: "text/html", block: page),
            record(type: "metadata", id: "m1", uri: "https://news.example/r1", contentType: "application/warc-fields",
                   block: Array("fetchTimeMs: 12\r\n".utf8)),
        ]
    }

    private func write(_ bytes: [UInt8], name: String) throws -> String {
        let folder = try temporary.subfolder()
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func pages(_ path: String) -> (pages: [InputPage], tally: PageStream.WARCTally) {
        var stream = PageStream(entries: InputCollector().collect([path]).entries)
        var pages: [InputPage] = []
        while let page = stream.next() { pages.append(page) }
        return (pages, stream.warcTally)
    }

    private func readAll(_ bytes: [UInt8]) -> [WARCReadResult] {
        let reader = WARCReader(source: MemorySource(bytes))
        var results: [WARCReadResult] = []
        while let result = reader.next() { results.append(result) }
        return results
    }

    @Test func plainArchiveBecomesPagesAndCountedSkips() throws {
        let path = try write(Self.archive().flatMap { $0 }, name: "crawl.warc")
        let (pages, tally) = pages(path)
        #expect(pages.map(\.id) == ["<urn:uuid:r1>", "<urn:uuid:r4>", "<urn:uuid:r5>"])
        #expect(pages.allSatisfy { $0.readError == nil && $0.container == "warc" })
        #expect(pages[0].url == "https://news.example/r1")
        #expect(pages[0].fetchedAt == "2021-06-22T10:15:00Z")
        #expect(pages[0].transportCharset == "utf-8")
        #expect(pages[0].bytes == Self.page)
        #expect(pages[1].bytes == Array("<p>one two</p>".utf8), "chunked transfer coding removed")
        #expect(pages[1].transportCharset == "Shift_JIS", "quoted charset parameter")
        #expect(tally.records == 8)
        #expect(tally.skipped == ["warcinfo": 1, "request": 1, "HTTP status 404": 1, "non-HTML": 1, "metadata": 1])
        #expect(tally.records == pages.count + tally.skippedTotal)
    }

    @Test func gzipPerRecordGivesTheSamePages() throws {
        let path = try write(Self.archive().flatMap { Gzip.compress($0) }, name: "crawl.warc.gz")
        let (pages, tally) = pages(path)
        #expect(pages.map(\.id) == ["<urn:uuid:r1>", "<urn:uuid:r4>", "<urn:uuid:r5>"])
        #expect(tally.records == 8)
    }

    @Test func recognizedByContentUnderAnyName() throws {
        let path = try write(Gzip.compress(Self.archive().flatMap { $0 }), name: "crawl.bin")
        #expect(pages(path).pages.count == 3)
    }

    @Test func offsetsOfGzipMembersAreRecordOffsets() {
        let members = Self.archive().map { Gzip.compress($0) }
        let results = readAll(members.flatMap { $0 })
        var expected = 0
        for (result, member) in zip(results, members) {
            guard case .record(let record) = result else { Issue.record("not a record: \(result)"); return }
            #expect(record.offset == expected)
            expected += member.count
        }
    }

    @Test func aCorruptMemberCostsOnlyItsRecord() throws {
        var members = Self.archive().map { Gzip.compress($0) }
        // Damage the deflate data of the r1 response (member 2), keep its gzip header.
        for index in 12..<min(40, members[2].count - 8) { members[2][index] ^= 0x55 }
        let results = readAll(members.flatMap { $0 })
        let records = results.compactMap { result -> String? in
            if case .record(let record) = result { return record.recordID }
            return nil
        }
        let damaged = results.filter { if case .damaged = $0 { return true } else { return false } }
        #expect(damaged.count == 1)
        #expect(records == ["<urn:uuid:info>", "<urn:uuid:q1>", "<urn:uuid:r2>", "<urn:uuid:r3>", "<urn:uuid:r4>",
                            "<urn:uuid:r5>", "<urn:uuid:m1>"])
        if case .damaged(let offset, _, let reason)? = damaged.first {
            #expect(offset == members[0].count + members[1].count)
            #expect(reason.contains("gzip"))
        }
    }

    @Test func aBadChecksumDamagesOnlyItsRecord() {
        var members = Self.archive().map { Gzip.compress($0) }
        members[2][members[2].count - 6] ^= 0xFF  // the CRC-32 in the trailer of the r1 response
        let results = readAll(members.flatMap { $0 })
        #expect(results.count == 8)
        guard case .damaged(_, let id, let reason) = results[2] else { Issue.record("r1 not reported: \(results[2])"); return }
        #expect(id == "<urn:uuid:r1>")
        #expect(reason.contains("incorrect data check"))

        // One member for the whole file: the records before the end are sound; the last one carries the damage.
        var whole = Gzip.compress(Self.archive().flatMap { $0 })
        whole[whole.count - 6] ^= 0xFF
        let wholeResults = readAll(whole)
        #expect(wholeResults.count == 8)
        #expect(wholeResults.prefix(7).allSatisfy { if case .record = $0 { return true } else { return false } })
    }

    @Test func garbageBetweenMembersIsSkipped() {
        let members = Self.archive().map { Gzip.compress($0) }
        let bytes = members[0] + Array("junk that is not gzip".utf8) + members[1...].flatMap { $0 }
        let results = readAll(bytes)
        let records = results.filter { if case .record = $0 { return true } else { return false } }
        #expect(records.count == 8)
        #expect(results.count == 9)
    }

    @Test func aTruncatedFileKeepsEveryCompleteRecord() {
        let members = Self.archive().map { Gzip.compress($0) }
        let whole = members.flatMap { $0 }
        let cut = Array(whole[..<(whole.count - members.last!.count / 2)])
        let results = readAll(cut)
        #expect(results.count == 8)
        guard case .damaged(_, let id, let reason)? = results.last else { Issue.record("no damage reported"); return }
        #expect(id == nil || id == "<urn:uuid:m1>")
        #expect(reason.contains("truncated"))

        let plain = Self.archive().flatMap { $0 }
        let plainResults = readAll(Array(plain[..<(plain.count - 20)]))
        #expect(plainResults.count == 8)
        if case .damaged(_, let id, let reason)? = plainResults.last {
            #expect(id == "<urn:uuid:m1>")
            #expect(reason.contains("truncated"))
        } else {
            Issue.record("no damage reported for the plain file")
        }
    }

    @Test func aBadHeaderIsSkippedToTheNextRecord() {
        var records = Self.archive()
        records[3] = Array(String(decoding: records[3], as: UTF8.self).replacingOccurrences(of: "Content-Length", with: "Content-Lungth").utf8)
        let results = readAll(records.flatMap { $0 })
        #expect(results.count == 8)
        guard case .damaged(_, let id, let reason) = results[3] else { Issue.record("no damage at record 4"); return }
        #expect(id == "<urn:uuid:r2>")
        #expect(reason.contains("Content-Length"))
        if case .record(let record) = results[4] { #expect(record.recordID == "<urn:uuid:r3>") }
    }

    @Test func bareLineFeedsAndFoldedHeaders() {
        var bytes = Self.record(type: "resource", id: "lf", uri: "https://news.example/lf", contentType: "text/html",
                                block: Self.page, lineBreak: "\n")
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "WARC-Date:", with: "X-Note: first\n  second\nWARC-Date:")
        bytes = Array(text.utf8)
        let results = readAll(bytes)
        guard case .record(let record)? = results.first, results.count == 1 else { Issue.record("\(results)"); return }
        #expect(record["x-note"] == "first second")
        #expect(record.block == Self.page)
    }

    @Test func oversizedBlocksAreSkippedUnread() {
        let big = Self.record(type: "resource", id: "big", uri: "https://news.example/big", contentType: "text/html",
                              block: Self.page + [UInt8](repeating: 0x20, count: 5000))
        let reader = WARCReader(source: MemorySource(big + Self.archive()[2]), maximumBlockBytes: 1000)
        guard case .oversized(let record, let length)? = reader.next() else { Issue.record("not reported oversized"); return }
        #expect(record.recordID == "<urn:uuid:big>")
        #expect(length == Self.page.count + 5000)
        guard case .record(let next)? = reader.next() else { Issue.record("the next record was lost"); return }
        #expect(next.recordID == "<urn:uuid:r1>")
    }

    @Test func contentEncodingsAreLeftForTheDecodeStage() throws {
        let gzipped = Self.response(id: "g", headers: ["Content-Type: text/html", "Content-Encoding: gzip"], body: Gzip.compress(Self.page))
        let unknown = Self.response(id: "z", headers: ["Content-Type: text/html", "Content-Encoding: zstd"], body: [1, 2, 3])
        let path = try write(gzipped + unknown, name: "enc.warc")
        let pages = pages(path).pages
        #expect(pages.count == 2)
        #expect(pages[0].compression == .gzip)
        #expect(Gzip.decompress(pages[0].bytes) == .success(Self.page))
        #expect(pages[1].readError == "unsupported Content-Encoding zstd")
    }

    @Test func httpHeadsAndMediaTypes() {
        let response = HTTPResponse.parse(Array("HTTP/1.0 200 OK\nContent-Type: text/html;charset=KOI8-R\nX-Long: a\n b\n\n<p>".utf8))
        #expect(response?.status == 200)
        #expect(response?["content-type"] == "text/html;charset=KOI8-R")
        #expect(response?["X-Long"] == "a b")
        #expect(response.map { Array($0.payload) } == Array("<p>".utf8))
        #expect(HTTPResponse.parse(Array("GET / HTTP/1.1\r\n\r\n".utf8)) == nil)
        #expect(HTTPResponse.parse(Array("HTTP/1.1 200 OK\r\nno end of head".utf8)) == nil)
        #expect(MediaType("Text/HTML; Charset='windows-1251'") == MediaType("text/html; charset=windows-1251"))
        #expect(MediaType("text/html; charset=windows-1251").charset == "windows-1251")
        #expect(MediaType("application/xhtml+xml").isHTML)
        #expect(ChunkedCoding.decode(Array("3;ext=1\r\nabc\r\n0\r\n\r\n".utf8)[...]) == Array("abc".utf8))
        #expect(ChunkedCoding.decode(Array("<html>not chunked".utf8)[...]) == nil)
        // Found by fuzzing (Fuzz/WARCReaderTarget.swift): a signed size trapped the process.
        #expect(ChunkedCoding.decode(Array("-A\nW".utf8)[...]) == nil)
        #expect(ChunkedCoding.decode(Array("+3\r\nabc\r\n0\r\n\r\n".utf8)[...]) == nil)
    }

    @Test func deflateAndBrotliPayloads() {
        // brotli.compress(b"<html><body><p>Brotli payload, decoded by libbrotlidec.</p></body></html>")
        let brotli: [UInt8] = [27, 72, 0, 224, 21, 161, 210, 117, 115, 169, 46, 164, 63, 20, 49, 60, 181, 171, 6, 65, 80, 206,
                               139, 176, 1, 71, 26, 24, 180, 210, 108, 227, 97, 235, 145, 170, 133, 147, 247, 140, 181, 124, 106,
                               62, 175, 126, 6, 250, 14, 33, 98, 174, 213, 6, 25, 100, 136, 160, 193, 92, 23, 237, 102, 5]
        #expect(Brotli.decompress(brotli, limit: 1 << 20) == Array("<html><body><p>Brotli payload, decoded by libbrotlidec.</p></body></html>".utf8))
        #expect(Brotli.decompress(Array(brotli.prefix(20)), limit: 1 << 20) == nil)
        // The gzip member minus its 10-byte header and 8-byte trailer is raw deflate.
        let member = Gzip.compress(Self.page)
        #expect(Deflate.decompress(Array(member[10..<(member.count - 8)]), limit: 1 << 20) == Self.page)
    }

    @Test func jsonLinesGzipStreamsAcrossChunks() throws {
        // Lines long enough that the 256 KiB read chunks split them.
        let filler = String(repeating: "word ", count: 20_000)
        let lines = (1...30).map { "{\"id\": \"p\($0)\", \"html\": \"<p>\($0) \(filler)</p>\"}" }.joined(separator: "\n")
        let path = try write(Gzip.compress(Array(lines.utf8)), name: "big.jsonl.gz")
        let pages = pages(path).pages
        #expect(pages.map(\.id) == (1...30).map { "p\($0)" })
        #expect(pages.allSatisfy { $0.readError == nil && $0.bytes.count > 100_000 && $0.container == "jsonl" })
    }
}

/// Inputs that once crashed a fuzz target (Fuzz/regressions/TARGET/): each goes through the
/// same code as the target and must come back.
@Suite struct FuzzRegressionTests {
    @Test func warcReaderInputs() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Fuzz/regressions/WARCReader")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let reader = WARCReader(source: MemorySource(bytes), maximumBlockBytes: 1 << 20)
            let pages = WARCPages(fileID: name, path: nil)
            while let result = reader.next() { _ = pages.outcome(of: result) }
            _ = ChunkedCoding.decode(bytes[...])
            _ = HTTPResponse.parse(bytes)
        }
    }
}
