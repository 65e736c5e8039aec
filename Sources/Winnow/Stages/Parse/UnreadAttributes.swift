/// Attributes whose values no stage reads: icon path data (`d`), image sources and their
/// variants, `alt` and `title` text, event handlers (`on…`), `data-…` payloads, and `href`
/// except on `<link>` and `<base>` (of a link only its presence counts). They are half the
/// attribute bytes on news pages, and libxml2 reads attribute values character by character. `UnreadMarkup` empties their quoted values before the parse (the attribute
/// itself stays, so `hasAttribute` and selectors on its name still hold).
///
/// The stages read `class`, `id`, `style`, `href` (of `<link>`), `content`, `name`, `property`, `itemprop`,
/// `itemtype`, `datetime`, `lang`, `rel`, `type`, `role`, `hidden` and `aria-hidden`, none of
/// which is listed. Site rules may read any attribute: every name their selectors mention
/// (`@name` in XPath, `[name` in CSS) is taken off the list, and a selector that reads any
/// attribute (`@*`, `attribute::`) turns the list off.
public struct UnreadAttributes: Sendable {
    static let defaultNames = ["d", "src", "srcset", "sizes", "alt", "title", "points", "viewbox", "transform", "xlink:href", "fill",
                               "stroke", "integrity", "nonce", "poster", "loading", "decoding", "crossorigin"]
    static let defaultPrefixes = ["data-", "on"]

    private var names: [[UInt8]]
    /// `ByteHash` of `names`: an attribute name is hashed (lower-cased) once and compared with
    /// a listed name only when the hash is one of theirs (most names on a page are not).
    private var nameHashes: ByteHashSet
    private var prefixes: [[UInt8]]
    /// `href` outside `<link>` and `<base>`.
    private var linkTargets: Bool

    public init(rules: RuleSet) {
        var names = Self.defaultNames
        var prefixes = Self.defaultPrefixes
        var linkTargets = true
        for source in rules.rules.flatMap(\.selectorSources) {
            let lowered = source.lowercased()
            if lowered.contains("@*") || lowered.contains("attribute::") {
                names = []
                prefixes = []
                linkTargets = false
                break
            }
            for mentioned in Self.attributeNames(in: lowered) {
                names.removeAll { $0 == mentioned }
                if mentioned == "href" { linkTargets = false }
                prefixes.removeAll { mentioned.hasPrefix($0) }
            }
        }
        self.names = names.map { Array($0.utf8) }
        self.nameHashes = ByteHashSet(names.map { ByteHash.of($0) })
        self.prefixes = prefixes.map { Array($0.utf8) }
        self.linkTargets = linkTargets
    }

    /// The attribute names a selector mentions: after `@` (XPath) or `[` (CSS; in XPath this
    /// also catches function names, which only keeps more values).
    static func attributeNames(in selector: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in selector {
            if current != nil, character.isLetter || character.isNumber || "-_:.".contains(character) {
                current!.append(character)
                continue
            }
            if let name = current, !name.isEmpty { names.append(name) }
            current = character == "@" || character == "[" ? "" : nil
        }
        if let name = current, !name.isEmpty { names.append(name) }
        return names
    }

    /// Whether the value of the attribute with this name (any ASCII case) is unread; `onLink`
    /// for the attributes of `<link>` and `<base>`.
    func contains(_ name: UnsafeBufferPointer<UInt8>, onLink: Bool = false) -> Bool {
        func matches(_ candidate: [UInt8], count: Int) -> Bool {
            for offset in 0..<count where name[offset] | (name[offset] >= 0x41 && name[offset] <= 0x5A ? 0x20 : 0) != candidate[offset] {
                return false
            }
            return true
        }
        var hash = ByteHash.empty
        for byte in name { hash = ByteHash.adding(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte, to: hash) }
        if nameHashes.contains(hash) {
            for candidate in names where candidate.count == name.count && matches(candidate, count: candidate.count) { return true }
        }
        for prefix in prefixes where name.count > prefix.count && matches(prefix, count: prefix.count) { return true }
        if linkTargets, !onLink, name.count == 4, matches(Self.href, count: 4) { return true }
        return false
    }

    private static let href = Array("href".utf8)

    var isEmpty: Bool { names.isEmpty && prefixes.isEmpty && !linkTargets }
}
