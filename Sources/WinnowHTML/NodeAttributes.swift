internal import CLibXML2

extension Node {
    /// The value of an attribute (names are matched as libxml2 stores them: lower case in HTML).
    public func attribute(_ name: String) -> String? {
        guard isElement else { return nil }
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { winnow_xml_free(value) }
        return String(cString: value)
    }

    /// Whether the element has this attribute at all (`hidden`, `itemscope`…).
    public func hasAttribute(_ name: String) -> Bool {
        guard isElement else { return false }
        return xmlHasProp(pointer, name) != nil
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
        guard isElement, let property = xmlHasProp(pointer, name) else { return nil }
        guard let child = property.pointee.children, child.pointee.next == nil, let content = child.pointee.content
        else {
            return attribute(name).map { value in
                var copy = value
                return copy.withUTF8 { body($0) }
            }
        }
        return body(UnsafeBufferPointer(start: content, count: strlen(content)))
    }
}

private func strlen(_ pointer: UnsafePointer<UInt8>) -> Int {
    var length = 0
    while pointer[length] != 0 { length += 1 }
    return length
}
