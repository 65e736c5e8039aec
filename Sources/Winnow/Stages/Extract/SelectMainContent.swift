import WinnowHTML

/// Finds the element(s) that hold the article, by scoring (after Readability's algorithm):
/// every paragraph-like element with at least `minimumParagraph` visible characters gives its
/// parent 1 point + 1 per comma + 1 per 100 characters (up to 3), its grandparent half that,
/// and the next three ancestors a third, sixth… of it. Candidates start from a tag bonus and a
/// class weight (+25 for article words, −25 for boilerplate words); the final score is scaled
/// by (1 − link density). Siblings of the winner that score close to it, or that are plain
/// prose paragraphs, join it (articles split across sibling containers).
struct SelectMainContent {
    struct Selection {
        /// Content roots in document order (indexes into the page index).
        var roots: [Int]
        /// Candidate scores, for explanations and conditional cleaning.
        var scores: [Double]
        var topScore: Double
        /// Why these roots (which rule of the fallback chain chose them).
        var method: String
    }

    static let minimumParagraph: Int32 = 25
    static let ancestorLevels = 5

    func select(_ index: PageIndex) -> Selection {
        let elements = index.elements
        var scores = [Double](repeating: 0, count: elements.count)
        var initialized = [Bool](repeating: false, count: elements.count)
        var tokens = ClassTokenScan()

        for position in elements.indices {
            let element = elements[position]
            guard element.removal < 0, !element.flags.contains(.insideRemoved), !element.flags.contains(.invisible) else { continue }
            let length: Int32
            // The first element credited: a paragraph's parent; for a container with its own
            // text, the container itself (Readability wraps such text in a <p> inside it).
            var ancestor = Int(element.parent)
            switch element.tag {
            case .p, .pre, .td, .blockquote:
                length = element.text
            case .div, .section, .article, .span, .li, .dd, .font, .center, .main, .figure:
                length = element.ownText >= Self.minimumParagraph ? element.ownText : 0
                ancestor = position
            default:
                continue
            }
            guard length >= Self.minimumParagraph else { continue }
            let commas = Double(element.tag == .p || element.tag == .pre || element.tag == .td || element.tag == .blockquote
                ? index.totalCommas[position] : element.commas)
            let contentScore = 1 + commas + min(Double(length / 100), 3)
            var level = 0
            while ancestor >= 0, level < Self.ancestorLevels {
                if !initialized[ancestor] {
                    scores[ancestor] = initialScore(elements[ancestor], node: index.node(at: ancestor), tokens: &tokens)
                    initialized[ancestor] = true
                }
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level * 3))
                scores[ancestor] += contentScore / divider
                ancestor = Int(elements[ancestor].parent)
                level += 1
            }
        }

        var best = -1
        var bestScore = -Double.infinity
        for position in elements.indices where initialized[position] {
            let element = elements[position]
            guard element.tag != .html else { continue }
            scores[position] *= 1 - index.linkDensity(position)
            if scores[position] > bestScore {
                bestScore = scores[position]
                best = position
            }
        }
        let bodyIndex = index.body.flatMap(index.entryIndex(of:)) ?? 0
        // The page's own word for its body: one `itemprop="articleBody"` with real text wins
        // (several are a listing of teasers, and prove nothing).
        let articleBodies = elements.indices.filter {
            elements[$0].flags.contains(.articleBodyProperty) && elements[$0].removal < 0 && !elements[$0].flags.contains(.insideRemoved)
        }
        if articleBodies.count == 1, let body = articleBodies.first, elements[body].text >= 200,
            best < 0 || Double(elements[body].text) >= 0.3 * Double(elements[best].text)
        {
            // The page named its body: only pictures beside it may join, not other prose.
            let roots = mergeSiblings(of: body, index: index, scores: scores, initialized: initialized, figuresOnly: true)
            return Selection(roots: roots, scores: scores, topScore: max(bestScore, 0),
                             method: "itemprop=articleBody \(StripBoilerplate.describe(index.node(at: body)))")
        }
        guard best >= 0 else {
            return Selection(roots: elements.isEmpty ? [] : [bodyIndex], scores: scores, topScore: 0, method: "no paragraphs: whole body")
        }
        best = refine(best, index: index, scores: scores, initialized: initialized, bodyIndex: bodyIndex)
        // A winner that is the only element child with text of its parent: take the parent,
        // which may hold headings and figures next to it.
        while let parent = Optional(Int(elements[best].parent)), parent >= 0, parent != bodyIndex,
            elements[parent].tag != .html, elements[parent].text == elements[best].text
        {
            best = parent
        }
        let roots = mergeSiblings(of: best, index: index, scores: scores, initialized: initialized)
        return Selection(roots: roots, scores: scores, topScore: bestScore, method: "top candidate \(StripBoilerplate.describe(index.node(at: best))) scored \(Int(bestScore))")
    }

    /// Two corrections to a winner that is only a piece of the article:
    ///  - three or more of the next four candidates scoring within 75% of it share an
    ///    ancestor: the ancestor is the article (Readability's alternative candidates);
    ///  - an ancestor within three levels named as the article body (`article-body`,
    ///    `entry-content`) holds at least half again its text with few links: take it.
    private func refine(_ best: Int, index: PageIndex, scores: [Double], initialized: [Bool], bodyIndex: Int) -> Int {
        let elements = index.elements
        // Candidates beside the winner, not inside it or above it.
        let ranked = elements.indices.filter {
            initialized[$0] && $0 != best && elements[$0].tag != .html && elements[$0].tag != .body
                && !isAncestor($0, of: best, index: index) && !isAncestor(best, of: $0, index: index)
        }.sorted { scores[$0] > scores[$1] }.prefix(4)
        let close = ranked.filter { scores[best] > 0 && scores[$0] / scores[best] >= 0.75 }
        if close.count >= 3 {
            var ancestor = Int(elements[best].parent)
            while ancestor >= 0, ancestor != bodyIndex, elements[ancestor].tag != .html {
                let contained = close.filter { isAncestor(ancestor, of: $0, index: index) }.count
                if contained >= 3 { return ancestor }
                ancestor = Int(elements[ancestor].parent)
            }
        }
        var ancestor = Int(elements[best].parent)
        var tokens: [String] = []
        for _ in 0..<3 {
            guard ancestor >= 0, ancestor != bodyIndex, elements[ancestor].tag != .html else { break }
            tokens.removeAll(keepingCapacity: true)
            _ = index.node(at: ancestor).withAttributeBytes("class") { ClassTokens.tokens(of: $0, into: &tokens) }
            _ = index.node(at: ancestor).withAttributeBytes("id") { ClassTokens.tokens(of: $0, into: &tokens) }
            if tokens.contains(where: BoilerplateVocabulary.articleBodyNames.contains),
                Double(elements[ancestor].text) >= 1.5 * Double(elements[best].text), index.linkDensity(ancestor) < 0.25
            {
                return ancestor
            }
            ancestor = Int(elements[ancestor].parent)
        }
        return best
    }

    private func isAncestor(_ ancestor: Int, of position: Int, index: PageIndex) -> Bool {
        var current = Int(index.elements[position].parent)
        while current >= 0 {
            if current == ancestor { return true }
            if current < ancestor { return false }  // pre-order: an ancestor has a smaller index
            current = Int(index.elements[current].parent)
        }
        return false
    }

    private func initialScore(_ element: PageIndex.Element, node: Node, tokens: inout ClassTokenScan) -> Double {
        var score: Double
        switch element.tag {
        case .div, .article, .main: score = 5
        case .section: score = 3
        case .pre, .td, .blockquote: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        score += Double(Self.classWeight(node, tokens: &tokens))
        if element.flags.contains(.articleMarker) { score += 10 }
        return score
    }

    /// +25 when the class or id names the article, −25 when it names boilerplate.
    static func classWeight(_ node: Node, tokens scan: inout ClassTokenScan) -> Int {
        scan.removeAll()
        _ = node.withAttributeBytes("class") { scan.add($0) }
        _ = node.withAttributeBytes("id") { scan.add($0) }
        var positive = false
        var boilerplate = false
        for token in scan.tokens {
            guard let entry = ClassTokenFacts.shared[token.hash] else { continue }
            positive = positive || entry.isPositive
            boilerplate = boilerplate || entry.category != nil
        }
        return (positive ? 25 : 0) - (boilerplate ? 25 : 0)
    }

    private func containsCaption(_ node: Node, index: PageIndex) -> Bool {
        var walker = TreeWalker(root: node)
        var hasImage = false
        var hasCaption = false
        while let current = walker.next(), !(hasImage && hasCaption) {
            guard current.isElement else { continue }
            if current.tag == .img || current.tag == .picture { hasImage = true }
            if current.tag == .figcaption || BuildBlocks.isCaptionNamed(current) { hasCaption = true }
        }
        return hasImage && hasCaption
    }

    private func mergeSiblings(of best: Int, index: PageIndex, scores: [Double], initialized: [Bool], figuresOnly: Bool = false) -> [Int] {
        let elements = index.elements
        let parent = Int(elements[best].parent)
        guard parent >= 0 else { return [best] }
        let threshold = max(10, scores[best] * 0.2)
        let bestClass = index.node(at: best).attribute("class")
        var roots: [Int] = []
        for child in index.node(at: parent).children where child.isElement {
            guard let position = index.entryIndex(of: child) else { continue }
            if position == best { roots.append(position); continue }
            let sibling = elements[position]
            guard sibling.removal < 0, !sibling.flags.contains(.invisible), sibling.text > 0 else { continue }
            if sibling.tag == .figure || BuildBlocks.isCaptionNamed(child) || containsCaption(child, index: index) {
                // A picture beside the article: its caption belongs to the record (as a caption block).
                if sibling.text < 400 { roots.append(position) }
                continue
            }
            if figuresOnly { continue }
            // Readability's bonus: a sibling of the same class as the winner is likely a part of it.
            let bonus = bestClass != nil && !bestClass!.isEmpty && child.attribute("class") == bestClass ? scores[best] * 0.2 : 0
            if initialized[position], scores[position] + bonus >= threshold {
                roots.append(position)
                continue
            }
            if sibling.tag == .p {
                let density = index.linkDensity(position)
                if sibling.text > 80 && density < 0.25 {
                    roots.append(position)
                } else if sibling.text <= 80, density == 0, BlockText.text(of: child, index: index).hasSuffix(".") {
                    roots.append(position)
                }
            }
        }
        return roots
    }
}
