import WinnowHTML
import WinnowIO

/// Reads schema.org metadata from `<script type="application/ld+json">` blocks: arrays,
/// `@graph` lists and nested objects are searched for the article object (NewsArticle,
/// Article, BlogPosting and their kin), whose fields outrank meta tags.
struct JSONLinkedData {
    var headline: String?
    var description: String?
    var authors: [String] = []
    var datePublished: String?
    var dateModified: String?
    var language: String?
    var url: String?
    var siteName: String?
    /// The article's own text, when the page publishes it (a length hint, never the output).
    var articleBody: String?

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "socialmediaposting",
        "liveblogposting", "posting", "report", "webpage",
    ]

    init(scripts: [String]) {
        // WinnowIO's parser: Foundation's JSONSerialization bridged every value through Any.
        var candidates: [JSONValue] = []
        for script in scripts {
            guard let value = try? JSONParser.parse(Self.cleanedJSON(script), allowingTrailingCommas: true) else { continue }
            Self.collectObjects(value, into: &candidates)
        }
        // Prefer a real article type over WebPage.
        let ranked = candidates.filter { Self.types(of: $0).contains { Self.articleTypes.contains($0) } }
            .sorted { Self.types(of: $0).contains("webpage") ? false : Self.types(of: $1).contains("webpage") }
        guard let article = ranked.first else {
            siteName = candidates.first { Self.types(of: $0).contains("website") }.flatMap { Self.string(Self.member($0, "name")) }
            return
        }
        headline = Self.string(Self.member(article, "headline")) ?? Self.string(Self.member(article, "name"))
        description = Self.string(Self.member(article, "description"))
        authors = Self.names(Self.member(article, "author")) + Self.names(Self.member(article, "creator"))
        datePublished = Self.string(Self.member(article, "datePublished")) ?? Self.string(Self.member(article, "dateCreated"))
        dateModified = Self.string(Self.member(article, "dateModified"))
        language = Self.string(Self.member(article, "inLanguage"))
        let mainEntity = Self.member(article, "mainEntityOfPage")
        url = Self.string(Self.member(article, "url"))
            ?? mainEntity.flatMap { Self.isObject($0) ? Self.string(Self.member($0, "@id")) : nil }
            ?? Self.string(mainEntity)
        siteName = Self.member(article, "publisher").flatMap { Self.isObject($0) ? Self.string(Self.member($0, "name")) : nil }
        articleBody = Self.string(Self.member(article, "articleBody"))
    }

    /// An object's member; when a key repeats, the last one wins (as in a dictionary).
    private static func member(_ value: JSONValue, _ key: String) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        return members.last { $0.0 == key }?.1
    }

    private static func isObject(_ value: JSONValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    private static func collectObjects(_ value: JSONValue, into objects: inout [JSONValue]) {
        var pending: [JSONValue] = [value]
        while let current = pending.popLast() {
            switch current {
            case .array(let array):
                pending.append(contentsOf: array.reversed())
            case .object:
                objects.append(current)
                if let graph = member(current, "@graph") { pending.append(graph) }
                if let main = member(current, "mainEntity"), isObject(main) { pending.append(main) }
            default:
                break
            }
        }
    }

    private static func types(of object: JSONValue) -> [String] {
        switch member(object, "@type") {
        case .string(let type): return [type.lowercased()]
        case .array(let types): return types.compactMap { $0.stringValue?.lowercased() }
        default: return []
        }
    }

    private static func string(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text):
            // Some sites escape HTML inside JSON strings (&#8217;, &quot;): decode it here.
            let decoded = RepairEntities.repair(text)?.text ?? text
            let trimmed = decoded.trimmedASCII()
            return trimmed.isEmpty ? nil : trimmed
        case .array(let array):
            return array.lazy.compactMap { string($0) }.first
        default:
            return nil
        }
    }

    private static func names(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .object?: return string(member(value!, "name")).map { [$0] } ?? []
        case .array(let array): return array.flatMap { names($0) }
        default: return []
        }
    }

    /// Some sites wrap JSON-LD in HTML comments or CDATA markers, or leave raw control
    /// characters in strings (invalid JSON); works on bytes, as scripts can be large.
    private static func cleanedJSON(_ script: String) -> String {
        var bytes = Array(script.utf8)
        func trim() {
            while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
            let leading = bytes.prefix { $0 <= 0x20 }.count
            if leading > 0 { bytes.removeFirst(leading) }
        }
        trim()
        for (prefix, suffix) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
            if bytes.starts(with: prefix.utf8), bytes.reversed().starts(with: suffix.utf8.reversed()) {
                bytes = Array(bytes[prefix.utf8.count..<(bytes.count - suffix.utf8.count)])
                trim()
            }
        }
        for index in bytes.indices where bytes[index] < 0x20 && bytes[index] != 0x0A { bytes[index] = 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
