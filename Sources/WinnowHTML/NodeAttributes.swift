internal import CLibXML2

extension Node {
    /// The value of an attribute (names are matched as libxml2 stores them: lower case in HTML).
    public func attribute(_ name: String) -> String? {
        guard isElement, let property = property(named: name) else { return nil }
        // A plain value (one text child, nearly every attribute) is read in place: what
        // xmlGetProp would copy, without its second search, allocation and free.
        if let child = property.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE,
           let content = child.pointee.content
        {
            return String(decoding: UnsafeBufferPointer(start: content, count: cStringLength(content)), as: UTF8.self)
        }
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { winnow_xml_free(value) }
        return String(cString: value)
    }

    /// Whether the element has this attribute at all (`hidden`, `itemscope`…).
    public func hasAttribute(_ name: String) -> Bool {
        guard isElement else { return false }
        return property(named: name) != nil
    }

    /// The attribute node of that name: a walk of the element's attributes comparing bytes.
    /// (Handing a Swift String to `xmlHasProp` builds a C string on every call, which on a
    /// page of thousands of elements asked for several attributes each adds up.)
    private func property(named name: String) -> xmlAttrPtr? {
        // The name's bytes in place (a literal's, nearly always); a copy only for a bridged string.
        if let found = name.utf8.withContiguousStorageIfAvailable({ property(named: $0) }) { return found }
        var key = name
        return key.withUTF8 { property(named: $0) }
    }

    private func property(named wanted: UnsafeBufferPointer<UInt8>) -> xmlAttrPtr? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let stored = current.pointee.name, Self.equals(stored, wanted) { return current }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Whether a NUL-terminated name holds exactly these bytes.
    private static func equals(_ stored: UnsafePointer<UInt8>, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<wanted.count where stored[index] != wanted[index] { return false }
        return stored[wanted.count] == 0
    }

    /// Which of `names` the element has: bit `i` for the `i`-th name, found in one walk of its
    /// attributes. For callers that would otherwise ask `hasAttribute` several times per element.
    public func attributePresence(_ names: AttributeNames) -> UInt32 {
        guard isElement else { return 0 }
        return names.bytes.withUnsafeBufferPointer { bytes in
            names.starts.withUnsafeBufferPointer { starts in
                var present: UInt32 = 0
                var attribute = pointer.pointee.properties
                while let current = attribute {
                    if let stored = current.pointee.name {
                        for bit in 0..<starts.count where stored[0] == bytes[starts[bit]] {
                            // Both NUL-terminated: equal when they end together.
                            var offset = starts[bit]
                            var position = 0
                            while bytes[offset] != 0, stored[position] == bytes[offset] {
                                offset += 1
                                position += 1
                            }
                            if bytes[offset] == 0, stored[position] == 0 { present |= 1 << UInt32(bit) }
                        }
                    }
                    attribute = current.pointee.next
                }
                return present
            }
        }
    }

    /// All attributes, in source order.
    public var attributes: [(name: String, value: String)] {
        guard isElement else { return [] }
        var result: [(String, String)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            var value = ""
            if let text = xmlNodeListGetString(pointer.pointee.doc, current.pointee.children, 1) {
                value = String(cString: text)
                winnow_xml_free(text)
            }
            result.append((name, value))
            attribute = current.pointee.next
        }
        return result
    }

    /// Calls `body` with the raw UTF-8 bytes of an attribute's value when it is a plain text
    /// value (the common case), without allocating a String.
    public func withAttributeBytes<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard isElement, let property = property(named: name) else { return nil }
        guard let child = property.pointee.children, child.pointee.next == nil, let content = child.pointee.content
        else {
            return attribute(name).map { value in
                var copy = value
                return copy.withUTF8 { body($0) }
            }
        }
        return body(UnsafeBufferPointer(start: content, count: cStringLength(content)))
    }
}

/// Up to 32 attribute names (lower case, as libxml2 stores HTML attribute names) for
/// `Node.attributePresence`, kept as one run of NUL-terminated bytes: the walk over every
/// element's attributes reads them in place. (An array of arrays had each name retained and
/// released, atomically, at every comparison.)
public struct AttributeNames: Sendable {
    fileprivate let bytes: [UInt8]
    fileprivate let starts: [Int]

    public init(_ names: [String]) {
        precondition(names.count <= 32, "attributePresence answers in 32 bits")
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for name in names {
            precondition(!name.isEmpty && !name.utf8.contains(0), "an attribute name is not empty and has no NUL")
            starts.append(bytes.count)
            bytes.append(contentsOf: name.utf8)
            bytes.append(0)
        }
        self.bytes = bytes
        self.starts = starts
    }
}
