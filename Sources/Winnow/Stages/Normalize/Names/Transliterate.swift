import Foundation

/// Non-Latin names to the Latin spelling English-language news uses: the ICU transform for the
/// script (and, for Cyrillic, the language), then the press layer of `transliteration.yaml`
/// ("Сергей Шойгу" → BGN "Sergey Shoygu" → "Sergei Shoigu"). Russian's transform is done
/// without ICU, by `RussianLatin`, which spells the same.
struct Transliterate {
    let rules: TransliterationRules
    /// Names already transliterated under these rules (`NameCatalog.transliterationCache`).
    var cache = Cache()

    enum Script { case latin, cyrillic, greek, arabic, other }

    static func script(of text: String) -> Script { script(of: text.unicodeScalars) }

    /// The script of the first letter of `scalars`.
    static func script(of scalars: some Sequence<Unicode.Scalar>) -> Script {
        for scalar in scalars {
            // ASCII letters are the only alphabetic ASCII: answered without the Unicode tables.
            if scalar.isASCII {
                let lower = scalar.value | 0x20
                if lower >= 0x61 && lower <= 0x7A { return .latin }
                continue
            }
            guard scalar.properties.isAlphabetic else { continue }
            switch scalar.value {
            case 0x0400...0x052F: return .cyrillic
            case 0x0370...0x03FF, 0x1F00...0x1FFF: return .greek
            case 0x0600...0x06FF, 0x0750...0x077F: return .arabic
            case 0...0x024F, 0x1E00...0x1EFF: return .latin
            default: return .other
            }
        }
        return .latin
    }

    /// The Cyrillic language by its letters when the page does not say: і ї є ґ Ukrainian,
    /// ў Belarusian, ђ ј љ њ ћ џ Serbian.
    static func cyrillicLanguage(of text: String, pageLanguage: String?) -> String {
        if let pageLanguage, ["ru", "uk", "be", "bg", "sr"].contains(pageLanguage) { return pageLanguage }
        let letters = Set(text.unicodeScalars)
        if letters.contains("ў") || letters.contains("Ў") { return "be" }
        if !letters.isDisjoint(with: ["ї", "Ї", "є", "Є", "ґ", "Ґ", "і", "І"]) { return "uk" }
        if !letters.isDisjoint(with: ["ђ", "ј", "љ", "њ", "ћ", "џ", "Ђ", "Ј", "Љ", "Њ", "Ћ", "Џ"]) { return "sr" }
        return "ru"
    }

    /// Latin spellings of several names at once (one ICU call per script and language: creating
    /// a transliterator costs more than running it). Latin names come back as they are.
    func latin(_ names: [String], pageLanguage: String?) -> [String] {
        var results = names
        var groups: [String: [Int]] = [:]  // transform id → name positions
        for (position, name) in names.enumerated() {
            let id: String?
            switch Self.script(of: name) {
            case .cyrillic:
                let language = Self.cyrillicLanguage(of: name, pageLanguage: pageLanguage)
                id = rules.cyrillic[language] ?? rules.cyrillic["default"]
            case .greek: id = rules.greek
            case .arabic:
                results[position] = arabic(name)
                continue
            case .latin, .other: id = nil
            }
            if let id { groups[id, default: []].append(position) }
        }
        for (id, allPositions) in groups.sorted(by: { $0.key < $1.key }) {
            // Names met before (in this page or an earlier one) come from the cache: opening an
            // ICU transliterator costs millions of instructions, running it little.
            var positions: [Int] = []
            for position in allPositions {
                if let known = cache.value(id: id, name: names[position]) {
                    results[position] = known
                } else if id == RussianLatin.transformID, let latin = RussianLatin.ascii(names[position]) {
                    // Russian without ICU (the same spelling); names outside its letters go on to ICU.
                    results[position] = press(latin)
                    cache.store(results[position], id: id, name: names[position])
                } else {
                    positions.append(position)
                }
            }
            guard !positions.isEmpty else { continue }
            let joined = positions.map { names[$0] }.joined(separator: "\n")
            guard let converted = joined.applyingTransform(StringTransform(rawValue: id + "; Latin-ASCII"), reverse: false) else { continue }
            let parts = converted.split(separator: "\n", omittingEmptySubsequences: false)
            guard parts.count == positions.count else { continue }
            for (position, part) in zip(positions, parts) {
                results[position] = press(String(part))
                cache.store(results[position], id: id, name: names[position])
            }
        }
        return results
    }

    /// Transliterated names by transform and name (the press layer applied), shared by the
    /// pages and threads of a run: a catalog's rules do not change once it is indexed.
    final class Cache: @unchecked Sendable {
        private var entries: [String: [String: String]] = [:]
        private var count = 0
        private let lock = PthreadMutex()
        /// Bounded: a crawl of many scripts would otherwise grow it without end.
        static let limit = 100_000

        func value(id: String, name: String) -> String? { lock.withLock { entries[id]?[name] } }

        func store(_ latin: String, id: String, name: String) {
            lock.withLock {
                if count >= Self.limit { entries = [:]; count = 0 }
                if entries[id, default: [:]].updateValue(latin, forKey: name) == nil { count += 1 }
            }
        }
    }

    /// Arabic: known words by the press table, the rest through the ICU transform.
    private func arabic(_ name: String) -> String {
        let words = name.split(separator: " ").map { word -> String in
            if let known = rules.arabicWords[String(word)] { return known }
            let id = (rules.arabic ?? "Arabic-Latin") + "; Latin-ASCII"
            return String(word).applyingTransform(StringTransform(rawValue: id), reverse: false).map(capitalized) ?? String(word)
        }
        return words.joined(separator: " ")
    }

    private func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// The press layer on a transliterated name, word by word.
    func press(_ name: String) -> String {
        name.split(separator: " ", omittingEmptySubsequences: true).map { pressWord(String($0)) }.joined(separator: " ")
    }

    private func pressWord(_ original: String) -> String {
        // Most words hold none of the removed characters: they are checked before a copy is made.
        var word = original.contains(where: rules.remove.contains) ? String(original.filter { !rules.remove.contains($0) }) : original
        // Hyphenated names ("Rimsky-Korsakov") one part at a time.
        if word.utf8.contains(UInt8(ascii: "-")) { return word.split(separator: "-").map { pressWord(String($0)) }.joined(separator: "-") }
        if let known = rules.words[word] { return known }
        for (from, to) in rules.endings where word.count > from.count + 1 && word.hasSuffix(from) {
            word = String(word.dropLast(from.count)) + to
            break
        }
        // A byte check before Foundation's search, which cost tens of thousands of instructions
        // a word (transliterated words are ASCII; the rules' spellings nearly always absent).
        for (from, to) in rules.beforeConsonant where word.containsBytes(from) {
            var output = ""
            var rest = Substring(word)
            while let range = rest.range(of: from) {
                let after = rest[range.upperBound...].first
                output += rest[..<range.lowerBound]
                output += (after.map { !"aeiouy".contains($0.lowercased()) && $0.isLetter } ?? false) ? to : String(rest[range])
                rest = rest[range.upperBound...]
            }
            word = output + rest
        }
        return rules.words[word] ?? word
    }
}
