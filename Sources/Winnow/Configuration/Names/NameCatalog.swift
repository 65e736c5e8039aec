import Foundation

/// Everything the name annotator reads from `config/names/`: the gazetteer, titles, naming
/// conventions and transliteration rules, indexed once per run.
public struct NameCatalog: Sendable {
    public private(set) var entries: [NameEntry] = []
    /// Where each (name, kind) sits in `entries`: a later file's entry replaces the earlier one
    /// without a scan of every entry per `add`.
    private var positions: [EntryKey: Int] = [:]
    private struct EntryKey: Hashable {
        var name: String
        var kind: NameEntry.Kind
    }
    /// Lower-cased title phrases as word lists, per first word, longest first.
    var titlesByFirstWord: [String: [[String]]] = [:]
    /// `titlesByFirstWord` with each phrase's words as UTF-8, by first word (found as strings
    /// are: by canonical equivalence), and the same asked by a folded word's bytes: a token's
    /// word finds its phrases without a string made.
    private(set) var titlePhrases: [String: [[[UInt8]]]] = [:]
    private(set) var foldedTitlePhrases = FoldedWordTable<[[[UInt8]]]>([])
    /// First letter and length of every title's first word: most tokens are ruled out by this
    /// before any string is made.
    private(set) var titleShapes = ShapeSet([])
    /// `ByteHash` of each ASCII first word of a title: an ASCII token whose lower-cased hash is
    /// not here opens no title, checked without making the token a String.
    private(set) var titleFirstWordHashes = ByteHashSet([])
    /// The same for particles and connectors.
    private(set) var joinerShapes = ShapeSet([])
    /// Culture name → whether a single final word is a short form.
    var singleWordShortForms: [String: Bool] = ["western": true]
    /// Words that make a name Burmese when every word of it is one of them.
    var burmeseSyllables: Set<String> = []
    var particles: Set<String> = []
    var connectors: Set<String> = []
    var organizationWords: Set<String> = []
    var placeWords: Set<String> = []
    var stopwords: Set<String> = []
    /// The ASCII stopwords by `ByteHash` (`buildIndex`): an ASCII token is asked without a string.
    private(set) var stopwordSet = ASCIIWordSet([])
    /// The stopwords asked by a folded word's bytes (words outside ASCII).
    private(set) var foldedStopwords = FoldedWordTable<Void>([String]())
    /// Frequent first names: a run that starts with one is a person.
    var givenNames: Set<String> = []
    /// The lists above by word (`buildIndex`): one lookup per word instead of one per list.
    private(set) var wordClasses = WordClassIndex()
    /// Case endings and their nominative forms, for names declined in the text.
    var inflections: [(ending: String, nominative: String)] = []
    var transliteration = TransliterationRules()
    /// Names transliterated under `transliteration`; a new one with each `buildIndex`.
    private(set) var transliterationCache = Transliterate.Cache()

    /// Folded name, alias, variant or demonym → entry index.
    private(set) var index: [String: Int] = [:]
    /// Folded short form → entry index (explicit `short_forms`).
    private(set) var shortFormIndex: [String: Int] = [:]
    /// Folded demonyms → entry index.
    private(set) var demonymIndex: [String: Int] = [:]
    /// The three indexes as `FoldedKeyIndex`es, for the lookups of every page.
    private var keyLookup = FoldedKeyIndex([:])
    private var shortFormLookup = FoldedKeyIndex([:])
    private var demonymLookup = FoldedKeyIndex([:])
    /// Keys that two entries claim: the first keeps them (reported by `winnow names check`).
    public private(set) var collisions: [(key: String, kept: String, other: String)] = []

    public init() {}

    public var isEmpty: Bool { entries.isEmpty && titlesByFirstWord.isEmpty }

    mutating func add(_ entry: NameEntry) {
        // A later file's entry of the same name replaces the earlier one (user folders win).
        let key = EntryKey(name: entry.name, kind: entry.kind)
        if let existing = positions[key] {
            entries[existing] = entry
        } else {
            positions[key] = entries.count
            entries.append(entry)
        }
    }

