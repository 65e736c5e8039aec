internal import CLibXML2

extension Node {
    /// A text or CDATA node's own content, or a comment's text; nil for other nodes.
    public var content: String? {
        let type = pointer.pointee.type
        guard type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE || type == XML_COMMENT_NODE,
            let content = pointer.pointee.content
        else { return nil }
        return String(cString: content)
    }

    /// Calls `body` with the UTF-8 bytes of a text node's content, without copying.
    /// Returns nil for nodes that are not text.
    public func withContentBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let type = pointer.pointee.type
        guard type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = pointer.pointee.content
        else { return nil }
        return body(UnsafeBufferPointer(start: content, count: cStringLength(content)))
    }

    /// Replaces a text node's content with `text` (stored as is: no entity parsing). Used by the
    /// repair stage, which rewrites broken text in place instead of copying the tree.
    public func replaceContent(_ text: String) {
        guard isText else { return }
        document.changingTree { xmlNodeSetContent(pointer, text) }
    }

    /// All text below this node, concatenated as the source has it (no whitespace model).
    /// Script and style contents count as text here, as in the DOM's `textContent`.
    public var textContent: String {
        if isText { return content ?? "" }
        var bytes: [UInt8] = []
        for node in descendants where node.isText {
            _ = node.withContentBytes { bytes.append(contentsOf: $0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The markup of this node and its subtree, as libxml2 serializes HTML.
    public var outerHTML: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        _ = htmlNodeDump(buffer, pointer.pointee.doc, pointer)
        guard let bytes = xmlBufferContent(buffer) else { return "" }
        return String(cString: bytes)
    }
}
