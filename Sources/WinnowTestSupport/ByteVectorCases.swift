/// Every byte value at every lane of a sixteen-byte vector of "a"s: the cases a vector skip
/// (`ByteVector`) must get right wherever the byte it stops at sits.
public func forEachByteAtEachLane(_ body: (_ byte: UInt8, _ lane: Int, _ vector: SIMD16<UInt8>) -> Void) {
    for byte in UInt8.min...UInt8.max {
        for lane in 0..<16 {
            var vector = SIMD16<UInt8>(repeating: UInt8(ascii: "a"))
            vector[lane] = byte
            body(byte, lane, vector)
        }
    }
}
