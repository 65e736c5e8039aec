internal import CLibXML2

/// A view of one node of a parsed document. It holds its document strongly, so the tree stays
/// alive as long as any node of it does. Copying a `Node` copies two words.
public struct Node: @unchecked Sendable {
    public let document: HTMLDocument
    let rawNode: UnsafeMutableRawPointer

    init(document: HTMLDocument, pointer: UnsafeMutableRawPointer) {
        self.document = document
        self.rawNode = pointer
    }

    init?(document: HTMLDocument, _ pointer: xmlNodePtr?) {
        guard let pointer else { return nil }
        self.init(document: document, pointer: UnsafeMutableRawPointer(pointer))
    }

    var pointer: xmlNodePtr { rawNode.assumingMemoryBound(to: xmlNode.self) }

    /// What sort of node this is.
    public var kind: NodeKind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE: return .text
        case XML_CDATA_SECTION_NODE: return .cdata
        case XML_COMMENT_NODE: return .comment
        case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE: return .document
        default: return .other
        }
    }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool {
        let type = pointer.pointee.type
        return type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE
    }

    /// The element's tag name as libxml2 stores it (lower case for HTML), or "" for other nodes.
    public var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The element's tag, classified without allocating.
    public var tag: HTMLTag {
        guard isElement, let name = pointer.pointee.name else { return .none }
        return HTMLTag(cName: name)
    }

    /// The line in the UTF-8 input where the parser met this node (0 when unknown).
    public var line: Int { Int(pointer.pointee.line) }

    /// A stable identity for this node within its document, usable as a dictionary key.
    public var identity: Int { Int(bitPattern: rawNode) }

    public var parent: Node? {
        let parent = pointer.pointee.parent
        guard let parent, parent.pointee.type != XML_DOCUMENT_NODE, parent.pointee.type != XML_HTML_DOCUMENT_NODE
        else { return nil }
        return Node(document: document, parent)
    }
    public var firstChild: Node? { Node(document: document, pointer.pointee.children) }
    public var lastChild: Node? { Node(document: document, pointer.pointee.last) }
    public var nextSibling: Node? { Node(document: document, pointer.pointee.next) }
    public var previousSibling: Node? { Node(document: document, pointer.pointee.prev) }

    /// The parent's `mark`, read without making a handle for the parent (0 at the top).
    public var parentMark: Int {
        guard let parent = pointer.pointee.parent else { return 0 }
        return Int(bitPattern: parent.pointee._private)
    }

    /// A per-node integer slot for the pipeline's marks (libxml2's `_private`, unused by the
    /// parser). Stages store indexes into their own tables here instead of building side maps.
    public var mark: Int {
        get { Int(bitPattern: pointer.pointee._private) }
        nonmutating set { pointer.pointee._private = UnsafeMutableRawPointer(bitPattern: newValue) }
    }
}

extension Node: Equatable, Hashable {
    public static func == (lhs: Node, rhs: Node) -> Bool { lhs.rawNode == rhs.rawNode }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawNode) }
}

public enum NodeKind: Sendable {
    case element, text, cdata, comment, document, other
}

/// A node without its document: one pointer and no reference count, for indexes that keep an
/// entry per element of a page and live no longer than the document they were made from
/// (`HTMLDocument.node(_:)` gives the node back). Copying a `Node` retains its document; a page
/// index of thousands of entries copied element by element paid that on every copy.
public struct NodeHandle: Hashable, @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}

extension Node {
    /// This node without its document (`HTMLDocument.node(_:)` turns it back).
    public var handle: NodeHandle { NodeHandle(raw: rawNode) }
}

extension HTMLDocument {
    /// The node a handle of this document stands for.
    public func node(_ handle: NodeHandle) -> Node {
        assert(handle.raw.assumingMemoryBound(to: xmlNode.self).pointee.doc == pointer, "a handle used with another document")
        return Node(document: self, pointer: handle.raw)
    }
}

