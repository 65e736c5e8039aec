import WinnowHTML

/// Reader comments, from the subtrees strip removed as `comments`, into the record's separate
/// `comments` field (never into the body). A comment is an element whose class or id has the
/// word "comment" on its own (not `comment-body`, `comment-form`…) and which holds text; its
/// author, date and text come from descendants named like them (`comment-author`, `<time>`,
/// `comment-content`…).
struct ExtractComments {
    private static let partWords: Set<String> = [
        "body", "content", "text", "meta", "author", "date", "time", "form", "list", "respond", "reply", "count",
        "header", "footer", "actions", "metadata", "title", "policy", "notice", "rules", "section", "area", "wrap",
        "wrapper", "container", "box", "link", "links", "button", "field", "input", "submit",
    ]
    private static let authorWords: Set<String> = ["author", "name", "fn", "username", "user", "commenter", "nickname", "nick"]
    private static let dateWords: Set<String> = ["date", "time", "timestamp", "published", "posted", "datetime"]
    private static let textWords: Set<String> = ["body", "content", "text", "message", "commentbody", "commentcontent", "commenttext"]

    func run(_ index: PageIndex, containers: [Int]) -> [Comment] {
        var comments: [Comment] = []
        var tokens: [String] = []
        for container in containers {
            var walker = TreeWalker(root: index.node(at: container))
            while let node = walker.next() {
                guard node.isElement, node.tag != .form else {
                    if node.tag == .form { walker.skipChildren() }
                    continue
                }
                tokens.removeAll(keepingCapacity: true)
                _ = node.withAttributeBytes("class") { ClassTokens.tokens(of: $0, into: &tokens) }
                _ = node.withAttributeBytes("id") { ClassTokens.tokens(of: $0, into: &tokens) }
                guard Self.isCommentItem(tokens), let comment = Self.read(node, index: index) else { continue }
                comments.append(comment)
                // Replies nested inside a comment are read as comments of their own.
            }
        }
        return comments
    }

    private static func isCommentItem(_ tokens: [String]) -> Bool {
        guard let position = tokens.firstIndex(where: { $0 == "comment" || $0 == "reply" }) else { return false }
        // "comment-body" tokenizes to comment, body, commentbody: a part, not an item.
        let next = position + 2 < tokens.count ? tokens[position + 2] : nil
        if let next, partWords.contains(next), tokens[position + 1] == tokens[position] + next { return false }
        return true
    }

    private static func read(_ item: Node, index: PageIndex) -> Comment? {
        var author: String?
        var date: String?
        var textNode: Node?
        var tokens: [String] = []
        var walker = TreeWalker(root: item)
        while let node = walker.next() {
            guard node.isElement else { continue }
            if node.tag == .form { walker.skipChildren(); continue }
            tokens.removeAll(keepingCapacity: true)
            _ = node.withAttributeBytes("class") { ClassTokens.tokens(of: $0, into: &tokens) }
            _ = node.withAttributeBytes("itemprop") { ClassTokens.tokens(of: $0, into: &tokens) }
            if tokens.contains("comment") && !isPart(tokens) { walker.skipChildren(); continue }  // a nested reply
            if date == nil, node.tag == .time {
                date = node.attribute("datetime") ?? BlockText.text(of: node, index: nil)
                walker.skipChildren()
            } else if author == nil, tokens.contains(where: authorWords.contains) {
                author = BlockText.text(of: node, index: nil)
                walker.skipChildren()
            } else if date == nil, tokens.contains(where: dateWords.contains) {
                date = BlockText.text(of: node, index: nil)
                walker.skipChildren()
            } else if textNode == nil, tokens.contains(where: textWords.contains) {
                textNode = node
                walker.skipChildren()
            }
        }
        guard let textNode else { return nil }
        let text = BlockText.text(of: textNode, index: nil)
        guard !text.isEmpty else { return nil }
        let normalizedDate = date.flatMap { DateParser.parse($0)?.iso8601 ?? ($0.isEmpty ? nil : $0) }
        return Comment(author: author.flatMap { $0.isEmpty ? nil : $0 }, date: normalizedDate, text: text)
    }

    private static func isPart(_ tokens: [String]) -> Bool {
        tokens.contains { token in partWords.contains { token == "comment" + $0 } }
    }
}
