import WinnowHTML

/// Stage 3 (between parse and strip): finds the site rule for the page's host and evaluates its
/// selectors once on the document. The result tells strip what to drop and keep, extract where
/// the content is and where the metadata is. Rules win where they speak; where they are silent
/// the heuristics run as usual.
public struct ApplySiteRules: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    func run(_ page: ParsedPage, baseURL: String?) -> SiteMatch? {
        guard !rules.rules.isEmpty, let url = PageURL.find(in: page.document, baseURL: baseURL),
            let host = ExtractMetadata.host(url), let rule = rules.rule(forHost: host)
        else { return nil }
        var match = SiteMatch(rule: rule)
        let matches = SelectorMatches(rule: rule, document: page.document)
        for selector in rule.content {
            let nodes = matches.nodes(selector)
            if !nodes.isEmpty {
                match.content = nodes
                match.contentSelector = selector
                break
            }
        }
        for (category, selector) in rule.drop {
            for node in matches.nodes(selector) { match.drops.append((node, category, Self.reason(rule, "drop", selector))) }
        }
        // What the rule names as metadata is metadata, not body: it is read (by SiteMetadata)
        // and dropped from the text.
        let metadataDrops: [(String, [SiteRule.Selector], BoilerplateCategory)] = [
            ("metadata.authors", rule.authors, .credit), ("metadata.published", rule.published, .credit),
            ("metadata.section", rule.section, .navigation), ("metadata.title", rule.title, .siteRule),
            ("metadata.description", rule.description, .siteRule),
        ]
        for (key, selectors, category) in metadataDrops {
            for selector in selectors {
                for node in matches.nodes(selector) where node.tag != .meta {
                    match.drops.append((node, category, Self.reason(rule, key, selector)))
                }
            }
        }
        for selector in rule.keep {
            match.keeps.append(contentsOf: matches.nodes(selector).map { ($0, Self.reason(rule, "keep", selector)) })
        }
        match.matches = matches
        return match
    }

    static func reason(_ rule: SiteRule, _ key: String, _ selector: SiteRule.Selector) -> String {
        "site rule \(rule.file):\(selector.line) \(key) \"\(selector.source)\""
    }
}

/// What a site rule says about one page.
struct SiteMatch {
    let rule: SiteRule
    var content: [WinnowHTML.Node] = []
    var contentSelector: SiteRule.Selector?
    var drops: [(node: WinnowHTML.Node, category: BoilerplateCategory, reason: String)] = []
    var keeps: [(node: WinnowHTML.Node, reason: String)] = []
    /// Every selector's elements, found once per page (SiteMetadata reads them too).
    var matches: SelectorMatches?
}

/// The elements each selector of a rule selects on one page. Simple selectors are matched
/// natively in one walk for all of them; the others are evaluated as XPath with one context.
struct SelectorMatches {
    private var bySource: [String: [WinnowHTML.Node]] = [:]

    init(rule: SiteRule, document: HTMLDocument) {
        let all = rule.content + rule.drop.map(\.selector) + rule.keep + rule.title + rule.description + rule.authors
            + rule.published + rule.section
        var simple: [(String, SimpleSelector)] = []
        var seen = Set<String>()
        let evaluator = try? XPathEvaluator(document: document)
        for selector in all where seen.insert(selector.source).inserted {
            if let native = selector.simple {
                simple.append((selector.source, native))
                bySource[selector.source] = []
            } else {
                bySource[selector.source] = selector.nodes(in: document, using: evaluator).filter(\.isElement)
            }
        }
        guard !simple.isEmpty, let root = document.rootElement else { return }
        // One walk, in document order, tests every simple selector on every element.
        for (source, native) in simple where native.matches(root) { bySource[source, default: []].append(root) }
        var walker = TreeWalker(root: root)
        while let node = walker.next() {
            guard node.isElement else { continue }
            for (source, native) in simple where native.matches(node) { bySource[source, default: []].append(node) }
        }
    }

    func nodes(_ selector: SiteRule.Selector) -> [WinnowHTML.Node] { bySource[selector.source] ?? [] }
}

/// The page's URL before metadata extraction: `<link rel=canonical>`, `og:url`, else the base URL.
enum PageURL {
    static func find(in document: HTMLDocument, baseURL: String?) -> String? {
        var canonical: String?
        var openGraph: String?
        if let head = document.head {
            for node in head.children where node.isElement {
                switch node.tag {
                case .link:
                    if canonical == nil, node.attribute("rel")?.lowercased().split(separator: " ").contains("canonical") == true {
                        canonical = node.attribute("href")
                    }
                case .meta:
                    if openGraph == nil, node.attribute("property")?.lowercased() == "og:url" { openGraph = node.attribute("content") }
                default:
                    continue
                }
            }
        }
        return [canonical, openGraph].compactMap { $0?.trimmedASCII() }.first(where: ExtractMetadata.isAbsoluteURL) ?? baseURL
    }
}
