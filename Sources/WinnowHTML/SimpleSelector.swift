/// A CSS compound selector with no combinator or pseudo-class (`tag`, `#id`, `.a.b`,
/// `tag[attr]`, `[attr="v"]` and their combinations), matched directly on nodes. Site rules use
/// this shape most; matching it natively in one walk is several times cheaper than an XPath scan
/// per selector. Anything richer returns nil from `init` and goes through XPath.
public struct SimpleSelector: Sendable, Equatable {
    public let tag: String?
    public let id: String?
    public let classes: [String]
    public let attributes: [(name: String, value: String?)]
    /// The tag as classified, so matching compares enums instead of names.
    private let knownTag: HTMLTag?
    private let classBytes: [[UInt8]]
    private let idBytes: [UInt8]?

    public static func == (lhs: SimpleSelector, rhs: SimpleSelector) -> Bool {
        lhs.tag == rhs.tag && lhs.id == rhs.id && lhs.classes == rhs.classes
            && lhs.attributes.elementsEqual(rhs.attributes) { $0.name == $1.name && $0.value == $1.value }
    }

    public init?(_ source: String) {
        let scalars = Array(source.trimmingSpaces.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        var index = 0
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_" || scalar.value > 0x7F
        }
        func name() -> String? {
            var text = ""
            while index < scalars.count, isNameScalar(scalars[index]) { text.unicodeScalars.append(scalars[index]); index += 1 }
            return text.isEmpty ? nil : text
        }
        var tag: String?
        var id: String?
        var classes: [String] = []
        var attributes: [(String, String?)] = []
        if isNameScalar(scalars[0]) { tag = name()?.lowercased() } else if scalars[0] == "*" { index = 1 }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "#":
                guard id == nil, let value = name() else { return nil }
                id = value
            case ".":
                guard let value = name() else { return nil }
                classes.append(value)
            case "[":
                guard let attribute = name()?.lowercased() else { return nil }
                if index < scalars.count, scalars[index] == "]" {
                    index += 1
                    attributes.append((attribute, nil))
                    continue
                }
                guard index < scalars.count, scalars[index] == "=" else { return nil }
                index += 1
                var value = ""
                if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                    let quote = scalars[index]
                    index += 1
                    while index < scalars.count, scalars[index] != quote, scalars[index] != "\\" { value.unicodeScalars.append(scalars[index]); index += 1 }
                    guard index < scalars.count, scalars[index] == quote else { return nil }
                    index += 1
                } else {
                    guard let bare = name() else { return nil }
                    value = bare
                }
                guard index < scalars.count, scalars[index] == "]" else { return nil }
                index += 1
                attributes.append((attribute, value))
            default:
                return nil  // a combinator, a pseudo-class, an operator: not simple
            }
        }
        guard tag != nil || id != nil || !classes.isEmpty || !attributes.isEmpty else { return nil }
        self.tag = tag
        self.id = id
        self.classes = classes
        self.attributes = attributes
        knownTag = tag.flatMap(HTMLTag.named)
        classBytes = classes.map { Array($0.utf8) }
        idBytes = id.map { Array($0.utf8) }
    }

    /// Whether an element matches (as the XPath translation would: case-sensitive classes and
    /// values, lower-case tag names).
    public func matches(_ node: Node) -> Bool {
        guard node.isElement else { return false }
        if let knownTag {
            if node.tag != knownTag { return false }
        } else if let tag, node.name != tag {
            return false
        }
        if let idBytes, node.withAttributeBytes("id", { $0.elementsEqual(idBytes) }) != true { return false }
        if !classBytes.isEmpty {
            let allPresent = node.withAttributeBytes("class") { value in
                classBytes.allSatisfy { Self.containsToken(value, $0) }
            }
            if allPresent != true { return false }
        }
        for (name, value) in attributes {
            if let value {
                if node.attribute(name) != value { return false }
            } else if !node.hasAttribute(name) {
                return false
            }
        }
        return true
    }
}

extension SimpleSelector {
    /// Whether a whitespace-separated attribute value holds `token` exactly.
    static func containsToken(_ value: UnsafeBufferPointer<UInt8>, _ token: [UInt8]) -> Bool {
        var start = 0
        let count = value.count
        while start < count {
            while start < count, value[start] <= 0x20 { start += 1 }
            var end = start
            while end < count, value[end] > 0x20 { end += 1 }
            if end - start == token.count, value[start..<end].elementsEqual(token) { return true }
            start = end
        }
        return false
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
