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

    /// Each word (by `ByteHash`) with the languages that list it, as a bit set over `lists`.
    static let table: ByteHashTable<UInt16> = {
        var entries: [UInt64: UInt16] = [:]
        for (offset, list) in lists.enumerated() {
            for word in list.words.split(separator: " ") { entries[ByteHash.of(String(word)), default: 0] |= 1 << UInt16(offset) }
        }
        return ByteHashTable(entries)
    }()

    /// The shortest line (in UTF-8 bytes) whose words count toward the page's language.
    static let languageLineBytes = 40

    /// The language whose function words the lines use most (`LineSignals.languageHits`), when
    /// they use enough of them to say: at least 20 hits and a fifth more than the runner-up.
    static func language(of lines: [TextLine]) -> (code: String, index: Int)? {
        var hits = SIMD16<UInt32>()
        var seen = 0
        for index in lines.indices where lines[index].text.utf8.count >= languageLineBytes {  // by index: no copy of each line
            hits &+= SIMD16<UInt32>(truncatingIfNeeded: lines[index].signals.languageHits)
            seen += 1
            if seen >= 200 { break }
        }
        let ranked = (0..<lists.count).map { (index: $0, hits: Int(hits[$0])) }.sorted { $0.hits > $1.hits }
        guard let best = ranked.first, best.hits >= 20, Double(best.hits) >= Double(ranked[1].hits) * 1.2 else { return nil }
        return (lists[best.index].language, best.index)
    }

    /// Function words of each language (`lists` order) in a comparable line (`forEachWord`);
    /// a word of more than 12 bytes is no function word.
    static func hits(in comparable: String) -> SIMD16<UInt16> {
        let table = Self.table  // once per line, not once per word
        // Counted in plain integers and made a vector once: a vector's lane changed one at a
        // time went through the stack at every hit, and its reload waited on the narrow store.
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 16) { counts in
            counts.initialize(repeating: 0)
            forEachWord(in: comparable) { word in
                guard word.count <= 12, var bits = table[ByteHash.of(word)] else { return }
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

    /// Calls `body` with each word of a comparable line: runs of letters and apostrophes, on
    /// UTF-8 bytes. Bytes of other scripts count as letters; general punctuation (U+2000–U+206F:
    /// curly quotes, dashes) and ASCII punctuation and digits separate words.
    static func forEachWord(in comparable: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        comparable.withUTF8Bytes { bytes in
            var index = 0
            var start = -1
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                var width = 1
                var isLetter: Bool
                if byte < 0x80 {
                    isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x27
                } else if byte == 0xE2, index + 1 < count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                    isLetter = false
                    width = 3
                } else {
                    isLetter = true
                }
                if isLetter {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    body(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    start = -1
                }
                index += width
            }
            if start >= 0 { body(UnsafeBufferPointer(rebasing: bytes[start..<count])) }
        }
    }
}
