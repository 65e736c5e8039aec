/// Undoes double escaping: a page that wrote `&amp;#8217;` or `&amp;rsquo;` shows `&#8217;` and
/// `&rsquo;` as text after parsing. Numeric references and the common typographic names are
/// decoded; `&amp;`, `&lt;`, `&gt;` are left as they are, since text about markup writes them on
/// purpose. Anything else with an ampersand ("AT&T", "R&D;") is not a reference and stays.
enum RepairEntities {
    static let names: [String: Unicode.Scalar] = [
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "mdash": "\u{2014}",
        "ndash": "\u{2013}", "hellip": "\u{2026}", "nbsp": "\u{00A0}", "quot": "\"", "apos": "'", "laquo": "\u{00AB}",
        "raquo": "\u{00BB}", "eacute": "\u{00E9}", "egrave": "\u{00E8}", "aacute": "\u{00E1}", "oacute": "\u{00F3}",
        "uuml": "\u{00FC}", "ouml": "\u{00F6}", "auml": "\u{00E4}", "ccedil": "\u{00E7}", "ntilde": "\u{00F1}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "euro": "\u{20AC}", "pound": "\u{00A3}", "deg": "\u{00B0}",
    ]

    /// A quick test on UTF-8 bytes: whether `repair` can find anything.
    static func mightContainReference(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.indices.contains { referenceStarts(bytes, at: $0) }
    }

    /// Whether a reference `repair` can decode starts at `index`: an ampersand, one to ten ASCII
    /// letters, digits or "#", then ";" ("AT&T" and "R&D" are not read again).
    static func referenceStarts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "&") else { return false }
        var cursor = index + 1
        let end = min(bytes.count, index + 12)
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ";") { return cursor > index + 1 }
            let letter = byte | 0x20
            guard (letter >= 0x61 && letter <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "#") else { return false }
            cursor += 1
        }
        return false
    }

    /// Repairs `text`; nil when nothing was a reference.
    static func repair(_ text: String) -> (text: String, repairs: Int)? {
        // Most texts hold no ampersand that starts a decodable reference: answered on the bytes.
        guard text.withUTF8Bytes(mightContainReference) else { return nil }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var repairs = 0
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&", let end = scalars[index...].prefix(12).firstIndex(of: ";"), end > index + 1 else {
                output.append(scalars[index])
                index += 1
                continue
            }
            let body = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            if let scalar = decode(body) {
                output.append(scalar)
                repairs += 1
                index = end + 1
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return repairs > 0 ? (String(output), repairs) : nil
    }

    private static func decode(_ body: String) -> Unicode.Scalar? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(plausible)
        }
        if body.hasPrefix("#") { return UInt32(body.dropFirst()).flatMap(plausible) }
        return names[body]
    }

    /// References to controls, surrogates or beyond Unicode are not repaired.
    private static func plausible(_ value: UInt32) -> Unicode.Scalar? {
        guard value >= 0x20, !(0x7F...0x9F).contains(value), let scalar = Unicode.Scalar(value) else { return nil }
        return scalar
    }
}
