import Testing
@testable import Winnow

/// `String.characterCount` counts scalars only where grapheme breaking would give the same.
@Suite struct CharacterCountTests {
    static let ranges: [ClosedRange<UInt32>] = [0...0x02FF, 0x0370...0x0482, 0x048A...0x052F, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0]

    @Test func everyScalarOfTheRangesStandsAlone() {
        for range in Self.ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), value != 0x0D else { continue }
                #expect(String.standsAlone(value))
                // Beside a letter on each side, and doubled: one character each.
                let text = "a" + String(Character(scalar)) + String(Character(scalar)) + "b"
                #expect(text.count == 4, "U+\(String(value, radix: 16, uppercase: true))")
                #expect(text.characterCount == text.count)
            }
        }
    }

    @Test(arguments: ["", "plain", "line\r\nbreak", "Café “quoted” — naïve", "e\u{0301}", "Сергей Шойгу", "東京",
                      "👍🏽 family 👨‍👩‍👧", "🇩🇪", "क्षि", "한국어"])
    func agreesWithCount(text: String) {
        #expect(text.characterCount == text.count)
        #expect(text.scalarCount == text.unicodeScalars.count)
        let long = String(repeating: text + " plain ASCII ", count: 3)
        #expect(long.scalarCount == long.unicodeScalars.count)
    }

    /// `isASCII` (an or over every byte) against a byte-by-byte test, at every length and with
    /// the one byte over 0x7F at every place.
    @Test func isASCIIAgreesWithAByteTest() {
        for length in 0...70 {
            var bytes = [UInt8](repeating: 0x61, count: length)
            #expect(bytes.withUnsafeBufferPointer(\.isASCII))
            for place in 0..<length {
                bytes[place] = 0x80 | UInt8(place % 0x7F)
                #expect(!bytes.withUnsafeBufferPointer(\.isASCII), "\(length) \(place)")
                bytes[place] = 0x7F
                #expect(bytes.withUnsafeBufferPointer(\.isASCII), "\(length) \(place)")
            }
        }
    }

    /// Where `prefixByteCount` answers, its cut is `prefix(characters)`'s; it declines a text
    /// whose cut a scalar after it would move (a combining mark, a joiner, a skin tone).
    @Test func prefixByteCountCutsWherePrefixDoes() {
        let pieces = ["a", "Z", " ", "é", "—", "“", "’", "Ж", "λ", "€", "e\u{0301}", "\u{200D}", "👍", "🏽", "東", "\r\n", "क्", "\u{0483}"]
        var generator = SystemRandomNumberGenerator()
        var answered = 0
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for characters in [0, 1, 3, 7, 12] {
                let cut = text.withUTF8Bytes { $0.prefixByteCount(characters: characters) }
                guard let cut else { continue }
                answered += 1
                #expect(Array(text.utf8.prefix(cut)) == Array(text.prefix(characters).utf8), "\(text.unicodeScalars.map { $0.value }) \(characters)")
            }
        }
        #expect(answered > 1_000)
        #expect("ab\u{0301}".withUTF8Bytes { $0.prefixByteCount(characters: 1) } == 1)
        #expect("ab\u{0301}".withUTF8Bytes { $0.prefixByteCount(characters: 2) } == nil)
        #expect("Café “quoted”".withUTF8Bytes { $0.prefixByteCount(characters: 6) } == 9)
    }
}
