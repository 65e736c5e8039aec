internal import CZlib

/// One `inflate` call over the stream's current input into `chunk`, the bytes produced
/// appended to `output`: the loop body that gzip files, HTTP deflate and streamed gzip share.
/// Returns zlib's status and how many bytes were produced.
func inflateStep(_ stream: inout z_stream, chunk: inout [UInt8], appendingTo output: inout [UInt8]) -> (status: Int32, produced: Int) {
    let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
        stream.next_out = target.baseAddress
        stream.avail_out = uInt(target.count)
        return inflate(&stream, Z_NO_FLUSH)
    }
    let produced = chunk.count - Int(stream.avail_out)
    output.append(contentsOf: chunk[..<produced])
    return (status, produced)
}
