/// Accumulates the visible text of inline content with the browser's whitespace model:
/// runs of whitespace become one space, `<br>` becomes a line break, nothing leads or trails.
/// Works on UTF-8 bytes. Also removes characters that never show (zero-width space, soft
/// hyphen, byte order mark) and turns no-break spaces into spaces, counting each repair.
struct TextBuilder {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreaks = 0
    /// Inside `<pre>`: keep whitespace as written.
    var preservesWhitespace = false
    private(set) var removedInvisibles = 0
    private(set) var replacedNoBreakSpaces = 0

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
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
            }
            if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80 {
                let third = text[index + 2]
                if third == 0x8B || third == 0x8E || third == 0x8F {  // zero-width space, LRM, RLM
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

    mutating func append(_ string: String) {
        var copy = string
        copy.withUTF8 { append($0) }
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

    /// The text so far, and a fresh start.
    mutating func take() -> String {
        while let last = bytes.last, last == 0x20 || last == 0x0A { bytes.removeLast() }
        let text = String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        pendingBreaks = 0
        return text
    }
}
