import Foundation
import Testing
@testable import Winnow

/// `RussianLatin` against ICU's "Russian-Latin/BGN; Latin-ASCII", which it must equal on every
/// string it accepts. `scripts/check-cyrillic-latin.sh` runs the same comparison on every
/// three-letter string and a million random ones; here the one- and two-letter strings, the
/// three-letter ones over the letters the context rules turn on, and random longer strings.
@Suite struct RussianLatinTests {
    static let small = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
    static let letters = small + small.map { Character($0.uppercased()) }
    /// ASCII the fast path takes, as context: a letter of each case, a digit, separators.
    static let ascii = Array("aZy1 -.'\"")

    /// ICU's spelling of each string, one call for them all (lines do not affect each other:
    /// a line break is a word boundary to every rule).
    static func icu(_ texts: [String], id: String = RussianLatin.transformID) -> [String] {
        let joined = texts.joined(separator: "\n")
        let converted = joined.applyingTransform(StringTransform(rawValue: id + "; Latin-ASCII"), reverse: false)
        return converted.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
    }

    /// `spell` (by default `RussianLatin`) against the ICU transform `id` on every text.
    static func expectSameAsICU(_ texts: [String], id: String = RussianLatin.transformID,
                                spell: (String) -> String? = RussianLatin.ascii) {
        let expected = icu(texts, id: id)
        #expect(expected.count == texts.count)
        var mismatches = 0
        for (text, spelled) in zip(texts, expected) where spell(text) != spelled {
            mismatches += 1
            if mismatches <= 10 { Issue.record("\(id) \(text): ICU \(spelled), ours \(spell(text) ?? "nil")") }
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
        var generator = SeededGenerator(state: 11)
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

/// `CyrillicLatin`'s four tables against ICU, the same way: every one- and two-character string
/// of a table's letters and some ASCII, the three-letter strings over the letters of the pairs
/// written apart and a few others, and random longer strings.
@Suite struct CyrillicLatinTests {
    static let tables = [CyrillicLatin.ukrainian, .belarusian, .bulgarian, .serbian]

    static func letters(of table: CyrillicLatin) -> [Character] {
        ((0x0400...0x04FF).compactMap(Unicode.Scalar.init) + ["’"]).map(Character.init).filter { table.ascii(String($0)) != nil }
    }

    @Test(arguments: tables.map(\.transformID))
    func sameAsICU(id: String) throws {
        let table = try #require(CyrillicLatin.table(for: id))
        let letters = Self.letters(of: table)
        #expect(letters.count >= 60)
        let alphabet = letters + RussianLatinTests.ascii
        var texts = alphabet.map { String($0) }
        for first in alphabet { for second in alphabet { texts.append(String([first, second])) } }
        // The letters of every pair written apart ("зг", "тс", "шт"…), a vowel and the signs.
        let context = Array("згкстцшчщаеьъ’").filter(letters.contains)
        let contextBoth = context + context.map { Character($0.uppercased()) }.filter(letters.contains)
        for a in contextBoth { for b in contextBoth { for c in contextBoth { texts.append(String([a, b, c])) } } }
        var generator = SeededGenerator(state: 13)
        for index in 0..<5_000 {
            let pool = index % 3 == 0 ? alphabet : letters
            texts.append(String((0..<Int.random(in: 4...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! }))
        }
        RussianLatinTests.expectSameAsICU(texts, id: table.transformID, spell: table.ascii)
    }

    @Test func namesAsTheNewsWritesThem() {
        #expect(CyrillicLatin.ukrainian.ascii("Володимир Зеленський") == "Volodymyr Zelens'kyy")
        #expect(CyrillicLatin.ukrainian.ascii("Згурівка") == "Z·hurivka")
        #expect(CyrillicLatin.belarusian.ascii("Аляксандр Лукашэнка") == "Alyaksandr Lukashenka")
        #expect(CyrillicLatin.bulgarian.ascii("Бойко Борисов") == "Boiko Borisov")
        #expect(CyrillicLatin.serbian.ascii("Александар Вучић") == "Aleksandar Vucic")
        #expect(CyrillicLatin.serbian.ascii("Џон") == "Dzon")
    }

    /// Letters of another alphabet, or anything outside printable ASCII, are left to ICU; an
    /// id without a table has none.
    @Test func otherCharactersAreRefused() {
        #expect(CyrillicLatin.ukrainian.ascii("Ёлка") == nil)  // Russian "ё"
        #expect(CyrillicLatin.serbian.ascii("Київ") == nil)
        #expect(CyrillicLatin.bulgarian.ascii("Zoë") == nil)
        #expect(CyrillicLatin.table(for: "Greek-Latin/UNGEGN") == nil)
        #expect(CyrillicLatin.table(for: RussianLatin.transformID) == nil)
    }
}
