#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pages of a run, in input order: an HTML file is one page; a JSON Lines file (`.jsonl`,
/// `.ndjson`, optionally `.gz`, or standard input whose first byte is `{`) is one page per line,
/// read a line at a time. Every line yields a page; a line that cannot be used yields a page
/// with a `readError`, which becomes a reject, so the counts always reconcile.
public struct PageStream: Sequence, IteratorProtocol {
    public struct JSONLinesFields: Sendable {
        public var html: String
        public var url: String
        public var id: String
        /// Fields copied into the record's `meta`.
        public var keep: [String]

        public init(html: String = "html", url: String = "url", id: String = "id", keep: [String] = []) {
            self.html = html
            self.url = url
            self.id = id
            self.keep = keep
        }
    }

    public enum Format: String, Sendable, CaseIterable {
        case auto, html, jsonl
    }

    private var entries: IndexingIterator<[InputCollector.Entry]>
    private let reader: PageReader
    private let fields: JSONLinesFields
    private let format: Format
    private var lines: LineReader?
    private var linesEntry: InputCollector.Entry?
    private var lineNumber = 0

    public init(entries: [InputCollector.Entry], reader: PageReader = PageReader(), format: Format = .auto,
                fields: JSONLinesFields = JSONLinesFields()) {
        self.entries = entries.makeIterator()
        self.reader = reader
        self.format = format
        self.fields = fields
    }

    public static func isJSONLinesName(_ name: String) -> Bool {
        let lower = name.lowercased()
        let plain = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
        return plain.hasSuffix(".jsonl") || plain.hasSuffix(".ndjson")
    }

    public mutating func next() -> InputPage? {
        while true {
            if var current = lines, let entry = linesEntry {
                if let line = current.next() {
                    lines = current
                    lineNumber += 1
                    guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { continue }
                    return page(fromLine: line, number: lineNumber, of: entry)
                }
                let failure = current.failure
                lines = nil
                linesEntry = nil
                if let failure {
                    return InputPage(id: "\(entry.id):\(lineNumber + 1)", path: entry.path, bytes: [], readError: failure)
                }
            }
            guard let entry = entries.next() else { return nil }
            let isJSONLines: Bool
            switch format {
            case .jsonl: isJSONLines = true
            case .html: isJSONLines = false
            case .auto: isJSONLines = entry.path.map { Self.isJSONLinesName($0) } ?? false
            }
            if isJSONLines || (format == .auto && entry.path == nil) {
                // Standard input in auto mode: JSON Lines when the first byte is "{".
                let page = reader.read(entry)
                if let readError = page.readError, isJSONLines { return InputPage(id: entry.id, path: entry.path, bytes: [], readError: readError) }
                var bytes = page.bytes
                if page.compression == .gzip || Gzip.looksCompressed(bytes) {
                    switch Gzip.decompress(bytes) {
                    case .success(let plain): bytes = plain
                    case .failure(let failure): return InputPage(id: entry.id, path: entry.path, bytes: [], readError: failure.description)
                    }
                }
                let firstByte = bytes.first { $0 > 0x20 }
                if isJSONLines || firstByte == UInt8(ascii: "{") {
                    lines = LineReader(bytes: bytes)
                    linesEntry = entry
                    lineNumber = 0
                    continue
                }
                return page
            }
            return reader.read(entry)
        }
    }

    private func page(fromLine line: ArraySlice<UInt8>, number: Int, of entry: InputCollector.Entry) -> InputPage {
        let fallbackID = "\(entry.id):\(number)"
        let object: JSONValue
        do {
            object = try JSONParser.parse(String(decoding: line, as: UTF8.self))
        } catch {
            return InputPage(id: fallbackID, path: entry.path, bytes: [], readError: "line \(number): \(error)")
        }
        guard case .object = object else {
            return InputPage(id: fallbackID, path: entry.path, bytes: [], readError: "line \(number): not a JSON object")
        }
        var id = fallbackID
        switch object[fields.id] {
        case .string(let value)?: id = value
        case .int(let value)?: id = String(value)
        default: break
        }
        var url: String?
        if case .string(let value)? = object[fields.url] { url = value }
        guard case .string(let html)? = object[fields.html] else {
            return InputPage(id: id, path: entry.path, bytes: [], readError: "line \(number): no \"\(fields.html)\" field holding text",
                             url: url)
        }
        // A payload without markup that reads as base64 is base64 (some dumps store raw bytes so).
        let bytes = !html.utf8.contains(UInt8(ascii: "<")) ? (Base64.decode(html) ?? Array(html.utf8)) : Array(html.utf8)
        var page = InputPage(id: id, path: entry.path, bytes: bytes, url: url)
        page.meta = fields.keep.compactMap { key in object[key].map { (key, $0) } }
        return page
    }
}

/// Splits bytes into lines (`\n`, an optional `\r` dropped), without copying them.
struct LineReader {
    private let bytes: [UInt8]
    private var position = 0
    /// Set when the input ended badly (nothing today: whole buffers are read first).
    var failure: String?

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> ArraySlice<UInt8>? {
        guard position < bytes.count else { return nil }
        let end = bytes[position...].firstIndex(of: 0x0A) ?? bytes.count
        var line = bytes[position..<end]
        if line.last == 0x0D { line = line.dropLast() }
        position = end + 1
        return line
    }
}

/// Standard base64 (RFC 4648), padding optional; nil for anything else.
enum Base64 {
    private static let table: [UInt8: UInt8] = {
        var table: [UInt8: UInt8] = [:]
        for (index, byte) in Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8).enumerated() {
            table[byte] = UInt8(index)
        }
        return table
    }()

    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        values.reserveCapacity(text.utf8.count)
        var padding = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") { padding += 1; continue }
            if byte == 0x0A || byte == 0x0D || byte == 0x20 { continue }
            guard padding == 0, let value = table[byte] else { return nil }
            values.append(value)
        }
        guard values.count >= 4, values.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(values.count * 3 / 4)
        var index = 0
        while index + 1 < values.count {
            let a = values[index], b = values[index + 1]
            output.append(a << 2 | b >> 4)
            if index + 2 < values.count { output.append((b & 0x0F) << 4 | values[index + 2] >> 2) }
            if index + 3 < values.count { output.append((values[index + 2] & 0x03) << 6 | values[index + 3]) }
            index += 4
        }
        return output
    }
}
