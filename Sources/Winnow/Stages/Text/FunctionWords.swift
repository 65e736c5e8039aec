/// The commonest function words (articles, pronouns, prepositions, conjunctions, auxiliaries)
/// of the languages Winnow's date and name stages know. Running prose is dense in them and
/// menus, buttons and credits are not: the share of function words is the text route's
/// best sign of a body line, and the language with the most hits is the page's language.
enum FunctionWords {
    static let lists: [(language: String, words: String)] = [
        ("en", "the of and to a in is that for it as was with be by on not he she his her they their this are at from or an have had has which were been but its who will would said there than also after into about more when")
        , ("de", "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis")
        , ("fr", "le la les de des du et en un une est que qui dans pour pas au aux sur par plus ne se ce il elle sont avec son sa ses ont été mais comme leur cette ou nous vous a été était")
        , ("es", "el la los las de del y en un una es que por para con no se su sus al lo como más pero fue ha han este esta entre cuando sobre también ya o le muy sin hasta desde")
        , ("it", "il lo la i gli le di del della dei delle e in un una è che per con non si da al alla sono ha come anche più ma nel nella questo questa o dopo tra stato")
        , ("pt", "o a os as de do da dos das e em um uma é que para com não se por no na nos nas ao mais como mas foi ser são seu sua também pelo pela entre")
        , ("nl", "de het een en van in is dat op te voor met zijn niet aan er maar om ook als bij door over naar uit dan nog wel heeft werd worden hij zij was")
        , ("ru", "и в не на что с по как из к у за от о это но же для так его её их был была было были он она они то бы при также только уже")
        , ("pl", "i w nie na z się że do to jest o jak po przez za od dla ale jego jej ich był była było są oraz także tylko już który która które")
    ]

    /// Each word with the languages that list it, as a bit set over `lists`, keyed by its bytes
    /// (`ShortWordKey`): a word of a line is looked up without a hash chain over its bytes.
    static let table: ShortWordTable<UInt16> = {
        var entries: [ShortWordKey: UInt16] = [:]
        for (offset, list) in lists.enumerated() {
            for word in list.words.split(separator: " ") {
                let bytes = Array(word.utf8)
                let key = bytes.withUnsafeBufferPointer { ShortWordKey($0, from: 0, to: $0.count) }
                guard let key else { preconditionFailure("FunctionWords: \(word) is over \(ShortWordKey.maximumBytes) bytes") }
                entries[key, default: 0] |= 1 << UInt16(offset)
            }
        }
        return ShortWordTable(entries)
    }()

    /// The shortest line (in UTF-8 bytes) whose words count toward the page's language.
    static let languageLineBytes = 40

    /// The language whose function words the lines use most (`LineSignals.languageHits`), when
    /// they use enough of them to say: at least 20 hits and a fifth more than the runner-up.
    static func language(of lines: [TextLine]) -> (code: String, index: Int)? {
        var hits = SIMD16<UInt32>()
        var seen = 0
        for index in lines.indices where lines[index].textBytes >= languageLineBytes {  // by index: no copy of each line
            hits &+= SIMD16<UInt32>(truncatingIfNeeded: lines[index].signals.languageHits)
            seen += 1
            if seen >= 200 { break }
        }
        let ranked = (0..<lists.count).map { (index: $0, hits: Int(hits[$0])) }.sorted { $0.hits > $1.hits }
        guard let best = ranked.first, best.hits >= 20, Double(best.hits) >= Double(ranked[1].hits) * 1.2 else { return nil }
        return (lists[best.index].language, best.index)
    }

