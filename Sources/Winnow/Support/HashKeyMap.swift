/// A growable map whose keys are 64-bit hashes already (`ByteHash`, `FoldedKeyIndex.hash`) or
/// small integers, by open addressing. A `Dictionary` or `Set` runs SipHash over every key at
/// every lookup and insert; the name annotator does a dozen of those per candidate, and they
/// were a tenth of its cost. Slots are picked by a Fibonacci multiply of the key, which spreads
/// both hashes and consecutive integers.
struct HashKeyMap<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var shift: UInt64
    private(set) var count = 0

    init(minimumCapacity: Int = 0) {
        var bits: UInt64 = 4
        while (1 << bits) < minimumCapacity * 2 { bits += 1 }
        keys = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        shift = 64 - bits
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = home(key)
        while values[slot] != nil, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    subscript(key: UInt64) -> Value? {
        get { values[slot(of: key)] }
        set {
            var slot = slot(of: key)
            guard let newValue else {
                // Removal would need tombstones; no caller removes.
                precondition(values[slot] == nil, "HashKeyMap does not remove keys")
                return
            }
            if values[slot] == nil {
                if (count + 1) * 2 > keys.count {
                    grow()
                    slot = self.slot(of: key)
                }
                count += 1
                keys[slot] = key
            }
            values[slot] = newValue
        }
    }

    /// Every key and value, in slot order (an order that says nothing: callers that keep one
    /// sort).
    func forEach(_ body: (UInt64, Value) -> Void) {
        for slot in keys.indices { if let value = values[slot] { body(keys[slot], value) } }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        shift -= 1
        for (key, value) in zip(oldKeys, oldValues) where value != nil {
            let slot = slot(of: key)
            keys[slot] = key
            values[slot] = value
        }
    }
}

/// A set of 64-bit hashes (see `HashKeyMap`).
struct HashKeySet {
    private var map: HashKeyMap<Bool>

    init(minimumCapacity: Int = 0) { map = HashKeyMap(minimumCapacity: minimumCapacity) }

    var count: Int { map.count }

    func contains(_ key: UInt64) -> Bool { map[key] != nil }

    /// Whether the key was new.
    @discardableResult
    mutating func insert(_ key: UInt64) -> Bool {
        guard map[key] == nil else { return false }
        map[key] = true
        return true
    }
}

extension HashKeyMap: Sendable where Value: Sendable {}
