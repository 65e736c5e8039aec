#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole lines to standard output or to a file. A file is written as `NAME.partial`
/// and renamed to `NAME` by `finish()`, so a reader never sees a half-written result. A path
/// that already names something other than a regular file (`/dev/null`, `/dev/stdout`, a
/// FIFO), or the file standard output is redirected to, is written in place: a rename would
/// replace the device, the pipe or the link with a file.
public final class LineWriter {
    public enum Failure: Error, CustomStringConvertible {
        case cannotOpen(String, String)
        case cannotWrite(String, String)
        case cannotRename(String, String)

        public var description: String {
            switch self {
            case .cannotOpen(let path, let reason): return "cannot open \(path) for writing: \(reason)"
            case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
            case .cannotRename(let path, let reason): return "cannot rename \(path): \(reason)"
            }
        }
    }

    private let descriptor: Int32
    private let finalPath: String?
    private let partialPath: String?
    /// Whether `deinit` closes the descriptor (not standard output's).
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    public private(set) var linesWritten = 0
    public var label: String { finalPath ?? "standard output" }

    /// Standard output.
    public init() {
        descriptor = STDOUT_FILENO
        finalPath = nil
        partialPath = nil
        ownsDescriptor = false
    }

    /// Whether `path` is written in place, with no `.partial` to resume from: it exists and is
    /// not a regular file (a device, a FIFO, a socket, or a link to one), or it is the file this
    /// process's standard output or error already writes (`-o /dev/stdout > out.jsonl`), which a
    /// rename would replace (as root, `/dev/stdout` itself).
    public static func isStream(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return status.st_mode & S_IFMT != S_IFREG || standardDescriptor(namedBy: path) != nil
    }

    /// Standard output or error, when `path` names the very file it writes (same device and
    /// inode): `/dev/stdout`, `/proc/self/fd/1`, or the redirected file by its own name.
    static func standardDescriptor(namedBy path: String) -> Int32? {
        var named = stat()
        guard stat(path, &named) == 0 else { return nil }
        for standard in [STDOUT_FILENO, STDERR_FILENO] {
            var status = stat()
            if fstat(standard, &status) == 0, status.st_dev == named.st_dev, status.st_ino == named.st_ino { return standard }
        }
        return nil
    }

    /// A descriptor writing `path` in place (`isStream`). Standard output's or error's own file
    /// is written through a copy of that descriptor, so that its offset and append mode hold
    /// (`>>` appends); opening the path again would write from its start.
    static func openInPlace(_ path: String) -> Int32 {
        if let standard = standardDescriptor(namedBy: path) { return dup(standard) }
        return open(path, O_WRONLY)
    }

    /// A file, written through `path + ".partial"`; a stream (`isStream`), written in place.
    public init(path: String) throws {
        ownsDescriptor = true
        if Self.isStream(path) {
            let opened = Self.openInPlace(path)
            guard opened >= 0 else { throw Failure.cannotOpen(path, String(cString: strerror(errno))) }
            descriptor = opened
            finalPath = path
            partialPath = nil
            return
        }
        let partial = path + ".partial"
        let opened = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard opened >= 0 else { throw Failure.cannotOpen(partial, String(cString: strerror(errno))) }
        descriptor = opened
        finalPath = path
        partialPath = partial
    }

    /// A file whose `path + ".partial"` an interrupted run left: kept up to `validBytes` (the end
    /// of its last whole line), then appended to.
    public init(path: String, resumingAfter validBytes: Int) throws {
        ownsDescriptor = true
        let partial = path + ".partial"
        let opened = open(partial, O_WRONLY | O_CREAT, 0o644)
        guard opened >= 0 else { throw Failure.cannotOpen(partial, String(cString: strerror(errno))) }
        guard ftruncate(opened, off_t(validBytes)) == 0, lseek(opened, 0, SEEK_END) >= 0 else {
            let reason = String(cString: strerror(errno))
            close(opened)
            throw Failure.cannotWrite(partial, reason)
        }
        descriptor = opened
        finalPath = path
        partialPath = partial
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Appends one line (a newline is added). Flushes in large chunks.
    public func write(line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        linesWritten += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends one line given as UTF-8 bytes (a newline is added).
    public func write(bytes line: [UInt8]) throws {
        buffer.append(contentsOf: line)
        buffer.append(UInt8(ascii: "\n"))
        linesWritten += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure.cannotWrite(label, String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a regular file, moves `NAME.partial` to `NAME`.
    public func finish() throws {
        try flush()
        guard let partialPath, let finalPath else { return }
        guard rename(partialPath, finalPath) == 0 else {
            throw Failure.cannotRename(partialPath, String(cString: strerror(errno)))
        }
    }
}
