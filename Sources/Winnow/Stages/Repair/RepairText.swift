import WinnowHTML

/// Stage 2b (after parse, before site rules and strip): repairs text in the document's text
/// nodes, in place. Mojibake first (`RepairMojibake`), because its evidence (C1 controls, odd
/// accented letters) is what later steps would remove; then doubly escaped entities
/// (`RepairEntities`). Every repair is counted in `repairs`.
public struct RepairText: Sendable {
    public init() {}

    func run(_ page: ParsedPage, trace: inout Trace) {
        guard let root = page.document.rootElement else { return }
        var walker = TreeWalker(root: root)
        var repaired = 0
        var entities = 0
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
            guard mojibake || references, var text = node.content else { continue }
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
            if changed { node.replaceContent(text) }
        }
        trace.countRepair("mojibake", by: repaired)
        trace.countRepair("doubleEscapedEntities", by: entities)
    }
}
