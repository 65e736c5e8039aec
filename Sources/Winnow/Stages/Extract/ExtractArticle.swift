import WinnowHTML

/// Stage 5: the article out of the stripped page: metadata (`ExtractMetadata`), the content
/// roots (`SelectMainContent`), the body blocks (`BuildBlocks`), reader comments
/// (`ExtractComments`), and credit lines. Whatever lies outside the content roots and was not
/// already removed by strip is recorded as `outsideContent`, so every block of the page has a
/// decision `winnow explain` can show.
public struct ExtractArticle: Sendable {
    public init() {}

    func run(_ page: StrippedPage, options: PipelineOptions, trace: inout Trace) throws(Reject) -> Article {
        let index = page.index
        guard !index.elements.isEmpty else { throw Reject(stage: .extract, reason: "the document has no elements") }
        var metadata = ExtractMetadata().run(index, baseURL: options.baseURL, fetchedAt: options.fetchedAt, trace: &trace)
        if let site = page.site { SiteMetadata.apply(site, to: &metadata) }
        var selection: SelectMainContent.Selection
        if let site = page.site, let selector = site.contentSelector,
            case let roots = site.content.compactMap(index.entryIndex(of:)).filter({ index.elements[$0].removal < 0 }), !roots.isEmpty
        {
            selection = SelectMainContent.Selection(roots: roots, scores: [], topScore: 0,
                                                    method: ApplySiteRules.reason(site.rule, "content", selector))
        } else {
            selection = SelectMainContent().select(index)
        }
        var builder = BuildBlocks(index: index, title: metadata.title, description: metadata.description, site: page)
        builder.build(roots: selection.roots)
        if !builder.items.contains(where: {
            switch $0.item {
            case .kept, .keptByRule: return true
            default: return false
            }
        }),
            let body = index.body.flatMap(index.entryIndex(of:)), selection.roots != [body]
        {
            // Fallback: the chosen roots yielded nothing the body may keep; read the whole body.
            selection.roots = [body]
            selection.method = "fallback: whole body (the top candidate kept no block)"
            builder = BuildBlocks(index: index, title: metadata.title, description: metadata.description, site: page)
            builder.build(roots: selection.roots)
        }
        trace.note("extract", selection.method)
        for (repair, count) in builder.repairs { trace.countRepair(repair, by: count) }

        var article = Article()
        article.url = metadata.url
        article.site = metadata.site
        article.title = metadata.title
        article.description = metadata.description
        article.authors = metadata.authors
        article.published = metadata.published
        article.publishedFrom = metadata.publishedFrom
        article.modified = metadata.modified
        article.language = metadata.language
        article.section = metadata.section
        if let site = page.site {
            article.rules = [site.rule.file]
            article.siteReferenceDate = site.rule.referenceDate
        }
        article.declaredBodyLength = metadata.declaredBodyLength

        for (order, item) in builder.items {
            switch item {
            case .kept(let block):
                article.blocks.append(block)
                trace.kept.append(Trace.KeptBlock(order: order, block: block))
            case .keptByRule(let block, let reason):
                article.blocks.append(block)
                trace.kept.append(Trace.KeptBlock(order: order, block: block, rule: reason))
            case .removed(let removal):
                trace.removals.append(removal)
            case .title(let text):
                trace.kept.append(Trace.KeptBlock(order: order, block: Block(kind: .heading, text: text, level: 1), role: .title))
            case .standfirst(let text):
                trace.kept.append(Trace.KeptBlock(order: order, block: Block(kind: .paragraph, text: text), role: .description))
            }
        }
        trace.removals.append(contentsOf: outsideContent(index, roots: selection.roots))
        trace.removals.sort { $0.order < $1.order }

        let commentContainers = index.elements.indices.filter { position in
            let removal = index.elements[position].removal
            return removal >= 0 && trace.removals.first(where: { $0.order == position && $0.stage == "strip" })?.category == .comments
        }
        article.comments = ExtractComments().run(index, containers: commentContainers)
        let credits = CreditLines.find(in: trace.removals, index: index)
        article.credits = credits.credits
        if article.authors.isEmpty { article.authors = credits.authors }
        guard article.blocks.contains(where: \.isBody) else {
            throw Reject(stage: .extract, reason: "no main content found (\(selection.method))")
        }
        return article
    }

    /// Elements beside the path from `<body>` to the content roots: one decision per subtree.
    private func outsideContent(_ index: PageIndex, roots: [Int]) -> [Removal] {
        let rootSet = Set(roots)
        var onPath = Set<Int>()
        for root in roots {
            var ancestor = Int(index.elements[root].parent)
            while ancestor >= 0, onPath.insert(ancestor).inserted { ancestor = Int(index.elements[ancestor].parent) }
        }
        var removals: [Removal] = []
        for pathElement in onPath.sorted() {
            for child in index.node(at: pathElement).children where child.isElement {
                guard let position = index.entryIndex(of: child), !rootSet.contains(position), !onPath.contains(position) else { continue }
                let element = index.elements[position]
                guard element.removal < 0, element.text > 0, !element.flags.contains(.invisible) else { continue }
                removals.append(Removal(
                    category: .outsideContent, reason: "outside the main content", stage: "extract",
                    element: index.describe(child), line: child.line,
                    excerpt: index.excerpt(of: child), order: position))
            }
        }
        return removals
    }
}
