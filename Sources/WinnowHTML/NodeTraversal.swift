internal import CLibXML2

extension Node {
    /// The node's children, in order.
    public var children: ChildSequence { ChildSequence(first: firstChild) }

    /// The element children only.
    public var childElements: [Node] { children.filter(\.isElement) }

    /// The first child element with this (lower-case) tag name.
    public func firstChildElement(named name: String) -> Node? {
        children.first { $0.isElement && $0.name == name }
    }

    /// Every node below this one in document order (pre-order), without recursion.
    public var descendants: DescendantSequence { DescendantSequence(root: self) }

    /// The chain of parents, nearest first.
    public var ancestors: AncestorSequence { AncestorSequence(start: parent) }

    /// The number of element ancestors (`<html>` has depth 0).
    public var depth: Int { ancestors.reduce(0) { count, _ in count + 1 } }
}

public struct ChildSequence: Sequence, IteratorProtocol {
    var current: Node?
    init(first: Node?) { current = first }
    public mutating func next() -> Node? {
        defer { current = current?.nextSibling }
        return current
    }
}

public struct AncestorSequence: Sequence, IteratorProtocol {
    var current: Node?
    init(start: Node?) { current = start }
    public mutating func next() -> Node? {
        defer { current = current?.parent }
        return current
    }
}

/// Pre-order traversal by parent links: constant memory, any depth.
public struct DescendantSequence: Sequence, IteratorProtocol {
    private let root: Node
    private var walker: TreeWalker

    init(root: Node) {
        self.root = root
        self.walker = TreeWalker(root: root)
    }

    public mutating func next() -> Node? { walker.next() }
}

/// A pre-order walker over a subtree that can skip the children of the node it last returned.
/// It follows libxml2's parent/sibling links, so it needs no stack and cannot overflow.
public struct TreeWalker {
    private let root: UnsafeMutableRawPointer
    private let document: HTMLDocument
    private var upcoming: xmlNodePtr?
    private var last: xmlNodePtr?

    public init(root: Node) {
        self.root = root.rawNode
        self.document = root.document
        self.upcoming = root.pointer.pointee.children
    }

    /// The next node in document order, or nil when the subtree is done.
    public mutating func next() -> Node? {
        if let last { upcoming = Self.successor(of: last, descend: true, root: root) }
        guard let node = upcoming else { last = nil; return nil }
        last = node
        return Node(document: document, pointer: UnsafeMutableRawPointer(node))
    }

    /// Do not visit the children of the node `next()` returned last.
    public mutating func skipChildren() {
        guard let current = last else { return }
        upcoming = Self.successor(of: current, descend: false, root: root)
        last = nil
    }

    private static func successor(of node: xmlNodePtr, descend: Bool, root: UnsafeMutableRawPointer) -> xmlNodePtr? {
        if descend, node.pointee.type != XML_ENTITY_REF_NODE, let child = node.pointee.children { return child }
        var current: xmlNodePtr? = node
        while let candidate = current, UnsafeMutableRawPointer(candidate) != root {
            if let sibling = candidate.pointee.next { return sibling }
            current = candidate.pointee.parent
        }
        return nil
    }
}
