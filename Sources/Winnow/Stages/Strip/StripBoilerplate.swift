import WinnowHTML

/// Stage 4: marks page furniture as removed, with a category and the rule that decided.
/// Nothing is deleted from the tree; removed elements carry their decision in the page index
/// and every later step skips them.
///
/// Rules, in order, for each element not already inside a removed one:
///  1. tags that are furniture by definition (`nav`, `aside`, page-level `header`/`footer`,
///     forms, buttons, inline SVG text);
///  2. hidden elements (`hidden`, `aria-hidden="true"`, inline `display:none`);
///  3. ARIA roles (`navigation`, `banner`, `complementary`…);
///  4. class and id tokens from `BoilerplateVocabulary`.
/// An element is protected from all four when it holds the page's `h1`, or most of the page's
/// text with few links (a wrapper named `page-with-sidebar` is not a sidebar), except that
/// comment threads are never protected by size.
/// Emits: navigation, paywall, sponsor, comments, related, share, newsletter, consent, widget,
/// credit, hidden, markup.
public struct StripBoilerplate: Sendable {
    /// How much strip trusts markup names. The pipeline starts strict and relaxes one step when
    /// the strict pass leaves too little (the way Readability retries with a flag turned off).
    public enum Strictness: String, Sendable, CaseIterable {
        /// Tags, hidden elements, ARIA roles and class/id tokens.
        case full
        /// Tags, hidden elements and strong class/id tokens (related, comments, share, sponsor,
        /// paywall, newsletter, consent); weak ones (widget, navigation, credit) and roles are
        /// ignored: they are the names that wrap whole articles by mistake.
        case strongNames
        /// As `strongNames`, and hidden elements are read too (pages that reveal their article
        /// with a script).
        case lenient
    }

    public var strictness: Strictness

    public init(strictness: Strictness = .full) {
        self.strictness = strictness
    }

    func run(_ page: ParsedPage, site: SiteMatch? = nil, trace: inout Trace) -> StrippedPage {
        var index = PageIndex(document: page.document)
        index.recordsRemovalDetails = trace.recordsRemovalDetails
        // Site rules first: their drops are decisions; their keeps (with the ancestors and
        // descendants of a kept element) are out of the heuristics' reach.
        var siteDrops: [Int: (BoilerplateCategory, String)] = [:]
        var kept: [Int: String] = [:]
        if let site {
            for (node, category, reason) in site.drops {
                if let position = index.entryIndex(of: node), siteDrops[position] == nil { siteDrops[position] = (category, reason) }
            }
            for (node, reason) in site.keeps {
                guard let position = index.entryIndex(of: node) else { continue }
                var ancestor = position
                while ancestor >= 0, kept[ancestor] == nil || ancestor == position {
                    kept[ancestor] = reason
                    ancestor = Int(index.elements[ancestor].parent)
                }
                var walker = TreeWalker(root: node)
                while let descendant = walker.next() {
                    if let inside = index.entryIndex(of: descendant) { kept[inside] = reason }
                }
                siteDrops[position] = nil
            }
        }
        let bodyIndex = index.body.flatMap(index.entryIndex(of:)) ?? 0
        let pageText = max(1, Int(index.elements.isEmpty ? 0 : index.elements[bodyIndex].text))
        var removals: [Removal] = []
        var tokens = ClassTokenScan()

        for position in index.elements.indices {
            let element = index.elements[position]
            let parent = Int(element.parent)
            if parent >= 0, index.elements[parent].removal >= 0 || index.elements[parent].flags.contains(.insideRemoved) {
                index.elements[position].flags.insert(.insideRemoved)
                continue
            }
            if element.tag == .html || element.tag == .body || element.tag == .head { continue }
            if let (category, reason) = siteDrops[position] {
                index.elements[position].removal = Int32(removals.count)
                let node = index.node(element)
                removals.append(Removal(
                    category: category, reason: reason, stage: "siteRules", element: index.describe(node),
                    line: node.line, excerpt: index.excerpt(of: node), order: position))
                continue
            }
            if kept[position] != nil { continue }
            if element.flags.contains(.invisible) && element.tag != .svg { continue }
            guard let (category, reason) = decide(element, in: index, tokens: &tokens) else { continue }
            if isProtected(element, category: category, reason: reason, pageText: pageText) { continue }
            if category == .paywall, Self.isGatedArticle(element, commas: index.totalCommas[position]) { continue }
            // Elements without visible text need no recorded decision (an empty ad slot).
            if element.text == 0 && category != .comments { continue }
            index.elements[position].removal = Int32(removals.count)
            let node = index.node(element)
            removals.append(Removal(
                category: category, reason: reason, stage: "strip", element: index.describe(node),
                line: node.line, excerpt: index.excerpt(of: node), order: position))
        }
        index.accumulate()
        trace.removals.append(contentsOf: removals)
        return StrippedPage(parsed: page, index: index, site: site, kept: kept)
    }

