/// Where JSON is written byte by byte: an `[UInt8]` (`JSONValue`'s serializers) or the record
/// writer's own buffer (`JSONBytes`). The escaping and number code is written once, over this,
/// and specialized for each.
protocol JSONOutput {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension JSONOutput {
    /// Text written in the source (`true`, an escape).
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

extension Array: JSONOutput where Element == UInt8 {
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

/// A growable byte buffer with no copy-on-write: its owner (`JSONWriter`, which cannot be
/// copied) frees it. An append is a capacity compare and a store; `reserve` then the
/// `Reserved` appends skip even the compare for a run of small writes (a key with its quotes).
struct JSONBytes: JSONOutput {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Releases the storage; the buffer is not used after.
    func free() { base.deallocate() }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Room for at least `bytes` more bytes.
    @inline(__always)
    mutating func reserve(_ bytes: Int) {
        if count + bytes > capacity { grow(to: count + bytes) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        appendReserved(byte)
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        appendReserved(bytes)
    }

    /// An append within room already reserved.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func appendReserved(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }
}

/// Sixteen bytes at a time, for the scans that skip plain text (SSE2 compares on x86-64).
/// Swift 6.3 lowers a compare well only when both operands are vectors (with a scalar it tests
/// lane by lane), and its `any` of a mask to a chain of shuffles: `anyLane` ORs the mask's two
/// halves instead, which compiles to one compare and a move of its sign bits.
public enum ByteVector {
    @inlinable @inline(__always)
    public static func anyLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return halves[0] | halves[1] != 0
    }

    /// The first lane of the mask that is set, if any.
    @inlinable @inline(__always)
    public static func firstLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Int? {
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        if halves[0] != 0 { return halves[0].trailingZeroBitCount >> 3 }
        if halves[1] != 0 { return 8 + halves[1].trailingZeroBitCount >> 3 }
        return nil
    }
}
