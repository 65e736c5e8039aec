internal import CCrypto

/// SHA-256 (FIPS 180-4), used to fingerprint each input page in its record. It runs over every
/// byte of every page, so it goes to libcrypto, which uses the CPU's SHA instructions.
public enum SHA256 {
    /// The digest of `bytes` as 64 lower-case hex digits.
    public static func hexDigest(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        let succeeded = bytes.withUnsafeBytes { source in
            digest.withUnsafeMutableBufferPointer { winnow_sha256(source.baseAddress, source.count, $0.baseAddress) }
        }
        precondition(succeeded == 1, "libcrypto could not compute SHA-256")
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
