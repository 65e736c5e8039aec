#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered reading over a `ByteSource`: lines, exact byte counts, skips, peeks. The buffer
/// holds only what has been read ahead, so memory stays flat however long the stream is.
///
/// An error from the source is held back until the bytes read before it are used up, so a
/// reader of records still gets every record that ended before the damage.
public final class ByteReader {
    public let source: ByteSource
    private var buffer: [UInt8] = []
    private var position = 0
    /// Stream offset of `buffer[0]`.
    private var base = 0
    private var ended = false
    private var pendingError: ByteStreamError?

    public init(_ source: ByteSource) {
        self.source = source
    }

    /// Bytes consumed so far (decompressed offset for a gzip source).
    public var offset: Int { base + position }

    private var unread: Int { buffer.count - position }

    /// Buffers at least `count` unread bytes unless the stream ends or fails first.
    /// Returns whether `count` bytes are available.
    @discardableResult
    private func fill(_ count: Int) -> Bool {
        while unread < count && !ended && pendingError == nil {
            if position > 0 && (position >= buffer.count / 2 || buffer.count - position < 4096) {
                buffer.removeSubrange(..<position)
                base += position
                position = 0
            }
            do {
                if try source.read(appendingTo: &buffer) == 0 { ended = true }
            } catch {
                pendingError = error
            }
        }
        return unread >= count
    }

    /// Throws the held-back error once the good bytes before it are used up.
    private func failIfDamaged() throws(ByteStreamError) {
        if unread == 0, let pendingError { throw pendingError }
    }

    /// The error that stopped the source, if one did (even while good bytes remain buffered).
    public var damage: ByteStreamError? { pendingError }

    /// Whether the stream has no more bytes (and no error is waiting).
    public func atEnd() throws(ByteStreamError) -> Bool {
        if fill(1) { return false }
        if let pendingError { throw pendingError }
        return true
    }

    /// Up to `count` bytes ahead, without consuming them.
    public func peek(_ count: Int) -> ArraySlice<UInt8> {
        fill(count)
        return buffer[position..<min(buffer.count, position + count)]
    }

    /// Whether the last line `readLine` returned ended with a line break (false when the
    /// stream ended in the middle of it, or it was cut at the limit).
    public private(set) var lastLineTerminated = true

    /// The next line without its `\n` (and `\r`), or nil at the end. A line longer than
    /// `limit` is returned cut at `limit` bytes, with the rest left unread.
    public func readLine(limit: Int = 1 << 20) throws(ByteStreamError) -> ArraySlice<UInt8>? {
        var searched = 0
        while true {
            if let newline = findNewline(from: position + searched) {
                var line = buffer[position..<newline]
                position = newline + 1
                if line.last == 0x0D { line = line.dropLast() }
                lastLineTerminated = true
                return line
            }
            searched = unread
            if searched >= limit {
                let line = buffer[position..<position + limit]
                position += limit
                lastLineTerminated = false
                return line
            }
            if !fill(unread + 1) {
                if unread == 0 {
                    try failIfDamaged()
                    return nil
                }
                if let pendingError { throw pendingError }
                let line = buffer[position...]
                position = buffer.count
                lastLineTerminated = false
                return line
            }
        }
    }

    private func findNewline(from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            guard let found = memchr(raw.baseAddress! + start, 0x0A, buffer.count - start) else { return nil }
            return raw.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }

    /// Exactly `count` bytes, or, when the stream ends first, what there was (check the length).
    /// Throws when the source fails before `count` bytes.
    public func read(_ count: Int) throws(ByteStreamError) -> [UInt8] {
        fill(count)
        if unread < count, let pendingError { throw pendingError }
        let taken = min(count, unread)
        let bytes = Array(buffer[position..<position + taken])
        position += taken
        return bytes
    }

    /// Skips `count` bytes without keeping them; returns how many there were.
    public func skip(_ count: Int) throws(ByteStreamError) -> Int {
        var remaining = count
        while remaining > 0 {
            if unread == 0 {
                fill(1)
                if unread == 0 {
                    if let pendingError { throw pendingError }
                    break
                }
            }
            let step = min(remaining, unread)
            position += step
            remaining -= step
        }
        return count - remaining
    }

    /// Consumes bytes while they are CR or LF (record separators), at most `limit`.
    public func skipLineBreaks(limit: Int) {
        var skipped = 0
        while skipped < limit, fill(1), buffer[position] == 0x0D || buffer[position] == 0x0A {
            position += 1
            skipped += 1
        }
    }

    /// Skips ahead to the next line that starts with `prefix`, leaving it unread. Returns
    /// false when the stream ends (or fails) first.
    public func skip(toLineStartingWith prefix: [UInt8]) -> Bool {
        var atLineStart = true
        while true {
            if atLineStart {
                fill(prefix.count)
                if unread >= prefix.count && buffer[position..<position + prefix.count].elementsEqual(prefix) { return true }
            }
            if let newline = findNewline(from: position) {
                position = newline + 1
                atLineStart = true
            } else {
                position = buffer.count
                atLineStart = false
                if !fill(1) { return false }
            }
        }
    }

    /// Hands over the bytes read ahead but not consumed, for a reader that takes the stream
    /// over (a gzip source after the magic number was peeked).
    public func takeBuffered() -> [UInt8] {
        let bytes = Array(buffer[position...])
        base += buffer.count
        buffer.removeAll()
        position = 0
        return bytes
    }

    /// Forgets the buffered bytes and the held-back error, after the source has been
    /// resynchronized past damage.
    public func discardAfterDamage() {
        base += buffer.count
        buffer.removeAll(keepingCapacity: true)
        position = 0
        pendingError = nil
    }
}
