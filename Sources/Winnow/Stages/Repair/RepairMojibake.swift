/// Undoes mojibake: UTF-8 text that was decoded as windows-1252 or ISO-8859-1 somewhere on its
/// way to the page ("CafÃ©", "Myanmarâ€™s"), also when that happened twice ("CafÃƒÂ©").
///
/// A stretch of characters that all map back to single bytes (windows-1252, or latin-1's C1
/// controls) is turned back into those bytes, and every complete UTF-8 sequence in them
/// (a lead byte C2–F4 and its continuation bytes) becomes the character it encodes. Nothing
/// else changes, so correct text stays as it is: a real "é" followed by letters is not a lead
/// byte followed by continuation bytes, which must come from the 0x80–0xBF row. The repair runs
/// again while it still finds something (double mojibake), at most three times.
enum RepairMojibake {
    /// Repairs `text`; returns nil when nothing was broken.
    static func repair(_ text: String) -> (text: String, repairs: Int)? {
        var current = text
        var total = 0
        for _ in 0..<3 {
            guard let (fixed, count) = repairOnce(current) else { break }
            current = fixed
            total += count
        }
        return total > 0 ? (current, total) : nil
    }

    /// A quick test on UTF-8 bytes: whether `repair` can find anything.
    static func mightContainMojibake(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.indices.contains { leadStarts(bytes, at: $0) }
    }

    /// Whether a repair can start at `index`: a lead byte's character, U+00C2…U+00F4 (C3 82…C3 B4),
    /// before a character that reads as a continuation byte: U+0080…U+00BF (C2 80…C2 BF) or a
    /// windows-1252 special (its UTF-8 opens with C5, C6, CB or E2). A real "é" before a letter
    /// is not one, so correct accented text is not read again.
    static func leadStarts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 2 < bytes.count, bytes[index] == 0xC3, (0x82...0xB4).contains(bytes[index + 1]) else { return false }
        switch bytes[index + 2] {
        case 0xC2, 0xC5, 0xC6, 0xCB, 0xE2: return true
        default: return false
        }
    }

    private static func repairOnce(_ text: String) -> (String, Int)? {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var repairs = 0
        var index = 0
        while index < scalars.count {
            // A lead byte: U+00C2…U+00F4 as a character.
            guard let lead = byte(for: scalars[index]), (0xC2...0xF4).contains(lead) else {
                output.append(scalars[index])
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
            var bytes = [lead]
            var cursor = index + 1
            while bytes.count < length, cursor < scalars.count, let next = byte(for: scalars[cursor]), (0x80...0xBF).contains(next) {
                bytes.append(next)
                cursor += 1
            }
            if bytes.count == length, let decoded = decodeUTF8(bytes), isPlausible(decoded) {
                output.append(decoded)
                repairs += 1
                index = cursor
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return repairs > 0 ? (String(output), repairs) : nil
    }

    /// Characters that are the windows-1252 (or latin-1) reading of one byte, and that byte.
    private static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x100 { return UInt8(value) }  // ASCII, latin-1, and C1 controls (latin-1 reading)
        return windows1252Specials[value]
    }

    private static let windows1252Specials: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    private static func decodeUTF8(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), iterator.next() == nil else { return nil }
        return scalar
    }

    /// Repaired characters are letters, marks, numbers, punctuation, symbols or spaces: never
    /// controls, never private use, never noncharacters.
    private static func isPlausible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .privateUse, .unassigned, .surrogate, .format: return scalar.value == 0x200B || scalar.value == 0x00AD
        default: return !scalar.properties.isNoncharacterCodePoint
        }
    }
}
