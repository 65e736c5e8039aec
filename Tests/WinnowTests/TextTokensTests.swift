import Testing
@testable import Winnow

/// The tokenizer the date and name annotators share: its shortcuts agree with the Unicode
/// definitions they stand for.
@Suite struct TextTokensTests {
    @Test func rangesAgreeWithUnicodeProperties() {
        for value in Array(0x80...0xFF) + Array(0x0400...0x052F) + Array(0x2000...0x206F) {
            let scalar = Unicode.Scalar(UInt32(value))!
            #expect(TextTokens.kind(scalar) == TextTokens.kindByProperties(scalar), "U+\(String(value, radix: 16, uppercase: true))")
        }
        for value in 0...0x052F {
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

    @Test(arguments: ["", "plain", "Café “quoted” — naïve", "Сергей Шойгу", "東京 😀 x\u{0301}", "a\u{2028}b\u{00A0}c"])
    func scalarsAreTheTextsScalars(text: String) {
        #expect(TextTokens.scalars(of: text) == Array(text.unicodeScalars))
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
