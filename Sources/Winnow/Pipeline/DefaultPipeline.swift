import WinnowIO

/// The one ordered list of stages. Read this file to follow a page:
///
///     decode → parse → repair → site rules → strip → extract → normalize → render
///
/// Flat text (`.txt`, WET, a JSON Lines text field) takes the text route through the same
/// decode, normalize and render stages, with line-based repair, strip and extract in between:
///
///     decode → segment and repair → strip (lines) → extract (lines) → normalize → render
///
/// Each stage takes the previous one's value and appends its decisions to the page's trace.
/// A stage that cannot go on throws a `Reject` naming itself; the page then yields a reject
/// record instead of a record, never nothing.
public struct DefaultPipeline: Sendable {
    public var options: PipelineOptions

    public init(options: PipelineOptions = PipelineOptions()) {
        self.options = options
    }

    public func process(_ page: InputPage) -> PageResult {
        // A URL the container gives (JSON Lines, WARC) stands in for --base-url on this page.
        var options = self.options
        if let url = page.url { options.baseURL = url }
        if let fetchedAt = page.fetchedAt { options.fetchedAt = fetchedAt }
        // Relative dates ("yesterday") on a page without a date resolve against the fetch date.
        if options.referenceDate == nil, let fetchedAt = page.fetchedAt, fetchedAt.utf8.count >= 10 {
            options.referenceDate = String(fetchedAt.prefix(10))
        }
        var trace = Trace()
        trace.recordsRemovalDetails = options.recordsRemovalDetails
        var budget = PageBudget(seconds: options.pageTimeout, maximumElements: options.maximumElements)
        PageBudget.current = budget
        defer { PageBudget.current = nil }
        do throws(Reject) {
            let decoded = try DecodePage().run(page, maximumBytes: options.maximumPageBytes, maximumExpansion: options.maximumExpansion,
                                               trace: &trace)
            if page.format == .text { return try processText(page, decoded: decoded, options: options, budget: &budget, trace: &trace) }
            let parsed = try ParseHTML().run(decoded, options: options)
            try budget.check(.parse)
            RepairText().run(parsed, trace: &trace)
            let site = ApplySiteRules(rules: options.rules).run(parsed, baseURL: options.baseURL)
            let extracted = try stripAndExtract(parsed, site: site, options: options, trace: &trace)
            try budget.check(.extract)
            try Self.checkTextSize(extracted, options: options)
            let names = Self.names(options, budget: &budget)
            let article = NormalizeArticle().run(extracted, referenceDate: options.referenceDate, rewriteDates: options.rewriteDates,
                                                  names: names, rewriteNames: options.rewriteNames, trace: &trace)
            try budget.check(.normalize)
            let line = RenderRecord().run(article, page: decoded, trace: trace, options: options, meta: page.meta)
            return PageResult(id: page.id, article: article, reject: nil, trace: trace, line: line)
        } catch {
            let line = RenderRecord().reject(id: page.id, url: page.url, reject: error, sourceBytes: page.bytes.count)
            return PageResult(id: page.id, article: nil, reject: error, trace: trace, line: line)
        }
    }

    /// The text route, from decoded text to the record.
    private func processText(_ page: InputPage, decoded: DecodedPage, options: PipelineOptions, budget: inout PageBudget,
                             trace: inout Trace) throws(Reject) -> PageResult {
        // `DecodePage` leaves only valid UTF-8 (transcoded, invalid sequences replaced).
        let lines = SegmentText.lines(decoded.utf8, trace: &trace, validUTF8: true)
        let host = options.baseURL.flatMap(ExtractMetadata.host)
        let rule = host.flatMap { options.rules.rule(forHost: $0) }
        let stripped = StripText(rule: rule, repeated: options.repeatedLines.site(for: options.baseURL)).run(lines)
        try budget.check(.strip)
        var extracted = try ExtractText(url: options.baseURL).run(stripped, trace: &trace)
        try Self.checkTextSize(extracted, options: options)
        if let rule {
            extracted.rules = [rule.file]
            extracted.siteReferenceDate = rule.referenceDate
        }
        let names = Self.names(options, budget: &budget)
        let article = NormalizeArticle().run(extracted, referenceDate: options.referenceDate, rewriteDates: options.rewriteDates,
                                              names: names, rewriteNames: options.rewriteNames, trace: &trace)
        try budget.check(.normalize)
        let line = RenderRecord().run(article, page: decoded, trace: trace, options: options, meta: page.meta)
        return PageResult(id: page.id, article: article, reject: nil, trace: trace, line: line)
    }

