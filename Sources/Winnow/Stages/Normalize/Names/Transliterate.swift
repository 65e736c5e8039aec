import Foundation

/// Non-Latin names to the Latin spelling English-language news uses: the ICU transform for the
/// script (and, for Cyrillic, the language), then the press layer of `transliteration.yaml`
/// ("Сергей Шойгу" → BGN "Sergey Shoygu" → "Sergei Shoigu"). The BGN/PCGN transforms of
/// Russian, Ukrainian, Belarusian, Bulgarian and Serbian are done without ICU
/// (`RussianLatin`, `CyrillicLatin`), which spell the same.
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
        var groups: [(id: String, positions: [Int])] = []  // by transform id, a page has one or two
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
            guard let id else { continue }
            if let group = groups.firstIndex(where: { $0.id == id }) { groups[group].positions.append(position) } else { groups.append((id, [position])) }
        }
        for (id, allPositions) in groups.sorted(by: { $0.id < $1.id }) {
            // Names met before (in this page or an earlier one) come from the cache: a lookup
            // costs less than the press layer, and far less than ICU (millions of instructions a
            // call; a few thousand a name for a Swift transform).
            let known = cache.values(id: id, of: allPositions.map { names[$0] })
            let withoutICU = Self.withoutICU(id)
            var positions: [Int] = []
            var learned: [(name: String, latin: String)] = []
            for (position, known) in zip(allPositions, known) {
                if let latin = known {
                    results[position] = latin
                } else if let latin = withoutICU?.ascii(names[position]) {
                    // The same spelling without ICU; names outside the table's letters go on to ICU.
                    results[position] = press(latin)
                    learned.append((names[position], results[position]))
                } else {
                    positions.append(position)
                }
            }
            if !positions.isEmpty {
                let joined = positions.map { names[$0] }.joined(separator: "\n")
                if let converted = joined.applyingTransform(StringTransform(rawValue: id + "; Latin-ASCII"), reverse: false) {
                    let parts = converted.split(separator: "\n", omittingEmptySubsequences: false)
                    if parts.count == positions.count {
                        for (position, part) in zip(positions, parts) {
                            results[position] = press(String(part))
                            learned.append((names[position], results[position]))
                        }
                    }
                }
            }
            cache.store(learned, id: id)
        }
        return results
    }

    /// The transform done in Swift, for the ids that have one: Russian, Ukrainian, Belarusian,
    /// Bulgarian and Serbian BGN/PCGN, each spelling as ICU does (`RussianLatin`, `CyrillicLatin`).
    static func withoutICU(_ id: String) -> SwiftTransform? {
        if id == RussianLatin.transformID { return .russian }
        return CyrillicLatin.table(for: id).map(SwiftTransform.table)
    }

    /// A transform `withoutICU` has. (An enum, not a closure: a closure's type metadata was
    /// looked up at every call.)
    enum SwiftTransform {
        case russian
        case table(CyrillicLatin)

        func ascii(_ text: String) -> String? {
            switch self {
            case .russian: RussianLatin.ascii(text)
            case .table(let table): table.ascii(text)
            }
        }
    }

    /// Transliterated names by transform and name (the press layer applied), shared by the
    /// pages and threads of a run: a catalog's rules do not change once it is indexed.
    final class Cache: @unchecked Sendable {
        private var entries: [String: [BytesKey: String]] = [:]
        private var count = 0
        private let lock = PthreadMutex()
        /// Bounded: a crawl of many scripts would otherwise grow it without end.
        static let limit = 100_000

        /// The known spellings of `names` under one transform (nil where unknown), under one lock
        /// and one lookup of the transform. (Held past the lock, the table would be copied whole
        /// at the next store.)
        func values(id: String, of names: [String]) -> [String?] {
            lock.withLock {
                guard let known = entries[id] else { return Array(repeating: nil, count: names.count) }
                return names.map { known[BytesKey(text: $0)] }
            }
        }

        func store(_ learned: [(name: String, latin: String)], id: String) {
            guard !learned.isEmpty else { return }
            lock.withLock {
                if count + learned.count > Self.limit { entries = [:]; count = 0 }
                for (name, latin) in learned where entries[id, default: [:]].updateValue(latin, forKey: BytesKey(text: name)) == nil {
                    count += 1
                }
            }
        }

        /// A name keyed by its UTF-8 bytes: `String` hashes its canonical form, which for
        /// Cyrillic cost four times the lookup. Spellings that differ only in composition are
        /// two entries, each right.
        struct BytesKey: Hashable {
            let text: String
            func hash(into hasher: inout Hasher) {
                var text = text
                text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }
            static func == (left: BytesKey, right: BytesKey) -> Bool { left.text.utf8.elementsEqual(right.text.utf8) }
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
