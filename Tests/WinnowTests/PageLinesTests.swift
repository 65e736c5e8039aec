import Testing
@testable import Winnow

/// `PageLines` keeps each line as byte ranges of two page buffers; what it gives back must be
/// what the line's strings were: the text as `TextBuilder` reads it, its comparable form
/// (`BuildBlocks.comparable`), its scalar count and hash.
@Suite struct PageLinesTests {
    static func segment(_ text: String) -> PageLines {
        var trace = Trace()
        return SegmentText.lines(Array(text.utf8), trace: &trace)
    }

    /// Every line's stored forms agree with the string functions, on random pages of words,
    /// spaces, capitals of several scripts, invisible characters, bullets and blank lines.
    @Test func storedFormsAgreeWithTheStringFunctions() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Word", "word", " ", "  ", "\t", "É", "é", "Ж", "Ω", "İ", "’", "“", "\u{00A0}", "\u{200B}", "\u{3000}", ".", ":",
                      "\n", "\n\n", "\n• ", "\n- ", "\n* ", "\n  ", "Read more", "12", "e\u{0301}"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let page = Self.segment(text)
            for index in page.indices {
                let line = page[index], string = page.text(index)
                #expect(!string.isEmpty)
                #expect(page.comparable(index) == BuildBlocks.comparable(string), "\(string.debugDescription)")
                #expect(line.comparableHash == TextHash.of(page.comparable(index)))
                #expect(line.characters == string.unicodeScalars.count, "\(string.debugDescription)")
                #expect(line.textBytes == string.utf8.count)
                #expect(page.text(index, equals: string))
            }
        }
    }

    /// The counting pass's segmentation (`upTo`) gives the lines of the full one that are no
    /// longer than the bound, with the same texts, comparable forms and hashes: lines whose
    /// spaces collapse or whose bullet goes below the bound are kept.
    @Test func linesUpToABoundAreTheShortLinesOfTheFullSegmentation() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Word", "word", " ", "     ", "\t", "é", "Ж", "’", "\u{200B}", "\n", "\n\n", "\n• ", "&amp;", "Ã©"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...80, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bound = Int.random(in: 1...30, using: &generator)
            var trace = Trace()
            let full = SegmentText.lines(Array(text.utf8), trace: &trace)
            let short = SegmentText.lines(Array(text.utf8), trace: &trace, upTo: bound)
            let expected = full.indices.filter { full[$0].textBytes <= bound }
            #expect(short.indices.map(short.text) == expected.map(full.text), "\(text.debugDescription)")
            #expect(short.indices.map(short.comparable) == expected.map(full.comparable))
            #expect(short.lines.map(\.comparableHash) == expected.map { full[$0].comparableHash })
        }
    }

    /// A bullet is cut on the bytes only when that is what cutting by characters gives: a
    /// combining mark after it, a letter of another script, or a Unicode space at the end go
    /// through `String`.
    @Test(arguments: [
        ("• First item", "First item"), ("- Second item", "Second item"), ("* x", "x"), ("•Tight", "Tight"),
        ("•\u{0301}x", "x"), ("- Привет", "Привет"), ("• item\u{3000}", "item"), ("– dash item", "dash item"), ("•", nil),
    ] as [(String, String?)])
    func bulletsAreCutAsCharactersAre(line: String, expected: String?) {
        let page = Self.segment(line)
        #expect(page.texts == (expected.map { [$0] } ?? []))
        if expected != nil { #expect(page[0].bullet) }
    }

    /// A comparable form longer than its text ("İ" lower-cases to two scalars, three bytes)
    /// grows the buffer past the page's size.
    @Test func comparableFormsMayOutgrowThePage() {
        let text = String(repeating: "İ", count: 40)
        let page = Self.segment(text)
        #expect(page.comparable(0) == BuildBlocks.comparableUsingStandardLibrary(text))
        #expect(page.comparable(0).utf8.count > text.utf8.count)
    }

    @Test func linesComparedWithAStringAsStringsCompare() {
        let page = Self.segment("Plain title\nCafe\u{0301} au lait")
        #expect(page.text(0, equals: "Plain title"))
        #expect(!page.text(0, equals: "Plain titles"))
        // Canonically equivalent, different bytes: equal, as Swift strings are.
        #expect(page.text(1, equals: "Café au lait") == (page.text(1) == "Café au lait"))
    }

    /// Comment furniture is read on the comparable bytes; lines that are not ASCII are read by
    /// characters, as before.
    @Test(arguments: [
        ("12 comments", 2, true), ("1 comment", 2, true), ("34 responses to “the story”", 5, true), ("reader1 says:", 2, true),
        ("12 comments here", 3, false), ("2021 was a year", 4, false), ("١٢ comments", 2, false), ("1½ comments", 2, true), ("12 cómments", 2, false),
    ] as [(String, Int, Bool)])
    func commentFurniture(comparable: String, words: Int, expected: Bool) {
        let found = comparable.withUTF8Bytes { StripText.isCommentFurniture($0, words: words) }
        #expect(found == expected)
    }
}
