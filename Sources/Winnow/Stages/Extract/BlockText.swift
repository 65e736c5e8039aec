import WinnowHTML

/// Visible text of a subtree, for excerpts in explanations and for small metadata elements
/// (bylines, comment authors). Skips invisible elements; iterative, any depth.
enum BlockText {
    static func text(of node: Node, index: PageIndex?, skipRemoved: Bool = false) -> String {
        if node.isText {
            var builder = TextBuilder()
            _ = node.withContentBytes { builder.append($0) }
            return builder.take()
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
            }
        }
        return builder.take()
    }

    /// The first words of a subtree's text, on one line.
    static func excerpt(of node: Node, index: PageIndex?, limit: Int = 80) -> String {
        let full = text(of: node, index: index).replacingNewlines()
        guard full.count > limit else { return full }
        return String(full.prefix(limit)) + "…"
    }
}

extension String {
    func replacingNewlines() -> String {
        String(unicodeScalars.map { $0 == "\n" ? " " : Character($0) })
    }
}