    mutating func addTitle(_ title: String) {
        let words = NameKey.words(title)
        guard let first = words.first else { return }
        titlesByFirstWord[first, default: []].append(words)
        titlesByFirstWord[first]!.sort { $0.count > $1.count }
    }

    /// Builds the lookup tables; call after the last `add`.
    mutating func buildIndex() {
        transliterationCache = Transliterate.Cache()
        titleFirstWordHashes = ByteHashSet(titlesByFirstWord.keys.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map(ByteHash.of))
        titlePhrases = titlesByFirstWord.mapValues { phrases in phrases.map { phrase in phrase.map { Array($0.utf8) } } }
        foldedTitlePhrases = FoldedWordTable(titlePhrases.lazy.map { (word: $0.key, value: $0.value) })
        titleShapes = ShapeSet(words: titlesByFirstWord.keys)
        joinerShapes = ShapeSet(words: particles.union(connectors))
        index = [:]
        shortFormIndex = [:]
        demonymIndex = [:]
        collisions = []
        // Sized once: grown key by key, the index was rehashed a dozen times at every start.
        index.reserveCapacity(entries.reduce(0) { $0 + 1 + $1.aliases.count + $1.variants.count })
        shortFormIndex.reserveCapacity(entries.reduce(0) { $0 + $1.shortForms.count })
        demonymIndex.reserveCapacity(entries.reduce(0) { $0 + $1.demonyms.count })
        for (position, entry) in entries.enumerated() {
            for text in [entry.name] + entry.aliases + entry.variants {
                let key = NameKey.fold(text)
                guard !key.isEmpty else { continue }
                if let existing = index[key], existing != position {
                    if entries[existing].name != entry.name { collisions.append((key, entries[existing].name, entry.name)) }
                    continue
                }
                index[key] = position
            }
            // The first entry to list a short form or demonym keeps it (each folded once).
            for text in entry.shortForms {
                let key = NameKey.fold(text)
                if shortFormIndex[key] == nil { shortFormIndex[key] = position }
            }
            for text in entry.demonyms {
                let key = NameKey.fold(text)
                if demonymIndex[key] == nil { demonymIndex[key] = position }
            }
        }
        stopwordSet = ASCIIWordSet(stopwords)
        foldedStopwords = FoldedWordTable(stopwords)
        wordClasses = WordClassIndex([(.organization, organizationWords), (.place, placeWords), (.connector, connectors),
                                      (.particle, particles), (.givenName, givenNames), (.stopword, stopwords),
                                      (.burmeseSyllable, burmeseSyllables)])
        keyLookup = FoldedKeyIndex(index)
        shortFormLookup = FoldedKeyIndex(shortFormIndex)
        demonymLookup = FoldedKeyIndex(demonymIndex)
    }

