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
