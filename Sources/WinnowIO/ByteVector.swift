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
