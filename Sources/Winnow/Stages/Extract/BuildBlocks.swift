import Foundation
import WinnowHTML

/// Walks the content roots in document order and turns them into blocks, without recursion
/// (an explicit stack of enter/exit frames). Inline runs between block-level elements become
/// paragraphs; lists, quotes and tables collect their parts and become one block each.
///
/// Inside the content it also removes, with a recorded reason:
///  - containers and lists that are mostly links (`linkDense`),
///  - short blocks whose text is boilerplate by `BoilerplateVocabulary.phrases`,
///  - short paragraphs that are entirely a link (`linkDense`),
///  - a heading that repeats the title (it is the `title` field, not body).
struct BuildBlocks {
    enum Item {
        case kept(Block)
        /// Kept because a site rule's `keep:` says so (the reason names the rule).
        case keptByRule(Block, String)
        case removed(Removal)
        /// A heading that repeats the title: the `title` field, not body.
        case title(String)
        /// A paragraph that repeats the standfirst: the `description` field, not body.
        case standfirst(String)
    }

    let index: PageIndex
    let title: String?
    let standfirst: String?
    private var standfirstSeen = false

    private(set) var items: [(order: Int, item: Item)] = []
    /// Characters the text model changed: invisible characters removed, no-break spaces made
    /// spaces, C1 controls read as windows-1252, decomposed accents composed.
    var repairs: [(String, Int)] { builder.repairs }
    private var builder = TextBuilder()
    private var runOrder = -1
    private var runVisible = 0
    private var runLinkVisible = 0
    private var linkDepth = 0
    private var headingLevel: Int?
    private var captionDepth = 0
    private var collectors: [Collector] = [Collector(kind: .body, order: 0)]
    private var titleSeen = false

    /// Site rule text patterns and the elements the rule keeps.
    private let dropText: [(category: BoilerplateCategory, pattern: SiteRule.TextPattern)]
    private let ruleFile: String?
    private let kept: [Int: String]

    init(index: PageIndex, title: String?, description: String? = nil, site: StrippedPage? = nil) {
        self.index = index
        self.title = title.map(Self.comparable)
        standfirst = description.map(Self.comparable)
        dropText = site?.site?.rule.dropText ?? []
        ruleFile = site?.site?.rule.file
        kept = site?.kept ?? [:]
    }

    private enum Frame {
        case enter(Node)
        case exitBlock(Int)
        case exitLink
        case exitHeading(Int)
        case exitPre(Int)
        case exitCaption(Int)
        case closeCollector(Int)
        case exitListNested
        case exitRow
        case exitCell(Int)
    }

    private struct Collector {
        enum Kind { case body, quote, list, table }
        var kind: Kind
        var order: Int
        var pieces: [String] = []
        var items: [Block.ListItem] = []
        var ordered = false
        var depth = 0
        var rows: [[String]] = []
        var row: [String] = []
        var cell: [String] = []
    }

    mutating func build(roots: [Int]) {
        for root in roots {
            let rootNode = index.node(at: root)
            var stack: [Frame] = [.enter(rootNode)]
            var steps = 0
            while let frame = stack.popLast() {
                steps += 1
                if PageBudget.spent(at: steps) { return }  // the pipeline rejects the page next
                switch frame {
                case .enter(let node): enter(node, isRoot: node == rootNode, stack: &stack)
                case .exitBlock(let order): flush(order: order)
                case .exitLink: linkDepth -= 1
                case .exitHeading(let order):
                    flush(order: order)
                    headingLevel = nil
                case .exitPre(let order):
                    flush(order: order)
                    builder.preservesWhitespace = false
                case .exitCaption(let order):
                    flush(order: order)
                    captionDepth -= 1
                case .closeCollector(let order):
                    flush(order: order)
                    closeCollector()
                case .exitListNested:
                    flush(order: runOrder)
                    collectors[collectors.count - 1].depth -= 1
                case .exitRow:
                    finishRow()
                case .exitCell(let order):
                    flush(order: order)
                    finishCell()
                }
            }
            flush(order: runOrder)
        }
    }