    private func decide(_ element: PageIndex.Element, in currentIndex: PageIndex, tokens: inout ClassTokenScan) -> (BoilerplateCategory, String)? {
        let node = currentIndex.node(element)
        switch element.tag {
        case .nav: return (.navigation, "tag <nav>")
        case .svg: return (.markup, "inline <svg> text (icon titles)")
        case .button: return (.widget, "tag <button>")
        case .dialog: return (category(of: node, tokens: &tokens)?.0 ?? .widget, "tag <dialog>")
        case .header where !element.flags.contains(.insideArticle):
            return (.navigation, "page-level <header>")
        case .footer:
            return (category(of: node, tokens: &tokens)?.0 ?? .navigation, "tag <footer>")
        case .aside:
            return (category(of: node, tokens: &tokens)?.0 ?? .widget, "tag <aside>")
        case .form:
            return (category(of: node, tokens: &tokens)?.0 ?? .widget, "tag <form>")
        default:
            break
        }
        if strictness != .lenient {
            if node.hasAttribute("hidden") { return (.hidden, "attribute hidden") }
            if node.withAttributeBytes("aria-hidden", { PageIndex.containsWord($0, "true") }) == true {
                return (.hidden, "aria-hidden=\"true\"")
            }
            if node.withAttributeBytes("style", Self.hidesElement) == true { return (.hidden, "inline style hides it") }
            if node.withAttributeBytes("class", Self.hasHidingClass) == true { return (.hidden, "class hides it") }
        }
        if strictness == .full, let role = node.attribute("role")?.lowercased(), let category = BoilerplateVocabulary.roles[role] {
            return (category, "role=\"\(role)\"")
        }
        // A blockquote is quoted content even when named after its source (an embedded
        // tweet is `blockquote.twitter-tweet`), so its class words do not remove it; nor do
        // navigation or widget words remove an inline element inside running text
        // (`<a class="textTag">space travel</a>`).
        if element.tag != .blockquote, let (category, token) = category(of: node, tokens: &tokens),
            strictness == .full || !BoilerplateVocabulary.weakCategories.contains(category),
            !((category == .navigation || category == .widget) && isInRunningText(element, currentIndex))
        {
            return (category, "class/id token \"\(token)\"")
        }
        return relatedContainer(element, index: currentIndex)
    }

    /// A container opened by a "related stories" heading (read from its text, so it applies at
    /// every strictness).
    private func relatedContainer(_ element: PageIndex.Element, index: PageIndex) -> (BoilerplateCategory, String)? {
        guard RelatedHeading.isContainer(element.tag), let heading = RelatedHeading.relatedHeading(of: index.node(element), index: index)
        else { return nil }
        return (.related, Self.relatedHeadingReason + " \"\(heading)\"")
    }

    static let relatedHeadingReason = "container opened by the heading"

    /// An inline element whose parent has text of its own around it.
    private func isInRunningText(_ element: PageIndex.Element, _ currentIndex: PageIndex) -> Bool {
        !BuildBlocks.isBlockLevel(element.tag) && element.tag != .other && element.parent >= 0
            && currentIndex.elements[Int(element.parent)].ownText >= SelectMainContent.minimumParagraph
    }

