#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BoilerplateVocabulary {
    /// `phrases` arranged for lookup: exact phrases hashed, prefixes and substrings as bytes;
    /// each entry keeps its position in `phrases`, and the lowest position that matches wins,
    /// as a scan of `phrases` in order would decide.
    ///
    /// Every line of a flat page and every short block of an HTML page is looked up, so the
    /// prefix and substring phrases are stored flat: their bytes in one array, and entries of
    /// plain integers grouped by first byte or bigram. Reading an entry retains nothing (an
    /// array of arrays retained each phrase's bytes, atomically, at every look).
    struct PhraseIndex {
        /// A prefix or substring phrase: its bytes at `offset` in `phraseBytes`, its position in
        /// `phrases`, and its first four bytes (fewer for a shorter one, the rest zero) as one
        /// integer: most places a bigram matches fail on that compare, before memcmp.
        struct Entry {
            var offset: Int32
            var count: Int32
            var position: Int32
            var head: UInt32
            var headMask: UInt32
        }

        /// Exact phrases by `TextHash` of their bytes (Swift's String hashing normalizes first,
        /// and a Dictionary would hash the hash again).
        private var exact = ByteHashTable<(phrase: String, position: Int)>([:])
        private var phraseBytes: [UInt8] = []
        /// Prefixes by their first byte `b`: `prefixes[prefixStarts[b]..<prefixStarts[b + 1]]`.
        private var prefixStarts: [Int32] = []
        private var prefixes: [Entry] = []
        /// Substrings by their first two bytes: a text is scanned once, and only at the places
        /// where some phrase could start are phrases compared. Bucket `k` (0: none) is
        /// `needles[needleStarts[k - 1]..<needleStarts[k]]`.
        private var bigramBucket: [UInt16] = Array(repeating: 0, count: 1 << 16)
        /// The bytes that may follow each bucket's bigram, 256 bits a bucket (bucket `k` at words
        /// `4(k - 1)` to `4k - 1`; all set for a needle of two bytes): prose meets a common
        /// bigram ("co", "re") every dozen bytes or so, and most of those places are ruled out
        /// here, in the scan's loop, instead of by a call and the needles' compares.
        private var thirdBytes: [UInt64] = []
        private var needleStarts: [Int32] = [0]
        private var needles: [Entry] = []

        init(_ phrases: [(category: BoilerplateCategory, match: PhraseMatch)]) {
            var exact: [UInt64: (phrase: String, position: Int)] = [:]
            var prefixLists: [[Entry]] = Array(repeating: [], count: 256)
            var needleLists: [[Entry]] = []
            func entry(_ text: String, position: Int) -> Entry {
                let bytes = Array(text.utf8)
                var head: UInt32 = 0, mask: UInt32 = 0
                for (offset, byte) in bytes.prefix(4).enumerated() {
                    head |= UInt32(byte) << UInt32(8 * offset)
                    mask |= 0xFF << UInt32(8 * offset)
                }
                let offset = Int32(phraseBytes.count)
                phraseBytes.append(contentsOf: bytes)
                return Entry(offset: offset, count: Int32(bytes.count), position: Int32(position), head: head, headMask: mask)
            }
            for (position, phrase) in phrases.enumerated() {
                switch phrase.match {
                case .exact(let text):
                    if exact[TextHash.of(text)] == nil { exact[TextHash.of(text)] = (text, position) }
                case .prefix(let text):
                    if let first = text.utf8.first { prefixLists[Int(first)].append(entry(text, position: position)) }
                case .contains(let text):
                    let bytes = Array(text.utf8)
                    guard bytes.count >= 2 else { continue }
                    let bigram = Int(bytes[0]) << 8 | Int(bytes[1])
                    if bigramBucket[bigram] == 0 {
                        needleLists.append([])
                        bigramBucket[bigram] = UInt16(needleLists.count)
                        thirdBytes.append(contentsOf: [0, 0, 0, 0])
                    }
                    let bucket = Int(bigramBucket[bigram]) - 1
                    needleLists[bucket].append(entry(text, position: position))
                    if bytes.count == 2 {
                        for word in 0..<4 { thirdBytes[4 * bucket + word] = ~0 }
                    } else {
                        thirdBytes[4 * bucket + Int(bytes[2] >> 6)] |= 1 << UInt64(bytes[2] & 63)
                    }
                }
            }
            self.exact = ByteHashTable(exact)
            for list in prefixLists {
                prefixStarts.append(Int32(prefixes.count))
                prefixes.append(contentsOf: list)
            }
            prefixStarts.append(Int32(prefixes.count))
            for list in needleLists {
                needles.append(contentsOf: list)
                needleStarts.append(Int32(needles.count))
            }
        }

        /// The position in `phrases` of the first phrase that matches a comparable text;
        /// `hash` is its `TextHash` when the caller has it already.
        func firstMatch(_ comparable: String, hash: UInt64? = nil) -> Int? {
            comparable.withUTF8Bytes { firstMatch($0, hash: hash) }
        }

        /// `firstMatch` on a comparable text's UTF-8 bytes (`hash`: its `TextHash`, when known).
        func firstMatch(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> Int? {
            var best = Int32.max
            if let hit = exact[hash ?? TextHash.of(text)], hit.phrase.utf8.count == text.count,
               hit.phrase.withUTF8Bytes({ $0.equalsBytes(text) }) {
                best = Int32(hit.position)
            }
            if let base = text.baseAddress, let first = text.first {
                let count = text.count
                phraseBytes.withUnsafeBufferPointer { phraseBytes in
                    let phraseBase = phraseBytes.baseAddress!
                    prefixes.withUnsafeBufferPointer { prefixes in
                        for index in Int(prefixStarts[Int(first)])..<Int(prefixStarts[Int(first) + 1]) {
                            let prefix = prefixes[index]
                            guard prefix.position < best, Int(prefix.count) <= count else { continue }
                            if memcmp(phraseBase + Int(prefix.offset), base, Int(prefix.count)) == 0 { best = prefix.position }
                        }
                    }
                    guard count >= 2 else { return }
                    bigramBucket.withUnsafeBufferPointer { bigramBucket in
                        thirdBytes.withUnsafeBufferPointer { thirdBytes in
                            needles.withUnsafeBufferPointer { needles in
                                needleStarts.withUnsafeBufferPointer { needleStarts in
                                    Self.scanForSubstrings(text, bigramBucket: bigramBucket, thirdBytes: thirdBytes, needleStarts: needleStarts,
                                                           needles: needles, phraseBytes: phraseBase, best: &best)
                                }
                            }
                        }
                    }
                }
            }
            return best == .max ? nil : Int(best)
        }

        /// The substring phrases in `text`, below position `best`: one pass over its bigrams. On
        /// pointers, in functions of their own: inside the closures above, the loop's variables
        /// were spilled to the stack and reloaded at every byte.
        @inline(never)
        private static func scanForSubstrings(_ text: UnsafeBufferPointer<UInt8>, bigramBucket: UnsafeBufferPointer<UInt16>,
                                              thirdBytes: UnsafeBufferPointer<UInt64>, needleStarts: UnsafeBufferPointer<Int32>,
                                              needles: UnsafeBufferPointer<Entry>, phraseBytes: UnsafePointer<UInt8>, best: inout Int32) {
            guard let base = text.baseAddress, let table = bigramBucket.baseAddress, let thirds = thirdBytes.baseAddress, text.count >= 2
            else { return }
            let count = text.count
            var start = 0
            while true {
                let bucket: Int
                (start, bucket) = nextPlaceWithBucket(base, from: start, before: count - 1, table: table, thirds: thirds)
                if bucket != 0 {
                    // The text's next four bytes (zero past its end) against each needle's head.
                    var head: UInt32 = 0
                    if start + 4 <= count {
                        head = UInt32(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt32.self))
                    } else {
                        for offset in 0..<(count - start) { head |= UInt32(base[start + offset]) << UInt32(8 * offset) }
                    }
                    for index in Int(needleStarts[bucket - 1])..<Int(needleStarts[bucket]) {
                        let needle = needles[index]
                        guard needle.position < best, start + Int(needle.count) <= count, head & needle.headMask == needle.head else { continue }
                        if memcmp(phraseBytes + Int(needle.offset), base + start, Int(needle.count)) == 0 { best = needle.position }
                    }
                }
                start += 1
                if start >= count - 1 { return }
            }
        }

        /// The first place at or after `start` (and before `last`, the text's last byte) whose
        /// bigram has a bucket and whose next byte (0 past the end) may follow it (`thirdBytes`),
        /// and the bucket; `last` and 0 when there is none. Kept apart from the compares (which
        /// call memcmp), so that this loop, where the time goes, runs in registers alone.
        @inline(never)
        private static func nextPlaceWithBucket(_ base: UnsafePointer<UInt8>, from start: Int, before last: Int,
                                                table: UnsafePointer<UInt16>, thirds: UnsafePointer<UInt64>) -> (place: Int, bucket: Int) {
            var place = start
            while place < last {
                let bucket = Int(table[Int(base[place]) &<< 8 | Int(base[place &+ 1])])
                if bucket != 0 {
                    let third = place &+ 2 <= last ? base[place &+ 2] : 0
                    if thirds[(bucket &- 1) &* 4 &+ Int(third &>> 6)] & (1 &<< UInt64(third & 63)) != 0 { return (place, bucket) }
                }
                place &+= 1
            }
            return (last, 0)
        }
    }
}
