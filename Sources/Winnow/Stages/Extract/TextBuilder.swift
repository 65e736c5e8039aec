import Foundation

/// Accumulates the visible text of inline content with the browser's whitespace model:
/// runs of whitespace become one space, `<br>` becomes a line break, nothing leads or trails.
/// Works on UTF-8 bytes. Also removes characters that never show (zero-width space, soft
/// hyphen, byte order mark, word joiner, bidi embeddings, overrides and isolates), turns
/// no-break spaces into spaces, puts C1 controls back as the windows-1252 characters they were
/// meant to be (U+0092 is a ’ that went through latin-1), and composes decomposed accents (NFC);
/// each repair is counted. Zero-width joiners and non-joiners stay: Persian, Indic scripts and
/// emoji need them.
struct TextBuilder {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreaks = 0
    /// Inside `<pre>`: keep whitespace as written.
    var preservesWhitespace = false
    private(set) var removedInvisibles = 0
    private(set) var replacedNoBreakSpaces = 0
    private(set) var replacedC1Controls = 0
    private(set) var composedCharacters = 0
    /// Whether a combining mark (U+0300–U+036F) was appended since the last `take()`: only then
    /// is NFC worth computing.
    private var sawCombiningMark = false

    var isEmpty: Bool { bytes.isEmpty }

