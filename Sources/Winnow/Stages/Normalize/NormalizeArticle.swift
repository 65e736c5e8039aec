/// Stage 6: values that other sources can join on: dates already read as ISO 8601 by
/// `DateParser`; author names trimmed of stray punctuation; titles on one line; and every date
/// mention in the text (`FindDates`), resolved against the publication date, else the site
/// rule's reference date, else `--reference-date`; and the people, places and organisations
/// in it (`AnnotateNames`). The text is rewritten only when asked (`--rewrite-names`,
/// `--rewrite-dates`), and the annotations' offsets then follow it.
public struct NormalizeArticle: Sendable {
    public init() {}

    public func run(_ article: Article, referenceDate: String? = nil, rewriteDates: Bool = false, names: NameCatalog = NameCatalog(),
                    rewriteNames: Bool = false, trace: inout Trace) -> Article {
        var article = article
        let reference = article.published ?? article.siteReferenceDate ?? referenceDate
        let text = Block.bodyText(article.blocks)
        article.bodyText = text
        // One tokenization for both annotators.
        let tokens = TextTokens(text)
        article.dates = FindDates(reference: reference, language: article.language).find(in: tokens).map {
            DateMention(text: $0.text, value: $0.value, start: $0.start, end: $0.end, kind: $0.kind.rawValue)
        }
        if !names.isEmpty { article.entities = AnnotateNames(catalog: names, language: article.language).run(tokens) }
        var current = text
        if rewriteNames, !article.entities.isEmpty {
            var edits = TextEdits()
            for entity in article.entities {
                for mention in entity.mentions { edits.replace(mention.start, mention.end, with: entity.name) }
            }
            let (rewritten, map) = edits.apply(to: current)
            article.entities = Self.moved(article.entities, by: map, renamed: true)
            article.dates = Self.moved(article.dates, by: map)
            current = rewritten
            article.rewrittenText = rewritten
        }
        if rewriteDates {
            let (rewritten, dates, map) = Self.rewrite(current, article.dates)
            article.dates = dates
            article.entities = Self.moved(article.entities, by: map, renamed: false)
            article.rewrittenText = rewritten
        }
        article.authors = article.authors.map { $0.trimmingPunctuation() }.filter { !$0.isEmpty }
        // Titles and standfirsts get the body's whitespace model: one line, plain spaces.
        article.title = article.title.map(Self.oneLine)
        article.description = article.description.map(Self.oneLine)
        return article
    }

    /// The text with " [VALUE]" after every mention that has a value, the mentions moved to
    /// index it, and the map for other annotations.
    static func rewrite(_ text: String, _ mentions: [DateMention]) -> (String, [DateMention], TextEdits.OffsetMap) {
        var edits = TextEdits()
        for mention in mentions { if let value = mention.value { edits.insert(" [\(value)]", at: mention.end) } }
        let (rewritten, map) = edits.apply(to: text)
        return (rewritten, moved(mentions, by: map), map)
    }

    /// Date mentions at their new places; their text is unchanged.
    static func moved(_ dates: [DateMention], by map: TextEdits.OffsetMap) -> [DateMention] {
        dates.map { date in
            var date = date
            let length = date.end - date.start
            date.start = map(date.start)
            date.end = date.start + length
            return date
        }
    }

    /// Entity mentions at their new places; `renamed` when each mention now reads the entity's name.
    static func moved(_ entities: [NameEntity], by map: TextEdits.OffsetMap, renamed: Bool) -> [NameEntity] {
        entities.map { entity in
            var entity = entity
            entity.mentions = entity.mentions.map { mention in
                let text = renamed ? entity.name : mention.text
                let start = map(mention.start)
                return NameMention(text: text, start: start, end: start + text.unicodeScalars.count)
            }
            return entity
        }
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
        return String(Substring(scalars))
    }
}
