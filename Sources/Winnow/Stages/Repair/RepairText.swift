import WinnowHTML
import WinnowIO

/// Stage 2b (after parse, before site rules and strip): repairs text in the document's text
/// nodes, in place. Mojibake first (`RepairMojibake`), because its evidence (C1 controls, odd
/// accented letters) is what later steps would remove; then doubly escaped entities
/// (`RepairEntities`); then leftovers of templates and markup shown as text
/// (`RepairLeakedText`). Every repair is counted in `repairs`.
public struct RepairText: Sendable {
    public init() {}

    func run(_ page: ParsedPage, trace: inout Trace) {
        guard let root = page.document.rootElement else { return }
        var walker = TreeWalker(root: root)
        var counts = Counts()
        while let node = walker.next() {
            // Code is not text: scripts and styles are left alone, except JSON-LD, whose strings
            // become the record's metadata. There only mojibake is repaired (it yields letters);
            // entities are decoded in the strings after JSON parsing, since a decoded &quot;
            // would break the JSON.
            if node.isElement {
                let tag = node.tag  // looked up once: three comparisons follow
                if tag == .style || tag == .template || (tag == .script && node.attribute("type")?.lowercased().containsBytes("ld+json") != true) {
                    walker.skipChildren()
                }
                continue
            }
            guard node.isText else { continue }
            guard let hints = node.withContentBytes(RepairHints.init), hints.any else { continue }
            let inScript = node.parent?.tag == .script
            let mojibake = hints.mojibake
            let references = !inScript && hints.references
            let leaks = !inScript && hints.leaks && !Self.isInCode(node)
            guard mojibake || references || leaks, let text = node.content,
                  let fixed = Self.repair(text, mojibake: mojibake, references: references, leaks: leaks, counts: &counts)
            else { continue }
            node.replaceContent(fixed)
        }
        counts.record(in: &trace)
    }

    /// The three repairs, in order, on one text, as far as the quick scans said they might
    /// apply; nil when nothing changed.
    static func repair(_ line: String, mojibake: Bool, references: Bool, leaks: Bool, counts: inout Counts) -> String? {
        var text = line
        var changed = false
        if mojibake, let (fixed, count) = RepairMojibake.repair(text) {
            text = fixed
            counts.mojibake += count
            changed = true
        }
        if references, let (fixed, count) = RepairEntities.repair(text) {
            text = fixed
            counts.entities += count
            changed = true
        }
        // After entities: `&lt;!-- tag --&gt;` written twice shows as `<!-- tag -->` only now.
        if leaks || (references && changed), let fixed = RepairLeakedText.repair(text) {
            text = fixed.text
            counts.placeholders += fixed.placeholders
            counts.markup += fixed.markup
            changed = true
        }
        return changed ? text : nil
    }

    /// Repair counts, recorded under their names in the record's `repairs`.
    struct Counts {
        var mojibake = 0, entities = 0, placeholders = 0, markup = 0

        func record(in trace: inout Trace) {
            trace.countRepair("mojibake", by: mojibake)
            trace.countRepair("doubleEscapedEntities", by: entities)
            trace.countRepair("placeholders", by: placeholders)
            trace.countRepair("leakedMarkup", by: markup)
        }
    }

    /// Whether any of the three repairs might apply to these bytes (a quick scan).
    static func mightNeedRepair(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        RepairHints(bytes).any
    }

    /// One line of flat text through the same repairs as a text node (the text route).
    static func repairFlat(_ line: String, counts: inout Counts) -> String {
        let hints = line.withUTF8Bytes(RepairHints.init)
        guard hints.any else { return line }
        return repair(line, mojibake: hints.mojibake, references: hints.references, leaks: hints.leaks, counts: &counts) ?? line
    }

    /// Text about code keeps its braces and angle brackets.
    private static func isInCode(_ node: Node) -> Bool {
        var ancestor = node.parent
        var depth = 0
        while let element = ancestor, depth < 6 {
            switch element.tag {
            case .pre, .code, .kbd, .samp, .textarea: return true
            default: break
            }
            ancestor = element.parent
            depth += 1
        }
        return false
    }
}

/// The three repairs' quick checks (`RepairMojibake.mightContainMojibake`,
/// `RepairEntities.mightContainReference`, `RepairLeakedText.mightContainLeak`) in one pass over
/// a text node's bytes: every text node of every page is checked, and nearly all hold none of
/// the five bytes that start a finding.
struct RepairHints {
    var mojibake = false
    var references = false
    var leaks = false
    var any: Bool { mojibake || references || leaks }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var index = 0
        let starts = Self.starts
        let base = UnsafeRawPointer(bytes.baseAddress)
        while index < count {
            if let base {
                if index + 16 <= count {
                    // Sixteen bytes at a time, straight to the first that may start a repair.
                    guard let lane = ByteVector.firstLane(Self.repairStarts(base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)))
                    else { index += 16; continue }
                    index += lane
                } else {
                    // The tail: eight ASCII bytes at a time while none of them is &, <, { or $
                    // (C3 has its high bit set).
                    while index + 8 <= count {
                        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        guard word & 0x8080_8080_8080_8080 == 0, !Self.holdsASCIIStart(word) else { break }
                        index += 8
                    }
                    if index >= count { break }
                }
            }
            let byte = bytes[index]
            index += 1
            guard starts[Int(byte)] else { continue }
            let next: UInt8 = index < count ? bytes[index] : 0
            switch byte {
            case 0xC3: mojibake = mojibake || RepairMojibake.leadStarts(bytes, at: index - 1)
            case UInt8(ascii: "&"): references = references || RepairEntities.referenceStarts(bytes, at: index - 1)
            case UInt8(ascii: "<"): leaks = true
            case UInt8(ascii: "{"): leaks = leaks || next == UInt8(ascii: "{") || next == UInt8(ascii: "%")
            default: leaks = leaks || next == UInt8(ascii: "{")  // "$"
            }
        }
    }

    private static let starts: [Bool] = (0..<256).map { [0xC3, 0x26, 0x3C, 0x7B, 0x24].contains($0) }

    /// The bytes of sixteen that may start a repair: C3, &, <, { and $ (`starts`), by vector
    /// compares (`ByteVector`).
    @inline(__always)
    static func repairStarts(_ bytes: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        let mojibakeLead = SIMD16<UInt8>(repeating: 0xC3), ampersand = SIMD16<UInt8>(repeating: 0x26)
        let less = SIMD16<UInt8>(repeating: 0x3C), brace = SIMD16<UInt8>(repeating: 0x7B), dollar = SIMD16<UInt8>(repeating: 0x24)
        return (bytes .== mojibakeLead) .| (bytes .== ampersand) .| (bytes .== less) .| (bytes .== brace) .| (bytes .== dollar)
    }

    /// Whether a word of eight ASCII bytes holds &, <, { or $ (a zero byte after XOR with each,
    /// found with the usual has-zero-byte arithmetic).
    @inline(__always)
    static func holdsASCIIStart(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZeroByte(word ^ (ones &* 0x26)) || hasZeroByte(word ^ (ones &* 0x3C)) || hasZeroByte(word ^ (ones &* 0x7B))
            || hasZeroByte(word ^ (ones &* 0x24))
    }

}
