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
/// is found in an `ASCIIWordTable`: no Unicode normalization and SipHash per list, as
/// `Set<String>.contains` costs. Other words are asked of the lists themselves, so the answers
/// are the sets' own (String equality is canonical equivalence).
struct WordClassIndex: Sendable {
    private let ascii: ASCIIWordTable<WordClasses>
    private let lists: [(WordClasses, Set<String>)]

    init(_ lists: [(WordClasses, Set<String>)] = []) {
        self.lists = lists
        // A listed word equal to an ASCII string is found by that string's bytes: its canonical
        // composition (Swift's String equality) is what a query would match.
        let entries = lists.flatMap { classes, words in
            words.map { word in (word: word.isASCIIBytes ? word : word.precomposedStringWithCanonicalMapping, value: classes) }
        }
        ascii = ASCIIWordTable(entries, merge: { $0.union($1) })
    }

    func classes(of word: String) -> WordClasses {
        word.withUTF8Bytes { classes(ofBytes: $0) }
    }

    /// The classes of a word given as UTF-8: an ASCII word from the table, any other by its string.
    func classes(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> WordClasses {
        var hash = ByteHash.empty
        var answer: ASCIIWordTable<WordClasses>.Answer = .unknown
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for byte in bytes { hash = ByteHash.adding(byte, to: hash) }
            answer = ascii.lookup(bytes, hash: hash)
        }
        switch answer {
        case .absent: return []
        case .found(let classes): return classes
        case .unknown:
            let word = String(decoding: bytes, as: UTF8.self)
            var classes: WordClasses = []
            for (listed, words) in lists where words.contains(word) { classes.formUnion(listed) }
            return classes
        }
    }
}
