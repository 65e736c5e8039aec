/// Stage 6: values that other sources can join on: dates already read as ISO 8601 by
/// `DateParser`; author names trimmed of stray punctuation; titles on one line; and every date
/// mention in the text (`FindDates`), resolved against the publication date, else the site
/// rule's reference date, else `--reference-date`. Annotations never rewrite the text.
public struct NormalizeArticle: Sendable {
    public init() {}

    public func run(_ article: Article, referenceDate: String? = nil, rewriteDates: Bool = false, names: NameCatalog = NameCatalog(),
                    trace: inout Trace) -> Article {
        var article = article
        let reference = article.published ?? article.siteReferenceDate ?? referenceDate
        let text = Block.bodyText(article.blocks)
        // One tokenization for both annotators.
        let tokens = TextTokens(text)
        article.dates = FindDates(reference: reference, language: article.language).find(in: tokens).map {
            DateMention(text: $0.text, value: $0.value, start: $0.start, end: $0.end, kind: $0.kind.rawValue)
        }
        if !names.isEmpty { article.entities = AnnotateNames(catalog: names, language: article.language).run(tokens) }
        if rewriteDates { (article.rewrittenText, article.dates) = Self.rewrite(text, article.dates) }
        article.authors = article.authors.map { $0.trimmingPunctuation() }.filter { !$0.isEmpty }
        // Titles and standfirsts get the body's whitespace model: one line, plain spaces.
        article.title = article.title.map(Self.oneLine)
        article.description = article.description.map(Self.oneLine)
        return article
    }

    /// The text with " [VALUE]" after every mention that has a value, and the mentions' offsets
    /// moved to index the new text.
    static func rewrite(_ text: String, _ mentions: [DateMention]) -> (String, [DateMention]) {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var moved: [DateMention] = []
        var position = 0
        var shift = 0
        for var mention in mentions {
            output.append(contentsOf: scalars[position..<mention.end])
            position = mention.end
            mention.start += shift
            mention.end += shift
            moved.append(mention)
            if let value = mention.value {
                let insertion = " [\(value)]".unicodeScalars
                output.append(contentsOf: insertion)
                shift += insertion.count
            }
        }
        output.append(contentsOf: scalars[position...])
        return (String(output), moved)
    }

    static func oneLine(_ text: String) -> String {
        var builder = TextBuilder()
        builder.append(text)
        return builder.take()
    }
}

extension String {
    func trimmingPunctuation() -> String {
        var scalars = Substring(self).unicodeScalars
        let edge: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || ",;:|·•-–—".unicodeScalars.contains($0) }
        while let first = scalars.first, edge(first) { scalars.removeFirst() }
        while let last = scalars.last, edge(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
