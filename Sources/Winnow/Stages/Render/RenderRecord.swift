import WinnowIO

/// Stage 7: the JSON Lines record, schema 1 (`docs/schema.md`). Keys come in a fixed order;
/// fields that are unknown are absent, never empty strings.
public struct RenderRecord: Sendable {
    public static let schemaVersion = 1

    public init() {}

    public func run(_ article: Article, page: DecodedPage, trace: Trace, options: PipelineOptions) -> JSONValue {
        var fields: [(String, JSONValue)] = [("schema", .int(Self.schemaVersion)), ("id", .string(page.id))]
        fields.append(optional: "url", article.url)
        fields.append(optional: "site", article.site)
        fields.append(("status", .string("ok")))
        fields.append(optional: "title", article.title)
        fields.append(optional: "description", article.description)
        if !article.authors.isEmpty { fields.append(("authors", .array(article.authors.map(JSONValue.string)))) }
        if !article.credits.isEmpty { fields.append(("credits", .array(article.credits.map(JSONValue.string)))) }
        fields.append(optional: "published", article.published)
        fields.append(optional: "published_from", article.publishedFrom)
        fields.append(optional: "modified", article.modified)
        fields.append(optional: "language", article.language)
        fields.append(optional: "section", article.section)
        fields.append(("text", .string(article.rewrittenText ?? Block.bodyText(article.blocks))))
        if options.includeBlocks { fields.append(("blocks", .array(article.blocks.map(Self.render)))) }
        if !article.comments.isEmpty { fields.append(("comments", .array(article.comments.map(Self.render)))) }
        if !article.dates.isEmpty { fields.append(("dates", .array(article.dates.map(Self.render)))) }
        if !article.entities.isEmpty { fields.append(("entities", .array(article.entities.map(Self.render)))) }
        let removed = trace.removedCounts
        if !removed.isEmpty { fields.append(("removed", .object(removed.map { ($0.0.rawValue, .int($0.1)) }))) }
        if !trace.repairs.isEmpty {
            fields.append(("repairs", .object(trace.repairs.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })))
        }
        if !article.rules.isEmpty { fields.append(("rules", .array(article.rules.map(JSONValue.string)))) }
        fields.append(optional: "fetched_at", page.fetchedAt)
        fields.append(("source", Self.source(page)))
        return .object(fields)
    }

    /// The record with the container's passed-through fields under `meta`, before `source`.
    public static func adding(meta: [(String, JSONValue)], to record: JSONValue) -> JSONValue {
        guard case .object(var fields) = record else { return record }
        let at = fields.firstIndex { $0.0 == "source" } ?? fields.count
        fields.insert(("meta", .object(meta)), at: at)
        return .object(fields)
    }

    /// The record of a page that produced no article.
    /// `url` is the container's (JSON Lines field, WARC target URI), so a reject can be fetched again.
    public func reject(id: String, url: String? = nil, reject: Reject, sourceBytes: Int) -> JSONValue {
        var fields: [(String, JSONValue)] = [("schema", .int(Self.schemaVersion)), ("id", .string(id))]
        fields.append(optional: "url", url)
        fields += [
            ("status", .string("rejected")), ("stage", .string(reject.stage.rawValue)), ("reason", .string(reject.reason)),
            ("source", .object([("bytes", .int(sourceBytes))])),
        ]
        return .object(fields)
    }

    static func render(_ block: Block) -> JSONValue {
        var fields: [(String, JSONValue)] = [("kind", .string(block.kind.rawValue))]
        if let level = block.level { fields.append(("level", .int(level))) }
        fields.append(("text", .string(block.text)))
        if let items = block.items {
            if items.first?.ordered == true { fields.append(("ordered", .bool(true))) }
            fields.append(("items", .array(items.map { .object([("text", .string($0.text)), ("depth", .int($0.depth))]) })))
        }
        if let rows = block.rows { fields.append(("rows", .array(rows.map { .array($0.map(JSONValue.string)) }))) }
        return .object(fields)
    }

    static func render(_ mention: DateMention) -> JSONValue {
        var fields: [(String, JSONValue)] = [("text", .string(mention.text))]
        fields.append(optional: "value", mention.value)
        fields += [("start", .int(mention.start)), ("end", .int(mention.end)), ("kind", .string(mention.kind))]
        return .object(fields)
    }

    static func render(_ entity: NameEntity) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        fields.append(optional: "id", entity.id)
        fields += [("name", .string(entity.name)), ("kind", .string(entity.kind))]
        fields.append(("mentions", .array(entity.mentions.map {
            .object([("text", .string($0.text)), ("start", .int($0.start)), ("end", .int($0.end))])
        })))
        return .object(fields)
    }

    static func render(_ comment: Comment) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        fields.append(optional: "author", comment.author)
        fields.append(optional: "date", comment.date)
        fields.append(("text", .string(comment.text)))
        return .object(fields)
    }

    static func source(_ page: DecodedPage) -> JSONValue {
        var fields: [(String, JSONValue)] = [("format", .string(page.format.rawValue)), ("container", .string(page.container))]
        fields.append(optional: "url", page.containerURL)
        fields += [
            ("bytes", .int(page.sourceBytes)), ("charset", .string(page.charset)), ("charset_from", .string(page.charsetFrom)),
            ("sha256", .string(page.sha256)),
        ]
        return .object(fields)
    }
}

extension Array where Element == (String, JSONValue) {
    mutating func append(optional key: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        append((key, .string(value)))
    }
}
