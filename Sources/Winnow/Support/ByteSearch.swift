#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// A string of UTF-8 bytes known to be valid, copied without the validation
    /// `String(decoding:as:)` runs (about a third of the cost of making a line's string).
    /// Invalid bytes here would break the string's invariants: callers say why theirs are valid.
    init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        // Debug builds (the tests) check the callers' reasons.
        assert((try? UTF8Span(validating: bytes.span)) != nil, "String(validUTF8:) given bytes that are not UTF-8")
        self.init(copying: UTF8Span(unchecked: bytes.span))
    }

    /// The string's UTF-8 bytes in place. `withUTF8` is `mutating` (it may make a string
    /// contiguous), so calling it on a `let` needs a copy first: a retain and a release, atomic,
    /// on every call, which the per-line and per-word helpers paid many times a line. A native
    /// string is contiguous already and is read without the copy.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Whether the UTF-8 bytes of `needle` occur in the string (`UnsafeBufferPointer.containsBytes`).
    func containsBytes(_ needle: String) -> Bool {
        withUTF8Bytes { $0.containsBytes(needle) }
    }

    /// `hasPrefix` on UTF-8 bytes (the standard library's compares Characters).
    func hasBytePrefix(_ prefix: String) -> Bool {
        withUTF8Bytes { $0.hasBytePrefix(prefix) }
    }

    /// `hasSuffix` on UTF-8 bytes.
    func hasByteSuffix(_ suffix: String) -> Bool {
        withUTF8Bytes { $0.hasByteSuffix(suffix) }
    }

    /// Whether any UTF-8 byte is one of `wanted` (`UnsafeBufferPointer.containsAnyByte`).
    func containsAnyByte(of wanted: [UInt8]) -> Bool {
        withUTF8Bytes { $0.containsAnyByte(of: wanted) }
    }

    /// Whether any UTF-8 byte passes `predicate`, on the contiguous bytes (`utf8.contains(where:)`
    /// goes through the view's index type byte by byte).
    @inline(__always)
    func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
        return withUTF8Bytes { $0.contains(where: predicate) }
    }

    /// The number of Unicode scalars, counted on the UTF-8 bytes.
    var scalarCount: Int {
        withUTF8Bytes(\.scalarCount)
    }

    /// `count` (grapheme clusters), counted as scalars when every scalar is one that stands as a
    /// character of its own next to any other of them: Latin, Greek and Cyrillic letters (not
    /// their combining marks), common punctuation and currency signs, controls but the carriage
    /// return ("\r\n" is one character). Anything else goes through grapheme breaking.
    /// `CharacterCountTests` checks every scalar of those ranges.
    var characterCount: Int {
        let simple = withUTF8Bytes { bytes -> Int? in
            var characters = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if lead == 0x0D { return nil }
                    index += 1
                } else {
                    let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    guard width < 4, index + width <= count else { return nil }
                    let value = width == 2
                        ? UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        : UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    guard Self.standsAlone(value) else { return nil }
                    index += width
                }
                characters += 1
            }
            return characters
        }
        return simple ?? self.count
    }

    /// Scalars whose grapheme-break property is Other or Control (not CR): each is a character
    /// of its own beside any other such scalar.
    @inline(__always)
    static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x0300, 0x0370...0x0482, 0x048A...0x052F, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: return true
        default: return false
        }
    }

    /// Whether every UTF-8 byte is ASCII.
    var isASCIIBytes: Bool { withUTF8Bytes(\.isASCII) }

}

