// The tables the date and name stages ask once per token, keyed by hashes a token carries or
// gets cheaply (`TextTokens.Token.asciiHash`, `TextTokens.plainHash`, `FindDates.shape`), so that
// most words are answered without a String made or SipHashed.

/// What a word table says of a word: not there, there with its value, or that only the strings
/// can tell (a hash two words share, a word whose canonical form could differ).
enum WordTableAnswer<Value> {
    case absent, found(Value), unknown
}

/// Values keyed by lower-case ASCII words, found by `ByteHash` and confirmed on the word's
/// bytes: a token (by the hash it carries) or an ASCII string is looked up without a String
/// made or hashed (a `Set<String>` or `Dictionary` normalizes and SipHashes every word it is
/// asked). Words that are not ASCII are not kept, and two words that share a hash answer
/// `.unknown`: callers then ask their own strings.
struct ASCIIWordTable<Value>: @unchecked Sendable {
    typealias Answer = WordTableAnswer<Value>

    /// The word's bytes (nil when two words share the hash) and its value.
    private let table: ByteHashTable<(word: [UInt8]?, value: Value)>

    /// `merge` combines the values of a word given twice.
    init(_ words: some Sequence<(word: String, value: Value)>, merge: (Value, Value) -> Value) {
        var byHash: [UInt64: (word: [UInt8]?, value: Value)] = [:]
        for (word, value) in words where word.isASCIIBytes {
            let hash = ByteHash.of(word)
            let bytes = Array(word.utf8)
            if let known = byHash[hash] {
                byHash[hash] = known.word == bytes ? (bytes, merge(known.value, value)) : (nil, known.value)
            } else {
                byHash[hash] = (bytes, value)
            }
        }
        table = ByteHashTable(byHash)
    }

    /// Whether some word has this hash: false rules a token out.
    func mayContain(_ hash: UInt64) -> Bool { table[hash] != nil }

    /// What the table says of an ASCII token (one with an `asciiHash`), lower-cased.
    func lookup(_ token: TextTokens.Token, in tokens: TextTokens) -> Answer {
        guard let entry = table[token.asciiHash] else { return .absent }
        guard let word = entry.word else { return .unknown }
        return tokens.lowercasedASCII(token, equals: word) ? .found(entry.value) : .absent
    }

    /// What the table says of an ASCII word given as its bytes and their `ByteHash`.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Answer {
        guard let entry = table[hash] else { return .absent }
        guard let word = entry.word else { return .unknown }
        return word.equalsBytes(bytes) ? .found(entry.value) : .absent
    }
}

/// Values keyed by lower-case words, asked by a token's `TextTokens.plainHash` and confirmed
/// scalar by scalar (`lowercased(_:equals:)`): the words of a table that are not ASCII ("мая",
/// "März") without a lower-cased string made and hashed per token. A word that is not all
/// plain-form could equal a token only as a string; with one in the table, `complete` is false
/// and callers ask their strings for tokens the table does not hold.
struct PlainWordTable<Value>: @unchecked Sendable {
    private let table: ByteHashTable<[(word: String, value: Value)]>
    let complete: Bool

    init(_ words: some Sequence<(word: String, value: Value)>) {
        var byHash: [UInt64: [(word: String, value: Value)]] = [:]
        var complete = true
        for (word, value) in words {
            guard word.unicodeScalars.allSatisfy({ TextTokens.isPlainForm($0.value) }) else { complete = false; continue }
            byHash[ByteHash.of(word), default: []].append((word, value))
        }
        table = ByteHashTable(byHash)
        self.complete = complete
    }

    func lookup(_ token: TextTokens.Token, in tokens: TextTokens) -> WordTableAnswer<Value> {
        guard let hash = tokens.plainHash(token) else { return .unknown }
        for (word, value) in table[hash] ?? [] where tokens.lowercased(token, equals: word) { return .found(value) }
        return complete ? .absent : .unknown
    }

