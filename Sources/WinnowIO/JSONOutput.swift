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
    private var writtenCount = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Releases the storage; the buffer is not used after.
    func free() { base.deallocate() }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: writtenCount)) }

    /// Room for at least `bytes` more bytes.
    @inline(__always)
    mutating func reserve(_ bytes: Int) {
        if writtenCount + bytes > capacity { grow(to: writtenCount + bytes) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: writtenCount)
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

    /// Bytes written so far.
    var count: Int { writtenCount }

    /// Appends a copy of bytes already written, at `range` (before `count`).
    mutating func appendCopy(of range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= writtenCount, "JSONBytes: copy of bytes not written")
        reserve(range.count)
        (base + writtenCount).update(from: base + range.lowerBound, count: range.count)
        writtenCount += range.count
    }

    /// An append within room already reserved.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[writtenCount] = byte
        writtenCount += 1
    }

    /// Up to sixteen bytes (a key, a name, a number's digits: most of a record's appends) are
    /// copied by two loads and two stores that may overlap, each inside the source and the
    /// room reserved; longer runs by `memcpy`, whose call cost more than the copy for these.
    @inline(__always)
    mutating func appendReserved(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let count = bytes.count
        let target = UnsafeMutableRawPointer(base + writtenCount)
        let from = UnsafeRawPointer(source)
        if count >= 8 && count <= 16 {
            target.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(of: from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self), toByteOffset: count &- 8, as: UInt64.self)
        } else if count >= 4 && count < 8 {
            target.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            target.storeBytes(of: from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self), toByteOffset: count &- 4, as: UInt32.self)
        } else if count < 4 {
            for offset in 0..<count { target.storeBytes(of: from.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self) }
        } else {
            target.copyMemory(from: from, byteCount: count)
        }
        writtenCount += count
    }
}
