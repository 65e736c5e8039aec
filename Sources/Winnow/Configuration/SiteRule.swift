import Foundation
import WinnowHTML

/// One site's rules, loaded from `config/sites/<domain>.yaml` and compiled once per run.
/// Site rules win over the heuristics where they speak; the heuristics still run where they
/// are silent. See docs/site-rules.md.
public struct SiteRule: @unchecked Sendable {
    /// A compiled selector with where it was written.
    public struct Selector: @unchecked Sendable {
        public let source: String
        let expression: XPathExpression
        /// The native form, when the selector is one compound (most rule selectors are).
        let simple: SimpleSelector?
        public let line: Int
        public let column: Int

        func nodes(in document: HTMLDocument, using evaluator: XPathEvaluator? = nil) -> [WinnowHTML.Node] {
            if let evaluator { return (try? expression.nodes(from: document.documentNode, using: evaluator)) ?? [] }
            return (try? expression.nodes(from: document.documentNode)) ?? []
        }
    }

    /// Text that marks a block as boilerplate: a case-insensitive substring, or a regular
    /// expression when written `regex:…`.
    public struct TextPattern: @unchecked Sendable {
        public let source: String
        let regex: NSRegularExpression?
        let lowercased: String
        public let line: Int

        func matches(_ text: String) -> Bool {
            if let regex { return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil }
            return text.lowercased().contains(lowercased)
        }
    }

    /// A page the rule must handle, with what its record must and must not hold.
    public struct Test: Sendable {
        public let page: String
        public let contains: [String]
        public let notContains: [String]
        /// Expected record fields (title, description, published, language, site, authors as "A; B").
        public let expected: [(field: String, value: String)]
        public let line: Int
        public let pageColumn: Int
    }

    public var file: String
    public var about: String?
    public var hosts: [HostPattern] = []
    public var content: [Selector] = []
    public var drop: [(category: BoilerplateCategory, selector: Selector)] = []
    public var keep: [Selector] = []
    public var dropText: [(category: BoilerplateCategory, pattern: TextPattern)] = []
    public var title: [Selector] = []
    public var description: [Selector] = []
    public var authors: [Selector] = []
    public var published: [Selector] = []
    public var publishedFormat: SiteDateFormat?
    public var section: [Selector] = []
    public var referenceDate: String?
    public var tests: [Test] = []

    /// Every selector's source text (what `UnreadAttributes` reads attribute names from).
    public var selectorSources: [String] {
        (content + drop.map(\.selector) + keep + title + description + authors + published + section).map(\.source)
    }

    /// Selectors in the file, for reports.
    public var selectorCount: Int {
        content.count + drop.count + keep.count + title.count + description.count + authors.count + published.count + section.count
    }

    func specificity(for host: String) -> Int? {
        hosts.filter { $0.matches(host) }.map(\.specificity).max()
    }
}

/// The site rules of a run: every file of the rules folders, later folders overriding earlier
/// ones file by file.
public struct RuleSet: Sendable {
    public var rules: [SiteRule]

    public init(rules: [SiteRule] = []) { self.rules = rules }

    /// The rule for a host: the most specific host pattern wins, then the later file.
    public func rule(forHost host: String) -> SiteRule? {
        var best: (rule: SiteRule, specificity: Int)?
        for rule in rules {
            guard let specificity = rule.specificity(for: host) else { continue }
            if best == nil || specificity >= best!.specificity { best = (rule, specificity) }
        }
        return best?.rule
    }
}
