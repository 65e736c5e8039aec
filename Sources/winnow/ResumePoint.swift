#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WinnowIO

/// What an interrupted `clean -o FILE` left behind, read back for `--resume` (DECISIONS:
/// read FILE.partial, drop a torn last line, skip the pages already written, continue).
/// A page's line is in the records or in the rejects file; both are read, and the pages are
/// matched by id, as many times as each id was written, so that the two files need not end
/// at the same page. Both are flushed every `8 × jobs` pages, so at most that many are torn.
struct ResumePoint {
    /// Ids already written, with how many times.
    var written: [String: Int] = [:]
    var records = 0
    var rejected: [String] = []  // the reject lines' stages, for the summary
    var rejectReasons: [String] = []
    var recordBytes = 0
    var rejectBytes = 0

    var pages: Int { records + rejected.count }

    /// Reads both partial files (either may be missing: nothing was written to it yet).
    static func read(records recordsPath: String, rejects rejectsPath: String) -> ResumePoint {
        var point = ResumePoint()
        if let bytes = try? contents(of: recordsPath + ".partial") {
            point.recordBytes = wholeLinesLength(bytes)
            forEachLine(bytes[..<point.recordBytes]) { line in
                guard let id = leadingID(line) else { return }
                point.written[id, default: 0] += 1
                point.records += 1
            }
        }
        if let bytes = try? contents(of: rejectsPath + ".partial") {
            point.rejectBytes = wholeLinesLength(bytes)
            forEachLine(bytes[..<point.rejectBytes]) { line in
                guard let object = try? JSONParser.parse(String(decoding: line, as: UTF8.self)), let id = object["id"]?.stringValue else { return }
                point.written[id, default: 0] += 1
                point.rejected.append(object["stage"]?.stringValue ?? "read")
                point.rejectReasons.append(object["reason"]?.stringValue ?? "")
            }
        }
        return point
    }

    /// Whether the page was written before; each written id is used up once.
    mutating func consume(_ id: String) -> Bool {
        guard let count = written[id], count > 0 else { return false }
        written[id] = count == 1 ? nil : count - 1
        return true
    }

    /// The length up to the end of the last whole line: a torn line is dropped.
    static func wholeLinesLength(_ bytes: [UInt8]) -> Int {
        guard let last = bytes.lastIndex(of: 0x0A) else { return 0 }
        return last + 1
    }

    static func forEachLine(_ bytes: ArraySlice<UInt8>, _ body: (ArraySlice<UInt8>) -> Void) {
        var start = bytes.startIndex
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            if end > start { body(bytes[start..<end]) }
            start = end + 1
        }
    }

    /// The `id` of a record line without parsing its text: records begin
    /// `{"schema":1,"id":"…"` (RenderRecord's fixed key order).
    static func leadingID(_ line: ArraySlice<UInt8>) -> String? {
        let key = Array("\"id\":\"".utf8)
        let head = line.prefix(64)
        guard let keyStart = head.indices.first(where: { head[$0...].starts(with: key) }) else { return nil }
        let index = keyStart + key.count - 1  // the opening quote
        var end = index + 1
        while end < line.endIndex, line[end] != UInt8(ascii: "\"") {
            end += line[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard end < line.endIndex else { return nil }
        let token = String(decoding: line[index...end], as: UTF8.self)
        return (try? JSONParser.parse(token))?.stringValue
    }

    private static func contents(of path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ReadFailure() }
        defer { close(descriptor) }
        return try PageReader.readAll(descriptor, limit: .max).mapError { _ in ReadFailure() }.get()
    }

    struct ReadFailure: Error {}
}