extension Array where Element == UInt8 {
    /// `UnsafeBufferPointer.equalsBytes` for an array's bytes.
    @inline(__always)
    func equalsBytes(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeBufferPointer { $0.equalsBytes(other) }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether these bytes are `other`'s: the counts, then `memcmp` (the generic
    /// `elementsEqual` steps two iterators a byte at a time).
    @inline(__always)
    func equalsBytes(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }

    /// Whether the UTF-8 bytes of `needle` occur here: `memchr` for the first byte, then
    /// `memcmp`; none of the locale and Unicode work that Foundation's `contains` and
    /// `range(of:)` do per call.
    func containsBytes(_ needle: String) -> Bool {
        containsBytes(needle) { _ in true }
    }

    /// Whether `stem` occurs followed by one of `tails` ("credit" then "..." or ": "): one
    /// search for the stem, where a search per whole needle read the text once each.
    func containsBytes(_ stem: String, followedByAnyOf tails: [String]) -> Bool {
        let stemCount = stem.utf8.count
        return containsBytes(stem) { position in
            let after = UnsafeBufferPointer(rebasing: self[(position + stemCount)...])
            return tails.contains { after.hasBytePrefix($0) }
        }
    }

    /// Whether `needle` occurs at a position `accept` takes.
    private func containsBytes(_ needle: String, where accept: (_ position: Int) -> Bool) -> Bool {
        needle.withUTF8Bytes { pattern in
            guard !pattern.isEmpty else { return accept(0) }
            guard pattern.count <= count, let base = baseAddress, let find = pattern.baseAddress else { return false }
            // memchr looks for the needle's first byte that is not a space (" © " would stop at
            // every space of the text); a hit at `anchor` places the needle `anchor` bytes before.
            let anchor = pattern.firstIndex { $0 != 0x20 } ?? 0
            let wanted = Int32(pattern[anchor])
            var offset = 0
            let last = count - pattern.count
            while offset <= last, let hit = memchr(base + offset + anchor, wanted, last - offset + 1) {
                let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base) - anchor
                if memcmp(base + position, find, pattern.count) == 0, accept(position) { return true }
                offset = position + 1
            }
            return false
        }
    }

    /// `hasPrefix` on UTF-8 bytes (the standard library's compares Characters).
    func hasBytePrefix(_ prefix: String) -> Bool {
        prefix.withUTF8Bytes { wanted in
            wanted.count <= count && (wanted.isEmpty || memcmp(baseAddress!, wanted.baseAddress!, wanted.count) == 0)
        }
    }

    /// `hasSuffix` on UTF-8 bytes.
    func hasByteSuffix(_ suffix: String) -> Bool {
        suffix.withUTF8Bytes { wanted in
            wanted.count <= count && (wanted.isEmpty || memcmp(baseAddress! + (count - wanted.count), wanted.baseAddress!, wanted.count) == 0)
        }
    }

