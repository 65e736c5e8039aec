/// What a line of flat text still says about itself once the markup is gone. Each signal is
/// computed once per line (`measure`) and read by `StripText` and `ExtractText`.
struct LineSignals: Sendable {
    var words = 0
    /// Ends like a sentence: `.`, `!`, `?`, `…`, or a closing quote or bracket after one.
    var endsSentence = false
    /// Words of the page's language's function-word list.
    var functionWords = 0
    /// Words glued from two ("FacebookIcon", "ChevronTitle"): icon titles and buttons run together.
    var gluedWords = 0
    /// The line's last byte is ":" (it introduces what follows).
    var endsWithColon = false
    /// A short line that parses as a date ("June 22, 2021", "Jun 24, 2021 02:39 AM").
    var isDate = false
    /// The line stops in an ellipsis glued to a word ("Active Noise Cancellat...", "in
    /// Ma…"): cut at a length, as listings of other stories cut their excerpts. Prose that
    /// trails off writes the ellipsis after a full word and a space ("Here's the thing …")
    /// often enough that only the glued form counts, and only several together (`StripText`).
    var endsCut = false

    var functionWordShare: Double { words == 0 ? 0 : Double(functionWords) / Double(words) }

    /// Reads like running prose: long enough, ends as sentences do, and uses the language's
    /// function words as prose does (menus and headlines hardly do).
    var isBodyLike: Bool {
        // Without a known language (or in a script without spaces) length and punctuation decide.
        // (`measure` counts function words only on lines of eight words or more, or 40 bytes:
        // a rule here on fewer words must change that.)
        let share = knowsLanguage ? functionWordShare : 0.2
        if words >= 8 && endsSentence && share >= 0.12 { return true }
        return words >= 20 && share >= 0.2
    }

    /// Whether the page's language has a function-word list (else `functionWordShare` says nothing).
    var knowsLanguage = false

    /// Short and unpunctuated: a menu entry, a label, a heading.
    var isShort: Bool { words <= 6 && !endsSentence }

