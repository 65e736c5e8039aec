/// The pages of a run, in input order, read with flat memory:
/// - an HTML file is one page, and so is a flat text file (`.txt`);
/// - a JSON Lines file (`.jsonl`, `.ndjson`) is one page per line;
/// - a WARC file (`.warc`, plain or gzip) is one page per HTML response or resource record;
///   a WET file (`.warc.wet`) one text page per `conversion` record.
/// Any of them may be gzip. Standard input, and files given by name with another extension,
/// are recognized by their first bytes (`WARC/`, `{`, else HTML).
///
/// Every line and every WARC record that should be a page yields one: a page that cannot be
/// read carries a `readError` and becomes a reject, so the counts reconcile. WARC records that
/// are not pages (requests, metadata, non-HTML, non-200) are counted in `warcTally`.
public struct PageStream: Sequence, IteratorProtocol {
    public struct JSONLinesFields: Sendable {
        public var html: String
        /// When set, pages are flat text read from this field (and `html` is not read).
        public var text: String?
        public var url: String
        public var id: String
        /// Fields copied into the record's `meta`.
        public var keep: [String]

        public init(html: String = "html", text: String? = nil, url: String = "url", id: String = "id", keep: [String] = []) {
            self.html = html
            self.text = text
            self.url = url
            self.id = id
            self.keep = keep
        }
    }

    public enum Format: String, Sendable, CaseIterable {
        case auto, html, text, jsonl, warc
    }

    /// What the WARC files of the run held, beside the pages.
    public struct WARCTally: Sendable, Equatable {
        /// Records read (pages, skipped and damaged together).
        public var records = 0
        /// Records that are not pages, by reason ("request", "metadata", "HTTP status 404", "non-HTML", ...).
        public var skipped: [String: Int] = [:]
        public var skippedTotal: Int { skipped.values.reduce(0, +) }

        public init() {}
    }

    private enum Current {
        case lines(ByteReader, InputCollector.Entry, lineNumber: Int)
        case warc(WARCReader, WARCPages)
    }

    private var entries: IndexingIterator<[InputCollector.Entry]>
    private let reader: PageReader
    private let fields: JSONLinesFields
    private let format: Format
    private var current: Current?
    public private(set) var warcTally = WARCTally()

    public init(entries: [InputCollector.Entry], reader: PageReader = PageReader(), format: Format = .auto,
                fields: JSONLinesFields = JSONLinesFields()) {
        self.entries = entries.makeIterator()
        self.reader = reader
        self.format = format
        self.fields = fields
    }

    public static func isJSONLinesName(_ name: String) -> Bool {
        let plain = plainName(name)
        return plain.hasSuffix(".jsonl") || plain.hasSuffix(".ndjson")
    }

    public static func isWARCName(_ name: String) -> Bool {
        let plain = plainName(name)
        return plain.hasSuffix(".warc") || plain.hasSuffix(".wet")
    }

    static func isTextName(_ name: String) -> Bool {
        plainName(name).hasSuffix(".txt")
    }

    static func isHTMLName(_ name: String) -> Bool {
        let plain = plainName(name)
        return plain.hasSuffix(".html") || plain.hasSuffix(".htm") || plain.hasSuffix(".xhtml")
    }

    private static func plainName(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
    }

    public mutating func next() -> InputPage? {
        while true {
            switch current {
            case .lines(let lines, let entry, let lineNumber)?:
                if let page = nextLinePage(lines, entry: entry, lineNumber: lineNumber) { return page }
            case .warc(let warc, let pages)?:
                if let page = nextWARCPage(warc, pages: pages) { return page }
            case nil:
                break
            }
            current = nil
            guard let entry = entries.next() else { return nil }
            if let page = open(entry) { return page }
        }
    }

    /// Starts reading an entry: returns its page when it is a single page (or cannot be read),
    /// or sets `current` to the lines or records it holds.
    private mutating func open(_ entry: InputCollector.Entry) -> InputPage? {
        var chosen = format
        if chosen == .auto, let path = entry.path {
            if Self.isWARCName(path) {
                chosen = .warc
            } else if Self.isJSONLinesName(path) {
                chosen = .jsonl
            } else if Self.isHTMLName(path) {
                chosen = .html
            } else if Self.isTextName(path) {
                chosen = .text
            }
        }
        if chosen == .html, entry.path != nil { return reader.read(entry) }
        if chosen == .text, entry.path != nil { return reader.read(entry).as(.text) }
        let source: FileSource
        do {
            source = try FileSource(path: entry.path)
        } catch {
            return InputPage(id: entry.id, path: entry.path, bytes: [], readError: error.description)
        }
        let raw = ByteReader(source)
        if chosen == .auto { chosen = Self.sniffFormat(raw) }
        switch chosen {
        case .warc:
            current = .warc(WARCReader(source: MemorySource(raw.takeBuffered(), then: source), maximumBlockBytes: reader.maximumBytes),
                            WARCPages(fileID: entry.id, path: entry.path))
            return nil
        case .jsonl:
            let lines: ByteReader
            if GzipSource.isGzip(raw.peek(2)) {
                lines = ByteReader(GzipSource(MemorySource(raw.takeBuffered(), then: source)))
            } else {
                lines = raw
            }
            current = .lines(lines, entry, lineNumber: 0)
            return nil
        case .text:
            return reader.read(entry, from: raw).as(.text)
        case .html, .auto:
            return reader.read(entry, from: raw)
        }
    }

