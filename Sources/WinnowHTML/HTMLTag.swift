/// The HTML elements the pipeline reasons about, classified once from libxml2's name bytes.
/// Anything else is `.other`; non-elements are `.none`.
public enum HTMLTag: UInt8, Sendable, CaseIterable {
    case none, other
    case html, head, body, title, meta, link, base, script, style, noscript, template
    case iframe, frame, frameset, object, embed, svg, math, canvas, video, audio, picture, source, track, img, map, area
    case figure, figcaption, p, div, span, a, section, article, main, header, footer, nav, aside
    case h1, h2, h3, h4, h5, h6, hgroup
    case ul, ol, li, dl, dt, dd, menu
    case table, thead, tbody, tfoot, tr, td, th, caption, col, colgroup
    case blockquote, q, pre, code, kbd, samp, br, wbr, hr
    case form, input, button, select, option, optgroup, textarea, label, fieldset, legend, output, progress, meter
    case dialog, address, details, summary, time, center, font
    case b, i, em, strong, small, sub, sup, u, s, strike, mark, abbr, cite, dfn, ins, del, big, tt, `var`, bdi, bdo
    case ruby, rt, rp, data

    /// The lower-case tag name (`none` and `other` have none).
    public var name: String? {
        switch self {
        case .none, .other: return nil
        default: return String(describing: self)
        }
    }

    /// The element for a lower-case tag name; nil for names that are not one of these.
    public static func named(_ name: String) -> HTMLTag? { byName[name] }

    private static let byName: [String: HTMLTag] = Dictionary(
        uniqueKeysWithValues: allCases.compactMap { tag in tag.name.map { ($0, tag) } })

    init(cName: UnsafePointer<UInt8>) {
        var key: UInt64 = 0
        var length = 0
        while length < 9, cName[length] != 0 {
            if length < 8 { key |= UInt64(cName[length] | 0x20) << (8 * UInt64(length)) }
            length += 1
        }
        if length > 8 {
            // Only two tags are longer than eight letters; compare them whole.
            self = Self.longTag(cName) ?? .other
            return
        }
        self = Self.byPackedName[key] ?? .other
    }

    private static func longTag(_ cName: UnsafePointer<UInt8>) -> HTMLTag? {
        for (tag, bytes) in [(HTMLTag.blockquote, Array("blockquote".utf8)), (.figcaption, Array("figcaption".utf8))] {
            var index = 0
            while index < bytes.count, cName[index] | 0x20 == bytes[index] { index += 1 }
            if index == bytes.count, cName[index] == 0 { return tag }
        }
        return nil
    }

    /// Names of up to eight bytes packed little-endian into a UInt64 (ASCII lower-cased with 0x20,
    /// which leaves digits unchanged), in an open-addressing table: every element of every page
    /// asks for its tag, several times, and a Dictionary hashed each key with SipHash.
    private static let byPackedName = PackedNameTable(HTMLTag.allCases.compactMap { tag in
        guard let name = tag.name, name.utf8.count <= 8 else { return nil }
        var key: UInt64 = 0
        for (offset, byte) in name.utf8.enumerated() { key |= UInt64(byte | 0x20) << (8 * UInt64(offset)) }
        return (key, tag)
    })
}

/// Packed names to tags: 256 slots, Fibonacci hashing, linear probing. Key 0 (the empty name)
/// marks a free slot.
private struct PackedNameTable: Sendable {
    private var keys = [UInt64](repeating: 0, count: 256)
    private var tags = [HTMLTag](repeating: .other, count: 256)

    init(_ entries: [(UInt64, HTMLTag)]) {
        for (key, tag) in entries {
            var slot = Self.slot(key)
            while keys[slot] != 0 { slot = (slot + 1) & 255 }
            keys[slot] = key
            tags[slot] = tag
        }
    }

    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

    subscript(key: UInt64) -> HTMLTag? {
        var slot = Self.slot(key)
        while keys[slot] != 0 {
            if keys[slot] == key { return tags[slot] }
            slot = (slot + 1) & 255
        }
        return nil
    }
}
