/// Splits `class` and `id` values into lower-case word tokens, plus each pair of neighbours
/// joined ("read-more" → read, more, readmore), so vocabularies can list compound words.
enum ClassTokens {
    static func tokens(of value: UnsafeBufferPointer<UInt8>, into tokens: inout [String]) {
        var words: [String] = []
        Self.words(of: value, into: &words)
        for (offset, word) in words.enumerated() {
            tokens.append(word)
            if offset + 1 < words.count { tokens.append(word + words[offset + 1]) }
        }
    }

    /// The lower-case words alone, split at punctuation and camelCase boundaries.
    static func words(of value: UnsafeBufferPointer<UInt8>, into words: inout [String]) {
        var current: [UInt8] = []
        var previousWasLower = false
        func finish() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in value {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isUpper {
                if previousWasLower { finish() }
                current.append(byte | 0x20)
            } else if isLower || isDigit || byte >= 0x80 {
                current.append(byte)
            } else {
                finish()
            }
            previousWasLower = isLower || isDigit
        }
        finish()
    }
}
