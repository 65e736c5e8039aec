internal import CZlib

/// HTTP `Content-Encoding: deflate`: the zlib format, or raw deflate as some servers send it.
public enum Deflate {
    public static func decompress(_ input: [UInt8], limit: Int) -> [UInt8]? {
        inflate(input, limit: limit, zlibHeader: true) ?? inflate(input, limit: limit, zlibHeader: false)
    }

    private static func inflate(_ input: [UInt8], limit: Int, zlibHeader: Bool) -> [UInt8]? {
        var stream = z_stream()
        let initialized = zlibHeader ? winnow_inflate_init_zlib(&stream) : winnow_inflate_init_raw(&stream)
        guard initialized == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeBufferPointer { source -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let status = inflateStep(&stream, chunk: &chunk, appendingTo: &output).status
                if output.count > limit { return nil }
                switch status {
                case Z_STREAM_END: return output
                case Z_OK: continue
                case Z_BUF_ERROR where stream.avail_in > 0: continue
                default: return nil
                }
            }
        }
    }
}