    /// Sentence ends: . ! ? … and the full-width 。！？ (switches, not tables: a static table is
    /// a call to its initializer's guard and a retain and release of its array, every line).
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F: true
        default: false
        }
    }

    /// The closing quotes and brackets that may follow a sentence's end: " ” ’ ' ) » ].
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x201D, 0x2019, 0x27, 0x29, 0xBB, 0x5D: true
        default: false
        }
    }

    /// The last scalar of `bytes` (UTF-8) that `skipping` does not pass over, read backwards.
    static func lastScalar(of bytes: UnsafeBufferPointer<UInt8>, skipping: (Unicode.Scalar) -> Bool) -> Unicode.Scalar? {
        var end = bytes.count
        while end > 0 {
            var start = end - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            var decoder = UTF8()
            var iterator = UnsafeBufferPointer(rebasing: bytes[start..<end]).makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
            if !skipping(scalar) { return scalar }
            end = start
        }
        return nil
    }

    /// Function words of each language (`FunctionWords.lists` order) in the line.
    var languageHits = SIMD16<UInt16>()

    /// Sets the line's signals that need no language; `adopt(language:)` adds the rest. The
    /// line's text and comparable form are read in place, in the page's buffers.
    static func measure(_ line: inout TextLine, in page: LineBytes) {
        var signals = LineSignals()
        defer { line.signals = signals }
        let text = page.text(of: line)
        (signals.words, signals.gluedWords) = countWords(text)
        signals.endsWithColon = text.last == UInt8(ascii: ":")
        // Scripts written without spaces (Chinese, Japanese, Thai): two characters a word.
        if signals.words <= 2, text.count >= 40, text.contains(where: { $0 >= 0xE0 }) {  // 0xE0 leads every scalar from U+0800
            let string = String(decoding: text, as: UTF8.self)
            if string.unicodeScalars.contains(where: { $0.value >= 0x0E00 }) { signals.words = max(signals.words, string.count / 2) }
        }
        // Function words are read where something reads them: the page's language from lines
        // of 40 bytes or more, `isBodyLike` from lines of eight words or more. Most lines of a
        // flat page are shorter than both (menus, labels, credits).
        if signals.words >= 8 || text.count >= FunctionWords.languageLineBytes {
            signals.languageHits = FunctionWords.hits(in: page.comparable(of: line))
        }
        signals.endsCut = endsInGluedEllipsis(text)
        if let last = lastScalar(of: text, skipping: { isCloser($0) || $0 == " " }) {
            signals.endsSentence = endsSentence(last)
            // "said: " and "include:" introduce what follows (a quote, a list) inside prose.
            if last == ":" || last == ";" { signals.endsSentence = signals.words >= 8 }
        }
        // Every date a dateline gives has a number ("June 22, 2021", "22.06.2021"), and in it a
        // year's four digits, which `DateParser.parse` asks for first: asked here on the bytes,
        // before a string is made.
        if text.count <= 60, signals.words <= 10, text.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), DateParser.hasYearDigits(text) {
            signals.isDate = DateParser.parse(page.textString(of: line)) != nil
        }
    }

    /// Whether `text` ends in "..." or "…" right after a letter, a digit or a comma (not after
    /// a space, a sentence's end or a closing quote).
    static func endsInGluedEllipsis(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = text.count
        while end > 0, text[end - 1] == 0x20 { end -= 1 }
        let before: Int
        if end >= 3, text[end - 1] == 0xA6, text[end - 2] == 0x80, text[end - 3] == 0xE2 {
            before = end - 4
        } else if end >= 3, text[end - 1] == 0x2E, text[end - 2] == 0x2E, text[end - 3] == 0x2E {
            before = end - 4
            if before >= 0, text[before] == 0x2E { return false }  // "...." and longer: a leader, not a cut
        } else {
            return false
        }
        guard before >= 0 else { return false }
        let byte = text[before]
        // Letters and digits in ASCII, a comma, or the last byte of a letter in another script
        // (a continuation byte: general punctuation such as "”" is ruled out below).
        if byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == 0x2C { return true }
        guard byte & 0xC0 == 0x80 else { return false }
        // U+2000–U+206F (quotes, dashes, ellipsis) are E2 80 xx and E2 81 xx, CJK punctuation
        // (U+3000–U+303F) E3 80 xx: not letters.
        guard before >= 2 else { return true }
        let lead = text[before - 2], second = text[before - 1]
        return !(lead == 0xE2 && second & 0xFE == 0x80 || lead == 0xE3 && second == 0x80)
    }

    /// Words (runs of bytes other than the space) and glued words (a capital right after a
    /// lower-case ASCII letter, each word counted once).
    ///
    /// Word starts (a byte other than the space after a space) and glue marks are counted over
    /// pairs of neighbouring bytes, with nothing carried from one pair to the next: the compiler
    /// turns that loop into vector compares, sixteen bytes at a time. Only a line with two glue
    /// marks or more ("Icon FacebookIcon LinkedinIcon") is read again, byte by byte, to count
    /// each glued word once.
    static func countWords(_ bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, glued: Int) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return (0, 0) }
        let count = bytes.count
        var starts = base[0] != 0x20 ? 1 : 0
        var marks = 0
        var index = 1
        while index < count {
            // Byte-wide sums over blocks of 255 pairs (they cannot overflow), so that the
            // vector loop keeps sixteen counts to a register.
            let end = min(index &+ 255, count)
            var blockStarts: UInt8 = 0, blockMarks: UInt8 = 0
            while index < end {
                let byte = base[index], previous = base[index &- 1]
                blockStarts &+= (byte != 0x20 ? 1 : 0) & (previous == 0x20 ? 1 : 0)
                blockMarks &+= (byte &- 0x41 < 26 ? 1 : 0) & (previous &- 0x61 < 26 ? 1 : 0)
                index &+= 1
            }
            starts &+= Int(blockStarts)
            marks &+= Int(blockMarks)
        }
        // One mark is one glued word; more may share a word ("LinkedInIcon").
        return (starts, marks <= 1 ? marks : gluedWords(bytes))
    }

    /// The words holding a glue mark, each counted once.
    private static func gluedWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var glued = 0
        var previous: UInt8 = 0x20
        var counted = false
        for byte in bytes {
            if byte == 0x20 {
                counted = false
            } else if !counted, byte &- 0x41 < 26, previous &- 0x61 < 26 {
                glued += 1
                counted = true
            }
            previous = byte
        }
        return glued
    }

    /// Settles the function-word count once the page's language is known.
    mutating func adopt(languageIndex: Int?) {
        knowsLanguage = languageIndex != nil
        if let languageIndex { functionWords = Int(languageHits[languageIndex]) }
    }
}
