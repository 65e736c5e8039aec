import Testing
@testable import Winnow

@Suite struct VocabularyTests {
    @Test func categoryOrderIsTheListOrder() {
        for (offset, category) in BoilerplateCategory.allCases.enumerated() { #expect(category.order == offset, "\(category)") }
    }

    @Test func everyDataFileNamesACategoryOrTheArticle() {
        let files = Set(VocabularyData.lines.map(\.file))
        for file in files {
            #expect(file == "article" || BoilerplateCategory(rawValue: file) != nil, "Vocabulary/\(file).vocab names no category")
        }
        #expect(files.count >= 12)
    }

    @Test func tablesAreFilled() {
        #expect(BoilerplateVocabulary.categoryPriority.first == .consent)
        #expect(BoilerplateVocabulary.tokenCategory["share"] == .share)
        #expect(BoilerplateVocabulary.weakCategories == [.widget, .navigation, .credit])
        #expect(BoilerplateVocabulary.positiveTokens.contains("article"))
        #expect(BoilerplateVocabulary.relatedHeadings.contains("você pode gostar"))
        #expect(BoilerplateVocabulary.roles["navigation"] == .navigation)
    }

    /// The text route's related-heading check, behind its first-byte-and-length filter, finds
    /// every heading of the vocabulary, bare or closed by ":", "." or "…", and no line that only
    /// opens like one.
    @Test func everyRelatedHeadingIsFoundOnItsLine() {
        func heading(_ line: String) -> String? { Array(line.utf8).withUnsafeBufferPointer { StripText.relatedHeading($0) } }
        for phrase in BoilerplateVocabulary.relatedHeadings {
            for line in [phrase, phrase + ":", phrase + ".", phrase + "…"] { #expect(heading(line) == phrase, "\(line)") }
            #expect(heading(phrase + " today") == nil, "\(phrase)")
        }
        #expect(heading("the minister said on tuesday") == nil)
    }

    @Test func quotedValuesKeepTheirSpaces() {
        #expect(VocabularyData.lines.contains { $0.key == "prefix" && $0.value == "© " })
    }

    @Test func phrasesAreTriedInCategoryPriorityOrder() {
        let ranks = BoilerplateVocabulary.phrases.map { phrase in
            BoilerplateVocabulary.categoryPriority.firstIndex(of: phrase.category) ?? BoilerplateVocabulary.categoryPriority.count
        }
        #expect(ranks == ranks.sorted())
    }

    /// A removal's reason names the phrase as Swift prints the case (`exact("read more")`);
    /// the quick quoting must agree with `debugDescription` for every phrase, and for the
    /// characters it leaves to it.
    @Test func phraseReasonsQuoteAsSwiftDoes() {
        let extra: [BoilerplateVocabulary.PhraseMatch] = [.exact("say \"hi\""), .prefix("a\\b"), .contains("tab\there"), .exact("café")]
        for match in BoilerplateVocabulary.phrases.map(\.match) + extra {
            let expected: String
            switch match {
            case .exact(let phrase): expected = "exact(\(phrase.debugDescription))"
            case .prefix(let phrase): expected = "prefix(\(phrase.debugDescription))"
            case .contains(let phrase): expected = "contains(\(phrase.debugDescription))"
            }
            #expect(match.description == expected)
        }
    }
}

/// `PhraseIndex` must answer what a scan of `phrases` in order answers: the first phrase whose
/// text equals the comparable text, opens it or occurs in it.
@Suite struct PhraseIndexTests {
    static func firstMatchByScan(_ comparable: String) -> Int? {
        let text = Array(comparable.utf8)
        return BoilerplateVocabulary.phrases.firstIndex { phrase in
            switch phrase.match {
            case .exact(let wanted): return text == Array(wanted.utf8)
            case .prefix(let wanted): return text.starts(with: wanted.utf8)
            case .contains(let wanted):
                let needle = Array(wanted.utf8)
                guard needle.count >= 2, needle.count <= text.count else { return false }
                return (0...(text.count - needle.count)).contains { text[$0..<($0 + needle.count)].elementsEqual(needle) }
            }
        }
    }

    @Test func agreesWithAScanOfThePhrasesInOrder() {
        let index = BoilerplateVocabulary.phraseIndex
        var texts: [String] = []
        // Every phrase alone, inside prose, cut short by a byte, and run into another phrase.
        let phrases = BoilerplateVocabulary.phrases.map { phrase -> String in
            switch phrase.match { case .exact(let text), .prefix(let text), .contains(let text): return text }
        }
        for (offset, phrase) in phrases.enumerated() {
            texts += [phrase, "the council said \(phrase) on monday", String(phrase.utf8.dropLast().map { Character(Unicode.Scalar($0)) })]
            texts.append(phrase + " " + phrases[(offset * 7 + 3) % phrases.count])
        }
        var generator = SystemRandomNumberGenerator()
        let words = ["read", "more", "share", "cookies", "we", "use", "co", "[/", "subscribe", "to", "our", "newsletter", "the", "a", ":"]
        for _ in 0..<3_000 {
            texts.append((0..<Int.random(in: 0...9, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " "))
        }
        for text in texts {
            #expect(index.firstMatch(text) == Self.firstMatchByScan(text), "\(text)")
        }
    }
}

/// `TextHash` keys the exact phrases and a page's repeated lines: equal texts must hash equal,
/// and the texts of a page apart.
@Suite struct TextHashTests {
    @Test func equalTextsHashEqualAndPaddingCounts() {
        #expect(TextHash.of("read more") == TextHash.of(String("xread more".dropFirst())))
        #expect(TextHash.of("a") != TextHash.of("a\u{0}"))
        #expect(TextHash.of("") != TextHash.of("\u{0}"))
        #expect(TextHash.of("abcdefgh") != TextHash.of("abcdefgh\u{0}"))
    }

    /// The last chunk, read as the text's last eight bytes shifted down, is the chunk of its
    /// remaining bytes zero-padded, at every length.
    @Test func lastChunkIsTheRemainingBytes() {
        let text = Array("the quick brown fox jumps over the lazy dog".utf8)
        for length in 0...text.count {
            var expected = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
            for chunk in stride(from: 0, to: length, by: 8) {
                var value: UInt64 = 0
                for index in chunk..<min(chunk + 8, length) { value |= UInt64(text[index]) << (8 * (index - chunk)) }
                expected = TextHash.mix(expected ^ value)
            }
            #expect(text.withUnsafeBufferPointer { TextHash.of(UnsafeBufferPointer(rebasing: $0[0..<length])) } == expected, "\(length)")
        }
    }

    @Test func manyLinesWithoutACollision() {
        var seen: [UInt64: String] = [:]
        var lowBits = Set<UInt64>()
        for first in 0..<100 {
            for second in 0..<100 {
                let line = "line \(first) of the page, word \(second)"
                let hash = TextHash.of(line)
                #expect(seen[hash] == nil, "\(line) and \(seen[hash] ?? "")")
                seen[hash] = line
                lowBits.insert(hash & 0x3FFF)
            }
        }
        // Tables index by the low bits: 10,000 texts spread over most of 16,384 slots.
        #expect(lowBits.count > 7_000)
    }
}
