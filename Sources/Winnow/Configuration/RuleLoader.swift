import Foundation
import WinnowHTML
import Yams

/// Reads rule files and checks everything before any page is processed: unknown keys, bad
/// selectors, bad patterns, bad dates, unknown categories, missing test pages. Every problem is
/// reported as `FILE:LINE:COLUMN: error: …`, and a folder with any problem loads nothing.
public enum RuleLoader {
    static let topKeys = ["about", "hosts", "content", "drop", "keep", "drop_text", "metadata", "normalize", "tests"]
    static let metadataKeys = ["title", "description", "authors", "published", "published_format", "section"]
    static let normalizeKeys = ["reference_date"]
    static let testKeys = ["page", "contains", "not_contains", "title", "description", "authors", "published", "language", "site"]

    /// Loads `*.yaml` files from each folder (or its `sites/` subfolder). A later folder's file
    /// replaces an earlier one of the same name. `required` folders must exist.
    public static func load(folders: [String], required: Bool) throws(RuleLoadFailure) -> RuleSet {
        var byName: [String: String] = [:]
        var order: [String] = []
        var errors: [RuleError] = []
        for folder in folders {
            let sites = (folder as NSString).appendingPathComponent("sites")
            var isDirectory: ObjCBool = false
            let directory: String
            if FileManager.default.fileExists(atPath: sites, isDirectory: &isDirectory), isDirectory.boolValue {
                directory = sites
            } else if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
                directory = folder
            } else {
                if required { errors.append(RuleError(file: folder, line: 1, column: 1, message: "no such rules folder")) }
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            for name in names {
                if byName[name] == nil { order.append(name) }
                byName[name] = (directory as NSString).appendingPathComponent(name)
            }
        }
        var rules: [SiteRule] = []
        for name in order {
            guard let path = byName[name] else { continue }
            switch loadFile(path) {
            case .success(let rule): rules.append(rule)
            case .failure(let failure): errors.append(contentsOf: failure.errors)
            }
        }
        guard errors.isEmpty else { throw RuleLoadFailure(errors: errors) }
        return RuleSet(rules: rules)
    }

    /// Tests whose page cannot be found, as errors (for `winnow rules check` and `rules test`).
    public static func missingTestPages(_ set: RuleSet) -> [RuleError] {
        set.rules.flatMap { rule in
            rule.tests.filter { !FileManager.default.fileExists(atPath: $0.page) }.map {
                RuleError(file: rule.file, line: $0.line, column: $0.pageColumn,
                          message: "no page at \($0.page) (looked beside the rule file, up to the repository root, and in the current folder)")
            }
        }
    }

