/// The WHATWG "prescan a byte stream to determine its encoding" algorithm: finds a charset in
/// `<meta charset>` or `<meta http-equiv=content-type content="…charset=…">` without parsing
/// HTML, skipping comments and other tags the way browsers do.
struct MetaPrescan {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// Returns the raw label found in the first `limit` bytes, if any.
    static func findLabel(in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String? {
        var scanner = MetaPrescan(bytes: UnsafeBufferPointer(rebasing: bytes[..<min(limit, bytes.count)]))
        return scanner.run()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func run() -> String? {
        while position < bytes.count {
            if matches("<!--") {
                position += 4
                skip(past: "-->")
            } else if matchesCaseless("<meta"), position + 5 < bytes.count, isSpaceOrSlash(bytes[position + 5]) {
                position += 6
                if let label = readMetaAttributes() { return label }
            } else if byte(0) == UInt8(ascii: "<"), let next = byte(1),
                isLetter(next) || (next == UInt8(ascii: "/") && byte(2).map(isLetter) == true)
            {
                // A start or end tag: skip its name, then its attributes.
                position += next == UInt8(ascii: "/") ? 2 : 1
                while let current = byte(0), !isSpace(current), current != UInt8(ascii: ">") { position += 1 }
                while skipAttribute() {}
            } else if byte(0) == UInt8(ascii: "<"), let next = byte(1),
                next == UInt8(ascii: "!") || next == UInt8(ascii: "/") || next == UInt8(ascii: "?")
            {
                skip(past: ">")
            } else {
                // Every case above starts at a `<`: jump to the next one.
                position = Self.next(UInt8(ascii: "<"), in: bytes, from: position + 1)
            }
        }
        return nil
    }

    /// The index of the next `byte` at or after `start`, or the end.
    private static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        bytes.index(of: byte, from: start) ?? bytes.count
    }

    /// Reads a meta element's attributes; returns its charset label when the element declares one.
    private mutating func readMetaAttributes() -> String? {
        var seen = Set<String>()
        var gotPragma = false
        var needPragma: Bool?
        var charset: String?
        while let (name, value) = readAttribute() {
            guard seen.insert(name).inserted else { continue }
            switch name {
            case "http-equiv":
                if value == "content-type" { gotPragma = true }
            case "content":
                if charset == nil, let label = Self.charsetFromContent(value) {
                    charset = label
                    needPragma = true
                }
            case "charset":
                charset = value
                needPragma = false
            default:
                break
            }
        }
        guard let charset, let needPragma else { return nil }
        if needPragma && !gotPragma { return nil }
        return charset
    }

    /// The WHATWG "extract a character encoding from a meta element" algorithm, on the value's
    /// bytes: it runs on every `content` attribute of every meta element (descriptions of
    /// hundreds of bytes), so "charset" is matched in place, not as a lower-cased String made at
    /// each position.
    static func charsetFromContent(_ content: String) -> String? {
        return content.withUTF8Bytes { bytes -> String? in
            let count = bytes.count
            var index = 0
            while index + 7 <= count {
                guard Self.isCharsetWord(bytes, at: index) else { index += 1; continue }
                var cursor = index + 7
                while cursor < count, isSpaceStatic(bytes[cursor]) { cursor += 1 }
                guard cursor < count, bytes[cursor] == UInt8(ascii: "=") else { index += 7; continue }
                cursor += 1
                while cursor < count, isSpaceStatic(bytes[cursor]) { cursor += 1 }
                guard cursor < count else { return nil }
                let quote = bytes[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    var end = cursor + 1
                    while end < count, bytes[end] != quote { end += 1 }
                    guard end < count else { return nil }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[(cursor + 1)..<end]), as: UTF8.self)
                }
                var end = cursor
                while end < count, !isSpaceStatic(bytes[end]), bytes[end] != UInt8(ascii: ";") { end += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<end]), as: UTF8.self)
            }
            return nil
        }
    }

    /// "charset" at `index`, in any ASCII case. (No other scalar lower-cases to these letters:
    /// only the Kelvin sign and İ lower-case into ASCII, to k and to i.)
    private static func isCharsetWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard bytes[index] | 0x20 == UInt8(ascii: "c") else { return false }
        for (offset, letter) in "harset".utf8.enumerated() where bytes[index + 1 + offset] | 0x20 != letter { return false }
        return true
    }

    /// The WHATWG "get an attribute" algorithm, lower-cased; nil at the end of the tag.
    private mutating func readAttribute() -> (String, String)? {
        guard let (name, value) = scanAttribute() else { return nil }
        func lowered(_ range: Range<Int>) -> String { String(decoding: bytes[range].map(lower), as: UTF8.self) }
        return (lowered(name), lowered(value))
    }

    /// Moves past one attribute; false at the end of the tag. The tags that are not `<meta>`
    /// (most of them) only need skipping: no String is made.
    private mutating func skipAttribute() -> Bool { scanAttribute() != nil }

    /// Where the next attribute's name and value are (an empty value range when it has none);
    /// nil at the end of the tag.
    private mutating func scanAttribute() -> (name: Range<Int>, value: Range<Int>)? {
        while let current = byte(0), isSpace(current) || current == UInt8(ascii: "/") { position += 1 }
        guard byte(0) != nil, byte(0) != UInt8(ascii: ">") else {
            if byte(0) != nil { position += 1 }
            return nil
        }
        let nameStart = position
        while let current = byte(0) {
            if current == UInt8(ascii: "=") && position > nameStart { break }
            if isSpace(current) { break }
            if current == UInt8(ascii: "/") || current == UInt8(ascii: ">") { return (nameStart..<position, position..<position) }
            position += 1
        }
        let name = nameStart..<position
        while let current = byte(0), isSpace(current) { position += 1 }
        guard byte(0) == UInt8(ascii: "=") else { return (name, position..<position) }
        position += 1
        while let current = byte(0), isSpace(current) { position += 1 }
        guard let opener = byte(0) else { return nil }
        if opener == UInt8(ascii: "\"") || opener == UInt8(ascii: "'") {
            let valueStart = position + 1
            position = Self.next(opener, in: bytes, from: valueStart)
            defer { position += 1 }
            return (name, valueStart..<position)
        }
        let valueStart = position
        while let current = byte(0), !isSpace(current), current != UInt8(ascii: ">") { position += 1 }
        return (name, valueStart..<position)
    }

    private func byte(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for index in 0..<count where bytes[position + index] != literal.utf8Start[index] { return false }
        return true
    }

    private func matchesCaseless(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for index in 0..<count where lower(bytes[position + index]) != literal.utf8Start[index] { return false }
        return true
    }

    private mutating func skip(past literal: StaticString) {
        while position < bytes.count, !matches(literal) { position = Self.next(literal.utf8Start[0], in: bytes, from: position + 1) }
        position = min(bytes.count, position + literal.utf8CodeUnitCount)
    }

    private func lower(_ byte: UInt8) -> UInt8 { (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte }
    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private func isSpace(_ byte: UInt8) -> Bool { Self.isSpaceStatic(byte) }
    private func isSpaceOrSlash(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "/") }
    private static func isSpaceStatic(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
    }
}
