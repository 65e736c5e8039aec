/// One WARC record (ISO 28500, WARC 1.0 and 1.1): the named header fields and the block.
public struct WARCRecord: Sendable {
    /// "WARC/1.0" or "WARC/1.1".
    public var version: String
    /// Header fields in order, names as written.
    public var fields: [(name: String, value: String)]
    /// The content block (for a `response`, the HTTP message; for a `resource`, the payload).
    public var block: [UInt8]
    /// Where the record starts in the file: the compressed offset of its gzip member for a
    /// `.warc.gz`, the byte offset for a plain `.warc`.
    public var offset: Int

    /// The first value of a header field, by case-insensitive name.
    public subscript(name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
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
