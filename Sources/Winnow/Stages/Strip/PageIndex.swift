import WinnowHTML

/// One walk over the document that records, for every element, its place in the tree and the
/// visible text below it. Later steps read these arrays instead of walking the tree again; each
/// element's `Node.mark` holds its index + 1. This is an index of the one tree, not a copy of it.
struct PageIndex {
    struct Element {
        /// The element's node, without a reference to the document (`PageIndex.node`): the
        /// index holds the document, and entries are copied often.
        var handle: NodeHandle
        var parent: Int32
        var tag: HTMLTag
        /// Visible characters (code points, whitespace excluded) of direct text children.
        var ownText: Int32 = 0
        /// Visible characters of the whole subtree, then (after strip) of what strip kept.
        var text: Int32 = 0
        /// The part of `text` that sits inside links.
        var linkText: Int32 = 0
        var commas: Int32 = 0
        /// Flags from `Flags`, for this element or its subtree.
        var flags: Flags = []
        /// Index into `StripResult.removals` when strip removed this element, else -1.
        var removal: Int32 = -1
    }

    struct Flags: OptionSet {
        let rawValue: UInt16
        /// Content that never renders as text (script, style, svg, head…), or inside such an element.
        static let invisible = Flags(rawValue: 1 << 0)
        /// Inside an `<a href>`.
        static let inLink = Flags(rawValue: 1 << 1)
        /// The element or a descendant is an `h1`.
        static let containsH1 = Flags(rawValue: 1 << 2)
        /// Inside an element strip removed.
        static let insideRemoved = Flags(rawValue: 1 << 4)
        /// The element itself is an article marker.
        static let articleMarker = Flags(rawValue: 1 << 5)
        /// Inside `<article>` or `<main>`.
        static let insideArticle = Flags(rawValue: 1 << 6)
        /// The element is a schema.org article (`itemtype` …Article/BlogPosting, `itemprop=articleBody`).
        static let schemaArticle = Flags(rawValue: 1 << 7)
        /// The element or a descendant is a schema.org article.
        static let containsSchemaArticle = Flags(rawValue: 1 << 8)
        /// The element has `itemprop="articleBody"`.
        static let articleBodyProperty = Flags(rawValue: 1 << 9)
        /// The element has an `itemprop` attribute (any value).
        static let hasItemprop = Flags(rawValue: 1 << 10)
        /// The element has a `class` or an `id` attribute.
        static let hasClassOrID = Flags(rawValue: 1 << 11)
    }

    /// The attributes `index` asks every element about, in one walk (`Node.attributePresence`).
    private static let presenceNames = AttributeNames(["href", "itemprop", "itemtype", "class", "id"])
    private static let hrefBit: UInt32 = 1, itempropBit: UInt32 = 2, itemtypeBit: UInt32 = 4, classBit: UInt32 = 8, idBit: UInt32 = 16

    var elements: [Element] = []
    let document: HTMLDocument
    let body: Node?
    /// Whether removals describe their element and quote its text (`Trace.recordsRemovalDetails`).
    var recordsRemovalDetails = true

    init(document: HTMLDocument) {
        self.document = document
        body = document.body
        guard let root = document.rootElement else { return }
        elements.reserveCapacity(2048)
        index(root: root)
    }

    /// The node of an entry.
    func node(_ element: Element) -> Node { document.node(element.handle) }

    /// The node of the entry at `position` in `elements`.
    func node(at position: Int) -> Node { document.node(elements[position].handle) }

    /// `tag.class#id` of a removed element, for explanations; empty when they are not recorded.
    func describe(_ node: Node) -> String {
        recordsRemovalDetails ? StripBoilerplate.describe(node) : ""
    }

    /// The first words of a removed element's text, for explanations; empty when they are not recorded.
    func excerpt(of node: Node) -> String {
        recordsRemovalDetails ? BlockText.excerpt(of: node, index: self) : ""
    }

    /// The element entry of a node (nil for nodes the index does not know).
    func entryIndex(of node: Node) -> Int? {
        entryIndex(mark: node.mark)
    }

    func entryIndex(mark: Int) -> Int? {
        mark > 0 && mark <= elements.count ? mark - 1 : nil
    }

    /// Set when the page holds more elements than its budget allows (the index then stops).
    var overLimit: String?

