import Foundation

/// What the naming conventions say of a single folded word: organisation word, place word,
/// connector, particle, given name, stopword, Burmese syllable. One lookup answers every list.
struct WordClasses: OptionSet, Sendable {
    let rawValue: UInt8
    static let organization = WordClasses(rawValue: 1 << 0)
    static let place = WordClasses(rawValue: 1 << 1)
    static let connector = WordClasses(rawValue: 1 << 2)
    static let particle = WordClasses(rawValue: 1 << 3)
    static let givenName = WordClasses(rawValue: 1 << 4)
    static let stopword = WordClasses(rawValue: 1 << 5)
    static let burmeseSyllable = WordClasses(rawValue: 1 << 6)
}

/// `WordClasses` of the words of a catalog's lists. An ASCII word (nearly every word asked)
/// is found by its `ByteHash` and confirmed on its bytes: no Unicode normalization and SipHash
/// per list, as `Set<String>.contains` costs. Other words are asked of the lists themselves,
/// so the answers are the sets' own (String equality is canonical equivalence).
struct WordClassIndex: Sendable {
    private struct Entry { var bytes: [UInt8]; var classes: WordClasses }
    private let ascii: ByteHashTable<[Entry]>
    private let lists: [(WordClasses, Set<String>)]

    init(_ lists: [(WordClasses, Set<String>)] = []) {
        self.lists = lists
        var byHash: [UInt64: [Entry]] = [:]
        for (classes, words) in lists {
            for word in words {
                // A listed word equal to an ASCII string is found by that string's bytes: its
                // canonical composition (Swift's String equality) is what a query would match.
                let composed = word.isASCIIBytes ? word : word.precomposedStringWithCanonicalMapping
                guard composed.isASCIIBytes else { continue }
                let bytes = Array(composed.utf8)
                let hash = ByteHash.of(composed)
                if let position = byHash[hash]?.firstIndex(where: { $0.bytes == bytes }) {
                    byHash[hash]![position].classes.formUnion(classes)
                } else {
                    byHash[hash, default: []].append(Entry(bytes: bytes, classes: classes))
                }
            }
        }
        ascii = ByteHashTable(byHash)
    }

    func classes(of word: String) -> WordClasses {
        var copy = word
        let asciiAnswer: WordClasses? = copy.withUTF8 { bytes in
            var hash = ByteHash.empty
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                hash = ByteHash.adding(byte, to: hash)
            }
            guard let entries = ascii[hash] else { return [] }
            for entry in entries where entry.bytes.elementsEqual(bytes) { return entry.classes }
            return []
        }
        if let asciiAnswer { return asciiAnswer }
        var classes: WordClasses = []
        for (listed, words) in lists where words.contains(word) { classes.formUnion(listed) }
        return classes
    }
}
