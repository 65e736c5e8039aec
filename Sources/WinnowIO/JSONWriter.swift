/// Writes one JSON value straight to UTF-8 bytes, member by member, in the order of the calls:
/// the one-line form `JSONValue.serialized()` gives, without building the tree first.
///
/// Why: a record is written once and never read back, and building it as a `JSONValue` tree
/// (an array of key and value pairs per object, a heap buffer each) then walking and freeing
/// that tree cost more than writing its bytes: about a twentieth of the text route's time.
/// Commas are placed by the writer; the caller says what comes, in order.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value or key follows one at the same level (so a comma goes first).
    private var followsValue = false

    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        followsValue = false
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        followsValue = true
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        followsValue = false
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        followsValue = true
    }

    /// A key of the object being written; its value comes next. Keys written in the source are
    /// plain ASCII names (`schema`, `text`): they are copied as they are, without the escape scan
    /// a string gets.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        followsValue = false
    }

    /// A key known only at run time (a category's name, a passed-through field), escaped.
    public mutating func key(dynamic name: String) {
        separate()
        JSONValue.writeString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        followsValue = false
    }

    public mutating func string(_ value: String) {
        separate()
        JSONValue.writeString(value, to: &bytes)
        followsValue = true
    }

    public mutating func int(_ value: Int) {
        separate()
        Self.appendDecimal(value, to: &bytes)
        followsValue = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        followsValue = true
    }

    /// A value already built (fields passed through from a container, for example).
    public mutating func value(_ value: JSONValue) {
        separate()
        value.write(to: &bytes, indent: nil, level: 0)
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

    private mutating func separate() {
        if followsValue { bytes.append(UInt8(ascii: ",")) }
    }

    /// The decimal digits of `value`, as `String(value)` writes them, without the String.
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value >= 0 && value < 10 {
            output.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { output.append(UInt8(ascii: "-")) }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }
}
