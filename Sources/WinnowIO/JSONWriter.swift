/// Writes one JSON value straight to UTF-8 bytes, member by member, in the order of the calls:
/// the one-line form `JSONValue.serialized()` gives, without building the tree first.
///
/// Why: a record is written once and never read back, and building it as a `JSONValue` tree
/// (an array of key and value pairs per object, a heap buffer each) then walking and freeing
/// that tree cost more than writing its bytes: about a twentieth of the text route's time.
/// Commas are placed by the writer; the caller says what comes, in order.
public struct JSONWriter: ~Copyable {
    /// The bytes written so far, in storage the writer owns: each byte goes in by a store and
    /// a capacity compare. An `[UInt8]` paid a uniqueness check and a call on every append
    /// (a record is some ten thousand appends: keys, commas, numbers, runs of text).
    private var output: JSONBytes
    /// Whether the next value or key follows one at the same level (so a comma goes first).
    private var followsValue = false

    public init(capacity: Int = 4096) {
        output = JSONBytes(capacity: capacity)
    }

    deinit { output.free() }

    /// The bytes written so far, as an array (one copy, at the end).
    public var bytes: [UInt8] { output.array }

    public mutating func beginObject() {
        separate()
        output.append(UInt8(ascii: "{"))
        followsValue = false
    }

    public mutating func endObject() {
        output.append(UInt8(ascii: "}"))
        followsValue = true
    }

    public mutating func beginArray() {
        separate()
        output.append(UInt8(ascii: "["))
        followsValue = false
    }

    public mutating func endArray() {
        output.append(UInt8(ascii: "]"))
        followsValue = true
    }

    /// A key of the object being written; its value comes next. Keys written in the source are
    /// plain ASCII names (`schema`, `text`): they are copied as they are, without the escape scan
    /// a string gets.
    public mutating func key(_ name: StaticString) {
        separate()
        let length = name.utf8CodeUnitCount
        output.reserve(length + 3)
        output.appendReserved(UInt8(ascii: "\""))
        output.appendReserved(UnsafeBufferPointer(start: name.utf8Start, count: length))
        output.appendReserved(UInt8(ascii: "\""))
        output.appendReserved(UInt8(ascii: ":"))
        followsValue = false
    }

    /// A key known only at run time (a category's name, a passed-through field), escaped.
    public mutating func key(dynamic name: String) {
        separate()
        JSONValue.writeString(name, to: &output)
        output.append(UInt8(ascii: ":"))
        followsValue = false
    }

    public mutating func string(_ value: String) {
        separate()
        JSONValue.writeString(value, to: &output)
        followsValue = true
    }

    /// Opens a string value written in pieces (`appendEscaped`, `appendVerbatim`), closed by
    /// `endString`. (A record's `text` is its blocks' texts joined: each is escaped once, and its
    /// block copies those bytes with `string(copyingOutput:)`.)
    public mutating func beginString() {
        separate()
        output.append(UInt8(ascii: "\""))
    }

    /// A piece of the open string, escaped; the range of the output that holds it.
    public mutating func appendEscaped(_ piece: String) -> Range<Int> {
        let start = output.count
        JSONValue.writeEscaped(piece, to: &output)
        return start..<output.count
    }

    /// A piece of the open string written as it is: an escaped form already (`\\n`).
    public mutating func appendVerbatim(_ piece: StaticString) {
        output.append(piece)
    }

    public mutating func endString() {
        output.append(UInt8(ascii: "\""))
        followsValue = true
    }

    /// A string value whose escaped bytes this writer wrote before, at `range` of its output
    /// (`appendEscaped`).
    public mutating func string(copyingOutput range: Range<Int>) {
        separate()
        output.append(UInt8(ascii: "\""))
        output.appendCopy(of: range)
        output.append(UInt8(ascii: "\""))
        followsValue = true
    }

    public mutating func int(_ value: Int) {
        separate()
        Self.appendDecimal(value, to: &output)
        followsValue = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        output.append(value ? "true" : "false")
        followsValue = true
    }

    /// A value already built (fields passed through from a container, for example).
    public mutating func value(_ value: JSONValue) {
        separate()
        var built: [UInt8] = []
        value.write(to: &built, indent: nil, level: 0)
        built.withUnsafeBufferPointer { output.append($0) }
        followsValue = true
    }

    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    /// A string field that is left out when the value is nil or empty (the record's rule:
    /// unknown fields are absent, never empty strings).
    public mutating func field(_ name: StaticString, optional value: String?) {
        guard let value, !value.isEmpty else { return }
        field(name, value)
    }

    /// An array of strings.
    public mutating func field(_ name: StaticString, strings: [String]) {
        key(name)
        beginArray()
        for value in strings { string(value) }
        endArray()
    }

    @inline(__always)
    private mutating func separate() {
        if followsValue { output.append(UInt8(ascii: ",")) }
    }

    /// The decimal digits of `value`, as `String(value)` writes them, without the String.
    static func appendDecimal(_ value: Int, to output: inout some JSONOutput) {
        if value >= 0 && value < 10 {
            output.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var magnitude = value.magnitude
        // Right to left into 20 bytes on the stack (room for every Int), then out in one piece.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { output.append(UInt8(ascii: "-")) }
            output.append(UnsafeBufferPointer(UnsafeMutableBufferPointer(rebasing: digits[start...])))
        }
    }
}