    private mutating func enter(_ node: Node, isRoot: Bool, stack: inout [Frame]) {
        if node.isText {
            guard linkDepth >= 0 else { return }
            if builder.isEmpty, let position = index.entryIndex(mark: node.parentMark) { runOrder = position }
            _ = node.withContentBytes { bytes in
                builder.append(bytes)
                let visible = PageIndex.measure(bytes).0
                runVisible += visible
                if linkDepth > 0 { runLinkVisible += visible }
            }
            return
        }
        guard node.isElement, let position = index.entryIndex(of: node) else { return }
        let element = index.elements[position]
        if element.removal >= 0 {
            if Self.isBlockLevel(element.tag) { flush(order: runOrder) }
            return
        }
        let tag = element.tag
        if tag == .br { builder.lineBreak(); return }
        if PageIndex.invisibleTags.contains(tag) { return }
        if !isRoot, kept[position] == nil, let (category, reason) = conditionalRemoval(position) {
            flush(order: runOrder)
            items.append((position, .removed(Removal(
                category: category, reason: reason, stage: "extract", element: index.describe(node),
                line: node.line, excerpt: index.excerpt(of: node), order: position))))
            return
        }
        switch tag {
        case .a:
            stack.append(.exitLink)
            linkDepth += 1
        case .h1, .h2, .h3, .h4, .h5, .h6:
            flush(order: runOrder)
            headingLevel = Int(tag.rawValue - HTMLTag.h1.rawValue) + 1
            stack.append(.exitHeading(position))
        case .pre:
            flush(order: runOrder)
            builder.preservesWhitespace = true
            stack.append(.exitPre(position))
        case _ where tag == .figcaption || Self.isCaptionNamed(node):
            flush(order: runOrder)
            captionDepth += 1
            stack.append(.exitCaption(position))
        case .blockquote:
            flush(order: runOrder)
            collectors.append(Collector(kind: .quote, order: position))
            stack.append(.closeCollector(position))
        case .ul, .ol, .menu:
            flush(order: runOrder)
            if collectors.last?.kind == .list {
                collectors[collectors.count - 1].depth += 1
                stack.append(.exitListNested)
            } else {
                var list = Collector(kind: .list, order: position)
                list.ordered = tag == .ol
                collectors.append(list)
                stack.append(.closeCollector(position))
            }
        case .table where isDataTable(node):
            flush(order: runOrder)
            collectors.append(Collector(kind: .table, order: position))
            stack.append(.closeCollector(position))
        case .tr where collectors.last?.kind == .table:
            flush(order: runOrder)
            stack.append(.exitRow)
        case .td where collectors.last?.kind == .table, .th where collectors.last?.kind == .table:
            flush(order: runOrder)
            stack.append(.exitCell(position))
        default:
            if Self.isBlockLevel(tag) {
                flush(order: runOrder)
                stack.append(.exitBlock(position))
            }
        }
        var children: [Node] = []
        var child = node.firstChild
        while let current = child {
            children.append(current)
            child = current.nextSibling
        }
        for child in children.reversed() { stack.append(.enter(child)) }
    }

    // MARK: - Emitting

    private mutating func flush(order: Int) {
        let visible = runVisible
        let linkVisible = runLinkVisible
        runVisible = 0
        runLinkVisible = 0
        let text = builder.take()
        guard !text.isEmpty else { return }
        let blockOrder = runOrder >= 0 ? runOrder : order
        let top = collectors.count - 1
        switch collectors[top].kind {
        case .quote:
            collectors[top].pieces.append(text)
        case .list:
            collectors[top].items.append(Block.ListItem(text: text, depth: collectors[top].depth, ordered: collectors[top].ordered))
        case .table:
            collectors[top].cell.append(text)
        case .body:
            let kind: Block.Kind
            if captionDepth > 0 { kind = .caption } else if headingLevel != nil { kind = .heading } else if builder.preservesWhitespace { kind = .code } else { kind = .paragraph }
            let block = Block(kind: kind, text: text, level: kind == .heading ? headingLevel : nil)
            emit(block, order: blockOrder, visible: visible, linkVisible: linkVisible)
        }
    }