    public static func loadFile(_ path: String) -> Result<SiteRule, RuleLoadFailure> {
        var context = Context(file: path)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .failure(RuleLoadFailure(errors: [RuleError(file: path, line: 1, column: 1, message: "cannot read the file as UTF-8")]))
        }
        let root: Yams.Node?
        do {
            // Every value is read as its text (`scalar.string`): the default resolver's regular
            // expressions would only tag plain scalars nobody asks the tag of.
            // (UTF-8 given: Yams' default encoding reads the process environment at each call.)
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(RuleLoadFailure(errors: [context.yamlError(error)]))
        } catch {
            return .failure(RuleLoadFailure(errors: [RuleError(file: path, line: 1, column: 1, message: "\(error)")]))
        }
        guard let root, case .mapping(let mapping) = root else {
            return .failure(RuleLoadFailure(errors: [RuleError(file: path, line: 1, column: 1, message: "a rule file is a mapping of keys (hosts, content, drop, …)")]))
        }
        var rule = SiteRule(file: path)
        for (keyNode, value) in mapping {
            guard let key = context.key(keyNode, allowed: topKeys) else { continue }
            switch key {
            case "about": rule.about = context.string(value, what: "about")
            case "hosts":
                for item in context.strings(value, what: "hosts") {
                    if let pattern = HostPattern(item.text) { rule.hosts.append(pattern) } else {
                        context.error(item.node, "\"\(item.text)\" is not a host pattern (example.com, .example.com, *.example.com)")
                    }
                }
            case "content": rule.content = context.selectors(value, what: "content")
            case "keep": rule.keep = context.selectors(value, what: "keep")
            case "drop":
                if case .sequence = value {
                    rule.drop = context.selectors(value, what: "drop").map { (.siteRule, $0) }
                } else {
                    for (category, node) in context.categories(value, what: "drop") {
                        rule.drop += context.selectors(node, what: "drop.\(category.rawValue)").map { (category, $0) }
                    }
                }
            case "drop_text":
                for (category, node) in context.categories(value, what: "drop_text") {
                    rule.dropText += context.patterns(node).map { (category, $0) }
                }
            case "metadata":
                guard case .mapping(let fields) = value else { context.error(value, "metadata is a mapping (title, authors, published, …)"); continue }
                for (fieldNode, fieldValue) in fields {
                    guard let field = context.key(fieldNode, allowed: metadataKeys) else { continue }
                    switch field {
                    case "title": rule.title = context.selectors(fieldValue, what: "metadata.title")
                    case "description": rule.description = context.selectors(fieldValue, what: "metadata.description")
                    case "authors": rule.authors = context.selectors(fieldValue, what: "metadata.authors")
                    case "published": rule.published = context.selectors(fieldValue, what: "metadata.published")
                    case "section": rule.section = context.selectors(fieldValue, what: "metadata.section")
                    default:
                        guard let format = context.string(fieldValue, what: "published_format") else { continue }
                        do { rule.publishedFormat = try SiteDateFormat(format) } catch {
                            context.error(fieldValue, "bad date format: \(error.message)", columnOffset: error.offset)
                        }
                    }
                }
            case "normalize":
                guard case .mapping(let options) = value else { context.error(value, "normalize is a mapping (reference_date)"); continue }
                for (optionNode, optionValue) in options {
                    guard context.key(optionNode, allowed: normalizeKeys) != nil else { continue }
                    guard let date = context.string(optionValue, what: "reference_date") else { continue }
                    if let parsed = DateParser.parse(date), parsed.hour == nil { rule.referenceDate = parsed.iso8601 } else {
                        context.error(optionValue, "reference_date must be a date like 2021-06-22, not \"\(date)\"")
                    }
                }
            default:
                rule.tests = context.tests(value, ruleFolder: (path as NSString).deletingLastPathComponent)
            }
        }
        if rule.hosts.isEmpty { context.error(root, "a rule file needs hosts: the hosts it applies to") }
        return context.errors.isEmpty ? .success(rule) : .failure(RuleLoadFailure(errors: context.errors))
    }

    /// Walks YAML nodes, collecting errors with their positions.
    struct Context {
        let file: String
        var errors: [RuleError] = []

        init(file: String) { self.file = file }

        mutating func error(_ node: Yams.Node, _ message: String, columnOffset: Int = 0) {
            let mark = node.mark
            errors.append(RuleError(file: file, line: mark?.line ?? 1, column: (mark?.column ?? 1) + columnOffset, message: message))
        }

        func yamlError(_ error: YamlError) -> RuleError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return RuleError(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
            default:
                return RuleError(file: file, line: 1, column: 1, message: "YAML: \(error)")
            }
        }

        mutating func key(_ node: Yams.Node, allowed: [String]) -> String? {
            guard let key = node.string, allowed.contains(key) else {
                error(node, "unknown key \"\(node.string ?? "?")\" (expected one of: \(allowed.joined(separator: ", ")))")
                return nil
            }
            return key
        }

        mutating func string(_ node: Yams.Node, what: String) -> String? {
            guard case .scalar(let scalar) = node else { error(node, "\(what) must be text"); return nil }
            return scalar.string
        }

        /// A single string or a list of strings.
        mutating func strings(_ node: Yams.Node, what: String) -> [(text: String, node: Yams.Node)] {
            switch node {
            case .scalar(let scalar): return [(scalar.string, node)]
            case .sequence(let items):
                return items.compactMap { item in
                    guard case .scalar(let scalar) = item else { error(item, "\(what) holds text items only"); return nil }
                    return (scalar.string, item)
                }
            default:
                error(node, "\(what) must be text or a list of text")
                return []
            }
        }

        mutating func selectors(_ node: Yams.Node, what: String) -> [SiteRule.Selector] {
            strings(node, what: what).compactMap { text, item in compile(text, at: item) }
        }

        mutating func compile(_ text: String, at node: Yams.Node) -> SiteRule.Selector? {
            let mark = node.mark
            let line = mark?.line ?? 1
            var column = mark?.column ?? 1
            if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted { column += 1 }
            if text.hasPrefix("xpath:") {
                let xpath = String(text.dropFirst(6)).trimmedASCII()
                do {
                    return SiteRule.Selector(source: text, expression: try XPathExpression(xpath), simple: nil, line: line, column: column)
                } catch {
                    errors.append(RuleError(file: file, line: line, column: column, message: "bad XPath \"\(xpath)\": \(error)"))
                    return nil
                }
            }
            do {
                let css = try CSSSelector(text)
                return SiteRule.Selector(source: text, expression: try XPathExpression(css.xpath), simple: SimpleSelector(text),
                                         line: line, column: column)
            } catch let failure as CSSSelectorError {
                column += failure.column - 1
                errors.append(RuleError(file: file, line: line, column: column, message: "bad CSS selector \"\(text)\": \(failure.message)"))
            } catch {
                errors.append(RuleError(file: file, line: line, column: column, message: "selector \"\(text)\": \(error)"))
            }
            return nil
        }

        mutating func categories(_ node: Yams.Node, what: String) -> [(BoilerplateCategory, Yams.Node)] {
            guard case .mapping(let mapping) = node else {
                error(node, "\(what) is a mapping from a category (navigation, paywall, …) to selectors")
                return []
            }
            let names = BoilerplateCategory.allCases.filter { $0 != .outsideContent }.map(\.rawValue)
            return mapping.compactMap { keyNode, value in
                guard let name = keyNode.string, let category = BoilerplateCategory(rawValue: name), category != .outsideContent else {
                    error(keyNode, "unknown category \"\(keyNode.string ?? "?")\" (expected one of: \(names.joined(separator: ", ")))")
                    return nil
                }
                return (category, value)
            }
        }

        mutating func patterns(_ node: Yams.Node) -> [SiteRule.TextPattern] {
            strings(node, what: "drop_text").compactMap { text, item in
                let line = item.mark?.line ?? 1
                if text.hasPrefix("regex:") {
                    let source = String(text.dropFirst(6)).trimmedASCII()
                    do {
                        let regex = try NSRegularExpression(pattern: source, options: [.caseInsensitive])
                        return SiteRule.TextPattern(source: text, regex: regex, lowercased: "", line: line)
                    } catch {
                        self.error(item, "bad regular expression \"\(source)\"")
                        return nil
                    }
                }
                guard !text.trimmedASCII().isEmpty else { self.error(item, "an empty pattern would match every block"); return nil }
                return SiteRule.TextPattern(source: text, regex: nil, lowercased: text.lowercased(), line: line)
            }
        }

        mutating func tests(_ node: Yams.Node, ruleFolder: String) -> [SiteRule.Test] {
            guard case .sequence(let items) = node else { error(node, "tests is a list of {page, contains, not_contains, …}"); return [] }
            var tests: [SiteRule.Test] = []
            var pageNodes: [Int: Yams.Node] = [:]
            for item in items {
                guard case .mapping(let fields) = item else { error(item, "a test is a mapping with page:"); continue }
                var page: String?
                var contains: [String] = [], notContains: [String] = [], expected: [(String, String)] = []
                for (keyNode, value) in fields {
                    guard let key = key(keyNode, allowed: RuleLoader.testKeys) else { continue }
                    switch key {
                    case "page":
                        guard let path = string(value, what: "page") else { continue }
                        // Beside the rule file, then up to the repository root (config/sites/ → ../..),
                        // then as given. A missing page is reported by `winnow rules check`, not here:
                        // cleaning pages must not depend on where the tests' pages are.
                        let candidates = [ruleFolder, ruleFolder + "/..", ruleFolder + "/../.."].map { ($0 as NSString).appendingPathComponent(path) } + [path]
                        page = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }).map { ($0 as NSString).standardizingPath }
                            ?? path
                        pageNodes[tests.count] = value
                    case "contains": contains = strings(value, what: "contains").map(\.text)
                    case "not_contains": notContains = strings(value, what: "not_contains").map(\.text)
                    case "published":
                        guard let date = string(value, what: "published") else { continue }
                        if DateParser.parse(date) == nil { error(value, "published must be an ISO 8601 date, not \"\(date)\"") }
                        expected.append((key, date))
                    case "authors":
                        expected.append((key, strings(value, what: "authors").map(\.text).joined(separator: "; ")))
                    default:
                        if let text = string(value, what: key) { expected.append((key, text)) }
                    }
                }
                guard let page else {
                    if !fields.keys.contains(where: { $0.string == "page" }) { error(item, "a test needs page:") }
                    continue
                }
                let column = pageNodes[tests.count]?.mark?.column ?? 1
                tests.append(SiteRule.Test(page: page, contains: contains, notContains: notContains, expected: expected,
                                           line: item.mark?.line ?? 1, pageColumn: column))
            }
            return tests
        }
    }
}
