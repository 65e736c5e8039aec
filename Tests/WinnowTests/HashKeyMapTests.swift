import Testing
@testable import Winnow

@Suite struct HashKeyMapTests {
    /// Keys of both kinds the map is used with: `ByteHash` values and small integers (candidate
    /// starts, entry numbers), many enough to grow the table several times.
    private static let keys: [UInt64] = (0..<3000).map { UInt64($0) } + (0..<3000).map { ByteHash.of("word \($0)") }

    @Test func agreesWithADictionaryThroughGrowth() {
        var map = HashKeyMap<Int>()
        var reference: [UInt64: Int] = [:]
        for (position, key) in Self.keys.enumerated() {
            map[key] = position
            reference[key] = position
            // Overwriting keeps the count.
            if position % 7 == 0 { map[key] = -position; reference[key] = -position }
        }
        #expect(map.count == reference.count)
        #expect(Self.keys.allSatisfy { map[$0] == reference[$0] })
        #expect(map[ByteHash.of("absent")] == nil)
        #expect(map[1_000_000] == nil)
    }

    @Test func setInsertSaysWhetherTheKeyWasNew() {
        var set = HashKeySet()
        let first = set.insert(0)
        let second = set.insert(0)
        #expect(first)
        #expect(!second)
        for key in Self.keys { set.insert(key) }
        #expect(set.count == Set(Self.keys).count)
        #expect(Self.keys.allSatisfy(set.contains))
        #expect(!set.contains(ByteHash.of("absent")))
    }
}
