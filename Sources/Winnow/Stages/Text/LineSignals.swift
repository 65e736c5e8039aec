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
    /// A short line that parses as a date ("June 22, 2021", "Jun 24, 2021 02:39 AM").
    var isDate = false

    var functionWordShare: Double { words == 0 ? 0 : Double(functionWords) / Double(words) }

    /// Reads like running prose: long enough, ends as sentences do, and uses the language's
    /// function words as prose does (menus and headlines hardly do).
    var isBodyLike: Bool {
        // Without a known language (or in a script without spaces) length and punctuation decide.
        let share = knowsLanguage ? functionWordShare : 0.2
        if words >= 8 && endsSentence && share >= 0.12 { return true }
        return words >= 20 && share >= 0.2
    }

    /// Whether the page's language has a function-word list (else `functionWordShare` says nothing).
    var knowsLanguage = false

    /// Short and unpunctuated: a menu entry, a label, a heading.
    var isShort: Bool { words <= 6 && !endsSentence }

    /// Sentence ends and the closing quotes and brackets that may follow one, as scalar values
    /// (every one of them is a single scalar; a few compares cost less than a Set's hashing).
    static let sentenceEndScalars: [UInt32] = [".", "!", "?", "…", "。", "！", "？"].map { Unicode.Scalar($0)!.value }
    static let closerScalars: [UInt32] = ["\"", "”", "’", "'", ")", "»", "]"].map { Unicode.Scalar($0)!.value }

    /// The last scalar of `text` that `skipping` does not pass over, read backwards on the UTF-8 bytes.
    static func lastScalar(of text: String, skipping: (Unicode.Scalar) -> Bool) -> Unicode.Scalar? {
        var copy = text
        return copy.withUTF8 { bytes in
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
    }

    /// Function words of each language (`FunctionWords.lists` order) in the line.
    var languageHits = SIMD16<UInt16>()

    /// The signals that need no language; `adopt(language:)` adds the rest.
    static func measure(_ line: TextLine) -> LineSignals {
        var signals = LineSignals()
        signals.languageHits = FunctionWords.hits(in: line.comparable)
        var text = line.text
        text.withUTF8 { bytes in
            var words = 0
            var glued = 0
            // The byte before (a space before the first): a word opens after a space, and a
            // capital right after a lower-case letter marks a glued word, counted once a word.
            var previous: UInt8 = 0x20
            var countedGlue = false
            for byte in bytes {
                if byte == 0x20 {
                    previous = byte
                    continue
                }
                if previous == 0x20 {
                    words += 1
                    countedGlue = false
                }
                if !countedGlue, byte &- 0x41 < 26, previous &- 0x61 < 26 {
                    glued += 1
                    countedGlue = true
                }
                previous = byte
            }
            signals.words = words
            signals.gluedWords = glued
        }
        // Scripts written without spaces (Chinese, Japanese, Thai): two characters a word.
        if signals.words <= 2, line.text.utf8.count >= 40, line.text.unicodeScalars.contains(where: { $0.value >= 0x0E00 }) {
            signals.words = max(signals.words, line.text.count / 2)
        }
        if let last = lastScalar(of: line.text, skipping: { closerScalars.contains($0.value) || $0 == " " }) {
            signals.endsSentence = sentenceEndScalars.contains(last.value)
            // "said: " and "include:" introduce what follows (a quote, a list) inside prose.
            if last == ":" || last == ";" { signals.endsSentence = signals.words >= 8 }
        }
        // Every date a dateline gives has a number ("June 22, 2021", "22.06.2021").
        if line.text.utf8.count <= 60, signals.words <= 10, line.text.containsByte(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            signals.isDate = DateParser.parse(line.text) != nil
        }
        return signals
    }

    /// Settles the function-word count once the page's language is known.
    mutating func adopt(languageIndex: Int?) {
        knowsLanguage = languageIndex != nil
        if let languageIndex { functionWords = Int(languageHits[languageIndex]) }
    }
}
