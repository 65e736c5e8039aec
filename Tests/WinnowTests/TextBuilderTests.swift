import Testing
@testable import Winnow

/// The whitespace and invisible-character model every text goes through, and the shortcut
/// that skips it for lines it would not change.
@Suite struct TextBuilderTests {
    static func built(_ text: String) -> String {
        var builder = TextBuilder()
        builder.append(text)
        return builder.take()
    }

    @Test(arguments: [
        ("  two  spaces\tand tab ", "two spaces and tab"), ("no\u{00A0}break", "no break"), ("soft\u{00AD}hyphen", "softhyphen"),
        ("zero\u{200B}width", "zerowidth"), ("line\nbreak", "line break"), ("e\u{0301}", "é"),
    ])
    func foldsWhitespaceAndInvisibles(input: String, expected: String) {
        #expect(Self.built(input) == expected)
    }

    /// Whenever `isUnchanged` says so, building gives the same bytes back; and it says so for
    /// ordinary lines.
    @Test(arguments: [
        "Plain words, one space each.", "Café “quoted” — naïve", "Сергей Шойгу сказал", "東京で", " leading", "trailing ",
        "double  space", "tab\there", "nbsp\u{00A0}x", "e\u{0301}", "zero\u{200B}width", "", "x",
    ])
    func unchangedLinesBuildToThemselves(text: String) {
        var copy = text
        let unchanged = copy.withUTF8 { TextBuilder.isUnchanged($0) }
        if unchanged { #expect(Self.built(text) == text) }
        let ordinary = ["Plain words, one space each.", "Café “quoted” — naïve", "Сергей Шойгу сказал", "東京で", "x"]
        #expect(unchanged == ordinary.contains(text), "\(text)")
    }
}

/// `isUnchanged` reads eight ASCII bytes at a time: on random lines it still says so only when
/// building gives the line back, and says so for every plain ASCII line with single spaces.
@Suite struct UnchangedLineTests {
    static func isUnchanged(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { TextBuilder.isUnchanged($0) }
    }

    @Test func randomLines() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Bc", " ", "  ", "\t", "\n", "\r", "\u{0C}", "\u{0B}", "é", "—", "\u{00A0}", "\u{200B}", ".", "x y", "\u{0301}"]
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...48, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if Self.isUnchanged(text) { #expect(TextBuilderTests.built(text) == text, "\(text.debugDescription)") }
            // Plain lines (ASCII letters and single spaces, no space at either end) say so wherever
            // a double space or a control would have sat.
            if !text.isEmpty, text.allSatisfy({ $0 == " " || ($0.isASCII && $0.isLetter) || $0 == "." }), text.first != " ", text.last != " ",
               !text.contains("  ") {
                #expect(Self.isUnchanged(text), "\(text.debugDescription)")
            }
            // Taken as bytes, the text is what `take` gives as a string (or, with a combining
            // mark to compose, it is left for `take`).
            var builder = TextBuilder()
            builder.append(text)
            var taken: [UInt8]?
            if builder.take(into: { taken = Array($0) }) {
                #expect(taken == Array(TextBuilderTests.built(text).utf8), "\(text.debugDescription)")
                #expect(builder.isEmpty)
            } else {
                #expect(text.unicodeScalars.contains("\u{0301}"), "\(text.debugDescription)")
                #expect(builder.take() == TextBuilderTests.built(text))
            }
            // The scalars it counts on the way are the text's.
            var copy = text
            if let scalars = copy.withUTF8({ TextBuilder.unchangedScalars($0) }) {
                #expect(scalars == text.unicodeScalars.count, "\(text.debugDescription)")
            }
        }
    }

    @Test func plainASCIILinesAreUnchanged() {
        var generator = SystemRandomNumberGenerator()
        let words = ["a", "word", "Longer", "x1", "(quoted)", "end."]
        for _ in 0..<1000 {
            let text = (0..<Int.random(in: 1...20, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            #expect(Self.isUnchanged(text), "\(text)")
        }
    }
}
