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

    static let sentenceEnds: Set<Character> = [".", "!", "?", "…", "。", "！", "？"]
    static let closers: Set<Character> = ["\"", "”", "’", "'", ")", "»", "]"]

    static func measure(_ line: TextLine, languageIndex: Int?) -> LineSignals {
        var signals = LineSignals()
        let words = FunctionWords.words(line.comparable)
        signals.words = line.text.split(separator: " ").count
        // Scripts written without spaces (Chinese, Japanese, Thai): two characters a word.
        if signals.words <= 2, line.text.utf8.count >= 40, line.text.unicodeScalars.contains(where: { $0.value >= 0x0E00 }) {
            signals.words = max(signals.words, line.text.count / 2)
        }
        signals.knowsLanguage = languageIndex != nil
        if let languageIndex {
            let bit = UInt16(1) << UInt16(languageIndex)
            signals.functionWords = words.reduce(0) { $0 + ((FunctionWords.table[String($1)] ?? 0) & bit != 0 ? 1 : 0) }
        }
        if let last = line.text.reversed().first(where: { !closers.contains($0) && $0 != " " }) {
            signals.endsSentence = sentenceEnds.contains(last)
            // "said: " and "include:" introduce what follows (a quote, a list) inside prose.
            if last == ":" || last == ";" { signals.endsSentence = words.count >= 8 }
        }
        signals.gluedWords = gluedWords(in: line.text)
        if line.text.utf8.count <= 60, signals.words <= 10 { signals.isDate = DateParser.parse(line.text) != nil }
        return signals
    }

    /// Words with a lower-case letter followed by an upper-case one ("LinkedinIcon"); names
    /// such as "McDonald" or "iPhone" count too, which is why a line needs several.
    static func gluedWords(in text: String) -> Int {
        var count = 0
        for word in text.split(separator: " ") {
            var previousLower = false
            for character in word {
                if character.isUppercase, previousLower { count += 1; break }
                previousLower = character.isLowercase
            }
        }
        return count
    }
}
