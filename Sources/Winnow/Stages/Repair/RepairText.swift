import WinnowHTML

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
        var repaired = 0
        var entities = 0
        var placeholders = 0
        var markup = 0
        while let node = walker.next() {
            // Code is not text: scripts and styles are left alone, except JSON-LD, whose strings
            // become the record's metadata. There only mojibake is repaired (it yields letters);
            // entities are decoded in the strings after JSON parsing, since a decoded &quot;
            // would break the JSON.
            if node.isElement, node.tag == .style || node.tag == .template
                || (node.tag == .script && node.attribute("type")?.lowercased().contains("ld+json") != true)
            {
                walker.skipChildren()
                continue
            }
            guard node.isText else { continue }
            let inScript = node.parent?.tag == .script
            let mojibake = node.withContentBytes(RepairMojibake.mightContainMojibake) == true
            let references = !inScript && node.withContentBytes(RepairEntities.mightContainReference) == true
            let leaks = !inScript && node.withContentBytes(RepairLeakedText.mightContainLeak) == true && !Self.isInCode(node)
            guard mojibake || references || leaks, var text = node.content else { continue }
            var changed = false
            if mojibake, let (fixed, count) = RepairMojibake.repair(text) {
                text = fixed
                repaired += count
                changed = true
            }
            if references, let (fixed, count) = RepairEntities.repair(text) {
                text = fixed
                entities += count
                changed = true
            }
            // After entities: `&lt;!-- tag --&gt;` written twice shows as `<!-- tag -->` only now.
            if leaks || (references && changed), let fixed = RepairLeakedText.repair(text) {
                text = fixed.text
                placeholders += fixed.placeholders
                markup += fixed.markup
                changed = true
            }
            if changed { node.replaceContent(text) }
        }
        trace.countRepair("mojibake", by: repaired)
        trace.countRepair("doubleEscapedEntities", by: entities)
        trace.countRepair("placeholders", by: placeholders)
        trace.countRepair("leakedMarkup", by: markup)
    }

    /// Repair counts of flat text (the text route), recorded under the same names as for HTML.
    struct FlatCounts {
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
        RepairMojibake.mightContainMojibake(bytes) || RepairEntities.mightContainReference(bytes) || RepairLeakedText.mightContainLeak(bytes)
    }

    /// One line of flat text through the same three repairs, in the same order, as a text node.
    static func repairFlat(_ line: String, counts: inout FlatCounts) -> String {
        var text = line
        var copy = line
        let (mojibake, references, leaks) = copy.withUTF8 { bytes in
            (RepairMojibake.mightContainMojibake(bytes), RepairEntities.mightContainReference(bytes), RepairLeakedText.mightContainLeak(bytes))
        }
        guard mojibake || references || leaks else { return line }
        if mojibake, let (fixed, count) = RepairMojibake.repair(text) {
            text = fixed
            counts.mojibake += count
        }
        var decoded = false
        if references, let (fixed, count) = RepairEntities.repair(text) {
            text = fixed
            counts.entities += count
            decoded = true
        }
        if leaks || decoded, let fixed = RepairLeakedText.repair(text) {
            text = fixed.text
            counts.placeholders += fixed.placeholders
            counts.markup += fixed.markup
        }
        return text
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
