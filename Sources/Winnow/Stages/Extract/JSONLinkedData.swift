import Foundation
import WinnowHTML

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
        var candidates: [[String: Any]] = []
        for script in scripts {
            guard let data = Self.cleanedJSON(script).data(using: .utf8),
                let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            Self.collectObjects(value, into: &candidates)
        }
        // Prefer a real article type over WebPage.
        let ranked = candidates.filter { Self.types(of: $0).contains { Self.articleTypes.contains($0) } }
            .sorted { Self.types(of: $0).contains("webpage") ? false : Self.types(of: $1).contains("webpage") }
        guard let article = ranked.first else {
            siteName = candidates.first { Self.types(of: $0).contains("website") }.flatMap { Self.string($0["name"]) }
            return
        }
        headline = Self.string(article["headline"]) ?? Self.string(article["name"])
        description = Self.string(article["description"])
        authors = Self.names(article["author"]) + Self.names(article["creator"])
        datePublished = Self.string(article["datePublished"]) ?? Self.string(article["dateCreated"])
        dateModified = Self.string(article["dateModified"])
        language = Self.string(article["inLanguage"])
        url = Self.string(article["url"]) ?? (article["mainEntityOfPage"] as? [String: Any]).flatMap { Self.string($0["@id"]) }
            ?? Self.string(article["mainEntityOfPage"])
        siteName = (article["publisher"] as? [String: Any]).flatMap { Self.string($0["name"]) }
        articleBody = Self.string(article["articleBody"])
    }

    private static func collectObjects(_ value: Any, into objects: inout [[String: Any]]) {
        var pending: [Any] = [value]
        while let current = pending.popLast() {
            if let array = current as? [Any] {
                pending.append(contentsOf: array.reversed())
            } else if let object = current as? [String: Any] {
                objects.append(object)
                if let graph = object["@graph"] { pending.append(graph) }
                if let main = object["mainEntity"] as? [String: Any] { pending.append(main) }
            }
        }
    }

    private static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [Any] { return types.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    private static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            // Some sites escape HTML inside JSON strings (&#8217;, &quot;): decode it here.
            let decoded = RepairEntities.repair(text)?.text ?? text
            let trimmed = decoded.trimmedASCII()
            return trimmed.isEmpty ? nil : trimmed
        }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        return nil
    }

    private static func names(_ value: Any?) -> [String] {
        switch value {
        case let text as String: return [text]
        case let object as [String: Any]: return string(object["name"]).map { [$0] } ?? []
        case let array as [Any]: return array.flatMap { names($0) }
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
