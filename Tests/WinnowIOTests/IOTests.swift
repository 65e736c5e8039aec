import Foundation
import Testing
@testable import WinnowIO
import WinnowTestSupport

@Suite struct GzipTests {
    private func gzip(_ text: String) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page.html")
        try text.write(to: file, atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", file.path]
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: folder.appendingPathComponent("page.html.gz")))
    }

    @Test func roundTrip() throws {
        let compressed = try gzip("<p>hello</p>")
        #expect(Gzip.looksCompressed(compressed))
        #expect(try Gzip.decompress(compressed).get() == Array("<p>hello</p>".utf8))
    }

    @Test func multipleMembersConcatenate() throws {
        let both = try gzip("first ") + gzip("second")
        #expect(try Gzip.decompress(both).get() == Array("first second".utf8))
    }

    @Test func truncatedStreamIsAnError() throws {
        let compressed = try gzip(String(repeating: "<p>some text</p>", count: 200))
        let result = Gzip.decompress(Array(compressed.prefix(compressed.count / 2)))
        guard case .failure(.truncated) = result else {
            Issue.record("expected a truncation failure, got \(result)")
            return
        }
    }

    @Test func notGzip() {
        #expect(Gzip.decompress(Array("plain".utf8)) == .failure(.notGzip))
    }
}

@Suite struct InputTests {
    @Test func folderWalkIsByteOrderedAndSkipsNonPages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["b.html", "a/z.htm", "a.html", "B.html", "notes.md", "sub/c.html.gz", ".hidden.html", "\u{E9}.html", "e\u{301}.html"] {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("<p>x</p>".utf8).write(to: file)
        }
        let listing = InputCollector().collect([root.path])
        // Byte order: "." (0x2E) sorts before "/" (0x2F), upper case before lower case, and the
        // two spellings of "é" (which compare equal as strings) by their bytes: 65 CC 81 before
        // 73, C3 A9 last.
        #expect(listing.entries.map(\.id).map { Array($0.utf8) }
            == ["B.html", "a.html", "a/z.htm", "b.html", "e\u{301}.html", "sub/c.html.gz", "\u{E9}.html"].map { Array($0.utf8) })
        #expect(listing.entries.first { $0.id == "sub/c.html.gz" }?.compression == .gzip)
        #expect(listing.skippedFiles == 1)
        let page = PageReader().read(listing.entries[0])
        #expect(page.bytes == Array("<p>x</p>".utf8))
        #expect(page.readError == nil)
    }

    @Test func missingFileBecomesAPageWithAReadError() {
        let listing = InputCollector().collect(["/no/such/page.html"])
        #expect(listing.missing == ["/no/such/page.html"])
        let page = PageReader().read(listing.entries[0])
        #expect(page.id == "page.html")
        #expect(page.readError?.contains("No such file") == true)
    }
}

@Suite struct JSONTests {
    @Test func serializesWithEscapesAndKeyOrder() {
        let value = JSONValue.object([("b", .string("q\"\\\n\u{01}\u{2028}é")), ("a", .array([.int(1), .bool(true), .null, .double(1.5)]))])
        #expect(value.serialized() == #"{"b":"q\"\\\n\u0001\u2028é","a":[1,true,null,1.5]}"#)
    }

    @Test func parsesWhatItWrites() throws {
        let value = JSONValue.object([("text", .string("line\nnext “quoted” 😀")), ("n", .int(-3)), ("x", .double(0.25)), ("e", .array([]))])
        #expect(try JSONParser.parse(value.serialized()) == value)
        #expect(try JSONParser.parse(value.prettySerialized()) == value)
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func trailingCommasOnlyWhenAllowed() throws {
        #expect(try JSONParser.parse(#"{"a": [1, 2, ], "b": {"c": 3, }, }"#, allowingTrailingCommas: true)
            == .object([("a", .array([.int(1), .int(2)])), ("b", .object([("c", .int(3))]))]))
        for text in ["[,]", "{,}", "[1,,]"] {
            #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text, allowingTrailingCommas: true) }
        }
    }