    private mutating func emit(_ block: Block, order: Int, visible: Int, linkVisible: Int) {
        // Site rule text patterns first: they speak for the site, whatever the block's length.
        if let ruleFile, let (category, pattern) = dropText.first(where: { $0.pattern.matches(block.text) }) {
            let reason = "site rule \(ruleFile):\(pattern.line) drop_text \"\(pattern.source)\""
            items.append((order, .removed(removal(for: block, category: category, reason: reason, order: order))))
            return
        }
        if let reason = kept[order] {
            items.append((order, .keptByRule(block, reason)))
            return
        }
        // Only short blocks are compared with titles and phrases; long ones skip the work.
        let characters = block.text.utf8.count <= 4 * BoilerplateVocabulary.phraseBlockLimit ? block.text.characterCount : Int.max
        guard characters <= 300 else {
            items.append((order, .kept(block)))
            return
        }
        let comparable = Self.comparable(block.text)
        if block.kind == .heading, !titleSeen, let title, comparable == title {
            titleSeen = true
            items.append((order, .title(block.text)))
            return
        }
        // Only before any body block: a description equal to a later paragraph is the site
        // reusing its body as a summary, and that paragraph stays body.
        if block.kind == .paragraph, !standfirstSeen, let standfirst, comparable == standfirst,
            !items.contains(where: {
                switch $0.item {
                case .kept(let kept), .keptByRule(let kept, _): return kept.isBody
                default: return false
                }
            })
        {
            standfirstSeen = true
            items.append((order, .standfirst(block.text)))
            return
        }
        if block.kind == .paragraph, CreditLines.roles.contains(where: { comparable.utf8.starts(with: $0.utf8) }) {
            var credit = removal(for: block, category: .credit, reason: "credit line (read as credits)", order: order)
            credit.fullText = block.text
            items.append((order, .removed(credit)))
            return
        }
        // Code shows braces and tags on purpose: no phrase judges it.
        if block.kind != .code, let (category, reason) = Self.phraseRule(comparable, length: characters) {
            items.append((order, .removed(removal(for: block, category: category, reason: reason, order: order))))
            return
        }
        if block.kind != .code, visible > 0, Double(linkVisible) / Double(visible) >= 0.8 {
            items.append((order, .removed(removal(for: block, category: .linkDense, reason: "block is all link text", order: order))))
            return
        }
        if block.kind == .paragraph, characters <= 40, DateParser.parse(block.text) != nil {
            items.append((order, .removed(removal(for: block, category: .credit, reason: "date line (read as metadata)", order: order))))
            return
        }
        items.append((order, .kept(block)))
    }

    private func removal(for block: Block, category: BoilerplateCategory, reason: String, order: Int) -> Removal {
        let node = index.node(at: max(0, min(order, index.elements.count - 1)))
        let excerpt = index.recordsRemovalDetails ? block.text.excerpt().replacingNewlines() : ""
        return Removal(category: category, reason: reason, stage: "extract", element: index.describe(node),
                       line: node.line, excerpt: excerpt, order: order)
    }

    private mutating func closeCollector() {
        guard collectors.count > 1, let collector = collectors.popLast() else { return }
        let block: Block?
        switch collector.kind {
        case .body: block = nil
        case .quote:
            block = collector.pieces.isEmpty ? nil : Block(kind: .quote, text: collector.pieces.joined(separator: "\n"))
        case .list:
            let lines = collector.items.map { String(repeating: "  ", count: $0.depth) + "- " + $0.text }
            block = collector.items.isEmpty ? nil : Block(kind: .list, text: lines.joined(separator: "\n"), items: collector.items)
        case .table:
            var rows = collector.rows
            if !collector.row.isEmpty { rows.append(collector.row) }
            let lines = rows.map { $0.joined(separator: " | ") }
            block = rows.isEmpty ? nil : Block(kind: .table, text: lines.joined(separator: "\n"), rows: rows)
        }
        guard let block else { return }
        let parent = collectors.count - 1
        switch collectors[parent].kind {
        case .body:
            emit(block, order: collector.order, visible: 0, linkVisible: 0)
        case .quote:
            collectors[parent].pieces.append(block.text)
        case .list:
            for line in block.text.split(separator: "\n") {
                collectors[parent].items.append(Block.ListItem(text: String(line), depth: collectors[parent].depth + 1, ordered: false))
            }
        case .table:
            collectors[parent].cell.append(block.text)
        }
    }

