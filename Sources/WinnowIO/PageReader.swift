#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the bytes of the pages an `InputCollector` listed. Failures are returned inside the
/// page (`readError`), never thrown, so each one becomes a reject record.
public struct PageReader: Sendable {
    /// Pages larger than this are not read whole; they are rejected at the read stage.
    public var maximumBytes: Int

    public init(maximumBytes: Int = 64 << 20) {
        self.maximumBytes = maximumBytes
    }

    public func read(_ entry: InputCollector.Entry) -> InputPage {
        guard let path = entry.path else {
            return page(entry, readingDescriptor: STDIN_FILENO, label: "standard input")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            return InputPage(id: entry.id, path: path, bytes: [], compression: entry.compression,
                             readError: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        return page(entry, readingDescriptor: descriptor, label: path)
    }

    /// The whole page from a stream already opened (and peeked at) to choose its format.
    public func read(_ entry: InputCollector.Entry, from stream: ByteReader) -> InputPage {
        var bytes = stream.takeBuffered()
        let label = entry.path ?? "standard input"
        do throws(ByteStreamError) {
            while bytes.count <= maximumBytes, try stream.source.read(appendingTo: &bytes) > 0 {}
        } catch {
            return InputPage(id: entry.id, path: entry.path, bytes: [], compression: entry.compression,
                             readError: "cannot read \(label): \(error)")
        }
        if bytes.count > maximumBytes {
            return InputPage(id: entry.id, path: entry.path, bytes: [], compression: entry.compression,
                             readError: "cannot read \(label): \(ReadProblem.tooLarge(maximumBytes))")
        }
        return InputPage(id: entry.id, path: entry.path, bytes: bytes, compression: entry.compression)
    }

    private func page(_ entry: InputCollector.Entry, readingDescriptor descriptor: Int32, label: String) -> InputPage {
        switch Self.readAll(descriptor, limit: maximumBytes) {
        case .success(let bytes):
            return InputPage(id: entry.id, path: entry.path, bytes: bytes, compression: entry.compression)
        case .failure(let problem):
            return InputPage(id: entry.id, path: entry.path, bytes: [], compression: entry.compression,
                             readError: "cannot read \(label): \(problem)")
        }
    }

    public enum ReadProblem: Error, CustomStringConvertible {
        case system(String)
        case tooLarge(Int)
        public var description: String {
            switch self {
            case .system(let message): return message
            case .tooLarge(let limit): return "larger than the \(limit)-byte page limit"
            }
        }
    }

    /// Every byte of an open file, up to `limit` (more is `.tooLarge`).
    ///
    /// A regular file says its size: its bytes are read straight into one array of that size
    /// (plus a byte, to meet the end), not appended chunk by chunk to an array that grows and
    /// is copied each time. Pipes, and files that grow while read, go on chunk by chunk.
    public static func readAll(_ descriptor: Int32, limit: Int) -> Result<[UInt8], ReadProblem> {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else {
            return readChunks(descriptor, limit: limit, after: [])
        }
        let size = Int(status.st_size)
        if size > limit { return .failure(.tooLarge(limit)) }
        var problem: ReadProblem?
        var atEnd = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            while count < buffer.count {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0 {
                    if errno == EINTR { continue }
                    problem = .system(String(cString: strerror(errno)))
                    return
                }
                if read == 0 {
                    atEnd = true
                    return
                }
                count += read
            }
        }
        if let problem { return .failure(problem) }
        if bytes.count > limit { return .failure(.tooLarge(limit)) }
        return atEnd ? .success(bytes) : readChunks(descriptor, limit: limit, after: bytes)
    }

    /// The rest of a file or pipe, 64 KiB at a time, after `bytes` already read.
    private static func readChunks(_ descriptor: Int32, limit: Int, after bytes: [UInt8]) -> Result<[UInt8], ReadProblem> {
        var bytes = bytes
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.system(String(cString: strerror(errno))))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > limit { return .failure(.tooLarge(limit)) }
        }
    }
}
