import WinnowHTML

/// Stage 2b (after parse, before site rules and strip): repairs text in the document's text
/// nodes, in place. Mojibake first (`RepairMojibake`), because its evidence (C1 controls, odd
/// accented letters) is what later steps would remove; every repair is counted in `repairs`.
public struct RepairText: Sendable {
    public init() {}

    func run(_ page: ParsedPage, trace: inout Trace) {
        guard let root = page.document.rootElement else { return }
        var walker = TreeWalker(root: root)
        var repaired = 0
        while let node = walker.next() {
            // Code is not text: scripts and styles are left alone, except JSON-LD, whose strings
            // become the record's metadata.
            if node.isElement, node.tag == .style || node.tag == .template
                || (node.tag == .script && node.attribute("type")?.lowercased().contains("ld+json") != true)
            {
                walker.skipChildren()
                continue
            }
            guard node.isText, node.withContentBytes(RepairMojibake.mightContainMojibake) == true,
                let text = node.content, let (fixed, count) = RepairMojibake.repair(text)
            else { continue }
            node.replaceContent(fixed)
            repaired += count
        }
        trace.countRepair("mojibake", by: repaired)
    }
}
