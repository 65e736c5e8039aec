import WinnowHTML

/// Visible text of a subtree, for excerpts in explanations and for small metadata elements
/// (bylines, comment authors). Skips invisible elements; iterative, any depth.
enum BlockText {
    static func text(of node: Node, index: PageIndex?, skipRemoved: Bool = false) -> String {
        text(of: node, index: index, skipRemoved: skipRemoved, stoppingAfter: nil).text
    }

    /// The text, or with `stoppingAfter`, its beginning once that many bytes are gathered
    /// (`complete` says which): the text before the stop is a prefix of the whole text, apart
    /// from its last characters (a pending space, an accent still to compose).
    private static func text(of node: Node, index: PageIndex?, skipRemoved: Bool, stoppingAfter limit: Int?) -> (text: String, complete: Bool) {
        if node.isText {
            var builder = TextBuilder()
            _ = node.withContentBytes { builder.append($0) }
            return (builder.take(), true)
        }
        var builder = TextBuilder()
        var walker = TreeWalker(root: node)
        while let current = walker.next() {
            if current.isElement {
                let tag = current.tag
                if PageIndex.invisibleTags.contains(tag) { walker.skipChildren(); continue }
                if skipRemoved, let index, let position = index.entryIndex(of: current), index.elements[position].removal >= 0 {
                    walker.skipChildren()
                    continue
                }
                if tag == .br { builder.lineBreak() } else if BuildBlocks.isBlockLevel(tag) { builder.softBreak() }
            } else if current.isText {
                _ = current.withContentBytes { builder.append($0) }
                if let limit, builder.bytes.count >= limit { return (builder.take(), false) }
            }
        }
        return (builder.take(), true)
    }

    /// The first words of a subtree's text, on one line.
    static func excerpt(of node: Node, index: PageIndex?, limit: Int = 80) -> String {
        // A removed comment section can be long: gather a generous beginning, and the whole
        // text only when that beginning is too short to be sure of the first `limit` characters.
        let (text, complete) = text(of: node, index: index, skipRemoved: false, stoppingAfter: 6 * (limit + 2))
        var full = text.replacingNewlines()
        if !complete, full.index(full.startIndex, offsetBy: limit + 2, limitedBy: full.endIndex) == nil {
            full = Self.text(of: node, index: index, skipRemoved: false, stoppingAfter: nil).text.replacingNewlines()
        }
        return full.excerpt(limit: limit)
    }
}

extension String {
    /// The first `limit` characters and "…", or the whole text when it is no longer; counting
    /// stops at the limit.
    func excerpt(limit: Int = 80) -> String {
        guard let end = index(startIndex, offsetBy: limit, limitedBy: endIndex), end != endIndex else { return self }
        return String(self[..<end]) + "…"
    }

    /// Line feeds as spaces, on the UTF-8 bytes (a line feed is one byte, and no other
    /// character's bytes contain 0x0A).
    func replacingNewlines() -> String {
        guard utf8.contains(0x0A) else { return self }
        return String(decoding: utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