    private mutating func finishCell() {
        let top = collectors.count - 1
        guard collectors[top].kind == .table else { return }
        collectors[top].row.append(collectors[top].cell.joined(separator: " "))
        collectors[top].cell.removeAll()
    }

    private mutating func finishRow() {
        let top = collectors.count - 1
        guard collectors[top].kind == .table else { return }
        if !collectors[top].cell.isEmpty { finishCell() }
        if collectors[top].row.contains(where: { !$0.isEmpty }) { collectors[top].rows.append(collectors[top].row) }
        collectors[top].row.removeAll()
    }

    // MARK: - Rules

    /// "list with link density 0.62". The figure only where removals are described (`winnow
    /// explain`): records count removals by category, and formatting it went through Foundation.
    private func linkDensityReason(_ element: String, _ density: Double) -> String {
        index.recordsRemovalDetails ? String(format: "\(element) with link density %.2f", density) : "\(element) with a high link density"
    }

    /// Containers and lists inside the content that are mostly links.
    private func conditionalRemoval(_ position: Int) -> (BoilerplateCategory, String)? {
        let element = index.elements[position]
        guard element.text > 0, index.totalCommas[position] < 10 else { return nil }
        let density = index.linkDensity(position)
        switch element.tag {
        case .ul, .ol, .dl, .menu:
            if density > 0.5 { return (.linkDense, linkDensityReason("list", density)) }
        case .div, .section, .table, .form, .fieldset, .header, .footer, .aside, .article, .figure, .other:
            if density > 0.35 && element.text < 1500 {
                return (.linkDense, linkDensityReason("container", density))
            }
        default:
            break
        }
        return nil
    }

    /// The first phrase of the vocabularies that a comparable text (`length` scalars) matches,
    /// as a category and a reason; `hash` is the text's `TextHash` when the caller has it.
    static func phraseRule(_ comparable: String, length: Int, hash: UInt64? = nil) -> (BoilerplateCategory, String)? {
        guard length <= BoilerplateVocabulary.phraseBlockLimit else { return nil }
        return comparable.withUTF8Bytes { phraseRule($0, length: length, hash: hash) }
    }

    /// `phraseRule` on a comparable text's UTF-8 bytes.
    static func phraseRule(_ comparable: UnsafeBufferPointer<UInt8>, length: Int, hash: UInt64? = nil) -> (BoilerplateCategory, String)? {
        guard let (category, position) = phraseMatch(comparable, length: length, hash: hash) else { return nil }
        return (category, "text \(BoilerplateVocabulary.phrases[position].match)")
    }

    /// `phraseRule`'s category and its entry in `BoilerplateVocabulary.phrases`, without the
    /// reason's text.
    static func phraseMatch(_ comparable: UnsafeBufferPointer<UInt8>, length: Int, hash: UInt64? = nil) -> (BoilerplateCategory, Int)? {
        guard length <= BoilerplateVocabulary.phraseBlockLimit, let position = BoilerplateVocabulary.phraseIndex.firstMatch(comparable, hash: hash)
        else { return nil }
        return (BoilerplateVocabulary.phrases[position].category, position)
    }

    /// A data table has rows of short cells; a layout table holds paragraphs, lists or other
    /// tables and is read as containers.
    private func isDataTable(_ table: Node) -> Bool {
        var walker = TreeWalker(root: table)
        while let node = walker.next() {
            guard node.isElement else { continue }
            switch node.tag {
            case .table, .p, .div, .ul, .ol, .blockquote, .h1, .h2, .h3, .h4, .h5, .h6, .article, .section: return false
            default: continue
            }
        }
        return true
    }

