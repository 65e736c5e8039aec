internal import CLibXML2

/// A compiled XPath expression, compiled once and evaluated on any number of documents.
public final class XPathExpression: @unchecked Sendable {
    let compiled: OpaquePointer
    public let source: String

    /// Compiles the expression; throws with libxml2's reason when it is not valid XPath 1.0.
    public init(_ source: String) throws {
        LibXML2.initializeOnce()
        winnow_silence_libxml2_errors()
        guard let compiled = xmlXPathCompile(source) else {
            throw XPathError.invalidExpression(source, reason: XPathExpression.lastErrorMessage())
        }
        self.source = source
        self.compiled = compiled
    }

    deinit { xmlXPathFreeCompExpr(compiled) }

    /// The nodes the expression selects with `context` as the context node, in document order.
    public func nodes(from context: Node) throws -> [Node] {
        let evaluator = try XPathEvaluator(document: context.document)
        return try nodes(from: context, using: evaluator)
    }

    /// The same, reusing one evaluation context for many expressions on one document.
    public func nodes(from context: Node, using evaluator: XPathEvaluator) throws -> [Node] {
        let document = context.document
        let xpathContext = evaluator.context
        xpathContext.pointee.node = context.pointer
        winnow_silence_libxml2_errors()
        guard let result = xmlXPathCompiledEval(compiled, xpathContext)
        else { throw XPathError.evaluationFailed(source, reason: XPathExpression.lastErrorMessage()) }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval else { return [] }
        var nodes: [Node] = []
        nodes.reserveCapacity(Int(set.pointee.nodeNr))
        for index in 0..<Int(set.pointee.nodeNr) {
            if let node = Node(document: document, set.pointee.nodeTab[index]) { nodes.append(node) }
        }
        return nodes
    }

    private static func lastErrorMessage() -> String {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return "invalid expression" }
        defer { xmlResetLastError() }
        return String(cString: message).trimmingCharacters(in: " \n")
    }
}

/// One libxml2 XPath context for one document, to evaluate many compiled expressions on it.
/// Not shared between threads.
public final class XPathEvaluator {
    let context: xmlXPathContextPtr
    private let document: HTMLDocument

    public init(document: HTMLDocument) throws {
        guard let context = xmlXPathNewContext(document.pointer) else { throw XPathError.noContext }
        self.context = context
        self.document = document
    }

    deinit { xmlXPathFreeContext(context) }
}

extension Node {
    /// Evaluates an XPath expression against this node (compile once with `XPathExpression`
    /// when the same expression runs on many pages).
    public func select(xpath: String) throws -> [Node] {
        try XPathExpression(xpath).nodes(from: self)
    }
}

public enum XPathError: Error, Equatable, CustomStringConvertible {
    case invalidExpression(String, reason: String)
    case evaluationFailed(String, reason: String)
    case noContext

    public var description: String {
        switch self {
        case .invalidExpression(let source, let reason): return "invalid XPath \(source): \(reason)"
        case .evaluationFailed(let source, let reason): return "XPath \(source) failed: \(reason)"
        case .noContext: return "libxml2 could not create an XPath context"
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
