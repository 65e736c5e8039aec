#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the UTF-8 bytes of `needle` occur in the string: `memchr` for the first byte,
    /// then `memcmp`; none of the locale and Unicode work that Foundation's `contains` and
    /// `range(of:)` do per call.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard pattern.count <= text.count, let base = text.baseAddress, let find = pattern.baseAddress else { return pattern.isEmpty }
                let first = Int32(find.pointee)
                var offset = 0
                let last = text.count - pattern.count
                while offset <= last, let hit = memchr(base + offset, first, last - offset + 1) {
                    let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    if memcmp(base + position, find, pattern.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}

extension String {
    /// `hasPrefix` on UTF-8 bytes (the standard library's compares Characters).
    func hasBytePrefix(_ prefix: String) -> Bool {
        var text = self
        var prefix = prefix
        return text.withUTF8 { bytes in
            prefix.withUTF8 { wanted in
                wanted.count <= bytes.count && (wanted.isEmpty || memcmp(bytes.baseAddress!, wanted.baseAddress!, wanted.count) == 0)
            }
        }
    }

    /// `hasSuffix` on UTF-8 bytes.
    func hasByteSuffix(_ suffix: String) -> Bool {
        var text = self
        var suffix = suffix
        return text.withUTF8 { bytes in
            suffix.withUTF8 { wanted in
                wanted.count <= bytes.count
                    && (wanted.isEmpty || memcmp(bytes.baseAddress! + (bytes.count - wanted.count), wanted.baseAddress!, wanted.count) == 0)
            }
        }
    }
}

/// FNV-1a over UTF-8 bytes: a key for tables of words and lines that skips the Unicode
/// normalization Swift's `String` hashing does (the texts here are already normalized).
enum ByteHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    static func of(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { of($0) }
    }
}

/// A set of `ByteHash` values: open addressing, linear probing (a `Set<UInt64>` hashes each
/// probe again with SipHash). Zero marks a free slot, so a zero hash is stored as one.
struct ByteHashSet: Sendable {
    private var slots: [UInt64]
    private let mask: Int

    init<S: Sequence>(_ hashes: S) where S.Element == UInt64 {
        let unique = Array(Set(hashes))
        var size = 16
        while size < unique.count * 4 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for hash in unique {
            let key = hash == 0 ? 1 : hash
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = key
        }
    }

    func contains(_ hash: UInt64) -> Bool {
        let key = hash == 0 ? 1 : hash
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            if slots[slot] == key { return true }
            slot = (slot + 1) & mask
        }
        return false
    }
}