    /// Lower case, straight apostrophes, single spaces: how phrases and titles are compared.
    /// One pass over the UTF-8 bytes: ASCII, Latin-1 letters, Greek and Cyrillic capitals are
    /// lower-cased on the bytes, curly single quotes become ', Unicode spaces one space; a text
    /// with capitals of other scripts goes through `comparableUsingStandardLibrary`.
    static func comparable(_ text: String) -> String {
        var needsStandardLibrary = false
        // Folding never lengthens the text, so the result is written in place of a buffer the
        // input's size.
        let folded = text.withUTF8Bytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { output in
                guard let length = foldComparable(bytes, into: output.baseAddress!) else {
                    needsStandardLibrary = true
                    return 0
                }
                return length
            }
        }
        return needsStandardLibrary ? comparableUsingStandardLibrary(text) : folded
    }

    /// `foldComparable` of a line `TextBuilder.isPlainASCII` accepts: its bytes with A–Z lower-cased,
    /// in a loop the compiler vectorizes (nothing else of the fold applies to such a line).
    static func lowercasePlainASCII(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) {
        guard let input = bytes.baseAddress else { return }
        for index in 0..<bytes.count {
            let byte = input[index]
            output[index] = byte | (byte &- 0x41 < 26 ? 0x20 : 0)
        }
    }

    /// `comparable` on UTF-8 bytes, written to `output` (room for `bytes.count` bytes): the
    /// length written, or nil for a text with capitals the byte path does not map (then
    /// `comparableUsingStandardLibrary` folds it). On pointers, with no closure captures: those
    /// cost exclusivity checks per byte.
    static func foldComparable(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int? {
        var length = 0
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        let input = UnsafeRawPointer(bytes.baseAddress)
        let target: UnsafeMutableRawPointer? = UnsafeMutableRawPointer(output)
        while index < count {
            // Runs of eight bytes of visible ASCII and single spaces (most text) are lower-cased
            // at once. The start of the fold counts as a space before (no space opens it); a
            // space closing the run becomes pending, as the byte path below leaves one.
            if index + 8 <= count, !pendingSpace, let input, let target {
                var spaceBefore: UInt64 = length == 0 || output[length - 1] == 0x20 ? 0x80 : 0
                let start = index
                while index + 8 <= count {
                    let word = input.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    guard let (lowered, spaces) = Self.loweredPlainASCII(word, spaceBefore: spaceBefore) else { break }
                    target.storeBytes(of: lowered, toByteOffset: length, as: UInt64.self)
                    spaceBefore = spaces >> 56
                    length += 8
                    index += 8
                }
                if index > start {
                    if spaceBefore != 0 {
                        length -= 1
                        pendingSpace = true
                    }
                    continue
                }
            }
            let byte = bytes[index]
            // A run of visible ASCII is lower-cased in a tight loop.
            if byte > 0x20 && byte < 0x7F {
                if pendingSpace { output[length] = 0x20; length += 1; pendingSpace = false }
                var cursor = index
                while cursor < count {
                    let current = bytes[cursor]
                    guard current > 0x20 && current < 0x7F else { break }
                    output[length] = current >= 0x41 && current <= 0x5A ? current | 0x20 : current
                    length += 1
                    cursor += 1
                }
                index = cursor
                continue
            }
            var first = byte
            var second: UInt8 = 0
            var written = 1
            if byte < 0x80 {
                index += 1
                // A single space between visible bytes is written at once, so that the
                // next eight bytes can take the fast path (which wants no pending space).
                if byte == 0x20, length > 0, !pendingSpace, index < count, bytes[index] > 0x20, bytes[index] < 0x7F {
                    output[length] = 0x20
                    length += 1
                    continue
                }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = length > 0
                    continue
                }
                if byte >= 0x41 && byte <= 0x5A { first = byte | 0x20 }
            } else {
                let next: UInt8 = index + 1 < count ? bytes[index + 1] : 0
                let third: UInt8 = index + 2 < count ? bytes[index + 2] : 0
                let width = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2, count - index)
                var isSpace = false
                switch byte {
                case 0xC2 where next == 0xA0 || next == 0x85:
                    isSpace = true
                case 0xC3 where next >= 0x80 && next <= 0x9E && next != 0x97:  // À-Þ
                    second = next + 0x20; written = 2
                case 0xC4...0xCD, 0xD2...0xD5:  // Latin Extended, IPA, combining marks, Cyrillic extensions, Armenian
                    return nil
                case 0xCE where next >= 0x91 && next <= 0xA9 && next != 0xA2:  // Α-Ω
                    if next <= 0x9F { second = next + 0x20 } else { first = 0xCF; second = next - 0x20 }
                    written = 2
                case 0xCE where next >= 0x86 && next <= 0x8F, 0xCF where next >= 0x8F, 0xD1 where next >= 0xA0:
                    return nil
                case 0xD0 where next >= 0x80 && next <= 0x8F:  // Ѐ-Џ
                    first = 0xD1; second = next + 0x10; written = 2
                case 0xD0 where next >= 0x90 && next <= 0x9F:  // А-П
                    second = next + 0x20; written = 2
                case 0xD0 where next >= 0xA0 && next <= 0xAF:  // Р-Я
                    first = 0xD1; second = next - 0x20; written = 2
                case 0xE2 where next == 0x80 && (third == 0x98 || third == 0x99):
                    first = 0x27
                case 0xE2 where next == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF),
                     0xE2 where next == 0x81 && third == 0x9F, 0xE3 where next == 0x80 && third == 0x80,
                     0xE1 where next == 0x9A && third == 0x80:
                    isSpace = true
                case 0xE1 where next >= 0xB8, 0xE2 where next >= 0xB0 && next <= 0xB3,  // Latin Extended Additional, Greek Extended, Glagolitic, Coptic
                     0xEF where next == 0xBC && third >= 0xA1 && third <= 0xBA:  // fullwidth capitals
                    return nil
                default:
                    written = -width  // copy the sequence as it is
                }
                if isSpace {
                    pendingSpace = length > 0
                    index += width
                    continue
                }
                if written < 0 {
                    if pendingSpace { output[length] = 0x20; length += 1; pendingSpace = false }
                    for offset in 0..<width { output[length + offset] = bytes[index + offset] }
                    length += width
                    index += width
                    continue
                }
                index += width
            }
            if pendingSpace { output[length] = 0x20; length += 1; pendingSpace = false }
            output[length] = first
            length += 1
            if written == 2 { output[length] = second; length += 1 }
        }
        return length
    }

    /// Eight bytes lower-cased, with their spaces (each a high bit), when each is visible ASCII
    /// or a space and no space follows a space (`spaceBefore`: 0x80 when the byte before the
    /// eight is one, or is the start of the text). Nil otherwise.
    @inline(__always)
    static func loweredPlainASCII(_ word: UInt64, spaceBefore: UInt64) -> (lowered: UInt64, spaces: UInt64)? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // All below 0x80, so the additions below carry into no neighbour: then 0x20...0x7E each.
        guard word & highBits == 0, (word &+ ones &* 0x60) & highBits == highBits, (word &+ ones) & highBits == 0 else { return nil }
        // The spaces, exactly, one high bit each.
        let spaces = ByteLanes.equal(word, 0x20)
        guard spaces & (spaces << 8 | spaceBefore) == 0 else { return nil }
        // A to Z: at least 0x41 and below 0x5B; 0x20 added to each.
        let capitals = ((word &+ ones &* 0x3F) ^ (word &+ ones &* 0x25)) & highBits
        return (word | (capitals >> 2), spaces)
    }

    /// `comparable` through the standard library's lower-casing, for texts with capitals the
    /// byte path does not map.
    static func comparableUsingStandardLibrary(_ text: String) -> String {
        // ASCII fast path: most short blocks are ASCII; fold case and spaces on bytes.
        var ascii: [UInt8] = []
        ascii.reserveCapacity(text.utf8.count)
        var isASCII = true
        var pendingSpace = false
        for byte in text.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !ascii.isEmpty
                continue
            }
            if pendingSpace { ascii.append(0x20); pendingSpace = false }
            ascii.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        if isASCII { return String(decoding: ascii, as: UTF8.self) }
        // Elsewhere: lower-case (on bytes where the script's case pairs are regular, through the
        // standard library where they are not), then fold on bytes (curly single quotes to ',
        // Unicode spaces to one space).
        let lower = Self.lowercasedUTF8(text)
        var result: [UInt8] = []
        result.reserveCapacity(lower.count)
        pendingSpace = false
        var index = 0
        while index < lower.count {
            let byte = lower[index]
            var width = 1
            var isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            var replacement: UInt8?
            if byte == 0xC2, index + 1 < lower.count, lower[index + 1] == 0xA0 || lower[index + 1] == 0x85 {
                isSpace = true
                width = 2
            } else if byte == 0xE2, index + 2 < lower.count, lower[index + 1] == 0x80 {
                let third = lower[index + 2]
                if third == 0x98 || third == 0x99 { replacement = 0x27; width = 3 }
                if third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { isSpace = true; width = 3 }
            } else if byte == 0xE2, index + 2 < lower.count, lower[index + 1] == 0x81, lower[index + 2] == 0x9F {
                isSpace = true
                width = 3
            } else if byte == 0xE3, index + 2 < lower.count, lower[index + 1] == 0x80, lower[index + 2] == 0x80 {
                isSpace = true
                width = 3
            } else if byte == 0xE1, index + 2 < lower.count, lower[index + 1] == 0x9A, lower[index + 2] == 0x80 {
                isSpace = true
                width = 3
            }
            if isSpace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20); pendingSpace = false }
                if let replacement { result.append(replacement) } else { result.append(contentsOf: lower[index..<min(index + width, lower.count)]) }
            }
            index += width
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The lower-case UTF-8 of a text. ASCII, Latin-1 letters, Greek and Cyrillic capitals are
    /// mapped on the bytes; a text with capitals elsewhere (Latin Extended, Armenian, …) goes
    /// through `String.lowercased()`. Scalars without case pass through.
    static func lowercasedUTF8(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            var mapped = value
            switch value {
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x391...0x3A1, 0x3A3...0x3AB, 0x410...0x42F: mapped = value + 0x20
            case 0x400...0x40F: mapped = value + 0x50
            case 0x00...0x40, 0x5B...0xBF, 0xD7, 0xDF...0xFF, 0x3AC...0x3FF, 0x430...0x45F, 0x590...0x1DFF, 0x2000...0x2BFF,
                 0x3000...0xA63F, 0xAC00...0xD7FF, 0xE000...0xFAFF, 0xFE00...0xFF20, 0xFF3B...0x10FFFF:
                break
            default:
                return Array(text.lowercased().utf8)
            }
            let lowered = Unicode.Scalar(mapped) ?? scalar
            output.append(contentsOf: UTF8.encode(lowered)!)
        }
        return output
    }

    /// `<div class="photo-caption">` and kin: captions written without `<figcaption>`.
    static func isCaptionNamed(_ node: Node) -> Bool {
        let tag = node.tag
        guard tag == .div || tag == .p || tag == .span else { return false }
        var tokens: [String] = []
        _ = node.withAttributeBytes("class") { ClassTokens.tokens(of: $0, into: &tokens) }
        return tokens.contains { $0 == "caption" || $0 == "photocaption" || $0 == "imagecaption" || $0 == "wpcaptiontext" }
    }

    static func isBlockLevel(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .a, .span, .b, .i, .em, .strong, .small, .sub, .sup, .u, .s, .strike, .mark, .abbr, .cite, .dfn, .ins, .del,
            .big, .tt, .var, .bdi, .bdo, .q, .code, .kbd, .samp, .time, .font, .label, .ruby, .rt, .rp, .data, .img, .br,
            .wbr, .none, .output, .meter, .progress:
            return false
        default:
            return true
        }
    }
}
