import WinnowIO

/// The one ordered list of stages. Read this file to follow a page:
///
///     decode → parse → strip → extract → normalize → render
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
        var trace = Trace()
        do throws(Reject) {
            let decoded = try DecodePage().run(page, maximumBytes: options.maximumPageBytes, trace: &trace)
            let parsed = try ParseHTML().run(decoded, options: options)
            let stripped = StripBoilerplate().run(parsed, trace: &trace)
            let extracted = try ExtractArticle().run(stripped, options: options, trace: &trace)
            let article = NormalizeArticle().run(extracted, trace: &trace)
            let record = RenderRecord().run(article, page: decoded, trace: trace, options: options)
            return PageResult(id: page.id, article: article, reject: nil, trace: trace, record: record)
        } catch {
            let record = RenderRecord().reject(id: page.id, reject: error, sourceBytes: page.bytes.count)
            return PageResult(id: page.id, article: nil, reject: error, trace: trace, record: record)
        }
    }
}

/// What one page became: a record, or a reject with its stage and reason.
public struct PageResult: Sendable {
    public var id: String
    public var article: Article?
    public var reject: Reject?
    public var trace: Trace
    /// The JSON Lines record (a reject record when `reject` is set).
    public var record: JSONValue

    public var isRejected: Bool { reject != nil }
}
