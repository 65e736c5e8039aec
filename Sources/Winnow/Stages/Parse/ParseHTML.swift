import WinnowHTML

/// Stage 2: UTF-8 text to a libxml2 document, once per page. Rejects input with no markup
/// at all (a flat-text page belongs to the text route, not to the HTML parser).
public struct ParseHTML: Sendable {
    public init() {}

    public func run(_ page: DecodedPage, options: PipelineOptions) throws(Reject) -> ParsedPage {
        guard Self.containsMarkup(page.utf8) else {
            throw Reject(stage: .parse, reason: "not HTML: no tag in the page")
        }
        let document: HTMLDocument
        do {
            // Script and style bodies (JSON-LD apart) and unread attribute values are not read
            // past this point: libxml2 is spared reading them (`UnreadMarkup`).
            let spared = options.sparesUnreadMarkup ? UnreadMarkup.removed(from: page.utf8, unread: options.unreadAttributes) : nil
            document = try HTMLDocument(utf8: spared ?? page.utf8)
        } catch {
            throw Reject(stage: .parse, reason: "\(error)")
        }
        guard document.body != nil || document.rootElement != nil else {
            throw Reject(stage: .parse, reason: "not HTML: the parser found no elements")
        }
        return ParsedPage(decoded: page, document: document)
    }

    /// Whether a `<` is followed by a letter, `!` or `/` anywhere in the first 64 KiB.
    static func containsMarkup(_ bytes: [UInt8]) -> Bool {
        let limit = min(bytes.count, 64 * 1024)
        var index = 0
        while index + 1 < limit {
            if bytes[index] == UInt8(ascii: "<") {
                let next = bytes[index + 1] | 0x20
                if (next >= 0x61 && next <= 0x7A) || next == UInt8(ascii: "!") | 0x20 || next == UInt8(ascii: "/") | 0x20 { return true }
            }
            index += 1
        }
        return false
    }
}

/// A parsed page: the document and what Decode learned.
public struct ParsedPage: @unchecked Sendable {
    public var decoded: DecodedPage
    public var document: HTMLDocument
}
