/// Folded name keys ("min aung hlaing") → gazetteer entry, asked with the key's UTF-8 (a
/// page's `FoldedNames`) or with its words as strings. Keys are found by the `ByteHash` of their
/// bytes (words joined by one space) and then compared byte for byte, without the String
/// hashing a Dictionary does.
struct FoldedKeyIndex: Sendable {
    private struct Slot: Sendable {
        var key: [UInt8]
        var entry: Int
    }

    private let table: ByteHashTable<[Slot]>

    init(_ keys: [String: Int]) {
        var byHash: [UInt64: [Slot]] = [:]
        for (key, entry) in keys { byHash[ByteHash.of(key), default: []].append(Slot(key: Array(key.utf8), entry: entry)) }
        table = ByteHashTable(byHash)
    }

    /// The entry whose key is these bytes (a folded name, words joined by single spaces);
    /// `hash` is their `ByteHash`.
    subscript(bytes bytes: UnsafeBufferPointer<UInt8>, hash hash: UInt64) -> Int? {
        table[hash]?.first { $0.key.equalsBytes(bytes) }?.entry
    }

    subscript<Words: Collection<String>>(words words: Words) -> Int? {
        self[words: words, hash: Self.hash(words)]
    }

    /// The same, with the words' `hash` already worked out (a candidate is asked of several indexes).
    subscript<Words: Collection<String>>(words words: Words, hash hash: UInt64) -> Int? {
        table[hash]?.first { Self.key($0.key, equals: words) }?.entry
    }

    /// The `ByteHash` of words joined by single spaces, without joining them.
    static func hash<Words: Collection<String>>(_ words: Words) -> UInt64 {
        var hash = ByteHash.empty
        var first = true
        for word in words {
            if !first { hash = ByteHash.adding(0x20, to: hash) }
            first = false
            // The word's contiguous bytes (always there for native strings), not the view's iterator.
            if let folded = word.utf8.withContiguousStorageIfAvailable({ bytes in
                var running = hash
                for byte in bytes { running = ByteHash.adding(byte, to: running) }
                return running
            }) {
                hash = folded
            } else {
                for byte in word.utf8 { hash = ByteHash.adding(byte, to: hash) }
            }
        }
        return hash
    }

    /// Whether `key` is the words joined by single spaces.
    private static func key<Words: Collection<String>>(_ key: [UInt8], equals words: Words) -> Bool {
        var offset = 0
        for (position, word) in words.enumerated() {
            if position > 0 {
                guard offset < key.count, key[offset] == 0x20 else { return false }
                offset += 1
            }
            for byte in word.utf8 {
                guard offset < key.count, key[offset] == byte else { return false }
                offset += 1
            }
        }
        return offset == key.count
    }
}
