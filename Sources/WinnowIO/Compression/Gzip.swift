internal import CZlib

/// gzip decompression, including files made of several gzip members one after another
/// (as `cat a.gz b.gz` and WARC writers produce).
public enum Gzip {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notGzip
        case corrupt(offset: Int, reason: String)
        case truncated(offset: Int)
        case tooLarge(limit: Int)

        public var description: String {
            switch self {
            case .notGzip: return "not gzip data (no 1f 8b header)"
            case .corrupt(let offset, let reason): return "corrupt gzip data at byte \(offset): \(reason)"
            case .truncated(let offset): return "gzip stream truncated after \(offset) compressed bytes"
            case .tooLarge(let limit): return "gzip data expands past the \(limit)-byte limit"
            }
        }
    }

    /// Whether the bytes start with the gzip magic number.
    public static func looksCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    public static func decompress(_ input: [UInt8], limit: Int = 256 << 20) -> Result<[UInt8], Failure> {
        guard looksCompressed(input) else { return .failure(.notGzip) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
        var stream = z_stream()
        guard winnow_inflate_init_gzip(&stream) == Z_OK else { return .failure(.corrupt(offset: 0, reason: "zlib init")) }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeBufferPointer { source -> Result<[UInt8], Failure> in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let status = inflateStep(&stream, chunk: &chunk, appendingTo: &output).status
                if output.count > limit { return .failure(.tooLarge(limit: limit)) }
                let consumed = source.count - Int(stream.avail_in)
                switch status {
                case Z_STREAM_END:
                    // Another member may follow; anything else after the end is ignored, as gzip does
                    // with trailing zeros.
                    let rest = source.count - consumed
                    guard rest >= 2, source[consumed] == 0x1f, source[consumed + 1] == 0x8b else { return .success(output) }
                    inflateReset(&stream)
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { return .failure(.truncated(offset: consumed)) }
                    continue
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                    return .failure(.corrupt(offset: consumed, reason: reason))
                }
            }
        }
    }

    /// One gzip member holding `input` (tests write per-record WARC files with it).
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard winnow_deflate_init_gzip(&stream, level) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        let produced = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                _ = deflate(&stream, Z_FINISH)
                return target.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<produced])
    }
}