    @Test(arguments: ["{", "[1,]", "{\"a\" 1}", "tru", "\"\u{01}\"", "1 2"])
    func rejectsMalformedJSON(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hexDigest(Array(input.utf8)) == digest)
    }

    @Test func millionAs() {
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct LineWriterTests {
    @Test func writesThroughPartialAndRenames() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-out-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try LineWriter(path: path)
        try writer.write(line: "{\"a\":1}")
        try writer.flush()
        #expect(FileManager.default.fileExists(atPath: path + ".partial"))
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.finish()
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\":1}\n")
    }

    /// A FIFO (like /dev/null or /dev/stdout, not a regular file) is written in place: no
    /// `.partial` beside it, and no rename that would put a file where the pipe was.
    @Test func writesAPipeInPlace() throws {
        let folder = try TemporaryFolder("winnow-fifo")
        let path = folder.url.appendingPathComponent("records").path
        #expect(mkfifo(path, 0o600) == 0)
        // The reading end first, so that opening the writing end does not wait for a reader.
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        #expect(LineWriter.isStream(path))
        let writer = try LineWriter(path: path)
        try writer.write(line: "{\"a\":1}")
        try writer.finish()
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &bytes, bytes.count)
        #expect(count == 8)
        #expect(String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self) == "{\"a\":1}\n")
        #expect(LineWriter.isStream(path))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        #expect(!LineWriter.isStream(path + ".absent"))
    }
}

/// The JSON writer skips plain text sixteen, then eight bytes at a time; the skip must see every
/// byte that needs an escape, wherever it sits in the vector or the word.
@Suite struct JSONStringEscapeTests {
    private static func isSpecial(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 }

    @Test func everyByteAtEveryPositionOfAWord() {
        for byte in 0...255 {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = UInt8(byte)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(JSONValue.hasSpecialByte(word) == Self.isSpecial(UInt8(byte)), "byte \(byte) at \(position)")
            }
        }
    }

    @Test func everyByteAtEveryLaneOfAVector() {
        forEachByteAtEachLane { byte, lane, vector in
            #expect(ByteVector.firstLane(JSONValue.specialBytes(vector)) == (Self.isSpecial(byte) ? lane : nil), "byte \(byte) at \(lane)")
        }
    }

    @Test func randomWordsAgreeWithTheByteCheck() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let word = generator.next() as UInt64
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }
            #expect(JSONValue.hasSpecialByte(word) == bytes.contains(where: Self.isSpecial))
        }
    }

    /// Escapes at every offset of long strings come out as a byte-by-byte writer puts them.
    @Test func escapesAtEveryOffset() throws {
        let plain = "The quick brown fox – “jumps” over the lazy dog, déjà vu."
        for escape in ["\"", "\\", "\n", "\u{1}", "\u{2028}", "\u{2029}", "\t"] {
            for offset in 0...plain.unicodeScalars.count {
                var scalars = Array(plain.unicodeScalars)
                scalars.insert(contentsOf: escape.unicodeScalars, at: offset)
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                let line = JSONValue.string(text).serialized()
                let parsed = try JSONParser.parse(line)
                #expect(parsed == .string(text))
                #expect(!line.contains("\u{2028}") && !line.contains("\u{2029}"))
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 })
            }
        }
    }
}

/// Records are written with `JSONWriter`, member by member; its bytes must be those of the
/// same value built as a `JSONValue` and serialized.
@Suite struct JSONWriterTests {
    /// Writes `value` through the writer's calls, as RenderRecord does.
    static func write(_ value: JSONValue, to writer: inout JSONWriter) {
        switch value {
        case .null, .double: writer.value(value)
        case .bool(let flag): writer.bool(flag)
        case .int(let number): writer.int(number)
        case .string(let text): writer.string(text)
        case .array(let items):
            writer.beginArray()
            for item in items { write(item, to: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for (key, member) in members {
                writer.key(dynamic: key)
                write(member, to: &writer)
            }
            writer.endObject()
        }
    }

    static func randomValue(depth: Int, using generator: inout some RandomNumberGenerator) -> JSONValue {
        let strings = ["", "a", "déjà “vu”", "line\nbreak", "tab\t\"quote\"", "\u{2028}", "back\\slash", "Москва"]
        switch Int.random(in: depth > 2 ? 0...4 : 0...6, using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...63, using: &generator))
        case 3, 4: return .string(strings.randomElement(using: &generator)!)
        case 5: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            return .object((0..<Int.random(in: 0...4, using: &generator)).map {
                ("\(strings.randomElement(using: &generator)!)\($0)", randomValue(depth: depth + 1, using: &generator))
            })
        }
    }