    /// Function words of each language (`lists` order) in a comparable line's UTF-8 bytes
    /// (`forEachWord`); a word of more than `ShortWordKey.maximumBytes` bytes is no function word.
    static func hits(in bytes: UnsafeBufferPointer<UInt8>) -> SIMD16<UInt16> {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return SIMD16<UInt16>() }
        let count = bytes.count
        // The table read through pointers for the whole line, and the key built in place: a
        // call per word to the key's initializer, its checked shifts and the arrays' bounds
        // checks were a sixth of a word's cost.
        return Self.table.withReader { table in
            // Counted in plain integers and made a vector once: a vector's lane changed one at a
            // time went through the stack at every hit, and its reload waited on the narrow store.
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 16) { counts in
                counts.initialize(repeating: 0)
                forEachWord(in: bytes) { start, end in
                    let length = end &- start
                    guard length <= ShortWordKey.maximumBytes,
                          var bits = table.value(of: ShortWordKey(base, count: count, from: start, length: length)) else { return }
                    while bits != 0 {
                        counts[bits.trailingZeroBitCount] &+= 1
                        bits &= bits - 1
                    }
                }
                var hits = SIMD16<UInt16>()
                for lane in 0..<16 { hits[lane] = counts[lane] }
                return hits
            }
        }
    }

    /// Calls `body` with the bounds of each word of a comparable line: runs of letters and
    /// apostrophes, on UTF-8 bytes. Bytes of other scripts count as letters; general punctuation
    /// (U+2000–U+207F, three bytes from E2 80 or E2 81: curly quotes, dashes) and ASCII
    /// punctuation and digits separate words.
    ///
    /// Eight bytes at a time: each byte's letter test lands in one bit of a mask, and the word
    /// edges are that mask's changes from one byte to the next, taken lowest first: every set
    /// bit opens or closes a word, in turn. (The loop this replaced looked for the next set,
    /// then the next clear bit, with a shift by a variable count each time: a third more work
    /// per word, in the text route's hottest loop.)
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int) -> Void) {
        let count = bytes.count
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return }
        let ones = ByteLanes.ones, high = ByteLanes.high
        var inWord = false
        var wordStart = 0
        // Whether the chunk before ended on a letter (its bit 7), for the edge at this one's bit 0.
        var letterBefore: UInt32 = 0
        // Letters of the next chunk that a general punctuation mark begun in this one covers.
        var coveredInNext: UInt32 = 0
        var offset = 0
        while offset < count {
            // The tail padded with spaces, which separate words.
            let chunk = ByteLanes.chunk(base, count: count, at: offset, padding: 0x20)
            let lanes = ByteLanes.inRange(chunk | ones &* 0x20, 0x61, 0x7A) | ByteLanes.equal(chunk, 0x27) | chunk & high
            // One bit per byte, byte i at bit i: each lane's flag (bit 8i after the shift) is
            // carried to bit 56 + i by the multiply; no two partial products meet.
            var letters = UInt32(truncatingIfNeeded: ((lanes >> 7) &* 0x0102_0408_1020_4080) >> 56) & ~coveredInNext
            coveredInNext = 0
            if chunk & high != 0 {
                var leads = ByteLanes.equal(chunk, 0xE2)
                while leads != 0 {
                    let lane = leads.trailingZeroBitCount / 8
                    let at = offset + lane
                    if at + 1 < count, bytes[at + 1] & 0xFE == 0x80 {
                        let covered = UInt32(0b111) << UInt32(lane)
                        letters &= ~covered
                        coveredInNext = covered >> 8
                    }
                    leads &= leads - 1
                }
            }
            var edges = (letters ^ (letters << 1 | letterBefore)) & 0xFF
            letterBefore = letters >> 7
            while edges != 0 {
                let position = offset &+ edges.trailingZeroBitCount
                if inWord { body(wordStart, position) } else { wordStart = position }
                inWord.toggle()
                edges &= edges - 1
            }
            offset += 8
        }
        if inWord { body(wordStart, count) }
    }
}

/// A word of at most 12 UTF-8 bytes as two integers, for tables of short words (function
/// words): its first eight bytes, and the rest with the length in the top byte. Built from
/// one unaligned load for most words; compared by two integer compares.
struct ShortWordKey: Hashable {
    static let maximumBytes = 12
    let low: UInt64
    let high: UInt64

