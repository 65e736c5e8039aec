import Foundation
import Testing
@testable import Winnow

/// `RussianLatin` against ICU's "Russian-Latin/BGN; Latin-ASCII", which it must equal on every
/// string it accepts. `scripts/check-russian-latin.sh` runs the same comparison on every
/// three-letter string and two million random ones; here the one- and two-letter strings, the
/// three-letter ones over the letters the context rules turn on, and random longer strings.
@Suite struct RussianLatinTests {
    static let small = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
    static let letters = small + small.map { Character($0.uppercased()) }
    /// ASCII the fast path takes, as context: a letter of each case, a digit, separators.
    static let ascii = Array("aZy1 -.'\"")

    /// ICU's spelling of each string, one call for them all (lines do not affect each other:
    /// a line break is a word boundary to every rule).
    static func icu(_ texts: [String]) -> [String] {
        let joined = texts.joined(separator: "\n")
        let converted = joined.applyingTransform(StringTransform(rawValue: RussianLatin.transformID + "; Latin-ASCII"), reverse: false)
        return converted.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
    }

    static func expectSameAsICU(_ texts: [String]) {
        let expected = icu(texts)
        #expect(expected.count == texts.count)
        var mismatches = 0
        for (text, spelled) in zip(texts, expected) where RussianLatin.ascii(text) != spelled {
            mismatches += 1
            if mismatches <= 10 { Issue.record("\(text): ICU \(spelled), ours \(RussianLatin.ascii(text) ?? "nil")") }
        }
        #expect(mismatches == 0)
    }

    @Test func oneAndTwoCharacters() {
        let alphabet = Self.letters + Self.ascii
        var texts = alphabet.map { String($0) }
        for first in alphabet { for second in alphabet { texts.append(String([first, second])) } }
        Self.expectSameAsICU(texts)
    }

    /// Every three-letter string over the vowels, the signs, "й" and the letters of "тс" and
    /// "шч", in both cases: the letters whose spelling depends on their neighbours.
    @Test func threeLettersWhereContextMatters() {
        let context = Array("аеёиоуыэюяйъьтсшчб")
        let alphabet = context + context.map { Character($0.uppercased()) }
        var texts: [String] = []
        for first in alphabet { for second in alphabet { for third in alphabet { texts.append(String([first, second, third])) } } }
        Self.expectSameAsICU(texts)
    }

    @Test func randomLongerStrings() {
        var generator = SeededGenerator(seed: 11)
        let alphabet = Self.letters + Self.ascii
        var texts: [String] = []
        for index in 0..<20_000 {
            let pool = index % 3 == 0 ? alphabet : Self.letters
            let length = Int.random(in: 4...12, using: &generator)
            texts.append(String((0..<length).map { _ in pool.randomElement(using: &generator)! }))
        }
        Self.expectSameAsICU(texts)
    }

    @Test func namesAsTheNewsWritesThem() {
        #expect(RussianLatin.ascii("Сергей Шойгу") == "Sergey Shoygu")
        #expect(RussianLatin.ascii("Пётр Соловьёв") == "Petr Solov'yev")
        #expect(RussianLatin.ascii("Елена Моисеева") == "Yelena Moiseyeva")
        #expect(RussianLatin.ascii("Римский-Корсаков") == "Rimskiy-Korsakov")
        Self.expectSameAsICU(["Сергей Шойгу", "Пётр Соловьёв", "Елена Моисеева", "Римский-Корсаков", "ЮЛИЯ ЕЛЬЦИНА", "Майя Плисецкая"])
    }

    /// Anything outside Russian letters and printable ASCII is left to ICU.
    @Test func otherCharactersAreRefused() {
        #expect(RussianLatin.ascii("Київ") == nil)  // Ukrainian "ї"
        #expect(RussianLatin.ascii("Ђорђе") == nil)  // Serbian
        #expect(RussianLatin.ascii("Zoë") == nil)
        #expect(RussianLatin.ascii("е\u{0308}") == nil)  // "ё" decomposed: ICU composes it first
        #expect(RussianLatin.ascii("a\tb") == nil)
    }
}

/// SplitMix64: the same random strings on every run and platform.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