    /// WARC, JSON Lines or HTML, by the first bytes (after gzip, when the stream is gzip).
    static func sniffFormat(_ raw: ByteReader) -> Format {
        var head = Array(raw.peek(1 << 16))
        if GzipSource.isGzip(head) {
            // Decompress only what was peeked; the stream itself is not consumed.
            let probe = GzipSource(MemorySource(head))
            var plain: [UInt8] = []
            while plain.count < 4096, let count = try? probe.read(appendingTo: &plain), count > 0 {}
            head = plain
        }
        guard let first = head.firstIndex(where: { $0 > 0x20 }) else { return .html }
        if head[first...].starts(with: Array("WARC/".utf8)) { return .warc }
        if head[first] == UInt8(ascii: "{") { return .jsonl }
        return looksLikeMarkup(head[first...]) ? .html : .text
    }

    /// Whether text opens any HTML tag: `<` then a tag name Winnow knows, `!` or `/`. Flat text
    /// may hold a stray `<` ("a < b"), rarely a tag.
    static func looksLikeMarkup(_ head: ArraySlice<UInt8>) -> Bool {
        let tags = ["html", "head", "body", "div", "p", "meta", "title", "br", "a", "span", "script", "table", "li", "ul", "h1", "h2", "img"]
        var index = head.startIndex
        while let open = head[index...].firstIndex(of: UInt8(ascii: "<")) {
            let after = head.index(after: open)
            guard after < head.endIndex else { return false }
            let next = head[after]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "/") || next == UInt8(ascii: "?") { return true }
            var end = after
            while end < head.endIndex, (head[end] | 0x20) >= UInt8(ascii: "a"), (head[end] | 0x20) <= UInt8(ascii: "z") || (head[end] >= 0x31 && head[end] <= 0x36) { end += 1 }
            if end > after, end < head.endIndex, [0x20, 0x3E, 0x0A, 0x09, 0x2F].contains(head[end]),
               tags.contains(String(decoding: head[after..<end], as: UTF8.self).lowercased()) { return true }
            index = after
        }
        return false
    }

    // MARK: JSON Lines

    private mutating func nextLinePage(_ lines: ByteReader, entry: InputCollector.Entry, lineNumber: Int) -> InputPage? {
        var number = lineNumber
        defer { if case .lines? = current { current = .lines(lines, entry, lineNumber: number) } }
        // A line holds one page, possibly base64: allow a third more than the page limit.
        let limit = reader.maximumBytes + reader.maximumBytes / 3 + 1024
        while true {
            let line: ArraySlice<UInt8>
            do {
                guard let read = try lines.readLine(limit: limit) else { return nil }
                line = read
            } catch {
                // Unreadable bytes (a damaged .gz): the lines from here on are lost; say so once.
                current = nil
                return InputPage(id: "\(entry.id):\(number + 1)", path: entry.path, bytes: [],
                                 readError: "line \(number + 1) and after: \(error.description)")
            }
            number += 1
            if line.count == limit {
                while let rest = try? lines.readLine(limit: limit), rest.count == limit {}
                return InputPage(id: "\(entry.id):\(number)", path: entry.path, bytes: [],
                                 readError: "line \(number): longer than the \(limit)-byte line limit")
            }
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { continue }
            return page(fromLine: line, number: number, of: entry)
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
        let field = fields.text ?? fields.html
        guard case .string(let payload)? = object[field] else {
            return InputPage(id: id, path: entry.path, bytes: [], readError: "line \(number): no \"\(field)\" field holding text",
                             url: url)
        }
        var page: InputPage
        if fields.text != nil {
            page = InputPage(id: id, path: entry.path, bytes: Array(payload.utf8), url: url).as(.text)
        } else {
            // A payload without markup that reads as base64 is base64 (some dumps store raw bytes so).
            let bytes = !payload.utf8.contains(UInt8(ascii: "<")) ? (Base64.decode(payload) ?? Array(payload.utf8)) : Array(payload.utf8)
            page = InputPage(id: id, path: entry.path, bytes: bytes, url: url)
        }
        page.meta = fields.keep.compactMap { key in object[key].map { (key, $0) } }
        page.container = "jsonl"
        return page
    }

    // MARK: WARC

    private mutating func nextWARCPage(_ warc: WARCReader, pages: WARCPages) -> InputPage? {
        while let result = warc.next() {
            warcTally.records += 1
            switch pages.outcome(of: result) {
            case .page(let page): return page
            case .skipped(let reason): warcTally.skipped[reason, default: 0] += 1
            }
        }
        return nil
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