    /// The key of `bytes[start..<end]`, or nil when that is empty or longer than `maximumBytes`.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        let length = end - start
        guard length > 0, length <= Self.maximumBytes, let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
        self.init(base, count: bytes.count, from: start, length: length)
    }

    /// The key of the `length` bytes (1 to `maximumBytes`) at `start` of the `count` bytes at
    /// `base`, by whole loads that stay inside the `count` bytes: the first eight from `start`,
    /// or near the end the last eight of the text, shifted down to `start`; bytes past the
    /// word are masked off.
    @_transparent
    init(_ base: UnsafeRawPointer, count: Int, from start: Int, length: Int) {
        // Wrapping arithmetic and masked shifts: the bounds above keep every value in range, and
        // the checked forms cost a test and a branch each.
        var low: UInt64
        if start &+ 8 <= count {
            low = base.loadUnaligned(fromByteOffset: start, as: UInt64.self)
        } else if count >= 8 {
            low = base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) &>> UInt64(truncatingIfNeeded: 8 &* (start &+ 8 &- count))
        } else {
            low = 0
            for offset in 0..<(count - start) {
                low |= UInt64(base.load(fromByteOffset: start &+ offset, as: UInt8.self)) &<< UInt64(truncatingIfNeeded: 8 &* offset)
            }
        }
        if length < 8 { low &= (1 &<< UInt64(truncatingIfNeeded: 8 &* length)) &- 1 }
        var high = UInt64(truncatingIfNeeded: length) &<< 56
        if length > 8 {
            // Bytes 8 on (four at most): the top ones of the four that end the word.
            let last = base.loadUnaligned(fromByteOffset: start &+ length &- 4, as: UInt32.self)
            high |= UInt64(last &>> UInt32(truncatingIfNeeded: 8 &* (12 &- length)))
        }
        self.low = low
        self.high = high
    }

    fileprivate init(empty: Void) {
        low = 0
        high = 0
    }

    /// Both halves mixed by multiplication; the table takes a slot from the top bits.
    @inline(__always)
    func mixed() -> UInt64 { (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9 }
}

/// A fixed table of `ShortWordKey`s, open-addressed, each probe two integer compares. An empty
/// slot has `high` 0, which no key has (its length is in `high`). Half full at most (16 KB for
/// the function words).
///
/// In front of it, a filter of 4,096 bits, one set per key: most words asked (a line's content
/// words) find their bit clear and are answered by one load from 512 bytes, without a probe of
/// the table, whose misses took two or three slots on average.
struct ShortWordTable<Value>: @unchecked Sendable {
    private var keys: [ShortWordKey]
    private var values: [Value?]
    private var filter = [UInt64](repeating: 0, count: 64)
    private let shift: UInt64
    private let mask: Int

    /// The filter's word and bit for a key's mix: bits 20 to 31 of it, apart from the top bits
    /// that pick the slot.
    @inline(__always)
    fileprivate static func filterPlace(_ mixed: UInt64) -> (word: Int, bit: UInt64) {
        let place = Int(truncatingIfNeeded: mixed >> 20) & 4095
        return (place >> 6, 1 << UInt64(place & 63))
    }

    init(_ entries: [ShortWordKey: Value]) {
        var bits: UInt64 = 4
        while 1 << bits < entries.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        keys = Array(repeating: ShortWordKey(empty: ()), count: size)
        values = Array(repeating: nil, count: size)
        shift = 64 - bits
        mask = size - 1
        // In key order, so that the table's layout does not depend on the dictionary's.
        for (key, value) in entries.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) {
            var slot = Int(key.mixed() >> shift)
            while keys[slot].high != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
            let place = Self.filterPlace(key.mixed())
            filter[place.word] |= place.bit
        }
    }

    /// The table through pointers, for a loop of lookups (no bounds check or retain per word).
    @inline(__always)
    func withReader<R>(_ body: (Reader) -> R) -> R {
        filter.withUnsafeBufferPointer { filter in
            keys.withUnsafeBufferPointer { keys in
                values.withUnsafeBufferPointer { values in
                    body(Reader(filter: filter.baseAddress!, keys: keys.baseAddress!, values: values.baseAddress!, shift: shift, mask: mask))
                }
            }
        }
    }

    /// The table's arrays as pointers (`withReader`): a lookup is the filter's bit, then probes.
    struct Reader {
        let filter: UnsafePointer<UInt64>
        let keys: UnsafePointer<ShortWordKey>
        let values: UnsafePointer<Value?>
        let shift: UInt64
        let mask: Int

        @inline(__always)
        func value(of key: ShortWordKey) -> Value? {
            let mixed = key.mixed()
            let place = ShortWordTable.filterPlace(mixed)
            guard filter[place.word] & place.bit != 0 else { return nil }
            var slot = Int(mixed >> shift)
            while true {
                let stored = keys[slot]
                if stored.high == key.high && stored.low == key.low { return values[slot] }
                if stored.high == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}
