/// One page as it arrives, before any decoding: its id, where it came from, and its bytes
/// (or why they could not be read, so the page still yields a reject instead of vanishing).
public struct InputPage: Sendable {
    /// The record id: the path relative to the folder argument, the file name for a file
    /// argument, or "-" for standard input.
    public var id: String
    /// The file the page came from, if any.
    public var path: String?
    /// The raw bytes, still compressed when `compression` says so.
    public var bytes: [UInt8]
    public var compression: Compression
    /// Set when the bytes could not be read; `bytes` is then empty.
    public var readError: String?
    /// The page's URL as the container gives it (a JSON Lines field, a WARC header): used when
    /// the page names none itself.
    public var url: String?
    /// Fields of the container passed through to the record's `meta`.
    public var meta: [(String, JSONValue)] = []
    /// When the page was fetched (`WARC-Date`), ISO 8601.
    public var fetchedAt: String?
    /// The charset the transport declared (the HTTP `Content-Type` of a WARC response).
    public var transportCharset: String?
    /// What held the page when it was not a file of its own: "warc", "jsonl".
    public var container: String?
    /// Markup or text a scraper already flattened (a `.txt` file, a WET conversion record, a
    /// JSON Lines `--text-field`): the pipeline takes the text route for `.text`.
    public var format: Format = .html

    public init(id: String, path: String? = nil, bytes: [UInt8], compression: Compression = .none, readError: String? = nil,
                url: String? = nil) {
        self.id = id
        self.path = path
        self.bytes = bytes
        self.compression = compression
        self.readError = readError
        self.url = url
    }

    /// What the bytes are once decoded.
    public enum Format: String, Sendable {
        case html, text
    }

    /// How `bytes` are still encoded: a `.gz` file, or an HTTP `Content-Encoding`.
    public enum Compression: String, Sendable {
        case none, gzip, deflate, brotli
    }
}

extension InputPage {
    /// The same page, read as `format`.
    public func `as`(_ format: Format) -> InputPage {
        var page = self
        page.format = format
        return page
    }
}
