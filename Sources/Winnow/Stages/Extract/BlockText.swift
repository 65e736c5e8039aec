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
        // Counting stops after `limit` characters: a removed comment section can be long.
        guard let end = full.index(full.startIndex, offsetBy: limit, limitedBy: full.endIndex), end != full.endIndex
        else { return full }
        return String(full[..<end]) + "…"
    }
}

extension String {
    /// Line feeds as spaces, on the UTF-8 bytes (a line feed is one byte, and no other
    /// character's bytes contain 0x0A).
    func replacingNewlines() -> String {
        guard utf8.contains(0x0A) else { return self }
        return String(decoding: utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
