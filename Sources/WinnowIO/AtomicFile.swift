#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small file written whole or not at all: to a temporary name beside it, then renamed. A
/// path that names a device or a pipe (`/dev/stderr`), or the file standard output or error
/// already writes, is written in place (`LineWriter.isStream`, `LineWriter.openInPlace`).
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let inPlace = LineWriter.isStream(path)
        let target = inPlace ? path : path + ".tmp-\(getpid())"
        let descriptor = inPlace ? LineWriter.openInPlace(path) : open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw LineWriter.Failure.cannotOpen(target, String(cString: strerror(errno))) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                if !inPlace { unlink(target) }
                throw LineWriter.Failure.cannotWrite(target, reason)
            }
            offset += written
        }
        close(descriptor)
        guard !inPlace else { return }
        guard rename(target, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(target)
            throw LineWriter.Failure.cannotRename(target, reason)
        }
    }
}
