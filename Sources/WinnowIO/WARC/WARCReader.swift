/// Reads WARC records one at a time from a stream, plain or gzip (whole-file or one member
/// per record). Damage costs only the records it touches: after a bad gzip member the reader
/// resumes at the next member, after a bad header at the next `WARC/` line.
public final class WARCReader {
    private let reader: ByteReader
    private let gzip: GzipSource?
    private let maximumBlockBytes: Int
    private var finished = false

    /// Header lines above this length, or more than this many fields, mean the bytes are not a header.
    static let maximumHeaderLine = 64 << 10
    static let maximumHeaderFields = 512

    /// `source` is the file as stored; gzip is recognized by its magic number.
    public convenience init(source: ByteSource, maximumBlockBytes: Int = 64 << 20) {
        let raw = ByteReader(source)
        if GzipSource.isGzip(raw.peek(2)) {
            let gzip = GzipSource(MemorySource(raw.takeBuffered(), then: source))
            self.init(reader: ByteReader(gzip), gzip: gzip, maximumBlockBytes: maximumBlockBytes)
        } else {
            self.init(reader: raw, gzip: nil, maximumBlockBytes: maximumBlockBytes)
        }
    }

    init(reader: ByteReader, gzip: GzipSource?, maximumBlockBytes: Int) {
        self.reader = reader
        self.gzip = gzip
        self.maximumBlockBytes = maximumBlockBytes
    }

    /// Where the record that starts at the reader's current position lives in the file.
    private var recordOffset: Int {
        guard let gzip else { return reader.offset }
        return gzip.memberStart(atOutputOffset: reader.offset) ?? reader.offset
    }

    public func next() -> WARCReadResult? {
        guard !finished else { return nil }
        var offset = recordOffset
        var recordID: String?
        reader.skipLineBreaks(limit: 1 << 16)
        let startOutput = reader.offset
        do throws(ByteStreamError) {
            if try reader.atEnd() { finished = true; return nil }
            // Only now has the gzip source started the member this record is in.
            offset = recordOffset
            guard let versionLine = try reader.readLine(limit: 64), versionLine.starts(with: Array("WARC/".utf8)) else {
                return damaged(at: offset, recordID: nil, reason: "no WARC/ version line where a record should start")
            }
            let version = String(decoding: versionLine, as: UTF8.self).trimmingSpaces
            let fields: [(name: String, value: String)]
            switch try readHeaderFields() {
            case .success(let read): fields = read
            case .failure(let problem): return damaged(at: offset, recordID: nil, reason: problem)
            }
            var record = WARCRecord(version: version, fields: fields, block: [], offset: offset)
            recordID = record.recordID
            guard let lengthText = record["Content-Length"], let length = Int(lengthText.trimmingSpaces), length >= 0 else {
                return damaged(at: offset, recordID: recordID, reason: "WARC header without a valid Content-Length")
            }
            if length > maximumBlockBytes {
                let skipped = try reader.skip(length)
                if skipped < length {
                    finished = true
                    return .damaged(offset: offset, recordID: recordID,
                                    reason: "WARC record truncated: \(skipped) of \(length) block bytes")
                }
                reader.skipLineBreaks(limit: 4)
                return .oversized(record, length: length)
            }
            record.block = try reader.read(length)
            if record.block.count < length {
                finished = true
                return .damaged(offset: offset, recordID: recordID,
                                reason: "WARC record truncated: \(record.block.count) of \(length) block bytes")
            }
            reader.skipLineBreaks(limit: 4)
            // A gzip member is sound only once its trailer (CRC-32, length) checks out. When the
            // member holding this record failed and what follows is not the next record (so the
            // file is one member per record), the record read from it is damaged.
            if let gzip, let damage = reader.damage, gzip.failedMemberStart == offset,
               !reader.peek(5).elementsEqual(Array("WARC/".utf8)) {
                return recover(from: damage, at: offset, recordID: recordID)
            }
            return .record(record)
        } catch {
            // Damage before the record's first byte: the record is the member that failed to start.
            return recover(from: error, at: reader.offset > startOutput ? offset : recordOffset, recordID: recordID)
        }
    }

    private enum HeaderResult {
        case success([(name: String, value: String)])
        case failure(String)
    }

    private func readHeaderFields() throws(ByteStreamError) -> HeaderResult {
        var fields: [(name: String, value: String)] = []
        while true {
            guard let line = try reader.readLine(limit: Self.maximumHeaderLine) else {
                return .failure("WARC header ends before its blank line")
            }
            guard reader.lastLineTerminated else {
                return .failure(line.count >= Self.maximumHeaderLine ? "WARC header line longer than \(Self.maximumHeaderLine) bytes"
                                                                      : "WARC header cut short by the end of the input")
            }
            if line.isEmpty { return .success(fields) }
            if line.first == 0x20 || line.first == 0x09 {
                // A continuation line (folded header, allowed by WARC 1.0).
                guard !fields.isEmpty else { return .failure("WARC header starts with a continuation line") }
                fields[fields.count - 1].value += " " + String(decoding: line, as: UTF8.self).trimmingSpaces
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
                return .failure("WARC header line without a field name")
            }
            fields.append((HeaderName.lowercased(line[..<colon]), HeaderName.trimmed(line[(colon + 1)...])))
            if fields.count > Self.maximumHeaderFields { return .failure("WARC header with more than \(Self.maximumHeaderFields) fields") }
        }
    }

    /// A bad header in readable bytes: report it and move to the next line that starts a record.
    private func damaged(at offset: Int, recordID: String?, reason: String) -> WARCReadResult {
        if !reader.skip(toLineStartingWith: Array("WARC/1.".utf8)) { finished = true }
        return .damaged(offset: offset, recordID: recordID, reason: reason)
    }

    /// Unreadable bytes (gzip damage): report the record they cut, then resume at the next gzip member.
    private func recover(from error: ByteStreamError, at offset: Int, recordID: String?) -> WARCReadResult {
        let result = WARCReadResult.damaged(offset: offset, recordID: recordID, reason: error.description)
        guard let gzip else { finished = true; return result }
        do throws(ByteStreamError) {
            if try gzip.resynchronize() {
                reader.discardAfterDamage()
            } else {
                finished = true
            }
        } catch {
            finished = true
        }
        return result
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (header values).
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
