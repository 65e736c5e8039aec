/// The folded names of one page (`NameKey`: lower case, no diacritics, words joined by single
/// spaces) as UTF-8, back to back in one buffer, each addressed by ranges: a candidate is
/// looked up in the catalog by its bytes and their `ByteHash`, and no `String` or array of
/// strings is made for it. About 150 candidates a page were each an array of folded strings,
/// built, hashed, copied with the candidate and freed; the strings are now made only for the
/// few lookups that need them (words outside plain form).
///
/// A name's words are contiguous, one space apart, so any run of them is one range of bytes:
/// its key (`FoldedKeyIndex.hash`) is the `ByteHash` of that range.
struct FoldedNames {
    /// One name: its bytes, its words (a range of `spans`) and `ByteHash` of its bytes.
    struct Name {
        let bytes: Range<Int32>
        let words: Range<Int32>
        let key: UInt64
        var wordCount: Int { words.count }
    }

    private var bytes: [UInt8] = []
    /// Each word's bytes.
    private var spans: [Range<Int32>] = []
    /// Where the name being built starts (`appendWord`, `finishName`).
    private var nameStart: Int32 = 0
    private var firstWord: Int32 = 0

    init(capacity: Int) {
        bytes.reserveCapacity(capacity * 16)
        spans.reserveCapacity(capacity * 2)
    }

    /// Adds a word to the name being built, a space before it unless it is the first.
    mutating func appendWord(_ word: UnsafeBufferPointer<UInt8>) {
        if Int32(spans.count) > firstWord { bytes.append(0x20) }
        let start = Int32(bytes.count)
        bytes.append(contentsOf: word)
        spans.append(start..<Int32(bytes.count))
    }

    mutating func appendWord(_ word: String) {
        var word = word
        word.withUTF8 { appendWord($0) }
    }

    /// Closes the name being built (the words appended since the last one).
    mutating func finishName() -> Name {
        let range = nameStart..<Int32(bytes.count)
        let name = Name(bytes: range, words: firstWord..<Int32(spans.count), key: withBytes(range) { ByteHash.of($0) })
        nameStart = Int32(bytes.count)
        firstWord = Int32(spans.count)
        return name
    }

    /// Forgets every name (a buffer for names looked up and dropped).
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        nameStart = 0
        firstWord = 0
    }

    /// A name of these words.
    mutating func name(_ words: some Sequence<String>) -> Name {
        for word in words { appendWord(word) }
        return finishName()
    }

    /// The folded words of `text` (`NameKey.forEachWord`) as a name, without a string per word.
    mutating func name(folding text: String) -> Name {
        NameKey.forEachWord(of: text) { appendWord($0) }
        return finishName()
    }

    func withBytes<Result>(_ range: Range<Int32>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[Int(range.lowerBound)..<Int(range.upperBound)])) }
    }

    func withBytes<Result>(of name: Name, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result { withBytes(name.bytes, body) }

    /// The bytes of words `words` of `name` (one range: the words are contiguous).
    func range(of name: Name, words: Range<Int>) -> Range<Int32> {
        spans[Int(name.words.lowerBound) + words.lowerBound].lowerBound..<spans[Int(name.words.lowerBound) + words.upperBound - 1].upperBound
    }

    /// `FoldedKeyIndex.hash` of words `words` of `name`.
    func key(of name: Name, words: Range<Int>) -> UInt64 { withBytes(range(of: name, words: words)) { ByteHash.of($0) } }

    func word(_ index: Int, of name: Name) -> Range<Int32> { spans[Int(name.words.lowerBound) + index] }

}

extension NameCatalog {
    /// `culture(entry:wordCount:isBurmeseSyllable:)` of a folded name.
    func culture(of name: FoldedNames.Name, in names: FoldedNames, entry: Int?) -> String {
        culture(entry: entry, wordCount: name.wordCount) { index in
            names.withBytes(names.word(index, of: name)) { wordClasses.classes(ofBytes: $0) }.contains(.burmeseSyllable)
        }
    }
}

extension NameCatalog {
    /// The gazetteer entry a folded name is the name, alias or variant of.
    func entry(for name: FoldedNames.Name, in names: FoldedNames) -> Int? {
        names.withBytes(of: name) { entry(forKey: $0, hash: name.key) }
    }

    func entry(forShortForm name: FoldedNames.Name, in names: FoldedNames) -> Int? {
        names.withBytes(of: name) { entry(forShortForm: $0, hash: name.key) }
    }

    func entry(forDemonym name: FoldedNames.Name, in names: FoldedNames) -> Int? {
        names.withBytes(of: name) { entry(forDemonym: $0, hash: name.key) }
    }

    /// `entry(forDeclined:)` of a folded name's words.
    func entry(forDeclined name: FoldedNames.Name, in names: FoldedNames) -> Int? {
        guard name.wordCount <= 3 else { return nil }
        return entry(forDeclined: (0..<name.wordCount).map { names.withBytes(names.word($0, of: name)) { Array($0) } })
    }
}
