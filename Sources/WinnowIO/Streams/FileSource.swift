#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or standard input, read in fixed-size chunks. Closes the file when released
/// (standard input is never closed).
public final class FileSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let chunkSize: Int

    /// Opens `path`, or reads standard input when `path` is nil.
    public init(path: String?, chunkSize: Int = 1 << 18) throws(ByteStreamError) {
        if let path {
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw .system("cannot open \(path): \(String(cString: strerror(errno)))") }
            self.descriptor = descriptor
            ownsDescriptor = true
        } else {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        }
        self.chunkSize = chunkSize
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func read(appendingTo buffer: inout [UInt8]) throws(ByteStreamError) -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + start, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                buffer.removeSubrange(start...)
                throw .system(String(cString: strerror(errno)))
            }
            buffer.removeSubrange((start + count)...)
            return count
        }
    }
}
