/// What no stage reads, found in the UTF-8 bytes before libxml2 parses them, so that the
/// parser can be handed the page without it: the bodies of `<script>` and `<style>` elements,
/// and the quoted values of the attributes `UnreadAttributes` lists.
///
/// Why: on news pages half the bytes are script and style text (the ScrapingHub pages: 27% and
/// 26%), and a third of the attribute bytes are icon paths, image sources and `data-` payloads;
/// libxml2 reads both character by character into nodes no later stage reads. JSON-LD scripts
/// are kept: their text is the record's metadata.
///
/// The scan follows libxml2 2.9's HTML tokenizer (recover mode) closely enough to know, at every
/// `<`, whether it starts a comment, a declaration, a processing instruction, an end tag, a start
/// tag (whose quoted attribute values may hold `<script>`) or text. A body is removed only when
/// libxml2 would read it as the element's raw text: the start tag ends with `>` (not `/>`), the
/// body does not start with `<` (libxml2 would first try it as markup), and the body ends at
/// `</script` or `</style` (any case, as libxml2 compares a prefix). An attribute value is
/// emptied only when it is quoted and its tag ends normally. Wherever the bytes are ambiguous
/// (an unterminated tag, comment or quote, an abrupt `<!-->`, a NUL byte, a quoted DOCTYPE whose
/// ends disagree), the scan stops and the rest of the page is left as it is, so a misreading can
/// only cost speed, never change the tree elsewhere. Line breaks inside what is removed stay, so
/// libxml2 numbers lines as in the page. `UnreadMarkupTests` parses both versions of many pages
/// and compares the trees.
enum UnreadMarkup {
    /// The page without the bodies, or nil when there is nothing to remove. A body's line
    /// breaks stay, so that libxml2 numbers the lines after it as in the page (`explain`
    /// shows them).
    static func removed(from bytes: [UInt8], unread: UnreadAttributes) -> [UInt8]? {
        let ranges = bytes.withUnsafeBufferPointer { removableRanges(in: $0, unread: unread) }
        guard !ranges.isEmpty else { return nil }
        var kept = [UInt8]()
        kept.reserveCapacity(bytes.count - ranges.reduce(0) { $0 + $1.count })
        var start = 0
        for range in ranges {
            kept.append(contentsOf: bytes[start..<range.lowerBound])
            let breaks = bytes.withUnsafeBufferPointer { lineBreaks(in: UnsafeBufferPointer(rebasing: $0[range])) }
            kept.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: breaks))
            start = range.upperBound
        }
        kept.append(contentsOf: bytes[start...])
        return kept
    }

    private static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var position = 0
        while let found = bytes.index(of: 0x0A, from: position) {
            count += 1
            position = found + 1
        }
        return count
    }

    /// The byte ranges of the removable bodies and values, in order.
    static func removableRanges(in bytes: UnsafeBufferPointer<UInt8>, unread: UnreadAttributes) -> [Range<Int>] {
        // A NUL ends libxml2's reading of a script body and of most constructs: leave such
        // pages alone rather than model it.
        guard !bytes.isEmpty, bytes.index(of: 0, from: 0) == nil else { return [] }
        var scanner = Scanner(bytes: bytes, unread: unread)
        return scanner.scan()
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let unread: UnreadAttributes
        var ranges: [Range<Int>] = []
        /// The unread values of the start tag being read, kept once the tag ends normally.
        var pendingValues: [Range<Int>] = []

        init(bytes: UnsafeBufferPointer<UInt8>, unread: UnreadAttributes) {
            self.bytes = bytes
            self.unread = unread
        }

        subscript(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

        mutating func scan() -> [Range<Int>] {
            var index = 0
            while let open = find(UInt8(ascii: "<"), from: index) {
                guard let next = step(at: open) else { break }
                index = next
            }
            return ranges
        }

        /// Reads the construct starting at the `<` at `open`; returns where to go on, or nil
        /// to stop (the rest is ambiguous).
        mutating func step(at open: Int) -> Int? {
            let next = self[open + 1]
            switch next {
            case UInt8(ascii: "!"):
                if self[open + 2] == UInt8(ascii: "-"), self[open + 3] == UInt8(ascii: "-") { return comment(at: open) }
                if matchesLowercased("doctype", at: open + 2) { return doctype(at: open) }
                return after(UInt8(ascii: ">"), from: open + 2)  // a bogus tag, dropped up to `>`
            case UInt8(ascii: "?"):
                // A processing instruction with a target ends at `>`; without one libxml2
                // reads on as text from a point this scan does not model.
                guard Self.isLetter(self[open + 2]) else { return nil }
                return after(UInt8(ascii: ">"), from: open + 2)
            case UInt8(ascii: "/"):
                // An end tag with a name is skipped up to `>`, quotes or not; `</` without one is text.
                return Self.startsName(self[open + 2]) ? after(UInt8(ascii: ">"), from: open + 2) : open + 2
            default:
                if Self.startsName(next) { return startTag(at: open) }
                // `<` before a blank, `<`, `=`, `>` or a digit is text; before anything else it
                // opens a bogus tag, dropped up to `>`.
                if next == 0 || Self.isBlank(next) || next == UInt8(ascii: "<") || next == UInt8(ascii: "=")
                    || next == UInt8(ascii: ">") || (next >= 0x30 && next <= 0x39)
                {
                    return open + 1
                }
                return after(UInt8(ascii: ">"), from: open + 1)
            }
        }

        /// `<!-- … -->`. The abrupt forms `<!-->` and `<!--->`, and `--!>`, end comments in
        /// some libxml2 versions and not in others: stop there.
        func comment(at open: Int) -> Int? {
            let body = open + 4
            if self[body] == UInt8(ascii: ">") || (self[body] == UInt8(ascii: "-") && self[body + 1] == UInt8(ascii: ">")) {
                return nil
            }
            guard let end = find("-->", from: body) else { return nil }
            if find("--!>", from: body, before: end + 1) != nil { return nil }
            return end + 3
        }

        /// `<!DOCTYPE …>`: its quoted identifiers may hold `>`. Go on only where the first `>`
        /// and the first `>` outside quotes agree.
        func doctype(at open: Int) -> Int? {
            guard let plain = find(UInt8(ascii: ">"), from: open + 2) else { return nil }
            var index = open + 2
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") { break }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    guard let close = find(byte, from: index + 1) else { return nil }
                    index = close
                }
                index += 1
            }
            return index == plain ? plain + 1 : nil
        }

        /// A start tag: its name, its attributes as libxml2 reads them, then, for `script` and
        /// `style`, the body.
        mutating func startTag(at open: Int) -> Int? {
            var index = open + 1
            while Self.continuesName(self[index]) { index += 1 }
            let name = RawTextElement(bytes: bytes, from: open + 1, to: index)
            pendingValues.removeAll(keepingCapacity: true)
            let length = index - open - 1
            let onLink = (length == 4 && matchesLowercased("link", at: open + 1)) || (length == 4 && matchesLowercased("base", at: open + 1))
            guard let end = endOfAttributes(from: index, onLink: onLink) else { return nil }
            ranges.append(contentsOf: pendingValues)
            if end.selfClosing || name == nil { return end.next }
            let bodyStart = end.next
            guard let close = findClosing(name!, from: bodyStart) else { return nil }
            if name == .script, containsLowercased("ld+json", from: open, to: bodyStart) { return close }
            if bodyStart == close { return close }
            if self[bodyStart] == UInt8(ascii: "<") { return nil }  // libxml2 tries this as markup first
            ranges.append(bodyStart..<close)
            return close
        }

        /// Walks attributes to the end of a start tag: `>` or `/>`. libxml2 reads a name, an
        /// optional `= value` (quoted, or up to a blank or `>`), and drops anything else up to
        /// the next blank or the end of the tag.
        mutating func endOfAttributes(from start: Int, onLink: Bool) -> (next: Int, selfClosing: Bool)? {
            var index = start
            while true {
                while Self.isBlank(self[index]) { index += 1 }
                let byte = self[index]
                if index >= bytes.count { return nil }
                if byte == UInt8(ascii: ">") { return (index + 1, false) }
                if byte == UInt8(ascii: "/"), self[index + 1] == UInt8(ascii: ">") { return (index + 2, true) }
                if Self.startsName(byte) {
                    let nameStart = index
                    while Self.continuesName(self[index]) { index += 1 }
                    let nameEnd = index
                    while Self.isBlank(self[index]) { index += 1 }
                    guard self[index] == UInt8(ascii: "=") else { continue }
                    index += 1
                    while Self.isBlank(self[index]) { index += 1 }
                    let quote = self[index]
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        guard let close = find(quote, from: index + 1) else { return nil }
                        if close > index + 1, !unread.isEmpty,
                           unread.contains(UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), onLink: onLink)
                        {
                            pendingValues.append(index + 1..<close)
                        }
                        index = close + 1
                    } else {
                        while index < bytes.count, !Self.isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    }
                    continue
                }
                // A bogus attribute: dropped up to a blank, `>` or `/>`.
                while index < bytes.count, !Self.isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">"),
                      !(bytes[index] == UInt8(ascii: "/") && self[index + 1] == UInt8(ascii: ">"))
                {
                    index += 1
                }
            }
        }

        /// Where the body of a raw-text element ends: the first `</` followed by its name, in
        /// any case (a prefix, as libxml2 compares it).
        func findClosing(_ element: RawTextElement, from start: Int) -> Int? {
            let name = element.lowercasedName
            var index = start
            while let open = find(UInt8(ascii: "<"), from: index) {
                if self[open + 1] == UInt8(ascii: "/"), matchesLowercased(name, at: open + 2) { return open }
                index = open + 1
            }
            return nil
        }

        // MARK: Byte search

        func find(_ byte: UInt8, from start: Int, before limit: Int? = nil) -> Int? {
            bytes.index(of: byte, from: start, before: limit)
        }

        /// The index just after the next `byte`, or nil when there is none (an unterminated construct).
        func after(_ byte: UInt8, from start: Int) -> Int? {
            find(byte, from: start).map { $0 + 1 }
        }

        func find(_ needle: StaticString, from start: Int, before limit: Int? = nil) -> Int? {
            let first = needle.utf8Start.pointee
            let end = min(limit ?? bytes.count, bytes.count)
            var index = start
            while let candidate = find(first, from: index, before: end) {
                if matches(needle, at: candidate) { return candidate }
                index = candidate + 1
            }
            return nil
        }

        func matches(_ needle: StaticString, at index: Int) -> Bool {
            guard index + needle.utf8CodeUnitCount <= bytes.count else { return false }
            for offset in 0..<needle.utf8CodeUnitCount where bytes[index + offset] != needle.utf8Start[offset] { return false }
            return true
        }

        /// Whether the bytes at `index` spell `lowercased` in any ASCII case.
        func matchesLowercased(_ lowercased: StaticString, at index: Int) -> Bool {
            guard index + lowercased.utf8CodeUnitCount <= bytes.count else { return false }
            for offset in 0..<lowercased.utf8CodeUnitCount where Self.lowered(bytes[index + offset]) != lowercased.utf8Start[offset] {
                return false
            }
            return true
        }

        func containsLowercased(_ lowercased: StaticString, from start: Int, to end: Int) -> Bool {
            var index = start
            while index + lowercased.utf8CodeUnitCount <= end {
                if matchesLowercased(lowercased, at: index) { return true }
                index += 1
            }
            return false
        }

        // MARK: Character classes, as libxml2's HTML parser has them

        static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        static func isLetter(_ byte: UInt8) -> Bool { let lower = byte | 0x20; return lower >= 0x61 && lower <= 0x7A }
        static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        static func startsName(_ byte: UInt8) -> Bool {
            isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
        }
        static func continuesName(_ byte: UInt8) -> Bool {
            startsName(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
        }
    }

    /// The two elements libxml2 2.9 reads as raw text.
    enum RawTextElement {
        case script, style

        init?(bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
            func spells(_ word: StaticString) -> Bool {
                guard end - start == word.utf8CodeUnitCount else { return false }
                for offset in 0..<word.utf8CodeUnitCount where Scanner.lowered(bytes[start + offset]) != word.utf8Start[offset] {
                    return false
                }
                return true
            }
            if spells("script") { self = .script } else if spells("style") { self = .style } else { return nil }
        }

        var lowercasedName: StaticString {
            switch self {
            case .script: "script"
            case .style: "style"
            }
        }
    }
}
