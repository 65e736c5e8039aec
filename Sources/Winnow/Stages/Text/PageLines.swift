/// One line of a flat page: where its text lies in `PageLines`, and what is known about it. It
/// holds no string: a page has about 180 lines, most of them boilerplate that is read once and
/// dropped, so their texts stay bytes of two page-wide buffers and a `String` is made only for
/// a line something keeps or reports.
struct TextLine: Sendable {
    /// 1-based line number in the decoded text (what `winnow explain` shows).
    var number: Int
    /// The text's bytes in `PageLines.textBytes`: the line read as HTML text is (`TextBuilder`),
    /// repaired, without indent or bullet.
    var text: Range<Int32>
    /// The comparable form's bytes in `PageLines.comparableBytes`: lower case, one space between
    /// words, straight apostrophes (`BuildBlocks.comparable`), what vocabularies match.
    var comparable: Range<Int32>
    /// `TextHash` of the comparable form, taken once: the exact phrases and the repeats within
    /// the page are looked up by it.
    var comparableHash: UInt64
    /// Unicode scalars in the text (its length as the vocabularies' limits count it).
    var characters: Int
    /// Leading spaces (a tab counts 4): scrapers indent nested menu items.
    var indent: Int
    /// The line opened with a bullet ("•", "·", "▪", "- ", "* "); the text is without it.
    var bullet: Bool
    /// A blank line came before: the line opens a block of its own.
    var blankBefore: Bool
    var signals = LineSignals()

    /// The text's length in UTF-8 bytes.
    var textBytes: Int { Int(text.upperBound - text.lowerBound) }
}

/// The lines of a flat page (`SegmentText`) and the bytes their ranges point into.
struct PageLines: Sendable {
    var lines: [TextLine] = []
    /// The page's decoded text, then the lines that reading changed (repaired, spaces
    /// folded) back to back: a line read as it stands points into the page itself.
    private(set) var textBytes: [UInt8] = []
    /// Every line's comparable form, back to back, in the first `comparableCount` bytes: the
    /// array is sized ahead (zeros), so that each form is written in place, not appended.
    private(set) var comparableBytes: [UInt8] = []
    private var comparableCount = 0
    /// The page was valid UTF-8 (`DecodePage`'s output always is), so every text and comparable
    /// form is (what reading and folding write is whole scalars): their strings are made
    /// without validating the bytes again.
    let isValidUTF8: Bool

    /// `page`: the decoded text the lines are read from; `validUTF8`: known to be valid UTF-8.
    init(page: [UInt8], lines count: Int = 0, validUTF8: Bool = false) {
        textBytes = page
        isValidUTF8 = validUTF8
        // Left unwritten: only the ranges `appendComparable` writes are ever read, and zeroing
        // the page's size of bytes first was a pass over every page for nothing.
        comparableBytes = [UInt8](unsafeUninitializedCapacity: page.count) { _, initialized in initialized = page.count }
        lines.reserveCapacity(count)
    }

    var count: Int { lines.count }
    var indices: Range<Int> { lines.indices }
    subscript(index: Int) -> TextLine { lines[index] }

    /// The text of the line at `index`.
    func text(_ index: Int) -> String { string(textBytes, lines[index].text) }

    /// The comparable form of the line at `index`.
    func comparable(_ index: Int) -> String { string(comparableBytes, lines[index].comparable) }

    /// `text(index) == string`, on the bytes when that decides it: equal bytes are equal
    /// strings, and unequal ASCII ones unequal (other texts may be canonically equivalent).
    func text(_ index: Int, equals string: String) -> Bool {
        let (sameBytes, ascii) = withText(lines[index].text) { bytes in
            string.withUTF8Bytes { ($0.equalsBytes(bytes), $0.isASCII && bytes.isASCII) }
        }
        return sameBytes || (!ascii && text(index) == string)
    }

    /// Every line's text, in order (for tests and tools; the stages ask line by line).
    var texts: [String] { indices.map(text) }

    private func string(_ bytes: [UInt8], _ range: Range<Int32>) -> String {
        bytes.withUnsafeBufferPointer { LineBytes.string(UnsafeBufferPointer(rebasing: $0[Int(range.lowerBound)..<Int(range.upperBound)]),
                                                        validUTF8: isValidUTF8) }
    }

