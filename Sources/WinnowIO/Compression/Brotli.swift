internal import CBrotli

/// HTTP `Content-Encoding: br` (RFC 7932), through libbrotlidec.
public enum Brotli {
    public static func decompress(_ input: [UInt8], limit: Int) -> [UInt8]? {
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else { return nil }
        defer { BrotliDecoderDestroyInstance(state) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeBufferPointer { source -> [UInt8]? in
            var nextIn = source.baseAddress
            var availableIn = source.count
            while true {
                var produced = 0
                let result = chunk.withUnsafeMutableBufferPointer { target -> BrotliDecoderResult in
                    var nextOut = target.baseAddress
                    var availableOut = target.count
                    let result = BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
                    produced = target.count - availableOut
                    return result
                }
                output.append(contentsOf: chunk[..<produced])
                if output.count > limit { return nil }
                switch result {
                case BROTLI_DECODER_RESULT_SUCCESS: return output
                case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: continue
                default: return nil  // an error, or input that ends too soon
                }
            }
        }
    }
}
