import WinnowHTML

/// Removes what a broken template or a double escape leaves in text: placeholders that were
/// never filled (`{{numberArticlesLeft}}`, `{% trans %}`, `${userName}`) and markup that shows
/// as text (`<!-- Google tag -->`, `<div class="ad">`, `</p>`, a whole `<script>…</script>`).
///
/// Only well-formed leftovers go: a placeholder's inside must read as a template expression
/// (it starts with a letter, `_` or `$` and holds no sentence punctuation), a tag must be a
/// known HTML element name closed within the node. Text about code (`<pre>`, `<code>`) is never
/// touched, and "{{1, 2}}", "a < b > c" or "${5}" stay.
enum RepairLeakedText {
    struct Result {
        var text: String
        var placeholders = 0
        var markup = 0
    }

    /// Cheap test on the raw bytes before any string is made.
    static func mightContainLeak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "<") { return true }
            if previous == UInt8(ascii: "{") && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%")) { return true }
            if previous == UInt8(ascii: "$") && byte == UInt8(ascii: "{") { return true }
            previous = byte
        }
        return false
    }

    /// The text without its leftovers; nil when there were none.
    static func repair(_ text: String) -> Result? {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var result = Result(text: "")
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let end = leakedMarkupEnd(bytes, from: index) {
                result.markup += 1
                index = end
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "$"), let end = placeholderEnd(bytes, from: index) {
                result.placeholders += 1
                index = end
                continue
            }
            output.append(byte)
            index += 1
        }
        guard result.markup + result.placeholders > 0 else { return nil }
        result.text = String(decoding: output, as: UTF8.self)
        return result
    }

    // MARK: Markup

    /// Elements whose content is code, removed with their tags when they leak whole.
    private static let codeElements: Set<String> = ["script", "style", "noscript", "iframe"]

    /// Where leaked markup starting at `start` ends (exclusive), or nil when it is not markup.
    private static func leakedMarkupEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        if bytes[start...].starts(with: Array("<!--".utf8)) {
            return find(Array("-->".utf8), in: bytes, from: start + 4, within: 4096).map { $0 + 3 }
        }
        var index = start + 1
        let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, index - nameStart <= 10 else { return nil }
        let name = String(decoding: bytes[nameStart..<index].map { $0 | 0x20 }, as: UTF8.self)
        guard let tag = HTMLTag.named(name), tag != .none, tag != .other else { return nil }
        // Attributes, then ">" or "/>", within the node and without another "<".
        var quote: UInt8 = 0
        var tagEnd: Int?
        guard index < bytes.count else { return nil }
        let afterName = bytes[index]
        guard afterName == UInt8(ascii: ">") || afterName == UInt8(ascii: "/") || afterName == 0x20 || afterName == 0x0A
                || afterName == 0x09 else { return nil }
        while index < bytes.count, index - start < 1024 {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "<") {
                return nil
            } else if byte == UInt8(ascii: ">") {
                tagEnd = index + 1
                break
            }
            index += 1
        }
        guard let tagEnd else { return nil }
        if !closing, codeElements.contains(name),
           let close = find(Array("</\(name)>".utf8), in: bytes, from: tagEnd, within: 64 << 10) {
            return close + name.utf8.count + 3
        }
        return tagEnd
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || (byte >= 0x30 && byte <= 0x39)
    }

    // MARK: Placeholders

    /// Where a template placeholder starting at `start` ends (exclusive), or nil.
    private static func placeholderEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start + 1 < bytes.count else { return nil }
        let open = (bytes[start], bytes[start + 1])
        let closer: [UInt8]
        switch open {
        case (UInt8(ascii: "{"), UInt8(ascii: "{")): closer = Array("}}".utf8)
        case (UInt8(ascii: "{"), UInt8(ascii: "%")): closer = Array("%}".utf8)
        case (UInt8(ascii: "$"), UInt8(ascii: "{")): closer = Array("}".utf8)
        default: return nil
        }
        var innerStart = start + 2
        if open.0 == UInt8(ascii: "{"), innerStart < bytes.count, bytes[innerStart] == UInt8(ascii: "{") { innerStart += 1 }  // {{{raw}}}
        guard let innerEnd = find(closer, in: bytes, from: innerStart, within: 100) else { return nil }
        var inner = bytes[innerStart..<innerEnd]
        let spaced = inner.first == 0x20
        while let first = inner.first, first == 0x20 || first == UInt8(ascii: "-") { inner = inner.dropFirst() }
        while let last = inner.last, last == 0x20 || last == UInt8(ascii: "-") { inner = inner.dropLast() }
        // "{{ and }}" in prose is about braces; "{{ user.name }}" and "{{ firstName }}" are templates.
        if spaced, open.1 == UInt8(ascii: "{"), inner.allSatisfy({ (($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z")) }),
           !zip(inner, inner.dropFirst()).contains(where: { $0 >= UInt8(ascii: "a") && $1 >= UInt8(ascii: "A") && $1 <= UInt8(ascii: "Z") }) {
            return nil
        }
        guard let first = inner.first,
              (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") || first == UInt8(ascii: "_")
                || first == UInt8(ascii: "$") || first == UInt8(ascii: "#") || first == UInt8(ascii: "/") else { return nil }
        // Template expressions: names, paths, filters, calls and quoted arguments; no sentences.
        let allowed = Set(Array("_.$|:'\"()[]#/ =-".utf8))
        guard inner.allSatisfy({ isNameByte($0) || allowed.contains($0) }) else { return nil }
        var end = innerEnd + closer.count
        if end < bytes.count, bytes[end] == UInt8(ascii: "}"), bytes[innerStart - 1] == UInt8(ascii: "{"), innerStart - start == 3 { end += 1 }
        return end
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, within limit: Int) -> Int? {
        guard !needle.isEmpty, start < bytes.count else { return nil }
        let last = min(bytes.count - needle.count, start + limit)
        guard last >= start else { return nil }
        for index in start...last where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}
