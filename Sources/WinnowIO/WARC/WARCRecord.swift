/// One WARC record (ISO 28500, WARC 1.0 and 1.1): the named header fields and the block.
public struct WARCRecord: Sendable {
    /// "WARC/1.0" or "WARC/1.1".
    public var version: String
    /// Header fields in order, names lower-cased (they compare case-insensitively).
    public var fields: [(name: String, value: String)]
    /// The content block (for a `response`, the HTTP message; for a `resource`, the payload).
    public var block: [UInt8]
    /// Where the record starts in the file: the compressed offset of its gzip member for a
    /// `.warc.gz`, the byte offset for a plain `.warc`.
    public var offset: Int

    /// The first value of a header field, by case-insensitive name.
    public subscript(name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name == lower }?.value
    }

    /// `WARC-Type`, lower-cased.
    public var type: String { self["WARC-Type"]?.lowercased() ?? "" }

    /// `WARC-Record-ID` as written (for example `<urn:uuid:…>`).
    public var recordID: String? { self["WARC-Record-ID"] }

    /// `WARC-Target-URI`; WARC 1.0 writers sometimes wrap it in angle brackets, dropped here.
    public var targetURI: String? {
        guard var uri = self["WARC-Target-URI"] else { return nil }
        if uri.hasPrefix("<") && uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
        return uri.isEmpty ? nil : uri
    }
}

/// What reading the next record gave.
public enum WARCReadResult: Sendable {
    case record(WARCRecord)
    /// A record whose block is larger than the page limit: skipped unread, reported with its header.
    case oversized(WARCRecord, length: Int)
    /// Bytes that do not form a record (damaged gzip, a bad header, a truncated block). `recordID`
    /// is known when the header was read before the damage.
    case damaged(offset: Int, recordID: String?, reason: String)
}

/// Header field helpers shared by the WARC and HTTP parsers.
enum HeaderName {
    /// A field name, ASCII letters lower-cased.
    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The bytes without leading and trailing spaces and tabs, as a string.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