    private mutating func index(root: Node) {
        root.mark = 1
        // The root is asked only which attributes it has (as before, it is no article marker).
        let presenceNames = Self.presenceNames  // read once: a static is reached through a lazy-initialisation check
        let rootPresence = root.attributePresence(presenceNames)
        var rootFlags: Flags = []
        if rootPresence & Self.itempropBit != 0 { rootFlags.insert(.hasItemprop) }
        if rootPresence & (Self.classBit | Self.idBit) != 0 { rootFlags.insert(.hasClassOrID) }
        elements.append(Element(handle: root.handle, parent: -1, tag: root.tag, flags: rootFlags))
        var walker = TreeWalker(root: root)
        let budget = PageBudget.current
        var steps = 0
        while let node = walker.next() {
            steps += 1
            if PageBudget.spent(at: steps) { break }  // the pipeline rejects the page next
            if node.isElement {
                if let budget, elements.count >= budget.maximumElements {
                    overLimit = "over \(budget.maximumElements) elements (a page of generated markup)"
                    break
                }
                let parentIndex = entryIndex(mark: node.parentMark) ?? 0
                let parentFlags = elements[parentIndex].flags
                let tag = node.tag
                var flags: Flags = parentFlags.intersection([.invisible, .inLink, .insideArticle])
                if Self.invisibleTags.contains(tag) { flags.insert(.invisible) }
                let present = node.attributePresence(presenceNames)
                if tag == .a, present & Self.hrefBit != 0 { flags.insert(.inLink) }
                if present & (Self.classBit | Self.idBit) != 0 { flags.insert(.hasClassOrID) }
                if tag == .h1 { flags.insert(.containsH1) }
                if tag == .article || tag == .main { flags.insert(.articleMarker) }
                if tag == .article || tag == .main { flags.insert(.insideArticle) }
                var isArticleBody = false
                if present & Self.itempropBit != 0 {
                    flags.insert(.hasItemprop)
                    isArticleBody = node.withAttributeBytes("itemprop", { Self.containsWord($0, "articlebody") }) == true
                }
                if isArticleBody { flags.insert([.articleBodyProperty, .articleMarker]) }
                if isArticleBody || present & Self.itemtypeBit != 0 && node.withAttributeBytes("itemtype", Self.namesSchemaArticle) == true {
                    flags.insert([.schemaArticle, .containsSchemaArticle])
                }
                elements.append(Element(handle: node.handle, parent: Int32(parentIndex), tag: tag, flags: flags))
                node.mark = elements.count
            } else if node.isText {
                guard let parentIndex = entryIndex(mark: node.parentMark) else { continue }
                if elements[parentIndex].flags.contains(.invisible) { continue }
                let (visible, commas) = node.withContentBytes(Self.measure) ?? (0, 0)
                elements[parentIndex].ownText += Int32(visible)
                elements[parentIndex].commas += Int32(commas)
            }
        }
        accumulate()
    }

    /// Sums text, link text, commas and the `contains…` flags from children into parents.
    /// Elements are in pre-order, so a reverse pass sees every child before its parent.
    /// Elements strip removed (and their subtrees) contribute nothing.
    mutating func accumulate() {
        for index in elements.indices {
            // An element's own text counts as link text when it sits inside a link.
            elements[index].text = elements[index].ownText
            elements[index].linkText = elements[index].flags.contains(.inLink) ? elements[index].ownText : 0
            elements[index].flags.subtract([.containsH1, .containsSchemaArticle])
            if elements[index].tag == .h1 { elements[index].flags.insert(.containsH1) }
            if elements[index].flags.contains(.schemaArticle) { elements[index].flags.insert(.containsSchemaArticle) }
        }
        var commas = elements.map(\.commas)
        for index in elements.indices.reversed() {
            let element = elements[index]
            let parent = Int(element.parent)
            guard parent >= 0, element.removal < 0, !element.flags.contains(.insideRemoved) else { continue }
            elements[parent].text += element.text
            elements[parent].linkText += element.linkText
            commas[parent] += commas[index]
            elements[parent].flags.formUnion(element.flags.intersection([.containsH1, .containsSchemaArticle]))
        }
        totalCommas = commas
    }

    /// Commas of each subtree (after `accumulate`).
    private(set) var totalCommas: [Int32] = []

    func linkDensity(_ index: Int) -> Double {
        let element = elements[index]
        return element.text > 0 ? Double(element.linkText) / Double(element.text) : 0
    }

    static let invisibleTags: HTMLTagSet = [
        .head, .script, .style, .noscript, .template, .iframe, .frame, .frameset, .object, .embed, .svg, .math,
        .canvas, .video, .audio, .picture, .source, .track, .img, .map, .area, .select, .option, .optgroup,
        .textarea, .input, .meta, .link, .base, .title,
    ]

    /// `itemtype="https://schema.org/NewsArticle"` and the other article types.
    static func namesSchemaArticle(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: value, as: UTF8.self).lowercased()
        return text.hasSuffix("article") || text.hasSuffix("blogposting") || text.hasSuffix("reportagenewsarticle")
    }

    /// Visible code points (whitespace excluded) and commas of UTF-8 text.
    static func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var visible = 0
        var commas = 0
        for byte in bytes {
            if byte <= 0x20 { continue }
            if byte & 0xC0 != 0x80 { visible += 1 }
            if byte == UInt8(ascii: ",") { commas += 1 }
        }
        return (visible, commas)
    }

    /// Whether a space-separated attribute value holds `word` (ASCII case-insensitive).
    static func containsWord(_ value: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        var start = 0
        while start < value.count {
            while start < value.count, value[start] <= 0x20 { start += 1 }
            var end = start
            while end < value.count, value[end] > 0x20 { end += 1 }
            if end - start == length {
                var same = true
                for offset in 0..<length where value[start + offset] | 0x20 != word.utf8Start[offset] | 0x20 {
                    same = false
                    break
                }
                if same { return true }
            }
            start = end
        }
        return false
    }
}