    /// The repairs counted so far, under their names in the record's `repairs`.
    var repairs: [(String, Int)] {
        [("invisibleCharacters", removedInvisibles), ("noBreakSpaces", replacedNoBreakSpaces),
         ("c1Controls", replacedC1Controls), ("nfc", composedCharacters)]
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            // Most bytes are neither whitespace nor the lead of a character handled below: a run
            // of them is copied at once.
            if Self.isPlain(byte) {
                var end = index + 1
                while end < count, Self.isPlain(text[end]) { end += 1 }
                flushPending()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
                index = end
                continue
            }
            if preservesWhitespace, byte == 0x0A || byte == 0x20 || byte == 0x09 {
                flushPending()
                if !(bytes.isEmpty && (byte == 0x0A)) { bytes.append(byte) }
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < count {
                let next = text[index + 1]
                if next == 0xA0 { replacedNoBreakSpaces += 1; pendingSpace = true; index += 2; continue }
                if next == 0xAD { removedInvisibles += 1; index += 2; continue }  // soft hyphen
                if next >= 0x80 && next <= 0x9F {  // a C1 control
                    replacedC1Controls += 1
                    index += 2
                    if let replacement = Self.windows1252C1[Int(next - 0x80)] {
                        flushPending()
                        bytes.append(contentsOf: replacement.utf8)
                    }
                    continue
                }
            }
            if byte == 0xCC || (byte == 0xCD && index + 1 < count && text[index + 1] <= 0xAF) { sawCombiningMark = true }
            if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80 {
                let third = text[index + 2]
                // zero-width space, LRM, RLM; LRE, RLE, PDF, LRO, RLO
                if third == 0x8B || third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE) {
                    removedInvisibles += 1
                    index += 3
                    continue
                }
                if third == 0xAF || (third >= 0x80 && third <= 0x8A) {  // narrow and other fixed-width spaces
                    pendingSpace = true
                    index += 3
                    continue
                }
            }
            if byte == 0xE2, index + 2 < count, text[index + 1] == 0x81, text[index + 2] == 0xA0 || (text[index + 2] >= 0xA6 && text[index + 2] <= 0xA9) {
                removedInvisibles += 1  // word joiner; LRI, RLI, FSI, PDI
                index += 3
                continue
            }
            if byte == 0xEF, index + 2 < count, text[index + 1] == 0xBB, text[index + 2] == 0xBF {
                removedInvisibles += 1
                index += 3
                continue
            }
            flushPending()
            bytes.append(byte)
            index += 1
        }
    }

    /// Bytes `append` copies as they are: not ASCII whitespace, and not the lead byte of the
    /// no-break, invisible, C1, combining and fixed-width space characters it rewrites
    /// (C2, CC, CD, E2, EF).
    /// (A switch, not a table: a static table is a call to its initializer's guard and a retain
    /// and release of its array at every use, and `unchangedScalars` runs once a line.)
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x09, 0x0D, 0x0C, 0xC2, 0xCC, 0xCD, 0xE2, 0xEF: false
        default: true
        }
    }

    /// Whether a line is ASCII with no control from \t to \r, single spaces inside it and
    /// none at either end: most lines of flat text. Such a line is its own text (`append`
    /// would give it back unchanged, one scalar a byte) and its comparable form is its lower
    /// case (`BuildBlocks.lowercasePlainASCII`).
    ///
    /// What rules a line out is OR-ed over pairs of neighbouring bytes, sixteen pairs a step
    /// with nothing carried from one pair to the next: the compiler turns each step into
    /// vector compares. The last step is the line's last sixteen pairs, some of them read
    /// again (an OR does not mind), so that no byte-by-byte tail is left but on short lines.
    static func isPlainASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, let first = text.first, let last = text.last, first != 0x20, last != 0x20,
              first < 0x80, first &- 0x09 >= 5 else { return false }
        let count = text.count
        @inline(__always) func ruledOut(_ index: Int) -> UInt8 {
            let byte = base[index], previous = base[index &- 1]
            return (byte >= 0x80 ? 1 : 0) | (byte &- 0x09 < 5 ? 1 : 0) | ((byte == 0x20 ? 1 : 0) & (previous == 0x20 ? 1 : 0))
        }
        var found: UInt8 = 0
        guard count > 16 else {
            for index in 1..<max(count, 1) { found |= ruledOut(index) }
            return found == 0
        }
        var index = 1
        while true {
            if index &+ 16 > count { index = count &- 16 }
            for lane in 0..<16 { found |= ruledOut(index &+ lane) }
            index &+= 16
            if index >= count || found != 0 { break }
        }
        return found == 0
    }

    /// Whether `append` then `take` would give these bytes back unchanged (plain bytes with
    /// single spaces between them, none at either end: most lines of flat text), told by the
    /// text's Unicode scalars, counted in the same pass; nil when `append` would change it.
    static func unchangedScalars(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = text.first, let last = text.last, first != 0x20, last != 0x20 else { return nil }
        var previousWasSpace = false
        var index = 0
        var scalars = 0
        let count = text.count
        let base = UnsafeRawPointer(text.baseAddress!)
        while index < count {
            // Eight ASCII bytes at a time while none is \t, \n, \f or \r and no space follows a
            // space (what the byte loop below would pass).
            while index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                guard let lastIsSpace = Self.plainASCIIWord(word, afterSpace: previousWasSpace) else { break }
                previousWasSpace = lastIsSpace
                index += 8
                scalars += 8
            }
            guard index < count else { break }
            let byte = text[index]
            index += 1
            if byte & 0xC0 != 0x80 { scalars += 1 }  // every byte but a continuation byte starts a scalar
            if byte == 0x20 {
                if previousWasSpace { return nil }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if Self.isPlain(byte) { continue }
            // The leads `append` looks behind: only what it rewrites makes the line change.
            let next: UInt8 = index < count ? text[index] : 0
            let third: UInt8 = index + 1 < count ? text[index + 1] : 0
            switch byte {
            case 0xC2 where next != 0xA0 && next != 0xAD && !(next >= 0x80 && next <= 0x9F):
                continue
            case 0xE2 where next == 0x80:
                if third == 0x8B || third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE) || third == 0xAF || third <= 0x8A {
                    return nil
                }
                continue
            case 0xE2 where next == 0x81:
                if third == 0xA0 || (third >= 0xA6 && third <= 0xA9) { return nil }
                continue
            case 0xE2:
                continue
            case 0xEF where !(next == 0xBB && third == 0xBF):
                continue
            default:
                return nil  // whitespace, or a combining mark (CC, CD) that composition may change
            }
        }
        return scalars
    }

    /// For eight bytes all ASCII, none of them \t, \n, \f or \r, and no space after a space
    /// (`afterSpace`: the byte before was one): whether the last is a space. Nil otherwise.
    @inline(__always)
    static func plainASCIIWord(_ word: UInt64, afterSpace: Bool) -> Bool? {
        guard word & ByteLanes.high == 0 else { return nil }
        let controls = ByteLanes.equal(word, 0x09) | ByteLanes.equal(word, 0x0A) | ByteLanes.equal(word, 0x0C) | ByteLanes.equal(word, 0x0D)
        guard controls == 0 else { return nil }
        let spaces = ByteLanes.equal(word, 0x20)
        guard spaces & (spaces << 8 | (afterSpace ? 0x80 : 0)) == 0 else { return nil }
        return spaces >> 63 != 0
    }

    /// What C1 controls (U+0080–U+009F) stand for in windows-1252; nil where it defines nothing
    /// (those controls are dropped).
    static let windows1252C1: [String?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    mutating func append(_ string: String) {
        string.withUTF8Bytes { append($0) }
    }

    /// A `<br>`: a line break unless the text is still empty.
    mutating func lineBreak() {
        guard !bytes.isEmpty else { return }
        pendingSpace = false
        pendingBreaks = max(pendingBreaks, 1)
    }

    /// Separates inline runs that sit in different cells or items: one space.
    mutating func softBreak() {
        if !bytes.isEmpty { pendingSpace = true }
    }

    private mutating func flushPending() {
        if pendingBreaks > 0, !bytes.isEmpty {
            bytes.append(0x0A)
        } else if pendingSpace, !bytes.isEmpty, bytes.last != 0x0A {
            bytes.append(0x20)
        }
        pendingSpace = false
        pendingBreaks = 0
    }

    /// The text so far as `take` gives it, handed to `body` as UTF-8 bytes, and a fresh start;
    /// false (nothing handed, nothing reset) when a combining mark means `take` must compose it.
    /// For a caller that stores bytes: `take` validates the bytes into a string, about ten
    /// instructions a byte. The bytes are valid UTF-8 when the appended bytes were.
    mutating func take(into body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard !sawCombiningMark else { return false }
        while let last = bytes.last, last == 0x20 || last == 0x0A { bytes.removeLast() }
        bytes.withUnsafeBufferPointer(body)
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        pendingBreaks = 0
        return true
    }

    /// The text so far, and a fresh start.
    mutating func take() -> String {
        while let last = bytes.last, last == 0x20 || last == 0x0A { bytes.removeLast() }
        var text = String(decoding: bytes, as: UTF8.self)
        if sawCombiningMark {
            let composed = text.precomposedStringWithCanonicalMapping
            let saved = text.unicodeScalars.count - composed.unicodeScalars.count
            if saved > 0 {
                composedCharacters += saved
                text = composed
            }
            sawCombiningMark = false
        }
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        pendingBreaks = 0
        return text
    }
}