    /// Sites that meter their articles often ship the rest of the story inside an element named
    /// "paywall": long prose with many commas and few links is that story, not an offer
    /// (offers are short, link-heavy and nearly comma-free).
    static func isGatedArticle(_ element: PageIndex.Element, commas: Int32) -> Bool {
        let linkDensity = element.text > 0 ? Double(element.linkText) / Double(element.text) : 1
        return element.text >= 400 && linkDensity < 0.2 && commas >= 5
    }

    /// The highest-priority vocabulary category among the element's class and id tokens.
    /// Tokens stay bytes (`ClassTokenScan`) and are looked up by hash; only the winner becomes
    /// a String, for the reason.
    func category(of node: Node, tokens scan: inout ClassTokenScan) -> (BoilerplateCategory, String)? {
        scan.removeAll()
        _ = node.withAttributeBytes("class") { scan.add($0) }
        _ = node.withAttributeBytes("id") { scan.add($0) }
        guard !scan.tokens.isEmpty else { return nil }
        let facts = ClassTokenFacts.shared
        var embedded = false
        var matched = false
        for token in scan.tokens {
            guard let entry = facts[token.hash] else { continue }
            if entry.namesArticleBody { return nil }
            embedded = embedded || entry.isEmbedWord
            matched = matched || entry.category != nil
        }
        var best: (BoilerplateCategory, String)?
        var bestRank = Int.max
        if matched {
            for token in scan.tokens {
                guard let category = facts[token.hash]?.category else { continue }
                let rank = BoilerplateVocabulary.categoryPriority.firstIndex(of: category) ?? Int.max
                guard rank < bestRank else { continue }
                let text = scan.string(token)
                if BoilerplateVocabulary.weakCategories.contains(category), Self.isWrapperName(node, around: text) { continue }
                // "social-media-embed", "twitter-embed": an embedded post is quoted content, not buttons.
                if category == .share, embedded { continue }
                best = (category, text)
                bestRank = rank
            }
        }
        if best == nil {
            for token in scan.tokens where token.end - token.start > 8 {
                let text: String? = scan.isASCII(token) ? nil : scan.string(token)
                if let text, text.count <= 8 { continue }
                let stem = text.map { text in BoilerplateVocabulary.strongStems.first { text.hasPrefix($0.0) } }
                    ?? scan.firstByte(token).flatMap { first in
                        BoilerplateVocabulary.strongStemsByFirstByte[Int(first)].lazy.map { BoilerplateVocabulary.strongStems[$0] }
                            .first { scan.hasPrefix(token, $0.0) }
                    }
                if let (stem, category) = stem {
                    return (category, (text ?? scan.string(token)) + "\" (stem \"" + stem + "\"")
                }
            }
        }
        return best
    }

    private func isProtected(_ element: PageIndex.Element, category: BoilerplateCategory, reason: String, pageText: Int) -> Bool {
        guard category != .comments else { return false }
        // Rendering facts (display:none, the hidden attribute) are not guesses from names: a
        // hidden copy of the article is still hidden. The lenient retry reads them if need be.
        if category == .hidden, !reason.hasPrefix("aria-hidden") { return false }
        if element.flags.contains(.containsH1) || element.flags.contains(.containsSchemaArticle) { return true }
        // A heading that announces related stories is read from the text: size does not overrule it.
        if reason.hasPrefix(Self.relatedHeadingReason) { return false }
        let linkDensity = element.text > 0 ? Double(element.linkText) / Double(element.text) : 0
        return Int(element.text) * 2 >= pageText && element.text >= 400 && linkDensity < 0.3
    }

