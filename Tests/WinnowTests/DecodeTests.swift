import Testing
@testable import Winnow
import WinnowIO

@Suite struct DecodeTests {
    /// The meta `content` charset extraction on bytes answers as the algorithm written with
    /// lower-cased Strings at each position did.
    @Test(arguments: [
        "text/html; charset=utf-8", "text/html;CHARSET = 'windows-1251'", "charset=\"koi8-r\"", "ChArSeT=iso-8859-1;x",
        "charset", "charset=", "charset = ", "charset='unterminated", "charsetcharset=x", "no declaration here",
        "Kelvin \u{212A} charset=ok", "déjà charset=latin1 é", "", "charse", "xcharset=\"\"",
    ])
    func charsetFromContentAsTheStringAlgorithm(content: String) {
        #expect(MetaPrescan.charsetFromContent(content) == Self.referenceCharset(content))
    }

    static func referenceCharset(_ content: String) -> String? {
        let bytes = Array(content.utf8)
        func isSpace(_ byte: UInt8) -> Bool { [0x09, 0x0A, 0x0C, 0x0D, 0x20].contains(byte) }
        var index = 0
        while index + 7 <= bytes.count {
            guard String(decoding: bytes[index..<(index + 7)], as: UTF8.self).lowercased() == "charset" else { index += 1; continue }
            var cursor = index + 7
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { index += 7; continue }
            cursor += 1
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count else { return nil }
            let quote = bytes[cursor]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let end = bytes[(cursor + 1)...].firstIndex(of: quote) else { return nil }
                return String(decoding: bytes[(cursor + 1)..<end], as: UTF8.self)
            }
            var end = cursor
            while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ";") { end += 1 }
            return String(decoding: bytes[cursor..<end], as: UTF8.self)
        }
        return nil
    }

    private func decode(_ bytes: [UInt8]) throws -> DecodedPage {
        var trace = Trace()
        return try DecodePage().run(InputPage(id: "t", bytes: bytes), maximumBytes: 1 << 20, trace: &trace)
    }

    private func page(charset: String?, body: [UInt8]) -> [UInt8] {
        let meta = charset.map { "<meta charset=\"\($0)\">" } ?? ""
        return Array("<html><head>\(meta)</head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    }

    private func text(_ decoded: DecodedPage) -> String { String(decoding: decoded.utf8, as: UTF8.self) }

    @Test(arguments: [
        ("koi8-r", [0xED, 0xC9, 0xD2] as [UInt8], "Мир"),
        ("shift_jis", [0x93, 0xFA, 0x96, 0x7B], "日本"),
        ("euc-jp", [0xC6, 0xFC, 0xCB, 0xDC], "日本"),
        ("gb2312", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
        ("gbk", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
        ("gb18030", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
        ("big5", [0xA4, 0xA4, 0xA4, 0xE5], "中文"),
        ("euc-kr", [0xC7, 0xD1, 0xB1, 0xB9], "한국"),
        ("iso-8859-2", [0xB3, 0xF3, 0x64, 0xBC], "łódź"),
        ("iso-8859-5", [0xB4, 0xD0], "Да"),
        ("iso-8859-15", [0xA4], "€"),
        ("windows-1252", [0x93, 0x80, 0x94], "“€”"),
        ("windows-1251", [0xC4, 0xE0], "Да"),
    ])
    func transcodesDeclaredCharsets(label: String, bytes: [UInt8], expected: String) throws {
        let decoded = try decode(page(charset: label, body: bytes))
        #expect(text(decoded).contains("<p>\(expected)</p>"))
        #expect(decoded.charsetFrom == "meta")
    }

    @Test func latin1LabelMeansWindows1252() throws {
        let decoded = try decode(page(charset: "iso-8859-1", body: [0x97, 0x20, 0xE9]))
        #expect(text(decoded).contains("— é"))
        #expect(decoded.charset == "windows-1252")
    }

    @Test func httpEquivIsHonoured() throws {
        let bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"></head><body>".utf8) + [0xED, 0xC9, 0xD2]
        let decoded = try decode(bytes)
        #expect(decoded.charset == "koi8-r")
        #expect(text(decoded).hasSuffix("Мир"))
    }

    @Test func contentWithoutHttpEquivIsIgnored() throws {
        let bytes = Array("<meta content=\"text/html; charset=koi8-r\"><p>".utf8) + [0xE9]
        #expect(try decode(bytes).charset == "windows-1252")
    }

    @Test func metaInsideACommentIsIgnored() throws {
        let bytes = Array("<!-- <meta charset=koi8-r> --><p>caf".utf8) + [0xE9]
        #expect(try decode(bytes).charset == "windows-1252")
    }

    @Test func byteOrderMarksWin() throws {
        let utf8 = try decode([0xEF, 0xBB, 0xBF] + Array("<meta charset=koi8-r><p>é</p>".utf8))
        #expect(utf8.charsetFrom == "bom")
        #expect(text(utf8).hasPrefix("<meta"))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<p>Ωmega</p>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let decoded = try decode(utf16)
        #expect(decoded.charset == "utf-16le")
        #expect(text(decoded) == "<p>Ωmega</p>")
    }

    @Test func undeclaredValidUTF8IsUTF8AndInvalidBytesAreReplaced() throws {
        #expect(try decode(Array("<p>naïve</p>".utf8)).charset == "utf-8")
        let broken = try decode(Array("<meta charset=utf-8><p>a".utf8) + [0xFF, 0xC3] + Array("b</p>".utf8))
        #expect(text(broken).contains("a\u{FFFD}\u{FFFD}b"))
    }

    @Test func legacyLabelOnUTF8BytesIsReadAsUTF8() throws {
        var trace = Trace()
        let decoded = try DecodePage().run(InputPage(id: "t", bytes: page(charset: "iso-8859-1", body: Array("Myanmar’s".utf8))), maximumBytes: 1 << 20, trace: &trace)
        #expect(decoded.charset == "utf-8")
        #expect(decoded.charsetFrom == "sniffed")
        #expect(text(decoded).contains("Myanmar’s"))
        #expect(trace.notes.contains { $0.message.contains("iso-8859-1") })
    }

    @Test func nulBytesAreDropped() throws {
        var trace = Trace()
        let decoded = try DecodePage().run(InputPage(id: "t", bytes: Array("<p>a\u{0}b</p>".utf8)), maximumBytes: 1 << 20, trace: &trace)
        #expect(text(decoded) == "<p>ab</p>")
        #expect(trace.repairs["nul"] == 1)
    }

    @Test(arguments: [
        ([] as [UInt8], PipelineStage.decode, "empty page"),
        (Array("  \n\t ".utf8), .decode, "empty page"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], .decode, "PNG image"),
        (Array("%PDF-1.7\n".utf8), .decode, "PDF document"),
        (Array("just a line of plain text, no markup".utf8), .parse, "not HTML"),
        ([0x1F, 0x8B, 0x08, 0x00, 0x01], .decode, "gzip"),
    ])
    func badInputIsRejectedWithAReason(bytes: [UInt8], stage: PipelineStage, reason: String) {
        let result = process(bytes)
        #expect(result.reject?.stage == stage)
        #expect(result.reject?.reason.contains(reason) == true, "\(String(describing: result.reject))")
        #expect(result.record["status"] == .string("rejected"))
    }

    // MARK: What a WARC response brings: the HTTP charset and a Content-Encoding.

    private func decodeTransported(_ bytes: [UInt8], charset: String? = nil, compression: InputPage.Compression = .none) throws -> (DecodedPage, Trace) {
        var page = InputPage(id: "w", bytes: bytes, url: "https://news.example/a")
        page.transportCharset = charset
        page.compression = compression
        page.container = "warc"
        page.fetchedAt = "2021-06-22T10:15:00Z"
        var trace = Trace()
        return (try DecodePage().run(page, maximumBytes: 1 << 20, trace: &trace), trace)
    }

    @Test func theHTTPCharsetComesBeforeTheMetaPrescan() throws {
        let (decoded, _) = try decodeTransported(page(charset: "windows-1252", body: [0xCC, 0xE8, 0xF0]), charset: "windows-1251")
        #expect(decoded.charset == "windows-1251")
        #expect(decoded.charsetFrom == "http")
        #expect(text(decoded).contains("Мир"))
        #expect(decoded.container == "warc")
        #expect(decoded.fetchedAt == "2021-06-22T10:15:00Z")
        #expect(decoded.containerURL == "https://news.example/a")
        // A byte order mark still wins over the header.
        let (withBOM, _) = try decodeTransported([0xEF, 0xBB, 0xBF] + page(charset: nil, body: Array("é".utf8)), charset: "windows-1251")
        #expect(withBOM.charsetFrom == "bom")
    }

    @Test func contentEncodingsAreUndone() throws {
        let html = page(charset: "utf-8", body: Array("Grüße".utf8))
        let (gzipped, _) = try decodeTransported(Gzip.compress(html), compression: .gzip)
        #expect(text(gzipped).contains("Grüße"))
        let member = Gzip.compress(html)
        let (deflated, _) = try decodeTransported(Array(member[10..<(member.count - 8)]), compression: .deflate)
        #expect(text(deflated).contains("Grüße"))
        // A header that says gzip over a payload stored already decompressed: read as it is, with a note.
        let (stored, trace) = try decodeTransported(html, compression: .gzip)
        #expect(text(stored).contains("Grüße"))
        #expect(trace.notes.contains { $0.message.contains("not gzip") })
        #expect(throws: Reject.self) { try decodeTransported([0x13, 0x37, 0x00, 0xFF, 0x42], compression: .brotli) }
    }
}

/// The sniffer's UTF-8 check skips ASCII eight bytes at a time; on random bytes (ASCII runs
/// with other bytes anywhere in them) it must agree with the standard library.
@Suite struct UTF8ValidationTests {
    @Test func agreesWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("plain ascii text ".utf8), Array("é".utf8), Array("’".utf8), Array("😀".utf8),
                                 [0x80], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x41]]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...12, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            let verdict = UTF8Validation.classify(bytes)
            #expect((verdict != .invalid) == valid, "\(bytes)")
            if valid { #expect((verdict == .ascii) == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)") }
        }
    }
}

/// The binary check counts control bytes in a vectorizable loop; on random heads (text with
/// controls mixed in) its verdict must be the plain count's.
@Suite struct BinarySignatureTests {
    static func expected(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(1024)
        guard !head.isEmpty else { return nil }
        let controls = head.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20 && $0 != 0x1B) }.count
        return controls * 10 > head.count ? "binary data (\(controls) control bytes in the first \(head.count))" : nil
    }

    @Test func controlCountAgreesWithAPlainCount() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("plain text, with words ".utf8), [0x00], [0x08], [0x09], [0x0D], [0x0E], [0x1B], [0x1F], [0x20], [0x7F], [0xC3, 0xA9]]
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...120, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            // (No piece opens a signature: the verdict is the count's alone.)
            #expect(BinarySignature.identify(bytes) == Self.expected(bytes), "\(bytes.prefix(40))")
        }
    }
}