    /// Whether any byte is one of `wanted` (up to four values), eight bytes at a time: for the
    /// scans that run on every line (a predicate closure costs several instructions a byte).
    func containsAnyByte(of wanted: [UInt8]) -> Bool {
        precondition((1...4).contains(wanted.count), "one to four bytes")
        let a = wanted[0], b = wanted[Swift.min(1, wanted.count - 1)], c = wanted[Swift.min(2, wanted.count - 1)], d = wanted[wanted.count - 1]
        guard let base = UnsafeRawPointer(baseAddress) else { return false }
        var offset = 0
        while offset + 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if ByteLanes.equal(word, a) | ByteLanes.equal(word, b) | ByteLanes.equal(word, c) | ByteLanes.equal(word, d) != 0 { return true }
            offset += 8
        }
        while offset < count {
            let byte = self[offset]
            if byte == a || byte == b || byte == c || byte == d { return true }
            offset += 1
        }
        return false
    }

    /// The bytes of the first `characters` characters of valid UTF-8 (all of it when it holds
    /// fewer), when every scalar up to the cut and the one after it stands alone
    /// (`String.standsAlone`, and no carriage return): then each scalar is a character, and
    /// nothing after the cut joins the last one. Nil otherwise (grapheme breaking decides).
    func prefixByteCount(characters: Int) -> Int? {
        var index = 0
        var taken = 0
        while index < count {
            let (value, length) = scalar(at: index)
            guard value != 0x0D, String.standsAlone(value) else { return nil }
            if taken == characters { return index }
            taken += 1
            index += length
        }
        return count
    }

    /// Whether every byte is ASCII: the bytes or-ed together, with no exit on the way, which the
    /// compiler turns into vector ors (a test and a branch per byte cost several times that).
    /// For lines; on a word of a few bytes an early-exit test measured cheaper.
    var isASCII: Bool {
        var combined: UInt8 = 0
        for byte in self { combined |= byte }
        return combined < 0x80
    }

    /// The number of Unicode scalars in UTF-8 (every byte but a continuation byte starts one).
    var scalarCount: Int {
        var scalars = 0
        var index = 0
        // Eight ASCII bytes at a time (each a scalar); a word with other bytes byte by byte:
        // every byte but a continuation byte (10xxxxxx) starts a scalar.
        if let base = UnsafeRawPointer(baseAddress) {
            while index + 8 <= count {
                if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    scalars &+= 8
                } else {
                    for offset in index..<(index + 8) where self[offset] & 0xC0 != 0x80 { scalars &+= 1 }
                }
                index += 8
            }
        }
        while index < count {
            if self[index] & 0xC0 != 0x80 { scalars &+= 1 }
            index += 1
        }
        return scalars
    }

    /// The index of the first `byte` at or after `start` and before `end` (the whole buffer by
    /// default), found with `memchr`.
    func index(of byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
        let end = Swift.min(end ?? count, count)
        guard start < end, let base = baseAddress, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The scalar value that starts at `index` and its length in bytes, for valid UTF-8 (a
    /// String's bytes: the lead byte gives the length, nothing is checked).
    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(self[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(self[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(self[index + 1] & 0x3F) << 6 | UInt32(self[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(self[index + 1] & 0x3F) << 12 | UInt32(self[index + 2] & 0x3F) << 6
            | UInt32(self[index + 3] & 0x3F), 4)
    }
}

/// FNV-1a over UTF-8 bytes: a key for tables of words and lines that skips the Unicode
/// normalization Swift's `String` hashing does (the texts here are already normalized).
enum ByteHash {
    /// The hash of no bytes; `adding` extends a hash by one byte, for callers that hash bytes
    /// as they produce them (lower-cased, or a word joined to the next).
    static let empty: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = empty
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }

    static func of(_ text: String) -> UInt64 {
        return text.withUTF8Bytes { of($0) }
    }
}

/// A hash of whole texts (a line, a short block), read eight bytes at a time: for the tables
/// keyed by a whole line, where `ByteHash`'s chain of one multiply per byte was the cost. Its
/// values are not `ByteHash`'s: a table is keyed by one or the other.
enum TextHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return mix(hash) }
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            if bytes.count >= 8 {
                // The last eight bytes, shifted down past those already hashed: one load.
                tail = base.loadUnaligned(fromByteOffset: bytes.count &- 8, as: UInt64.self) &>> UInt64(truncatingIfNeeded: 8 &* (offset &+ 8 &- bytes.count))
            } else {
                for index in offset..<bytes.count { tail |= UInt64(bytes[index]) &<< UInt64(truncatingIfNeeded: 8 &* (index &- offset)) }
            }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    static func of(_ text: String) -> UInt64 { text.withUTF8Bytes { of($0) } }

    /// A multiply spreads each bit upward, the shift brings the high bits down (tables index
    /// by the low bits).
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        let product = (value ^ (value >> 32)) &* 0xBF58_476D_1CE4_E5B9
        return product ^ (product >> 31)
    }
}

/// Values keyed by `ByteHash`: open addressing, linear probing (a Swift Dictionary would hash
/// the hash again with SipHash, once per word or token looked up).
struct ByteHashTable<Value>: @unchecked Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let mask: Int

    init(_ entries: [UInt64: Value]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
        for (key, value) in entries {
            var slot = Int(truncatingIfNeeded: key) & mask
            while values[slot] != nil { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    subscript(hash: UInt64) -> Value? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while let value = values[slot] {
            if keys[slot] == hash { return value }
            slot = (slot + 1) & mask
        }
        return nil
    }
}

/// A set of `ByteHash` values.
struct ByteHashSet: Sendable {
    private let table: ByteHashTable<Bool>

    init<S: Sequence>(_ hashes: S) where S.Element == UInt64 {
        table = ByteHashTable(Dictionary(hashes.map { ($0, true) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Inlined: the name finder asks it once per lower-case word, and the call cost more than
    /// the probe (a quarter-full table: most misses stop at the first slot).
    @inline(__always)
    func contains(_ hash: UInt64) -> Bool { table[hash] != nil }
}

/// A fixed list of prefixes, bucketed by their first byte: whether a text opens with one of them
/// costs a look at the text's first byte and a compare per prefix sharing it (most texts share
/// none), instead of a prefix test per entry.
struct BytePrefixSet: Sendable {
    private let buckets: [[[UInt8]]]

    init(_ prefixes: [String]) {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for prefix in prefixes {
            let bytes = Array(prefix.utf8)
            guard let first = bytes.first else { preconditionFailure("BytePrefixSet: an empty prefix") }
            buckets[Int(first)].append(bytes)
        }
        self.buckets = buckets
    }

    /// Whether `text`'s UTF-8 opens with one of the prefixes.
    func opens(_ text: String) -> Bool {
        text.withUTF8Bytes(opens)
    }

    /// Whether UTF-8 `bytes` open with one of the prefixes.
    func opens(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        for prefix in buckets[Int(first)] where prefix.count <= bytes.count {
            if prefix.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, prefix.count) }) == 0 { return true }
        }
        return false
    }
}

/// Tests on eight bytes at once, each byte's answer in its high bit (0x80): exact per byte,
/// with no carry from one byte into the next (the usual has-a-zero-byte test may flag the
/// byte after a match, which is enough only to ask "any?").
enum ByteLanes {
    static var ones: UInt64 { 0x0101_0101_0101_0101 }
    static var high: UInt64 { 0x8080_8080_8080_8080 }
    static var low: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

    /// The eight bytes at `offset` of the `count` bytes at `base` (little-endian), by one
    /// unaligned load; past `count`, the missing ones read as `padding` (a byte chosen to answer
    /// the caller's tests as no text would). `offset` is below `count`.
    @inline(__always)
    static func chunk(_ base: UnsafeRawPointer, count: Int, at offset: Int, padding: UInt8) -> UInt64 {
        if offset &+ 8 <= count { return base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        if count >= 8 {
            // The last eight bytes, shifted down to `offset`; the lanes vacated at the top take
            // the padding. (`offset` is below `count`: the shift is 8 to 56 bits.)
            let shift = UInt64(truncatingIfNeeded: 8 &* (offset &+ 8 &- count))
            return base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) &>> shift | (ones &* UInt64(padding)) &<< (64 &- shift)
        }
        var chunk = ones &* UInt64(padding)
        for index in offset..<count {
            // The lane holds `padding`: XOR with the byte's difference from it leaves the byte.
            chunk ^= UInt64(base.load(fromByteOffset: index, as: UInt8.self) ^ padding) << UInt64(8 * (index - offset))
        }
        return chunk
    }

    /// Each byte that is zero.
    @inline(__always)
    static func zero(_ word: UInt64) -> UInt64 { ~(((word & low) &+ low) | word) & high }

    /// Each byte equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { zero(word ^ (ones &* UInt64(byte))) }

    /// Each ASCII byte in `first...last` (a byte from 0x80 never; `last` below 0x80).
    @inline(__always)
    static func inRange(_ word: UInt64, _ first: UInt8, _ last: UInt8) -> UInt64 {
        let seven = word & low
        return (seven &+ ones &* (0x80 - UInt64(first))) & ~(seven &+ ones &* (0x7F - UInt64(last))) & ~word & high
    }
}
