/// A JSON value whose objects keep their keys in insertion order, so records serialize
/// byte-identically run after run. Not `indirect`: arrays already hold their elements on the
/// heap, and an indirect enum boxed every value, strings and numbers included (a heap
/// allocation per field of every record).
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value of a key of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The string, when the value is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, when the value is one.
    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// One line, no spaces: the JSON Lines form.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// `serialized()` as UTF-8 bytes, for writers (no String to build and validate).
    public func serializedBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: nil, level: 0)
        return output
    }

    /// Indented with two spaces, for golden files people read.
    public func prettySerialized() -> String {
        var output: [UInt8] = []
        write(to: &output, indent: 2, level: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    public func write(to output: inout [UInt8], indent: Int?, level: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): JSONWriter.appendDecimal(value, to: &output)
        case .double(let value):
            output.append(contentsOf: (value.isFinite ? Self.format(value) : "null").utf8)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent: indent, level: level + 1)
                item.write(to: &output, indent: indent, level: level + 1)
            }
            if !items.isEmpty { Self.newline(&output, indent: indent, level: level) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent: indent, level: level + 1)
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, indent: indent, level: level + 1)
            }
            if !members.isEmpty { Self.newline(&output, indent: indent, level: level) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], indent: Int?, level: Int) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    private static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Bytes `writeString` stops at: controls, the quote, the backslash, and E2 (which opens
    /// U+2028 and U+2029).
    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 }

    /// Which of sixteen bytes are special (`isSpecial`): four vector compares (`ByteVector`).
    @inline(__always)
    static func specialBytes(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        let quote = SIMD16<UInt8>(repeating: 0x22), backslash = SIMD16<UInt8>(repeating: 0x5C)
        let lineSeparatorLead = SIMD16<UInt8>(repeating: 0xE2), lastControl = SIMD16<UInt8>(repeating: 0x1F)
        return (bytes .== quote) .| (bytes .== backslash) .| (bytes .== lineSeparatorLead) .| (bytes .<= lastControl)
    }

    /// Whether any of eight bytes is special (`isSpecial`) (below 0x20, a quote, a backslash,
    /// E2), by the borrow of a bytewise subtraction: exact as a yes or no.
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highBits }
        let control = (word &- ones &* 0x20) & ~word & highBits
        return control | hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C)) | hasZeroByte(word ^ (ones &* 0xE2)) != 0
    }

    /// Escapes what JSON requires, plus U+2028 and U+2029, which break JavaScript readers
    /// of JSON Lines; everything else stays as UTF-8.
    static func writeString(_ value: String, to output: inout some JSONOutput) {
        output.append(UInt8(ascii: "\""))
        writeEscaped(value, to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// The string's escaped bytes, without the quotes.
    static func writeEscaped(_ value: String, to output: inout some JSONOutput) {
        // Read in place: a copy for the mutating `withUTF8` would cost an atomic retain and
        // release per string written. Only a string that is not contiguous needs the copy.
        if value.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, to: &output) }) == nil {
            var copy = value
            copy.withUTF8 { writeEscaped($0, to: &output) }
        }
    }

    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout some JSONOutput) {
        // Runs of bytes that need no escape are copied whole.
        var runStart = 0
        var index = 0
        let count = bytes.count
        func flush() {
            if index > runStart { output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
        }
        let base = UnsafeRawPointer(bytes.baseAddress)
        while index < count {
            // The plain run first: eight bytes at a time while none of them is special,
            // then one table load per byte up to the special one.
            if let base {
                while index + 16 <= count {
                    if let lane = ByteVector.firstLane(Self.specialBytes(base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self))) {
                        index += lane
                        break
                    }
                    index += 16
                }
                while index + 8 <= count, !Self.hasSpecialByte(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { index += 8 }
            }
            while index < count, !Self.isSpecial(bytes[index]) { index += 1 }
            guard index < count else { break }
            let byte = bytes[index]
            // U+2028 is E2 80 A8, U+2029 is E2 80 A9: legal in JSON, not in JavaScript.
            if byte == 0xE2 {
                guard index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                flush()
                output.append(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 3
                runStart = index
                continue
            }
            flush()
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            default:
                output.append("u00")
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
            index += 1
            runStart = index
        }
        flush()
    }

}