    /// The token's value: the table's answer, or `words`' (the table's source, keyed by lower-case
    /// strings) when only the strings can tell.
    func value(of token: TextTokens.Token, in tokens: TextTokens, words: [String: Value]) -> Value? {
        switch lookup(token, in: tokens) {
        case .absent: nil
        case .found(let value): value
        case .unknown: words[tokens.lower(token)]
        }
    }
}

/// Values keyed by folded words (`NameKey`), asked with a folded word's UTF-8 (`FoldedTokens`):
/// found by `ByteHash` and confirmed byte for byte, without a String made, normalized and
/// SipHashed per word. Byte equality is string equality (canonical equivalence) for words made
/// only of plain-form scalars (`TextTokens.isPlainForm`: Latin below the combining marks,
/// Cyrillic); a word asked that is not is left to the caller's strings (`.unknown`), and so is
/// every word not found when the table leaves out a listed word that is not.
struct FoldedWordTable<Value>: @unchecked Sendable {
    private let table: ByteHashTable<[(word: [UInt8], value: Value)]>
    private let complete: Bool

    init(_ words: some Sequence<(word: String, value: Value)>) {
        var byHash: [UInt64: [(word: [UInt8], value: Value)]] = [:]
        var complete = true
        for (word, value) in words {
            let bytes = Array(word.utf8)
            guard bytes.withUnsafeBufferPointer(Self.isPlainForm) else { complete = false; continue }
            byHash[ByteHash.of(word), default: []].append((bytes, value))
        }
        table = ByteHashTable(byHash)
        self.complete = complete
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> WordTableAnswer<Value> {
        guard Self.isPlainForm(bytes) else { return .unknown }
        for entry in table[ByteHash.of(bytes)] ?? [] where entry.word.equalsBytes(bytes) { return .found(entry.value) }
        return complete ? .absent : .unknown
    }

    /// Whether every scalar of the UTF-8 is plain-form.
    static func isPlainForm(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let (value, length) = bytes.scalar(at: index)
            guard TextTokens.isPlainForm(value) else { return false }
            index += length
        }
        return true
    }
}

extension FoldedWordTable where Value == Void {
    init(_ words: some Sequence<String>) { self.init(words.lazy.map { (word: $0, value: ()) }) }

    /// Whether the folded word is one of the words; nil when only strings can tell.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch lookup(bytes) {
        case .found: true
        case .absent: false
        case .unknown: nil
        }
    }
}

/// A set of word shapes (`FindDates.shape`: the lower-case first letter and the length), asked
/// once per token: open addressing on a mixed key instead of `Set<UInt32>`'s SipHash.
struct ShapeSet: Sendable {
    private let set: ByteHashSet

    init(_ shapes: some Sequence<UInt32>) { set = ByteHashSet(shapes.map(Self.key)) }

    /// The shapes of these words.
    init(words: some Sequence<String>) {
        self.init(words.compactMap { word in word.unicodeScalars.first.map { FindDates.shape(first: $0, length: word.unicodeScalars.count) } })
    }

    func contains(_ shape: UInt32) -> Bool { set.contains(Self.key(shape)) }

    /// A bijection that moves the shape's bits into the low bits the table probes by (a shape's
    /// own low byte is its length: few values).
    @inline(__always)
    private static func key(_ shape: UInt32) -> UInt64 {
        let mixed = UInt64(shape) &* 0x9E37_79B9_7F4A_7C15
        return mixed >> 32 | mixed << 32
    }
}

/// A set of lower-case ASCII words asked by token.
typealias ASCIIWordSet = ASCIIWordTable<Void>

extension ASCIIWordTable where Value == Void {
    /// The ASCII words of `words`.
    init(_ words: some Sequence<String>) {
        self.init(words.lazy.map { (word: $0, value: ()) }, merge: { _, _ in () })
    }

    /// Whether the token, lower-cased, is one of the words; nil when the token is not ASCII
    /// (no hash) or shares its hash with another word: ask the strings then.
    func contains(_ token: TextTokens.Token, in tokens: TextTokens) -> Bool? {
        guard token.asciiHash != 0 else { return nil }
        switch lookup(token, in: tokens) {
        case .absent: return false
        case .found: return true
        case .unknown: return nil
        }
    }
}
