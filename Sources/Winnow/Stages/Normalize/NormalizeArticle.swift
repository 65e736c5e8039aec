/// Stage 6: values that other sources can join on: dates already read as ISO 8601 by
/// `DateParser`; author names trimmed of stray punctuation; titles on one line; and every date
/// mention in the text (`FindDates`), resolved against the publication date, else the site
/// rule's reference date, else `--reference-date`. Annotations never rewrite the text.
public struct NormalizeArticle: Sendable {
    public init() {}

    public func run(_ article: Article, referenceDate: String? = nil, rewriteDates: Bool = false, names: NameCatalog = NameCatalog(),
                    rewriteNames: Bool = false, trace: inout Trace) -> Article {
        var article = article
        let reference = article.published ?? article.siteReferenceDate ?? referenceDate
        let text = Block.bodyText(article.blocks)
        // One tokenization for both annotators.
        let tokens = TextTokens(text)
        article.dates = FindDates(reference: reference, language: article.language).find(in: tokens).map {
            DateMention(text: $0.text, value: $0.value, start: $0.start, end: $0.end, kind: $0.kind.rawValue)
        }
        if !names.isEmpty { article.entities = AnnotateNames(catalog: names, language: article.language).run(tokens) }
        var current = text
        if rewriteNames, !article.entities.isEmpty {
            (current, article.entities, article.dates) = Self.rewriteNames(current, article.entities, article.dates)
            article.rewrittenText = current
        }
        if rewriteDates {
            let insertions: [(at: Int, length: Int)]
            (article.rewrittenText, article.dates, insertions) = Self.rewrite(current, article.dates)
            // Entity mentions after an inserted value move with the text.
            article.entities = article.entities.map { entity in
                var entity = entity
                entity.mentions = entity.mentions.map { mention in
                    let shift = insertions.filter { $0.at <= mention.start }.reduce(0) { $0 + $1.length }
                    return NameMention(text: mention.text, start: mention.start + shift, end: mention.end + shift)
                }
                return entity
            }
        }
        article.authors = article.authors.map { $0.trimmingPunctuation() }.filter { !$0.isEmpty }
        // Titles and standfirsts get the body's whitespace model: one line, plain spaces.
        article.title = article.title.map(Self.oneLine)
        article.description = article.description.map(Self.oneLine)
        return article
    }

    /// The text with " [VALUE]" after every mention that has a value, and the mentions' offsets
    /// moved to index the new text.
    static func rewrite(_ text: String, _ mentions: [DateMention]) -> (String, [DateMention], [(at: Int, length: Int)]) {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var moved: [DateMention] = []
        var position = 0
        var shift = 0
        var insertions: [(at: Int, length: Int)] = []
        for var mention in mentions {
            output.append(contentsOf: scalars[position..<mention.end])
            position = mention.end
            mention.start += shift
            mention.end += shift
            moved.append(mention)
            if let value = mention.value {
                let insertion = " [\(value)]".unicodeScalars
                output.append(contentsOf: insertion)
                insertions.append((mention.end, insertion.count))
                shift += insertion.count
            }
        }
        output.append(contentsOf: scalars[position...])
        return (String(output), moved, insertions)
    }

    /// The text with every entity mention replaced by the entity's canonical name; mention and
    /// date offsets moved to index the new text (a date inside a replaced span keeps its start).
    static func rewriteNames(_ text: String, _ entities: [NameEntity], _ dates: [DateMention]) -> (String, [NameEntity], [DateMention]) {
        let scalars = Array(text.unicodeScalars)
        var edits: [(start: Int, end: Int, replacement: [Unicode.Scalar])] = []
        for entity in entities {
            for mention in entity.mentions { edits.append((mention.start, mention.end, Array(entity.name.unicodeScalars))) }
        }
        edits.sort { $0.start < $1.start }
        var output = String.UnicodeScalarView()
        var position = 0
        var shifts: [(at: Int, shift: Int)] = []  // cumulative shift after each edit's end
        var shift = 0
        for edit in edits where edit.start >= position {
            output.append(contentsOf: scalars[position..<edit.start])
            output.append(contentsOf: edit.replacement)
            shift += edit.replacement.count - (edit.end - edit.start)
            shifts.append((edit.end, shift))
            position = edit.end
        }
        output.append(contentsOf: scalars[position...])
        func moved(_ offset: Int) -> Int { offset + (shifts.last { $0.at <= offset }?.shift ?? 0) }
        let newEntities = entities.map { entity in
            var entity = entity
            entity.mentions = entity.mentions.map { mention in
                let start = moved(mention.start)
                return NameMention(text: entity.name, start: start, end: start + entity.name.unicodeScalars.count)
            }
            return entity
        }
        let newDates = dates.map { date in
            var date = date
            let length = date.end - date.start
            date.start = moved(date.start)
            date.end = date.start + length
            return date
        }
        return (String(output), newEntities, newDates)
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