    /// The name catalog. While it is still loading (`pendingNames`), the page waits for it, and
    /// its deadline moves by the wait: a page's time limit is for its own work.
    private static func names(_ options: PipelineOptions, budget: inout PageBudget) -> NameCatalog {
        guard let pending = options.pendingNames else { return options.names }
        let (catalog, waited) = pending.wait()
        if waited > 0 {
            budget = budget.extended(by: waited)
            PageBudget.current = budget
        }
        return catalog
    }

    /// A body over `maximumTextBytes` is rejected (a 15 MB text node is garbage, not an article).
    static func checkTextSize(_ article: Article, options: PipelineOptions) throws(Reject) {
        // By index: a closure over the blocks copied each one (a retain and release of its fields).
        var bytes = 0
        for index in article.blocks.indices where article.blocks[index].isBody { bytes += article.blocks[index].text.utf8.count }
        guard bytes > options.maximumTextBytes else { return }
        throw Reject(stage: .extract, reason: "body text of \(bytes) bytes is over the \(options.maximumTextBytes)-byte limit")
    }

    /// Strip then extract, strict first; when a pass keeps less than `enoughBodyCharacters`
    /// of body (250, or half the JSON-LD `articleBody`; or nothing), strip again one step more leniently (`StripBoilerplate.Strictness`)
    /// and keep whichever attempt kept more. The trace of the attempt kept is the page's trace.
    private func stripAndExtract(_ parsed: ParsedPage, site: SiteMatch?, options: PipelineOptions, trace: inout Trace) throws(Reject) -> Article {
        let decodeTrace = trace
        var best: (article: Article, trace: Trace, characters: Int)?
        var lastReject: Reject?
        for strictness in StripBoilerplate.Strictness.allCases {
            var attempt = decodeTrace
            if strictness != .full { attempt.note("strip", "retry: \(strictness.rawValue) (the strict pass kept too little)") }
            let stripped = StripBoilerplate(strictness: strictness).run(parsed, site: site, trace: &attempt)
            if let over = stripped.index.overLimit { throw Reject(stage: .strip, reason: over) }
            try PageBudget.current?.check(.strip)
            do throws(Reject) {
                let article = try ExtractArticle().run(stripped, options: options, trace: &attempt)
                let characters = article.bodyCharacters
                if best == nil || characters > best!.characters { best = (article, attempt, characters) }
            } catch {
                lastReject = error
            }
            if let best, best.characters >= best.article.enoughBodyCharacters { break }
        }
        guard let best else { throw lastReject ?? Reject(stage: .extract, reason: "no main content found") }
        trace = best.trace
        return best.article
    }

    /// Below this much body text, the pipeline retries with a more lenient strip.
    static let minimumBodyCharacters = 250
}

extension Article {
    /// Characters of body text (captions excluded).
    var bodyCharacters: Int { blocks.reduce(0) { $0 + ($1.isBody ? $1.text.characterCount : 0) } }

    /// What a complete extraction keeps at least: 250 characters, and half of the body the page
    /// declares in JSON-LD `articleBody` when it declares one.
    var enoughBodyCharacters: Int {
        max(DefaultPipeline.minimumBodyCharacters, (declaredBodyLength ?? 0) / 2)
    }
}

/// What one page became: a record, or a reject with its stage and reason.
public struct PageResult: Sendable {
    public var id: String
    public var article: Article?
    public var reject: Reject?
    public var trace: Trace
    /// The JSON Lines record (a reject record when `reject` is set), as one line of UTF-8
    /// without its line break: what `winnow clean` writes.
    public var line: [UInt8]

    /// The record read back as a value, for the commands and tests that look inside it.
    public var record: JSONValue {
        (try? JSONParser.parse(String(decoding: line, as: UTF8.self))) ?? .null
    }

    public var isRejected: Bool { reject != nil }
}
