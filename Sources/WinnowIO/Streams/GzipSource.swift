internal import CZlib

/// Decompresses a gzip stream as it is read, member after member (WARC files are one gzip
/// member per record, and `cat a.gz b.gz` makes such files too).
///
/// After a corrupt member, `resynchronize()` skips to the next gzip header so that the members
/// after a damaged one are still read. `memberStart(atOutputOffset:)` maps a decompressed
/// position back to the compressed offset of its member, which is how WARC indexes (CDX)
/// address records.
public final class GzipSource: ByteSource {
    private let upstream: ByteSource
    private var input: [UInt8] = []
    private var inputPosition = 0
    /// Compressed offset of `input[0]`.
    private var inputBase = 0
    private var upstreamEnded = false
    private var stream = z_stream()
    private var inMember = false
    private var scratch = [UInt8](repeating: 0, count: 1 << 18)
    /// Bytes produced so far.
    public private(set) var outputOffset = 0
    /// The compressed offset of the member the last error happened in (nil: between members).
    public private(set) var failedMemberStart: Int?
    /// (output offset, compressed offset) where each recent member began, oldest first.
    private var memberStarts: [(output: Int, compressed: Int)] = []

    public init(_ upstream: ByteSource) {
        self.upstream = upstream
        _ = winnow_inflate_init_gzip(&stream)
    }

    deinit { inflateEnd(&stream) }

    /// Whether bytes begin with the gzip magic number and the deflate method.
    public static func isGzip<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1f && iterator.next() == 0x8b
    }

    private var compressedPosition: Int { inputBase + inputPosition }

    /// Makes sure at least `count` unread compressed bytes are buffered, unless the input ends.
    private func fillInput(atLeast count: Int) throws(ByteStreamError) {
        while input.count - inputPosition < count && !upstreamEnded {
            if inputPosition > 0 {
                input.removeSubrange(..<inputPosition)
                inputBase += inputPosition
                inputPosition = 0
            }
            if try upstream.read(appendingTo: &input) == 0 { upstreamEnded = true }
        }
    }

    public func read(appendingTo buffer: inout [UInt8]) throws(ByteStreamError) -> Int {
        while true {
            if !inMember {
                try fillInput(atLeast: 2)
                let unread = input.count - inputPosition
                if unread == 0 { return 0 }
                guard unread >= 2, input[inputPosition] == 0x1f, input[inputPosition + 1] == 0x8b else {
                    failedMemberStart = nil
                    throw .corruptGzip(offset: compressedPosition, reason: "bytes between gzip members are not a gzip header")
                }
                beginMember()
            }
            try fillInput(atLeast: 1)
            if input.count == inputPosition {
                failedMemberStart = memberStarts.last?.compressed
                throw .truncatedGzip(offset: compressedPosition)
            }
            let available = input.count - inputPosition
            // The input buffer's address is only valid inside this closure, so the step runs in it.
            let (status, produced) = input.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress! + inputPosition
                stream.avail_in = uInt(available)
                return inflateStep(&stream, chunk: &scratch, appendingTo: &buffer)
            }
            inputPosition += available - Int(stream.avail_in)
            outputOffset += produced
            switch status {
            case Z_STREAM_END:
                inMember = false
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                inMember = false
                failedMemberStart = memberStarts.last?.compressed
                throw .corruptGzip(offset: compressedPosition, reason: reason)
            }
            if produced > 0 { return produced }
        }
    }

    private func beginMember() {
        inflateReset(&stream)
        inMember = true
        memberStarts.append((outputOffset, compressedPosition))
        if memberStarts.count > 4096 { memberStarts.removeFirst(2048) }
    }

    /// After an error: skips to the next gzip header (1f 8b 08) and starts a new member there.
    /// Returns false when the input holds no further header.
    public func resynchronize() throws(ByteStreamError) -> Bool {
        inMember = false
        // The header of the broken member itself is never taken again: search after it.
        if let last = memberStarts.last, last.compressed >= inputBase, last.compressed + 1 > compressedPosition {
            inputPosition = last.compressed + 1 - inputBase
        }
        while true {
            try fillInput(atLeast: 3)
            let unread = input.count - inputPosition
            if unread < 3 {
                inputPosition = input.count
                return false
            }
            var index = inputPosition
            let end = input.count - 2
            while index < end {
                if input[index] == 0x1f && input[index + 1] == 0x8b && input[index + 2] == 0x08 {
                    inputPosition = index
                    return true
                }
                index += 1
            }
            inputPosition = end
            if upstreamEnded { inputPosition = input.count; return false }
            try fillInput(atLeast: 3 + (input.count - inputPosition))
        }
    }

    /// The compressed offset of the member that produced the byte at `outputOffset`.
    public func memberStart(atOutputOffset offset: Int) -> Int? {
        // Binary search for the last member that starts at or before `offset`.
        var low = 0, high = memberStarts.count
        while low < high {
            let middle = (low + high) / 2
            if memberStarts[middle].output <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? memberStarts[low - 1].compressed : nil
    }
}
