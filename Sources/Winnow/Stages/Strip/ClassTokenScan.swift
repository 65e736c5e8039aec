/// The tokens of `class` and `id` values as `ClassTokens` makes them (lower-case words split at
/// punctuation and camelCase, each word followed by its join with the next one), kept as bytes
/// with their `ByteHash`, so that every element of a page can be checked against the
/// vocabularies without making a String per token. A String is made only for the few tokens
/// that decide something (`string(_:)`).
struct ClassTokenScan {
    struct Token {
        /// `ByteHash` of the token's bytes.
        var hash: UInt64
        /// Where the token's bytes are in `letters`.
        var start: Int32
        var end: Int32
    }

    /// The tokens, in `ClassTokens.tokens` order.
    private(set) var tokens: [Token] = []
    /// The lower-cased words run together: a word and the join of two neighbours are both
    /// contiguous in it.
    private(set) var letters: [UInt8] = []

    mutating func removeAll() {
        tokens.removeAll(keepingCapacity: true)
        letters.removeAll(keepingCapacity: true)
    }

    /// Adds the tokens of one attribute value (joins never cross values).
    mutating func add(_ value: UnsafeBufferPointer<UInt8>) {
        var wordStart = -1
        var wordHash = ByteHash.empty
        var previousStart = -1
        var previousHash = ByteHash.empty  // the previous word's hash, where the joined token's starts
        var pairHash = ByteHash.empty
        var previousWasLower = false
        func finish() {
            guard wordStart >= 0 else { return }
            let end = Int32(letters.count)
            if previousStart >= 0 { tokens.append(Token(hash: pairHash, start: Int32(previousStart), end: end)) }
            tokens.append(Token(hash: wordHash, start: Int32(wordStart), end: end))
            previousStart = wordStart
            previousHash = wordHash
            wordStart = -1
        }
        for byte in value {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isUpper && previousWasLower { finish() }
            if isUpper || isLower || isDigit || byte >= 0x80 {
                let letter = isUpper ? byte | 0x20 : byte
                if wordStart < 0 {
                    wordStart = letters.count
                    wordHash = ByteHash.empty
                    pairHash = previousHash
                }
                letters.append(letter)
                wordHash = ByteHash.adding(letter, to: wordHash)
                pairHash = ByteHash.adding(letter, to: pairHash)
            } else {
                finish()
            }
            previousWasLower = isLower || isDigit
        }
        finish()
    }

    func string(_ token: Token) -> String {
        letters.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(token.start)..<Int(token.end)]), as: UTF8.self) }
    }

    /// Whether the token is ASCII (then its byte count is its character count).
    func isASCII(_ token: Token) -> Bool {
        letters[Int(token.start)..<Int(token.end)].allSatisfy { $0 < 0x80 }
    }

    /// The token's first byte (nil for an empty token).
    func firstByte(_ token: Token) -> UInt8? { token.end > token.start ? letters[Int(token.start)] : nil }

    func hasPrefix(_ token: Token, _ prefix: String) -> Bool {
        let length = Int(token.end - token.start)
        var index = Int(token.start)
        for byte in prefix.utf8 {
            guard index < Int(token.start) + length, letters[index] == byte else { return false }
            index += 1
        }
        return true
    }
}

/// What the class/id vocabularies say of a token, keyed by `ByteHash` (one probe per token
/// instead of a String hash per token).
struct ClassTokenFacts {
    struct Entry {
        var category: BoilerplateCategory?
        var namesArticleBody = false
        var isEmbedWord = false
        var isPositive = false
    }

    private let table: ByteHashTable<Entry>

    subscript(hash: UInt64) -> Entry? { table[hash] }

    /// The strip vocabularies: categories, article-body names, embed words, positive tokens.
    static let shared: ClassTokenFacts = {
        var entries: [UInt64: Entry] = [:]
        for (token, category) in BoilerplateVocabulary.tokenCategory { entries[ByteHash.of(token), default: Entry()].category = category }
        for token in BoilerplateVocabulary.articleBodyNames { entries[ByteHash.of(token), default: Entry()].namesArticleBody = true }
        for token in BoilerplateVocabulary.embedWords { entries[ByteHash.of(token), default: Entry()].isEmbedWord = true }
        for token in BoilerplateVocabulary.positiveTokens { entries[ByteHash.of(token), default: Entry()].isPositive = true }
        return ClassTokenFacts(table: ByteHashTable(entries))
    }()
}
