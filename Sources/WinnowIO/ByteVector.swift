/// Sixteen bytes at a time, for the scans that skip plain text (SSE2 compares on x86-64).
/// Swift 6.3 lowers a compare well only when both operands are vectors (with a scalar it tests
/// lane by lane), and its `any` of a mask to a chain of shuffles: `firstLane` reads the mask's
/// two 64-bit halves instead.
public enum ByteVector {
    /// The first lane of the mask that is set, if any.
    @inlinable @inline(__always)
    public static func firstLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Int? {
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        if halves[0] != 0 { return halves[0].trailingZeroBitCount >> 3 }
        if halves[1] != 0 { return 8 + halves[1].trailingZeroBitCount >> 3 }
        return nil
    }
}
