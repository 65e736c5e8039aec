/// A CSS selector compiled to XPath 1.0, for site rules. Supported: type and `*`, `#id`,
/// `.class`, attributes (`[a]`, `=`, `~=`, `^=`, `$=`, `*=`, `|=`), combinators (descendant,
/// `>`, `+`, `~`), selector lists (`,`), `:not(…)`, `:nth-child(an+b|odd|even)`,
/// `:first-child`, `:last-child` and `:contains("text")` (text anywhere inside, as jQuery).
/// Compile once per run (`XPathExpression(css:)`), evaluate on every page.
public struct CSSSelector: Sendable, Equatable {
    public let source: String
    public let xpath: String

    public init(_ source: String) throws(CSSSelectorError) {
        self.source = source
        var parser = Parser(source)
        xpath = try parser.selectorList()
    }
}

/// Why a selector could not be compiled, with the 1-based column where reading stopped.
public struct CSSSelectorError: Error, Equatable, CustomStringConvertible {
    public var column: Int
    public var message: String
    public var description: String { "column \(column): \(message)" }
}

extension XPathExpression {
    /// Compiles a CSS selector through its XPath translation.
    public convenience init(css: String) throws {
        try self.init(CSSSelector(css).xpath)
    }
}

private struct Parser {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    func fail(_ message: String) -> CSSSelectorError { CSSSelectorError(column: position + 1, message: message) }

    mutating func skipSpaces() -> Bool {
        let start = position
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" { position += 1 }
        return position > start
    }

    // selector-list := complex ("," complex)*
    mutating func selectorList() throws(CSSSelectorError) -> String {
        var alternatives: [String] = []
        repeat {
            _ = skipSpaces()
            alternatives.append("//" + (try complex(stopAt: [","])))
            _ = skipSpaces()
            guard current == "," else { break }
            position += 1
        } while true
        guard current == nil else { throw fail("unexpected \"\(current!)\"") }
        return alternatives.joined(separator: " | ")
    }

    // complex := compound (combinator compound)*
    mutating func complex(stopAt stops: Set<Unicode.Scalar>) throws(CSSSelectorError) -> String {
        var path = try compound()
        while true {
            let hadSpace = skipSpaces()
            guard let scalar = current, !stops.contains(scalar), scalar != ")" else { break }
            switch scalar {
            case ">":
                position += 1
                _ = skipSpaces()
                path += "/" + (try compound())
            case "+":
                position += 1
                _ = skipSpaces()
                let next = try compound(axisWrapped: true)
                path += "/following-sibling::*[1]/self::" + next
            case "~":
                position += 1
                _ = skipSpaces()
                path += "/following-sibling::" + (try compound())
            default:
                guard hadSpace else { throw fail("expected a combinator or the end, found \"\(scalar)\"") }
                path += "//" + (try compound())
            }
        }
        return path
    }

    // compound := (type | "*")? (id | class | attribute | pseudo)+
    mutating func compound(axisWrapped: Bool = false) throws(CSSSelectorError) -> String {
        var element = "*"
        var predicates: [String] = []
        if current == "*" {
            position += 1
        } else if let scalar = current, isNameStart(scalar) {
            element = try identifier().lowercased()
        }
        loop: while let scalar = current {
            switch scalar {
            case "#":
                position += 1
                predicates.append("@id=\(literal(try identifier()))")
            case ".":
                position += 1
                // The plain contains() first: cheap, and libxml2 skips the exact token test when it fails.
                let name = try identifier()
                predicates.append("contains(@class, \(literal(name))) and contains(concat(' ', normalize-space(@class), ' '), \(literal(" " + name + " ")))")
            case "[":
                predicates.append(try attribute())
            case ":":
                predicates.append(try pseudo())
            default:
                break loop
            }
        }
        if element == "*" && predicates.isEmpty && !(scalars.indices.contains(position - 1) && scalars[position - 1] == "*") {
            throw fail(current.map { "expected a selector, found \"\($0)\"" } ?? "expected a selector, found the end")
        }
        return element + predicates.map { "[\($0)]" }.joined()
    }

    mutating func attribute() throws(CSSSelectorError) -> String {
        position += 1  // [
        _ = skipSpaces()
        let name = try identifier().lowercased()
        _ = skipSpaces()
        if current == "]" {
            position += 1
            return "@\(name)"
        }
        var op = ""
        if let scalar = current, "~^$*|".unicodeScalars.contains(scalar) {
            op.unicodeScalars.append(scalar)
            position += 1
        }
        guard current == "=" else { throw fail("expected =, ~=, ^=, $=, *= or |= in the attribute selector") }
        position += 1
        _ = skipSpaces()
        let value = try stringOrIdentifier()
        _ = skipSpaces()
        guard current == "]" else { throw fail("expected ] to close the attribute selector") }
        position += 1
        let attribute = "@\(name)", quoted = literal(value)
        switch op {
        case "": return "\(attribute)=\(quoted)"
        case "~": return "contains(\(attribute), \(quoted)) and contains(concat(' ', normalize-space(\(attribute)), ' '), \(literal(" " + value + " ")))"
        case "^": return "starts-with(\(attribute), \(quoted))"
        case "$": return "substring(\(attribute), string-length(\(attribute)) - string-length(\(quoted)) + 1)=\(quoted)"
        case "*": return "contains(\(attribute), \(quoted))"
        default: return "\(attribute)=\(quoted) or starts-with(\(attribute), \(literal(value + "-")))"
        }
    }

