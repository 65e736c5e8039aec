/// The words, numbers and punctuation of a text, as offset ranges into its Unicode scalars, for
/// the annotators that read the body text (dates, names). Strings are built only on demand.
struct TextTokens {
    /// A word, a number or one punctuation character, as offsets into the text's scalars. Its
    /// string is built only when a rule needs it (most tokens are never looked at twice).
    struct Token {
        var start: Int
        var end: Int
        var isNumber: Bool
        var isCapitalized: Bool
        var isPunctuation: Bool
        var first: Unicode.Scalar
        /// `ByteHash` of the word lower-cased, when it is ASCII (0 otherwise): tables of words
        /// are asked by this before any string is made.
        var asciiHash: UInt64 = 0
    }

    let scalars: [Unicode.Scalar]
    let list: [Token]

    init(_ text: String) {
        let scalars = Self.scalars(of: text)
        self.scalars = scalars
        // Written straight into the array's storage, sized for the most tokens there can be
        // (each takes a scalar at least): appending checked the capacity and went through the
        // array's buffer in memory at every token. (Prose fills about a quarter of it; the rest is
        // reserved, never written, and gone with the page. A growable buffer filled through a
        // local function measured slower than appending.)
        list = [Token](unsafeUninitializedCapacity: scalars.count) { tokens, written in
            written = 0
            // One pass over the scalars in place: each word's ASCII hash is taken as it is read.
            scalars.withUnsafeBufferPointer { scalars in
                var index = 0
                let count = scalars.count
                while index < count {
                    let scalar = scalars[index]
                    // The space between words (every other scalar of prose) before any classing.
                    if scalar.value == 0x20 { index &+= 1; continue }
                    let kind = Self.kind(scalar)
                    if kind == .space { index &+= 1; continue }
                    guard kind == .digit || kind == .letter else {
                        (tokens.baseAddress! + written).initialize(to: Token(start: index, end: index + 1, isNumber: false, isCapitalized: false,
                                                                             isPunctuation: true, first: scalar))
                        written += 1
                        index += 1
                        continue
                    }
                    let start = index
                    index += 1
                    var hash: UInt64
                    if kind == .letter {
                        // A word: ASCII letters in a tight loop (most words are only that), then any others.
                        // In the loop every scalar is an ASCII letter, lower-cased by setting 0x20, and
                        // a word opened by a letter outside ASCII has no hash to extend.
                        hash = Self.addingLowercased(scalar.value, to: ByteHash.empty)
                        if hash != 0 {
                            while index < count, case let value = scalars[index].value, value < 0x80, (value | 0x20) &- 0x61 < 26 {
                                hash = ByteHash.adding(UInt8(truncatingIfNeeded: value | 0x20), to: hash)
                                index &+= 1
                            }
                        } else {
                            while index < count, case let value = scalars[index].value, value < 0x80, (value | 0x20) &- 0x61 < 26 { index &+= 1 }
                        }
                        while index < count, Self.kind(scalars[index]) == .letter {
                            hash = Self.addingLowercased(scalars[index].value, to: hash)
                            index += 1
                        }
                    } else {
                        // A number, with an ordinal suffix kept ("22nd").
                        hash = Self.addingLowercased(scalar.value, to: ByteHash.empty)
                        while index < count {
                            let next = scalars[index]
                            let nextKind = Self.kind(next)
                            guard nextKind == .digit || (nextKind == .letter && index - start <= 3 && Self.isOrdinalLetter(next)) else { break }
                            hash = Self.addingLowercased(next.value, to: hash)
                            index += 1
                        }
                    }
                    (tokens.baseAddress! + written).initialize(to: Token(start: start, end: index, isNumber: kind == .digit,
                                                                         isCapitalized: Self.isUppercase(scalar), isPunctuation: false,
                                                                         first: scalar, asciiHash: hash))
                    written += 1
                }
            }
        }
    }

    /// `hash` extended by an ASCII scalar lower-cased; 0 (no ASCII hash) from the first scalar
    /// that is not ASCII on.
    @inline(__always)
    private static func addingLowercased(_ value: UInt32, to hash: UInt64) -> UInt64 {
        guard hash != 0, value < 0x80 else { return 0 }
        let byte = UInt8(truncatingIfNeeded: value)
        return ByteHash.adding(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte, to: hash)
    }