    /// The lookups of a folded name given as UTF-8 (words joined by single spaces) and its
    /// `ByteHash` (`FoldedKeyIndex.hash` of its words).
    func entry(forKey key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? { keyLookup[bytes: key, hash: hash] }
    func entry(forShortForm key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? { shortFormLookup[bytes: key, hash: hash] }
    func entry(forDemonym key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? { demonymLookup[bytes: key, hash: hash] }

    /// The entry for a name declined in the text ("николаем патрушевым"): each word's case
    /// ending replaced by its nominative, every combination tried (names are short), in order:
    /// the first word's readings outermost, each word's own spelling first. Worked on bytes,
    /// in one buffer: only a key the index holds is a match, and keys are compared as bytes.
    /// `words`: the folded words' UTF-8.
    func entry(forDeclined words: [[UInt8]]) -> Int? {
        guard !inflections.isEmpty, words.count <= 3 else { return nil }
        // Each word's readings: itself, then its stem with each matching ending's nominative.
        var readings: [[[UInt8]]] = []
        var combinations = 1
        for bytes in words {
            let scalars = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            var options = [bytes]
            for rule in inflections {
                let ending = rule.ending.utf8
                guard bytes.count > ending.count, bytes.suffix(ending.count).elementsEqual(ending),
                      scalars > rule.ending.unicodeScalars.count + 2 else { continue }
                options.append(Array(bytes.dropLast(ending.count)) + Array(rule.nominative.utf8))
            }
            readings.append(options)
            combinations *= options.count
            if combinations > 64 { return nil }
        }
        // Combination `number` in mixed radix, the last word's reading fastest; 0 is the name as written.
        var key: [UInt8] = []
        for number in 1..<combinations {
            key.removeAll(keepingCapacity: true)
            var divisor = combinations
            for (position, options) in readings.enumerated() {
                divisor /= options.count
                if position > 0 { key.append(0x20) }
                key.append(contentsOf: options[(number / divisor) % options.count])
            }
            if let entry = key.withUnsafeBufferPointer({ keyLookup[bytes: $0, hash: ByteHash.of($0)] }) { return entry }
        }
        return nil
    }

    /// Whether a name is Burmese: its entry says so, or every word is a Burmese name syllable
    /// (`isBurmeseSyllable`, asked by word position).
    func culture(entry: Int?, wordCount: Int, isBurmeseSyllable: (Int) -> Bool) -> String {
        if let entry, let culture = entries[entry].culture { return culture }
        if !burmeseSyllables.isEmpty, wordCount > 1, (0..<wordCount).allSatisfy(isBurmeseSyllable) { return "burmese" }
        return "western"
    }
}

/// Folding names into lookup keys: case, diacritics, apostrophes, dots and hyphens do not
/// matter ("U.S." is "us", "Jean-Luc" is "jean luc", "Vučić" is "vucic").
enum NameKey {
    /// Whether each scalar below U+0800 is alphabetic or numeric (what `words` keeps), worked out
    /// once: asking the Unicode properties cost hundreds of instructions per letter of a
    /// non-ASCII name.
    private static let alphanumericBelow0800: [Bool] = (0..<0x800).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func fold(_ text: String) -> String {
        var joined: [UInt8] = []
        joined.reserveCapacity(text.utf8.count)
        forEachWord(of: text) { word in
            if !joined.isEmpty { joined.append(0x20) }
            joined.append(contentsOf: word)
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// The folded words of a name.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(of: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 of each folded word of `text`, in order, written into one
    /// buffer the text's size (no array grown byte by byte, no string per word unless the
    /// caller makes one).
    static func forEachWord(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Plain ASCII (most names): lower-cased here, without Foundation's folding.
        if text.isASCIIBytes {
            text.withUTF8Bytes { bytes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                    var length = 0
                    for byte in bytes {
                        switch byte {
                        case UInt8(ascii: "."), UInt8(ascii: "'"): continue
                        case 0x41...0x5A: buffer[length] = byte | 0x20; length += 1
                        case 0x61...0x7A, 0x30...0x39: buffer[length] = byte; length += 1
                        default:
                            if length > 0 { body(UnsafeBufferPointer(rebasing: buffer[0..<length])); length = 0 }
                        }
                    }
                    if length > 0 { body(UnsafeBufferPointer(rebasing: buffer[0..<length])) }
                }
            }
            return
        }
        var folded = ScalarFolding.fold(text)
        // On the folded text's UTF-8: each scalar is decoded for the tests and its bytes copied
        // as they are.
        folded.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                var length = 0
                var index = 0
                while index < bytes.count {
                    let (value, scalarLength) = bytes.scalar(at: index)
                    switch value {
                    case 0x2E, 0x2019, 0x27, 0x02BC: break  // U.S., O’Brien: joined
                    default:
                        // ASCII letters and digits without the Unicode tables (the only alphabetic or numeric ASCII).
                        let keep = value < 0x80 ? (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || (value >= 0x30 && value <= 0x39)
                            : value < 0x800 ? alphanumericBelow0800[Int(value)]
                            : Unicode.Scalar(value).map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
                        if keep {
                            for offset in 0..<scalarLength { buffer[length + offset] = bytes[index + offset] }
                            length += scalarLength
                        } else if length > 0 {
                            body(UnsafeBufferPointer(rebasing: buffer[0..<length]))
                            length = 0
                        }
                    }
                    index += scalarLength
                }
                if length > 0 { body(UnsafeBufferPointer(rebasing: buffer[0..<length])) }
            }
        }
    }
}
