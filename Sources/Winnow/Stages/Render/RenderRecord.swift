import WinnowIO

/// Stage 7: the JSON Lines record, schema 1 (`docs/schema.md`). Keys come in a fixed order;
/// fields that are unknown are absent, never empty strings.
public struct RenderRecord: Sendable {
    public static let schemaVersion = 1

    public init() {}

    /// The record as one line of JSON (no line break). `meta` holds the container's
    /// passed-through fields, written under `meta` before `source`.
    public func run(_ article: Article, page: DecodedPage, trace: Trace, options: PipelineOptions,
                    meta: [(String, JSONValue)] = []) -> [UInt8] {
        var json = JSONWriter(capacity: 1024 + article.blocks.reduce(0) { $0 + $1.text.utf8.count } * 2)
        json.beginObject()
        json.field("schema", Self.schemaVersion)
        json.field("id", page.id)
        json.field("url", optional: article.url)
        json.field("site", optional: article.site)
        json.field("status", "ok")
        json.field("title", optional: article.title)
        json.field("description", optional: article.description)
        if !article.authors.isEmpty { json.field("authors", strings: article.authors) }
        if !article.credits.isEmpty { json.field("credits", strings: article.credits) }
        json.field("published", optional: article.published)
        json.field("published_from", optional: article.publishedFrom)
        json.field("modified", optional: article.modified)
        json.field("language", optional: article.language)
        json.field("section", optional: article.section)
        if options.includeBlocks, article.rewrittenText == nil {
            // The text is the body blocks' texts joined (`Block.bodyText`): each is escaped
            // once, into `text`, and its block copies those bytes.
            json.key("text")
            json.beginString()
            var escapedText = [Range<Int>](repeating: 0..<0, count: article.blocks.count)
            var first = true
            for index in article.blocks.indices where article.blocks[index].isBody {
                if !first { json.appendVerbatim("\\n\\n") }
                first = false
                escapedText[index] = json.appendEscaped(article.blocks[index].text)
            }
            json.endString()
            json.key("blocks")
            json.beginArray()
            for index in article.blocks.indices {
                Self.write(article.blocks[index], escapedText: article.blocks[index].isBody ? escapedText[index] : nil, to: &json)
            }
            json.endArray()
        } else {
            json.field("text", article.recordText)
            if options.includeBlocks { Self.list("blocks", article.blocks, to: &json, Self.write) }
        }
        if !article.comments.isEmpty { Self.list("comments", article.comments, to: &json, Self.write) }
        if !article.dates.isEmpty { Self.list("dates", article.dates, to: &json, Self.write) }
        if !article.entities.isEmpty { Self.list("entities", article.entities, to: &json, Self.write) }
        let removed = trace.removedCounts
        if !removed.isEmpty {
            json.key("removed")
            json.beginObject()
            for (category, count) in removed {
                json.key(dynamic: category.rawValue)
                json.int(count)
            }
            json.endObject()
        }
        if !trace.repairs.isEmpty {
            json.key("repairs")
            json.beginObject()
            for (name, count) in trace.repairs.sorted(by: { $0.key < $1.key }) {
                json.key(dynamic: name)
                json.int(count)
            }
            json.endObject()
        }
        if !article.rules.isEmpty { json.field("rules", strings: article.rules) }
        json.field("fetched_at", optional: page.fetchedAt)
        Self.write(meta: meta, to: &json)
        json.key("source")
        Self.write(source: page, to: &json)
        json.endObject()
        return json.bytes
    }

    /// The record of a page that produced no article, as one line of JSON.
    /// `url` is the container's (JSON Lines field, WARC target URI), so a reject can be fetched again.
    public func reject(id: String, url: String? = nil, reject: Reject, sourceBytes: Int) -> [UInt8] {
        var json = JSONWriter(capacity: 256)
        json.beginObject()
        json.field("schema", Self.schemaVersion)
        json.field("id", id)
        json.field("url", optional: url)
        json.field("status", "rejected")
        json.field("stage", reject.stage.rawValue)
        json.field("reason", reject.reason)
        json.key("source")
        json.beginObject()
        json.field("bytes", sourceBytes)
        json.endObject()
        json.endObject()
        return json.bytes
    }

    private static func write(meta: [(String, JSONValue)], to json: inout JSONWriter) {
        guard !meta.isEmpty else { return }
        json.key("meta")
        json.value(.object(meta))
    }

    private static func list<Item>(_ name: StaticString, _ items: [Item], to json: inout JSONWriter, _ write: (Item, inout JSONWriter) -> Void) {
        json.key(name)
        json.beginArray()
        for item in items { write(item, &json) }
        json.endArray()
    }

    static func write(_ block: Block, to json: inout JSONWriter) {
        write(block, escapedText: nil, to: &json)
    }

    /// A block; `escapedText`: where the writer wrote its text, escaped, before (the record's
    /// `text`), to copy instead of escaping it again.
    static func write(_ block: Block, escapedText: Range<Int>?, to json: inout JSONWriter) {
        json.beginObject()
        json.field("kind", block.kind.rawValue)
        if let level = block.level { json.field("level", level) }
        json.key("text")
        if let escapedText { json.string(copyingOutput: escapedText) } else { json.string(block.text) }
        if let items = block.items {
            if items.first?.ordered == true {
                json.key("ordered")
                json.bool(true)
            }
            json.key("items")
            json.beginArray()
            for item in items {
                json.beginObject()
                json.field("text", item.text)
                json.field("depth", item.depth)
                json.endObject()
            }
            json.endArray()
        }
        if let rows = block.rows {
            json.key("rows")
            json.beginArray()
            for row in rows {
                json.beginArray()
                for cell in row { json.string(cell) }
                json.endArray()
            }
            json.endArray()
        }
        json.endObject()
    }

    static func write(_ mention: DateMention, to json: inout JSONWriter) {
        json.beginObject()
        json.field("text", mention.text)
        json.field("value", optional: mention.value)
        json.field("start", mention.start)
        json.field("end", mention.end)
        json.field("kind", mention.kind)
        json.endObject()
    }

    static func write(_ entity: NameEntity, to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", optional: entity.id)
        json.field("name", entity.name)
        json.field("kind", entity.kind)
        json.key("mentions")
        json.beginArray()
        for mention in entity.mentions {
            json.beginObject()
            json.field("text", mention.text)
            json.field("start", mention.start)
            json.field("end", mention.end)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    static func write(_ comment: Comment, to json: inout JSONWriter) {
        json.beginObject()
        json.field("author", optional: comment.author)
        json.field("date", optional: comment.date)
        json.field("text", comment.text)
        json.endObject()
    }

    static func write(source page: DecodedPage, to json: inout JSONWriter) {
        json.beginObject()
        json.field("format", page.format.rawValue)
        json.field("container", page.container)
        json.field("url", optional: page.containerURL)
        json.field("bytes", page.sourceBytes)
        json.field("charset", page.charset)
        json.field("charset_from", page.charsetFrom)
        json.field("sha256", page.sha256)
        json.endObject()
    }
}

extension Article {
    /// The record's `text`: the body as rewritten when asked (`--rewrite-names`,
    /// `--rewrite-dates`), else the body blocks' text.
    public var recordText: String { rewrittenText ?? bodyText ?? Block.bodyText(blocks) }
}