    mutating func pseudo() throws(CSSSelectorError) -> String {
        position += 1  // :
        let name = try identifier().lowercased()
        switch name {
        case "first-child": return "not(preceding-sibling::*)"
        case "last-child": return "not(following-sibling::*)"
        case "not":
            try expect("(")
            _ = skipSpaces()
            let inner = try compound()
            _ = skipSpaces()
            try expect(")")
            return "not(self::\(inner))"
        case "nth-child":
            try expect("(")
            _ = skipSpaces()
            let (a, b) = try nthExpression()
            _ = skipSpaces()
            try expect(")")
            let index = "(count(preceding-sibling::*) + 1)"
            if a == 0 { return "\(index) = \(b)" }
            if a > 0 { return "\(index) >= \(b) and (\(index) - \(b)) mod \(a) = 0" }
            return "\(index) <= \(b) and (\(b) - \(index)) mod \(-a) = 0"
        case "contains":
            try expect("(")
            _ = skipSpaces()
            let text = try stringOrIdentifier()
            _ = skipSpaces()
            try expect(")")
            return "contains(string(.), \(literal(text)))"
        default:
            throw CSSSelectorError(column: position - name.unicodeScalars.count + 1,
                                   message: "unsupported pseudo-class :\(name) (supported: :not, :nth-child, :first-child, :last-child, :contains)")
        }
    }

    /// `an+b`, `odd`, `even`, or an integer.
    mutating func nthExpression() throws(CSSSelectorError) -> (Int, Int) {
        var text = ""
        while let scalar = current, scalar != ")" {
            if scalar != " " { text.unicodeScalars.append(scalar) }
            position += 1
        }
        switch text.lowercased() {
        case "odd": return (2, 1)
        case "even": return (2, 0)
        default: break
        }
        if let value = Int(text) { return (0, value) }
        let lower = text.lowercased()
        guard let n = lower.firstIndex(of: "n") else { throw fail("expected an+b, odd, even or a number in :nth-child()") }
        let aText = String(lower[..<n])
        let bText = String(lower[lower.index(after: n)...])
        let a: Int
        switch aText {
        case "", "+": a = 1
        case "-": a = -1
        default:
            guard let value = Int(aText) else { throw fail("bad step \"\(aText)\" in :nth-child()") }
            a = value
        }
        let b: Int
        if bText.isEmpty {
            b = 0
        } else {
            guard let value = Int(bText.hasPrefix("+") ? String(bText.dropFirst()) : bText) else {
                throw fail("bad offset \"\(bText)\" in :nth-child()")
            }
            b = value
        }
        return (a, b)
    }

    mutating func expect(_ scalar: Unicode.Scalar) throws(CSSSelectorError) {
        guard current == scalar else { throw fail("expected \"\(scalar)\"") }
        position += 1
    }

    func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar == "_" || scalar == "-" || scalar == "\\" || scalar.value > 0x7F
    }

    mutating func identifier() throws(CSSSelectorError) -> String {
        var name = ""
        while let scalar = current {
            if scalar == "\\" {
                position += 1
                guard let escaped = current else { throw fail("a backslash ends the selector") }
                name.unicodeScalars.append(escaped)
                position += 1
            } else if isNameStart(scalar) || scalar.properties.numericType != nil {
                name.unicodeScalars.append(scalar)
                position += 1
            } else {
                break
            }
        }
        guard !name.isEmpty else {
            throw fail(current.map { "expected a name, found \"\($0)\"" } ?? "expected a name, found the end")
        }
        return name
    }

    mutating func stringOrIdentifier() throws(CSSSelectorError) -> String {
        guard let quote = current, quote == "\"" || quote == "'" else { return try identifier() }
        position += 1
        var text = ""
        while let scalar = current, scalar != quote {
            if scalar == "\\" { position += 1 }
            if let next = current { text.unicodeScalars.append(next) }
            position += 1
        }
        guard current == quote else { throw fail("unterminated string") }
        position += 1
        return text
    }

    /// An XPath string literal for any text (XPath 1.0 has no escapes: use concat for both quotes).
    func literal(_ text: String) -> String {
        if !text.contains("'") { return "'\(text)'" }
        if !text.contains("\"") { return "\"\(text)\"" }
        let parts = text.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
        return "concat(" + parts.joined(separator: ", \"'\", ") + ")"
    }
}