    /// The letters of English ordinal suffixes ("st", "nd", "rd", "th") and "e" ("1er", "2e").
    @inline(__always)
    private static func isOrdinalLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x73, 0x6E, 0x72, 0x74, 0x64, 0x68, 0x65: return true  // s n r t d h e
        default: return false
        }
    }

    /// The text's scalars, decoded from its UTF-8 in one loop straight into the array's storage
    /// (`Array(text.unicodeScalars)` counts them first, then copies them one by one through the
    /// view's iterator; appending checks the capacity at every scalar).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        return text.withUTF8Bytes { bytes in
            // A scalar takes at least one byte: the byte count bounds the scalar count.
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { output, initialized in
                var index = 0
                var written = 0
                let count = bytes.count
                let base = UnsafeRawPointer(bytes.baseAddress)
                while index < count {
                    // Eight ASCII bytes at a time (most text): one load and one test for the eight.
                    if let base, index &+ 8 <= count {
                        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        if word & ByteLanes.high == 0 {
                            for lane in 0..<8 {
                                output[written &+ lane] = Unicode.Scalar(UInt8(truncatingIfNeeded: word &>> UInt64(8 &* lane)))
                            }
                            index &+= 8
                            written &+= 8
                            continue
                        }
                    }
                    let byte = bytes[index]
                    if byte < 0x80 {
                        output[written] = Unicode.Scalar(byte)
                        index += 1
                    } else {
                        let (value, length) = bytes.scalar(at: index)
                        output[written] = Unicode.Scalar(value).unsafelyUnwrapped
                        index += length
                    }
                    written += 1
                }
                initialized = written
            }
        }
    }

    enum Kind { case space, digit, letter, other }

    /// ASCII, Latin-1, Latin Extended, Cyrillic, General Punctuation and the CJK letters
    /// (`isCJKLetter`) by ranges (most text, with its curly quotes, dashes and accented
    /// letters), everything else by Unicode properties. `TextTokensTests` checks the ranges
    /// against the properties.
    @inline(__always)
    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x20, 0x09...0x0D: return .space
            default: return .other
            }
        }
        if value < 0x100 {
            switch value {
            case 0x85, 0xA0: return .space
            case 0xAA, 0xB5, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: return .letter
            default: return .other
            }
        }
        if value >= 0x2000 && value <= 0x206F {
            return value <= 0x200A || value == 0x2028 || value == 0x2029 || value == 0x202F || value == 0x205F ? .space : .other
        }
        // Latin Extended-A and -B: letters only.
        if value < 0x0250 { return .letter }
        // Cyrillic: letters but for the thousands sign and the combining marks.
        if value >= 0x0400 && value <= 0x052F { return value >= 0x0482 && value <= 0x0489 ? .other : .letter }
        if isCJKLetter(value) { return .letter }
        return kindByProperties(scalar)
    }

    /// Unicode's Uppercase, by range for ASCII, Latin-1, the basic Cyrillic capitals and the
    /// CJK letters (`TextTokensTests` checks the ranges against the property).
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value < 0x100 { return value >= 0xC0 && value <= 0xDE && value != 0xD7 }
        if value >= 0x0400 && value <= 0x042F { return true }
        if value >= 0x0430 && value <= 0x045F { return false }
        if isCJKLetter(value) { return false }
        return scalar.properties.isUppercase
    }

    /// Hangul syllables, CJK ideographs, hiragana and katakana: letters with no case. Korean,
    /// Chinese and Japanese text is made of them, and the property tables cost several times a
    /// range test per scalar.
    @inline(__always)
    static func isCJKLetter(_ value: UInt32) -> Bool {
        (value >= 0xAC00 && value <= 0xD7A3) || (value >= 0x4E00 && value <= 0x9FFF)
            || (value >= 0x3041 && value <= 0x3096) || (value >= 0x30A1 && value <= 0x30FA)
    }

    /// The Unicode definition `kind` follows: White_Space, then Alphabetic.
    static func kindByProperties(_ scalar: Unicode.Scalar) -> Kind {
        if scalar.value < 0x80 { return kind(scalar) }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        return properties.isAlphabetic ? .letter : .other
    }

    func text(_ token: Token) -> String { text(token.start, token.end) }

    /// A 64-bit hash of scalars `start..<end` (FNV-1a over their values), for the tables that
    /// tell a page's spellings apart; a hit is confirmed with `scalars(_:_:equal:_:_:)`.
    func hash(_ start: Int, _ end: Int) -> UInt64 {
        scalars.withUnsafeBufferPointer { all in
            var hash = ByteHash.empty
            for position in start..<end { hash = (hash ^ UInt64(all[position].value)) &* 0x100_0000_01b3 }
            return hash
        }
    }

    /// Whether scalars `start..<end` are those of `otherStart..<otherEnd` (read in place).
    func scalars(_ start: Int, _ end: Int, equal otherStart: Int, _ otherEnd: Int) -> Bool {
        guard end - start == otherEnd - otherStart else { return false }
        return scalars.withUnsafeBufferPointer { all in
            (0..<(end - start)).allSatisfy { all[start + $0] == all[otherStart + $0] }
        }
    }

    /// The text of scalars `start..<end`, encoded straight to UTF-8 (building a
    /// `String.UnicodeScalarView` scalar by scalar costs several times more).
    func text(_ start: Int, _ end: Int) -> String {
        Self.string(scalars[start..<end])
    }

    static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        // Measured first, then encoded straight into the string's storage: one allocation
        // (none for a short string), no intermediate byte array.
        var length = 0
        for scalar in slice {
            let value = scalar.value
            length += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { bytes in
            var written = 0
            for scalar in slice {
                let value = scalar.value
                switch value {
                case 0..<0x80:
                    bytes[written] = UInt8(value)
                    written += 1
                case 0x80..<0x800:
                    bytes[written] = UInt8(0xC0 | value >> 6)
                    bytes[written + 1] = UInt8(0x80 | value & 0x3F)
                    written += 2
                case 0x800..<0x10000:
                    bytes[written] = UInt8(0xE0 | value >> 12)
                    bytes[written + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    bytes[written + 2] = UInt8(0x80 | value & 0x3F)
                    written += 3
                default:
                    bytes[written] = UInt8(0xF0 | value >> 18)
                    bytes[written + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    bytes[written + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    bytes[written + 3] = UInt8(0x80 | value & 0x3F)
                    written += 4
                }
            }
            return written
        }
    }

    /// First letter (lower case) and length: enough to rule out nearly every word cheaply.
    func shape(_ token: Token) -> UInt32 {
        FindDates.shape(first: token.first, length: token.end - token.start)
    }

    /// A number token's value, read from the scalars (ordinal suffixes stop it).
    func integer(_ token: Token) -> Int? {
        guard token.isNumber, token.end - token.start <= 6 else { return nil }
        var value = 0
        // Only the ASCII digits read as digits (other numerics, and the suffix of "22nd", stop it).
        for index in token.start..<token.end {
            let scalar = scalars[index].value
            guard scalar >= 0x30 && scalar <= 0x39 else { break }
            value = value * 10 + Int(scalar - 0x30)
        }
        return value
    }
    /// Whether the token, lower-cased, is these ASCII bytes.
    func lowercasedASCII(_ token: Token, equals word: [UInt8]) -> Bool {
        guard token.end - token.start == word.count else { return false }
        for (offset, byte) in word.enumerated() {
            let value = scalars[token.start + offset].value
            guard value < 0x80, UInt8(value) | (value >= 0x41 && value <= 0x5A ? 0x20 : 0) == byte else { return false }
        }
        return true
    }

    /// Whether `lower(token) == word`, answered without a string made when every scalar on
    /// both sides is one whose text is already in normal form on its own (`isPlainForm`): then
    /// string equality, which compares canonical forms, is scalar equality. Any other scalar
    /// (a combining mark, a title-case letter) goes through `lower` and `==`.
    func lowercased(_ token: Token, equals word: String) -> Bool {
        let slice = scalars[token.start..<token.end]
        guard word.unicodeScalars.allSatisfy({ Self.isPlainForm($0.value) }), slice.allSatisfy({ Self.isPlainForm($0.value) }) else {
            return lower(token) == word
        }
        var position = token.start
        for expected in word.unicodeScalars {
            guard position < token.end else { return false }
            // nil: a letter whose lower case is not one scalar (U+0130): `lower` knows it.
            guard let lowered = Self.simpleLowercase(scalars[position]) else { return lower(token) == word }
            if lowered != expected { return false }
            position += 1
        }
        return position == token.end
    }

    /// `ByteHash` of the token's lower case in UTF-8 when every scalar is plain-form and lower-
    /// cases to one scalar (ASCII words, and "мая", "März", "été"): what `PlainWordTable` is
    /// keyed by. nil for any other token, which only strings can answer.
    func plainHash(_ token: Token) -> UInt64? {
        if token.asciiHash != 0 { return token.asciiHash }
        var hash = ByteHash.empty
        for position in token.start..<token.end {
            let scalar = scalars[position]
            guard Self.isPlainForm(scalar.value), let lowered = Self.simpleLowercase(scalar) else { return nil }
            for byte in UTF8.encode(lowered)! { hash = ByteHash.adding(byte, to: hash) }
        }
        return hash
    }

    /// Latin below the combining marks (U+0300) and Cyrillic but for its combining marks: no
    /// scalar here composes with another or decomposes in NFC, so texts made only of them are
    /// equal as strings exactly when their scalars are.
    @inline(__always)
    static func isPlainForm(_ value: UInt32) -> Bool {
        value < 0x300 || (value >= 0x400 && value <= 0x4FF && !(value >= 0x483 && value <= 0x489))
    }

    /// The token lower-cased, in one pass.
    func lower(_ token: Token) -> String {
        // ASCII words (most of them, known by their hash) fold on bytes.
        let slice = scalars[token.start..<token.end]
        if token.asciiHash != 0 || slice.allSatisfy({ $0.value < 0x80 }) {
            let start = token.start, count = token.end - token.start
            // On the scalars' storage in place (a slice's iterator checks bounds at every step).
            return scalars.withUnsafeBufferPointer { all in
                String(unsafeUninitializedCapacity: count) { buffer in
                    for offset in 0..<count {
                        let byte = UInt8(truncatingIfNeeded: all[start + offset].value)
                        buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return count
                }
            }
        }
        var lowered: [Unicode.Scalar] = []
        lowered.reserveCapacity(token.end - token.start)
        for index in token.start..<token.end {
            let scalar = scalars[index]
            if let simple = Self.simpleLowercase(scalar) {
                lowered.append(simple)
            } else {
                lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return Self.string(lowered[...])
    }

    /// A scalar's lower case when it is one scalar: ASCII, Latin-1 and Cyrillic capitals by
    /// arithmetic, anything lower-casing leaves alone as it is; nil when Unicode's mapping is needed.
    static func simpleLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x41...0x5A: return Unicode.Scalar(value | 0x20)
        case 0xC0...0xDE where value != 0xD7: return Unicode.Scalar(value | 0x20)  // Latin-1 capitals
        case 0x410...0x42F: return Unicode.Scalar(value + 0x20)  // Cyrillic А–Я
        case 0x400...0x40F: return Unicode.Scalar(value + 0x50)  // Cyrillic Ѐ–Џ (Ё)
        // No capitals: the rest of Latin-1 (é, ß), Cyrillic а–я and ѐ–џ.
        case 0x80...0xFF, 0x430...0x45F: return scalar
        // Title-case letters (ǅ) are not upper case yet have a lower case: the property asked
        // is whether lower-casing changes the scalar.
        case 0x100...: return scalar.properties.changesWhenLowercased ? nil : scalar
        default: return scalar
        }
    }

    func isPunctuation(_ token: Token?, _ mark: Unicode.Scalar) -> Bool { token.map { $0.isPunctuation && $0.first == mark } ?? false }
}
