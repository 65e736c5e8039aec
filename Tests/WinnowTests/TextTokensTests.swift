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
