import Testing
@testable import Winnow

/// The tokenizer the date and name annotators share: its shortcuts agree with the Unicode
/// definitions they stand for.
@Suite struct TextTokensTests {
    @Test func rangesAgreeWithUnicodeProperties() {
        let cjk = Array(0x3041...0x3096) + Array(0x30A1...0x30FA) + Array(0x4E00...0x9FFF) + Array(0xAC00...0xD7A3)
        for value in Array(0x80...0x024F) + Array(0x0400...0x052F) + Array(0x2000...0x206F) + cjk {
            let scalar = Unicode.Scalar(UInt32(value))!
            #expect(TextTokens.kind(scalar) == TextTokens.kindByProperties(scalar), "U+\(String(value, radix: 16, uppercase: true))")
        }
        for value in Array(0...0x052F) + cjk {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            #expect(TextTokens.isUppercase(scalar) == scalar.properties.isUppercase, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    /// The lower case worked out by ranges is Unicode's, wherever it answers without the tables.
    @Test func simpleLowercaseAgreesWithUnicode() {
        for value in 0...0x10FF {
            guard let scalar = Unicode.Scalar(UInt32(value)), let simple = TextTokens.simpleLowercase(scalar) else { continue }
            #expect(String(simple) == scalar.properties.lowercaseMapping, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    /// After up to eight ASCII letters, so that text outside ASCII falls at every place of the
    /// decoder's eight-byte steps.
    @Test(arguments: ["", "plain", "Café “quoted” — naïve", "Сергей Шойгу", "東京 😀 x\u{0301}", "a\u{2028}b\u{00A0}c", "abcdefghijklmnopq 🎉"])
    func scalarsAreTheTextsScalars(text: String) {
        for prefix in 0...8 {
            let line = String(repeating: "x", count: prefix) + text
            #expect(TextTokens.scalars(of: line) == Array(line.unicodeScalars), "\(line)")
        }
    }

    /// Comparing a token with a table word without a string answers as `lower(token) == word`,
    /// canonical equivalence included (a decomposed accent on either side, a Kelvin sign).
    @Test func lowercasedEqualsAnswersAsStringEquality() {
        let tokens = TextTokens("Last WEEK dernière dernie\u{300}re Прошлом прошлом ГОДУ İstanbul \u{212A}elvin café cafe\u{301} ǅemal")
        let words = ["last", "week", "weeks", "dernière", "dernie\u{300}re", "derniere", "прошлом", "году", "год", "i̇stanbul",
                     "istanbul", "kelvin", "\u{212A}elvin", "café", "cafe\u{301}", "cafe", "ǆemal", "", "lastweek"]
        for token in tokens.list where !token.isPunctuation {
            for word in words {
                #expect(tokens.lowercased(token, equals: word) == (tokens.lower(token) == word), "\(tokens.text(token)) vs \(word)")
            }
        }
    }

    /// A plain-word table answers for every token what a dictionary asked with `lower(token)`
    /// answers, or says to ask it (`.unknown`), never something else.
    @Test(arguments: [false, true])
    func plainWordTableAnswersAsTheDictionary(withDecomposedWord: Bool) {
        var entries = ["мая": 5, "в": 0, "märz": 3, "été": 7, "june": 6, "год": 1]
        if withDecomposedWord { entries["cafe\u{301}"] = 9 }
        let table = PlainWordTable(entries.map { (word: $0.key, value: $0.value) })
        #expect(table.complete == !withDecomposedWord)
        let tokens = TextTokens("МАЯ мая В в Märze MÄRZ ma\u{308}rz été ÉTÉ June JUNE juni Год года café cafe\u{301} İ")
        for token in tokens.list where !token.isPunctuation {
            let expected = entries[tokens.lower(token)]
            switch table.lookup(token, in: tokens) {
            case .found(let value): #expect(value == expected, "\(tokens.text(token))")
            case .absent: #expect(expected == nil, "\(tokens.text(token))")
            case .unknown: break
            }
        }
        // What the table must answer itself: plain tokens of listed words.
        let mai = tokens.list[0]
        if case .found(let value) = table.lookup(mai, in: tokens) { #expect(value == 5) } else { Issue.record("МАЯ not found") }
    }

    @Test func asciiWordsCarryTheirLowerCasedHash() {
        let tokens = TextTokens("Monday, JUNE 22nd in Zürich")
        let words = tokens.list.filter { !$0.isPunctuation && !$0.isNumber }
        #expect(words.map { tokens.text($0) } == ["Monday", "JUNE", "in", "Zürich"])
        #expect(words[0].asciiHash == ByteHash.of("monday"))
        #expect(words[1].asciiHash == ByteHash.of("june"))
        #expect(words[3].asciiHash == 0)
    }
}

/// The hashed word tables answer what the string sets they stand for answer.
@Suite struct WordTableTests {
    @Test func shapeSetAnswersAsASetOfShapes() {
        var generator = SystemRandomNumberGenerator()
        let members = Set((0..<300).map { _ in UInt32.random(in: 0x61...0x44F, using: &generator) << 8 | UInt32.random(in: 1...20, using: &generator) })
        let shapes = ShapeSet(members)
        for first in UInt32(0x61)...0x450 where first < 0x7B || first >= 0x430 {
            for length in UInt32(0)...24 {
                let shape = first << 8 | length
                #expect(shapes.contains(shape) == members.contains(shape))
            }
        }
        #expect(ShapeSet(words: ["Monday", "juin"]).contains(FindDates.shape(first: "m", length: 6)))
        #expect(!ShapeSet(words: ["Monday", "juin"]).contains(FindDates.shape(first: "m", length: 5)))
    }

    static let listed: Set<String> = ["the", "of", "de", "van", "ministry", "café", "cafe\u{301}s", "\u{212A}elvin", "москва", "x"]
    static let asked = ["the", "The", "of", "ministry", "ministries", "café", "cafés", "Kelvin", "kelvin", "москва", "Москва", "x", "", "thee"]

    @Test func wordClassIndexAnswersAsTheSets() {
        let other: Set<String> = ["of", "kelvin", "united"]
        let index = WordClassIndex([(.stopword, Self.listed), (.organization, other)])
        for word in Self.asked + ["united", "café"] {
            var expected: WordClasses = []
            if Self.listed.contains(word) { expected.insert(.stopword) }
            if other.contains(word) { expected.insert(.organization) }
            #expect(index.classes(of: word) == expected, "\(word)")
        }
    }

    @Test func asciiWordSetAnswersAsTheSetForASCIITokens() {
        let set = ASCIIWordSet(Self.listed)
        let tokens = TextTokens(Self.asked.joined(separator: " "))
        for token in tokens.list {
            let lowered = tokens.lower(token)
            if let answer = set.contains(token, in: tokens) {
                #expect(answer == Self.listed.contains(lowered), "\(lowered)")
                #expect(set.mayContain(token.asciiHash) || !answer)
            } else {
                #expect(token.asciiHash == 0, "\(lowered)")
            }
        }
    }
}

/// The byte searches answer what a plain search over the UTF-8 bytes answers.
@Suite struct ByteSearchTests {
    static func naive(_ text: String, _ needle: String) -> Bool {
        let haystack = Array(text.utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= haystack.count else { return false }
        return (0...(haystack.count - pattern.count)).contains { Array(haystack[$0..<($0 + pattern.count)]) == pattern }
    }

    @Test func containsBytesAsANaiveSearch() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [" ", "  ", "©", "a", "b", "credit", ":", ".", "é", "/"]
        let needles = [" © ", "  ", " ", "credit...", "credit: ", "a b", "©", " / ", "é ", ""]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for needle in needles {
                #expect(text.containsBytes(needle) == Self.naive(text, needle), "\(text.debugDescription) \(needle.debugDescription)")
            }
            // One search for the stem, then its tails: as a search for each whole needle.
            let either = text.withUTF8Bytes { $0.containsBytes("credit", followedByAnyOf: ["...", ": "]) }
            #expect(either == (Self.naive(text, "credit...") || Self.naive(text, "credit: ")), "\(text.debugDescription)")
        }
    }

    /// A chunk is the eight bytes at its offset, with the padding byte past the text's end:
    /// read whole, shifted from the text's last eight bytes, or gathered from a short text.
    @Test func chunksPadPastTheEnd() {
        let text = Array("abcdefghijklmnopqrstu".utf8)
        for count in 1...text.count {
            for offset in 0..<count {
                var expected: UInt64 = 0
                for lane in 0..<8 { expected |= UInt64(offset + lane < count ? text[offset + lane] : 0x20) << (8 * lane) }
                let chunk = text.withUnsafeBytes { ByteLanes.chunk($0.baseAddress!, count: count, at: offset, padding: 0x20) }
                #expect(chunk == expected, "\(count) \(offset)")
            }
        }
    }

    /// Every length around the eight-byte steps, each wanted byte at every place, and bytes one
    /// away from them (a carry between lanes would flag those).
    @Test func containsAnyByteAsAByteScan() {
        var generator = SystemRandomNumberGenerator()
        let wanted: [UInt8] = [0x3E, 0x2F, 0xBB, 0xBA]
        let pieces = ["a", " ", ">", "/", "»", "›", "=", "?", "0", ".", "é", "\u{BC}", "\u{3F}"]
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.containsAnyByte(of: wanted) == text.utf8.contains { wanted.contains($0) }, "\(text.debugDescription)")
            #expect(text.containsAnyByte(of: [0x2F]) == text.utf8.contains(0x2F), "\(text.debugDescription)")
        }
    }

    @Test func prefixSetAsPrefixTests() {
        let prefixes = ["source:", "photo:", "photos:", "©", "(c) ", "copyright "]
        let set = BytePrefixSet(prefixes)
        for text in ["", "photo", "photo:", "photos: x", "© 2021", "(c) ap", "(c)ap", "copyright", "copyright 2020", "source: ap", "x photo:"] {
            #expect(set.opens(text) == prefixes.contains { text.hasBytePrefix($0) }, "\(text)")
        }
    }
}
