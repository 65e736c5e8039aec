/// Stage 6: values that other sources can join on. Today: dates already read as ISO 8601 by
/// `DateParser`; author names trimmed of stray punctuation; the `text` of each block with
/// typographic spaces settled by `TextBuilder`. Name, place and in-text date annotations
/// (`entities`, `dates`) arrive with the normalization issues; they annotate, never rewrite.
public struct NormalizeArticle: Sendable {
    public init() {}

    public func run(_ article: Article, trace: inout Trace) -> Article {
        var article = article
        article.authors = article.authors.map { $0.trimmingPunctuation() }.filter { !$0.isEmpty }
        // Titles and standfirsts get the body's whitespace model: one line, plain spaces.
        article.title = article.title.map(Self.oneLine)
        article.description = article.description.map(Self.oneLine)
        return article
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