    @Test func randomValuesComeOutAsTheirSerialization() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let value = Self.randomValue(depth: 0, using: &generator)
            // Small capacities make the writer's buffer grow mid-value, often mid-string.
            var writer = JSONWriter(capacity: Int.random(in: 0...64, using: &generator))
            Self.write(value, to: &writer)
            #expect(writer.bytes == value.serializedBytes(), "\(value.serialized())")
        }
    }

    /// A string written in pieces is the pieces joined, escaped; a piece copied from the output
    /// later is that piece's string, even after the buffer grew in between.
    @Test func piecesWrittenOnceAndCopiedAreTheirStrings() {
        var generator = SystemRandomNumberGenerator()
        let strings = ["", "a", "déjà “vu”", "line\nbreak", "tab\t\"quote\"", "\u{2028}", "back\\slash", "Москва", String(repeating: "long text ", count: 40)]
        for _ in 0..<500 {
            let pieces = (0..<Int.random(in: 0...6, using: &generator)).map { _ in strings.randomElement(using: &generator)! }
            var writer = JSONWriter(capacity: Int.random(in: 0...32, using: &generator))
            writer.beginArray()
            writer.beginString()
            var ranges: [Range<Int>] = []
            for (index, piece) in pieces.enumerated() {
                if index > 0 { writer.appendVerbatim("\\n\\n") }
                ranges.append(writer.appendEscaped(piece))
            }
            writer.endString()
            for range in ranges.reversed() { writer.string(copyingOutput: range) }
            writer.endArray()
            let expected = JSONValue.array([.string(pieces.joined(separator: "\n\n"))] + pieces.reversed().map { .string($0) })
            #expect(writer.bytes == expected.serializedBytes(), "\(pieces)")
        }
    }

    @Test func integersAsTheStandardLibraryWritesThem() {
        var generator = SystemRandomNumberGenerator()
        let edges = [0, 1, 9, 10, 99, 100, -1, -9, -10, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for number in edges + (0..<5_000).map({ _ in Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...63, using: &generator) }) {
            var bytes: [UInt8] = []
            JSONWriter.appendDecimal(number, to: &bytes)
            #expect(bytes == Array(String(number).utf8))
        }
    }

    @Test func optionalFieldsAreLeftOutWhenNilOrEmpty() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("a", optional: nil)
        writer.field("b", optional: "")
        writer.field("c", optional: "x")
        writer.field("d", strings: ["1", "2"])
        writer.field("e", 3)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"c":"x","d":["1","2"],"e":3}"#)
    }
}

/// `PageReader.readAll` reads a regular file into one array of its size, and anything else
/// (a pipe) chunk by chunk; both must give every byte, and a file over the limit is too large.
@Suite struct ReadAllTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder("winnow-readall") }

    static func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) } }

    func read(file bytes: [UInt8], limit: Int) throws -> Result<[UInt8], PageReader.ReadProblem> {
        let path = folder.url.appendingPathComponent("page-\(bytes.count)").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        return PageReader.readAll(descriptor, limit: limit)
    }

    @Test(arguments: [0, 1, 4095, 65_536, 65_537, 300_000])
    func regularFilesWhole(count: Int) throws {
        let bytes = Self.bytes(count)
        #expect(try read(file: bytes, limit: 1 << 20).get() == bytes)
        #expect(try read(file: bytes, limit: count).get() == bytes)
    }

    @Test func regularFileOverTheLimit() throws {
        guard case .failure(.tooLarge(100)) = try read(file: Self.bytes(101), limit: 100) else {
            Issue.record("a 101-byte file under a 100-byte limit was read")
            return
        }
    }

    @Test func pipesChunkByChunk() throws {
        let bytes = Self.bytes(200_000)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let writeEnd = ends[1]
        let writer = Thread {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(writeEnd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(writeEnd)
        }
        writer.start()
        let result = PageReader.readAll(ends[0], limit: 1 << 20)
        close(ends[0])
        #expect(try result.get() == bytes)
    }
}
