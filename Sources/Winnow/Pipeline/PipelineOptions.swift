/// Settings for one run of the pipeline. Everything that changes output is here, so the same
/// input and options give the same records.
public struct PipelineOptions: Sendable {
    /// Used as the page URL when the page names none (no canonical link, no og:url).
    public var baseURL: String?
    /// Largest page, as read and once decompressed (`--max-page-bytes`, 20 MB); larger pages are
    /// rejected at read or decode.
    public var maximumPageBytes: Int
    /// Keep `blocks` in the record (on by default; `text` is always there).
    public var includeBlocks: Bool
    /// Site rules, compiled once per run (`RuleLoader.load`).
    public var rules: RuleSet = RuleSet() {
        didSet { unreadAttributes = UnreadAttributes(rules: rules) }
    }
    /// Hand libxml2 each page without what no stage reads (`UnreadMarkup`: script and style
    /// bodies, and the values of attributes in `unreadAttributes`). Turn it off to read the
    /// parsed document's scripts or every attribute yourself.
    public var sparesUnreadMarkup = true
    /// The attributes whose values no stage and no site rule of this run reads.
    public private(set) var unreadAttributes = UnreadAttributes(rules: RuleSet())
    /// The date relative mentions resolve against when a page has no publication date (and
    /// its site rule gives none). No clock is read: without it they stay unresolved.
    public var referenceDate: String?
    /// When the page was fetched (the container's `WARC-Date`), set per page: publication
    /// dates after it are refused.
    public var fetchedAt: String?
    /// The gazetteer, titles, conventions and transliteration rules (`NameLoader.load`); empty
    /// means no `entities` in records.
    public var names = NameCatalog()
    /// When set, `names` is still loading on another thread: each page waits for the catalog
    /// before its normalize stage (the stages before it need none), and the wait does not
    /// count against its time limit. `clean --jobs N` sets it so that start-up is not spent on
    /// one thread while the others idle.
    public var pendingNames: Pending<NameCatalog>?
    /// Whether removals carry the removed element's description and the first words of its
    /// text, which only `winnow explain` shows (a record counts removals by category); `clean`
    /// turns it off, sparing a text walk per removed element.
    public var recordsRemovalDetails = true
    /// Write each entity mention as its canonical name in `text` (`--rewrite-names`).
    public var rewriteNames = false
    /// Write each resolved date's ISO value after it in `text` (`--rewrite-dates`).
    public var rewriteDates = false
    /// Lines repeated across text pages of one site in this run (counted before the run by
    /// `RepeatedLines`); empty on standard input.
    public var repeatedLines = RepeatedLines()

    /// Elements one page may hold; a page over it is rejected at strip (it bounds memory and
    /// time on generated garbage: real pages hold tens of thousands).
    public var maximumElements = 1_000_000
    /// Bytes of body text one record may carry; more is rejected at extract.
    public var maximumTextBytes = 8 << 20
    /// How far a compressed page may expand: more than this many times its compressed size is
    /// a decompression bomb, rejected at decode (HTML compresses 5 to 20 times).
    public var maximumExpansion = 1_000
    /// Seconds one page may take (`--page-timeout`); nil for no limit. Checked between stages
    /// and inside the loops over elements, blocks and lines (`PageBudget`).
    public var pageTimeout: Double? = 60

    public init(baseURL: String? = nil, maximumPageBytes: Int = 20_000_000, includeBlocks: Bool = true) {
        self.baseURL = baseURL
        self.maximumPageBytes = maximumPageBytes
        self.includeBlocks = includeBlocks
    }
}