    /// "content-with-sidebar-wrp": in one class or id name, an article word comes before the weak
    /// furniture word, and the furniture word does not end the name, so the name describes a
    /// wrapper of the article (unlike "article-image__credit" or "sidebar-content").
    static func isWrapperName(_ node: Node, around token: String) -> Bool {
        var words: [String] = []
        for attribute in ["class", "id"] {
            // The names of the value, on its bytes: separated by spaces, tabs and line feeds (a
            // "\r\n" stays inside a name, as it did when the value was split into Characters).
            let wraps = node.withAttributeBytes(attribute) { value -> Bool in
                var start = 0
                while start < value.count {
                    var end = start
                    while end < value.count, !(value[end] == 0x20 || value[end] == 0x09 || value[end] == 0x0A && (end == 0 || value[end - 1] != 0x0D)) {
                        end += 1
                    }
                    if end > start {
                        words.removeAll(keepingCapacity: true)
                        ClassTokens.words(of: UnsafeBufferPointer(rebasing: value[start..<end]), into: &words)
                        if let position = words.firstIndex(of: token), position < words.count - 1,
                           words[..<position].contains(where: BoilerplateVocabulary.positiveTokens.contains) {
                            return true
                        }
                    }
                    start = end + 1
                }
                return false
            }
            if wraps == true { return true }
        }
        return false
    }

    /// Whether one of the space-separated class names hides the element everywhere.
    static func hasHidingClass(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        // Plain ASCII without a carriage return (nearly every class value): each name is hashed
        // lower-cased on the bytes and confirmed against the list, in one pass.
        if !value.contains(where: { $0 >= 0x80 || $0 == 0x0D }) {
            var start = 0
            var hash = ByteHash.empty
            for index in 0...value.count {
                let byte = index < value.count ? value[index] : 0x20
                if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                    if index > start, BoilerplateVocabulary.hidingClassNameHashes.contains(hash),
                       BoilerplateVocabulary.hidingClassNames.contains(String(decoding: value[start..<index], as: UTF8.self).lowercased()) {
                        return true
                    }
                    start = index + 1
                    hash = ByteHash.empty
                } else {
                    hash = ByteHash.adding(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte, to: hash)
                }
            }
            return false
        }
        // Every hiding class name contains one of these letter runs; most class values hold none.
        guard containsAnyCaseless(value, ["hid", "sr-", "screen", "invisible", "offscreen", "none"]) else { return false }
        return String(decoding: value, as: UTF8.self).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .contains { BoilerplateVocabulary.hidingClassNames.contains(String($0)) }
    }

    static func containsAnyCaseless(_ value: UnsafeBufferPointer<UInt8>, _ needles: [StaticString]) -> Bool {
        for needle in needles {
            let count = needle.utf8CodeUnitCount
            guard count <= value.count else { continue }
            var start = 0
            while start + count <= value.count {
                var offset = 0
                while offset < count, value[start + offset] | 0x20 == needle.utf8Start[offset] | 0x20 { offset += 1 }
                if offset == count { return true }
                start += 1
            }
        }
        return false
    }

    /// Whether an inline style value says `display:none` or `visibility:hidden`.
    static func hidesElement(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        // Lower-cased without whitespace, in a stack buffer (every style attribute of a page
        // comes here; the array this used to build was a heap allocation each).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, style.count)) { compact in
            var count = 0
            for byte in style where byte > 0x20 {
                compact[count] = byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)
                count += 1
            }
            func contains(_ needle: StaticString) -> Bool {
                let length = needle.utf8CodeUnitCount
                guard count >= length else { return false }
                for start in 0...(count - length) where compact[start] == needle.utf8Start[0] {
                    var offset = 1
                    while offset < length, compact[start + offset] == needle.utf8Start[offset] { offset += 1 }
                    if offset == length { return true }
                }
                return false
            }
            return contains("display:none") || contains("visibility:hidden")
        }
    }

    /// `tag.class#id`, for explanations.
    static func describe(_ node: Node) -> String {
        var description = node.name
        if let classes = node.attribute("class")?.split(separator: " ").prefix(3), !classes.isEmpty {
            description += "." + classes.joined(separator: ".")
        }
        if let id = node.attribute("id"), !id.isEmpty { description += "#" + id }
        return description
    }
}

/// A page after strip: the document, the index and the removal marks.
public struct StrippedPage: @unchecked Sendable {
    public var parsed: ParsedPage
    var index: PageIndex
    /// The site rule's view of the page, when a rule matched.
    var site: SiteMatch?
    /// Elements a site rule keeps (with the rule that keeps them): no heuristic removes them.
    var kept: [Int: String] = [:]
}
