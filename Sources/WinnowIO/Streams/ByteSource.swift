/// A stream of bytes read a chunk at a time (a file, standard input, a gzip stream over
/// either), so that inputs of any size are read with flat memory.
public protocol ByteSource: AnyObject {
    /// Appends the next chunk to `buffer` and returns its length; 0 means the end.
    func read(appendingTo buffer: inout [UInt8]) throws(ByteStreamError) -> Int
}

/// Why a stream stopped before its end. Offsets count the bytes of the file as stored
/// (compressed bytes for a gzip stream), so a user can find the place with `dd` or `xxd`.
public enum ByteStreamError: Error, Equatable, CustomStringConvertible {
    case system(String)
    case corruptGzip(offset: Int, reason: String)
    case truncatedGzip(offset: Int)

    public var description: String {
        switch self {
        case .system(let message): return message
        case .corruptGzip(let offset, let reason): return "corrupt gzip data at byte \(offset): \(reason)"
        case .truncatedGzip(let offset): return "gzip stream truncated at byte \(offset)"
        }
    }
}

/// Bytes already in memory, as a source (tests, and bytes peeked before the format was known).
public final class MemorySource: ByteSource {
    private var bytes: [UInt8]
    private var next: ByteSource?

    /// `bytes` first, then whatever `then` yields.
    public init(_ bytes: [UInt8], then next: ByteSource? = nil) {
        self.bytes = bytes
        self.next = next
    }

    public func read(appendingTo buffer: inout [UInt8]) throws(ByteStreamError) -> Int {
        if !bytes.isEmpty {
            let count = bytes.count
            buffer.append(contentsOf: bytes)
            bytes = []
            return count
        }
        return try next?.read(appendingTo: &buffer) ?? 0
    }
}
