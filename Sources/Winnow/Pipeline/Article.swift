/// The main content and metadata of a page, as the Extract stage hands it to Normalize and
/// Render. Plain values only: the libxml2 document is gone by now.
public struct Article: Sendable {
    public var url: String?
    public var site: String?
    public var title: String?
    public var description: String?
    public var authors: [String] = []
    public var credits: [String] = []
    /// The publication date as found (normalized to ISO 8601 by the Normalize stage).
    public var published: String?
    /// Where `published` came from: json-ld, meta, time, text.
    public var publishedFrom: String?
    public var modified: String?
    public var language: String?
    /// The site's section for the article (from a site rule).
    public var section: String?
    /// The site rule files that applied.
    public var rules: [String] = []
    public var blocks: [Block] = [] {
        didSet { bodyText = nil }  // no longer the blocks' text
    }
    /// The body blocks' text (`Block.bodyText`) as the Normalize stage joined them, so that
    /// rendering does not join them again; cleared whenever `blocks` changes.
    var bodyText: String?
    public var comments: [Comment] = []
    /// Date mentions in `text`, with values resolved against the reference date.
    public var dates: [DateMention] = []
    /// People, places and organisations in the body text, with canonical names (`AnnotateNames`).
    public var entities: [NameEntity] = []
    /// With `--rewrite-dates`: the body text with each resolved mention's value after it in
    /// brackets ("on Monday [2021-06-21]"); `dates` offsets then index this text.
    public var rewrittenText: String?
    /// The site rule's reference date for relative dates (not rendered).
    public var siteReferenceDate: String?
    /// Characters of the body the page declares in JSON-LD `articleBody` (not rendered: a hint
    /// that tells the pipeline when an extraction lost part of the article).
    public var declaredBodyLength: Int?

    public init() {}
}

/// One unit of the body or of its surroundings, in reading order.
public struct Block: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case heading, paragraph, list, quote, table, caption, code
    }

    public var kind: Kind
    /// Plain text; a list has one line per item (`- ` prefixed, two spaces of indent per level),
    /// a table one line per row with cells separated by ` | `.
    public var text: String
    /// Heading level 1-6, for headings.
    public var level: Int?
    /// List items with their nesting depth, for lists.
    public var items: [ListItem]?
    /// Rows of cells, for tables.
    public var rows: [[String]]?

    public init(kind: Kind, text: String, level: Int? = nil, items: [ListItem]? = nil, rows: [[String]]? = nil) {
        self.kind = kind
        self.text = text
        self.level = level
        self.items = items
        self.rows = rows
    }

    /// The record's `text`: body blocks joined by blank lines.
    static func bodyText(_ blocks: [Block]) -> String {
        // By index, into storage sized once: filtering and mapping copied every block (a retain
        // and release of each of its strings and arrays) and then every text.
        var bytes = 0
        var count = 0
        for index in blocks.indices where blocks[index].isBody {
            bytes += blocks[index].text.utf8.count
            count += 1
        }
        var text = ""
        text.reserveCapacity(bytes + 2 * max(0, count - 1))
        var first = true
        for index in blocks.indices where blocks[index].isBody {
            if !first { text += "\n\n" }
            first = false
            text += blocks[index].text
        }
        return text
    }

    /// Whether the block belongs to `text` (captions stay in `blocks` only).
    public var isBody: Bool { kind != .caption }

    public struct ListItem: Sendable, Equatable {
        public var text: String
        public var depth: Int
        public var ordered: Bool
    }
}

/// A date expression in the body text: offsets are Unicode code points of the record's `text`.
public struct DateMention: Sendable, Equatable {
    public var text: String
    /// ISO 8601 (`2021-06-22`, `2021-06` for a month, `START/END` for a range); nil when the
    /// mention is partial or relative and no reference date is known.
    public var value: String?
    public var start: Int
    public var end: Int
    /// absolute, partial or relative.
    public var kind: String
}

/// A reader comment, kept apart from the body.
public struct Comment: Sendable, Equatable {
    public var author: String?
    public var date: String?
    public var text: String

    public init(author: String?, date: String?, text: String) {
        self.author = author
        self.date = date
        self.text = text
    }
}
