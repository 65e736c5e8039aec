import WinnowHTML

/// Metadata where a site rule says it is: its selectors outrank every generic source.
enum SiteMetadata {
    static func apply(_ site: SiteMatch, to metadata: inout ExtractMetadata.Result) {
        let rule = site.rule
        guard let matches = site.matches else { return }
        if let title = firstText(rule.title, matches) { metadata.title = title }
        if let description = firstText(rule.description, matches) { metadata.description = description }
        if let section = firstText(rule.section, matches) { metadata.section = section }
        let authors = AuthorNames.clean(rule.authors.flatMap { matches.nodes($0).map(text) })
        if !authors.isEmpty { metadata.authors = authors }
        for selector in rule.published {
            for node in matches.nodes(selector) {
                // A datetime or content attribute is exact; the visible text is read with the
                // site's format when it has one.
                let candidates = [node.attribute("datetime"), node.attribute("content"), text(node)].compactMap { $0 }
                for candidate in candidates {
                    if let format = rule.publishedFormat, let iso = format.parse(candidate) {
                        metadata.published = iso
                        metadata.publishedFrom = "rule"
                        return
                    }
                    if let parsed = DateParser.parse(candidate) {
                        metadata.published = parsed.iso8601
                        metadata.publishedFrom = "rule"
                        return
                    }
                }
            }
        }
    }

    private static func firstText(_ selectors: [SiteRule.Selector], _ matches: SelectorMatches) -> String? {
        for selector in selectors {
            for node in matches.nodes(selector) {
                let value = node.isElement && node.tag == .meta ? (node.attribute("content") ?? "") : text(node)
                if !value.isEmpty { return value }
            }
        }
        return nil
    }

    private static func text(_ node: WinnowHTML.Node) -> String {
        if node.kind == .other, let content = node.content { return content.trimmedASCII() }  // attribute nodes from XPath
        return BlockText.text(of: node, index: nil).replacingNewlines()
    }
}