    /// Appends what `builder` holds (`TextBuilder.take`), as bytes when the page is known to be
    /// valid UTF-8 (so the builder's bytes are too) and need no composition: no string between.
    mutating func appendText(takingFrom builder: inout TextBuilder) -> Range<Int32> {
        let start = Int32(textBytes.count)
        if isValidUTF8, builder.take(into: { textBytes.append(contentsOf: $0) }) { return start..<Int32(textBytes.count) }
        return appendText(builder.take())
    }

    /// Appends a line's text as reading changed it; its range in `textBytes`.
    mutating func appendText(_ text: String) -> Range<Int32> {
        let start = Int32(textBytes.count)
        text.withUTF8Bytes { textBytes.append(contentsOf: $0) }  // the view's generic append costs more
        return start..<Int32(textBytes.count)
    }

    /// The bytes of `range` of `textBytes` in place.
    func withText<R>(_ range: Range<Int32>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try textBytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[Int(range.lowerBound)..<Int(range.upperBound)])) }
    }

    /// Appends the comparable form of the text at `text` (`BuildBlocks.comparable`); its range
    /// in `comparableBytes` and its `TextHash`. `plainASCII`: the caller knows the text passes
    /// `TextBuilder.isPlainASCII`, so that its lower case is its comparable form.
    mutating func appendComparable(ofText text: Range<Int32>, plainASCII: Bool = false) -> (range: Range<Int32>, hash: UInt64) {
        let start = comparableCount
        // Folding on the bytes never lengthens a text: it is written straight into room the
        // text's size. A text it cannot fold goes through the standard library.
        makeRoom(Int(text.upperBound - text.lowerBound))
        let written = textBytes.withUnsafeBufferPointer { source in
            comparableBytes.withUnsafeMutableBufferPointer { target -> Int? in
                let bytes = UnsafeBufferPointer(rebasing: source[Int(text.lowerBound)..<Int(text.upperBound)])
                guard !plainASCII else {
                    BuildBlocks.lowercasePlainASCII(bytes, into: target.baseAddress! + start)
                    return bytes.count
                }
                return BuildBlocks.foldComparable(bytes, into: target.baseAddress! + start)
            }
        }
        if let written {
            comparableCount += written
        } else {
            let folded = Array(BuildBlocks.comparableUsingStandardLibrary(string(textBytes, text)).utf8)
            makeRoom(folded.count)
            comparableBytes.replaceSubrange(start..<start + folded.count, with: folded)
            comparableCount += folded.count
        }
        let hash = comparableBytes.withUnsafeBufferPointer { TextHash.of(UnsafeBufferPointer(rebasing: $0[start..<comparableCount])) }
        return (Int32(start)..<Int32(comparableCount), hash)
    }

    /// At least `bytes` unused bytes after `comparableCount`.
    private mutating func makeRoom(_ bytes: Int) {
        let missing = comparableCount + bytes - comparableBytes.count
        if missing > 0 { comparableBytes.append(contentsOf: repeatElement(0, count: max(missing, comparableBytes.count))) }
    }

    /// The lines' bytes in place, for the passes that read every line.
    func withBytes<R>(_ body: (LineBytes) throws -> R) rethrows -> R {
        try textBytes.withUnsafeBufferPointer { text in
            try comparableBytes.withUnsafeBufferPointer { comparable in
                try body(LineBytes(text: text, comparable: comparable, isValidUTF8: isValidUTF8))
            }
        }
    }
}

/// The bytes of a page's lines, valid inside `PageLines.withBytes`.
struct LineBytes {
    let text: UnsafeBufferPointer<UInt8>
    let comparable: UnsafeBufferPointer<UInt8>
    /// `PageLines.isValidUTF8`.
    let isValidUTF8: Bool

    @inline(__always)
    func text(of line: TextLine) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(line.text.lowerBound)..<Int(line.text.upperBound)])
    }

    @inline(__always)
    func comparable(of line: TextLine) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: comparable[Int(line.comparable.lowerBound)..<Int(line.comparable.upperBound)])
    }

    func textString(of line: TextLine) -> String { Self.string(text(of: line), validUTF8: isValidUTF8) }
    func comparableString(of line: TextLine) -> String { Self.string(comparable(of: line), validUTF8: isValidUTF8) }

    /// A line's bytes as a string: copied as they are when the page was valid UTF-8, else
    /// validated (and repaired) as `String(decoding:as:)` does.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, validUTF8: Bool) -> String {
        validUTF8 ? String(validUTF8: bytes) : String(decoding: bytes, as: UTF8.self)
    }
}
