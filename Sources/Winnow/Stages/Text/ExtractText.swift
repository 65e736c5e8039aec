import Foundation

/// Text route, step 3: the article of a flat page from `StripText`'s verdicts. Reads, around the
/// main run of body lines:
///
/// - the headline and standfirst just above the run (two headline-like lines in a row: the
///   first is the title, the second the standfirst; a lone prose line cut off from the body by
///   a dateline, caption or credit is the standfirst);
/// - datelines (`June 22, 2021`, `Published: …`), bylines (`By …`) and credit lines
///   (`Reported by … Translated by … Written in English by …`, `SOURCE: …`, `© Reuters`,
///   `… / AFP`): metadata, never body;
/// - photo captions (a line followed by a credit, or carrying one after `©`): caption blocks;
/// - reader comments after a comment-section line: author, date and text, apart from the body.
///
/// The body is the remaining lines of the run, in order: headings (a short line standing
/// before prose), list items (bulleted lines) and paragraphs.
struct ExtractText {
    var url: String?

    enum Role: Equatable {
        case body, title, description, caption, credit, byline, dateline, comment
    }

    func run(_ stripped: StripText.Result, trace: inout Trace) throws(Reject) -> Article {
        let lines = stripped.lines
        var fates = stripped.fates
        var roles = [Role?](repeating: nil, count: lines.count)
        var article = Article()
        article.url = url
        article.site = url.flatMap(ExtractMetadata.host)
        article.language = stripped.language
        guard !stripped.run.isEmpty else { throw Reject(stage: .extract, reason: "no body-like lines (flat text)") }

        // Metadata lines inside the run and in the stretch just above it.
        let nearby = max(0, stripped.run.lowerBound - 12)..<stripped.run.upperBound
        lines.withBytes { bytes in
            for index in nearby where !isVocabularyRemoval(fates[index]) {
                if let role = Self.metadataRole(of: lines[index], in: bytes) { roles[index] = role }
            }
        }
        // A line just before a credit line is its photo's caption.
        lines.withBytes { bytes in
            for index in nearby where roles[index] == .credit && index > 0 {
                let previous = index - 1
                if roles[previous] == nil, !isVocabularyRemoval(fates[previous]), !lines[previous].signals.isDate,
                   !CreditLines.isRoleLine(bytes.comparable(of: lines[index])) {
                    roles[previous] = .caption
                }
            }
        }
        for index in nearby where roles[index] == nil && lines.withText(lines[index].text, { $0.containsBytes(" © ") }) {
            roles[index] = .caption
        }

        // The first prose line of the run, cut off from the rest by metadata, is the standfirst.
        var bodyStart = stripped.run.lowerBound
        let firstProse = stripped.run.first { roles[$0] == nil && fates[$0] == .candidate && lines[$0].signals.isBodyLike }
        if let first = firstProse, let next = stripped.run.first(where: { $0 > first && roles[$0] == nil && lines[$0].signals.isBodyLike }),
           (first + 1..<next).contains(where: { roles[$0] != nil }) {
            roles[first] = .description
            bodyStart = first + 1
        }
        var titleIndex: Int?
        var descriptionIndex = roles.firstIndex(of: .description)
        if let (title, description) = headline(lines, fates: fates, roles: roles, before: descriptionIndex ?? bodyStart) {
            titleIndex = title
            roles[title] = .title
            if let description, descriptionIndex == nil {
                roles[description] = .description
                descriptionIndex = description
            }
        }
        if let titleIndex { article.title = lines.text(titleIndex) }
        if let descriptionIndex { article.description = lines.text(descriptionIndex) }

        // Captions that open with the title (an image's alt text before its caption) lose it.
        var captionText: [Int: String] = [:]
        for index in roles.indices where roles[index] == .caption {
            var text = lines.text(index)
            if let title = article.title, text.hasPrefix(title + " ") { text = String(text.dropFirst(title.count + 1)) }
            if text.containsBytes(" © "), let copyright = text.range(of: " © ") {
                article.credits.append("© " + String(text[copyright.upperBound...]).trimmedASCII())
                text = String(text[..<copyright.lowerBound]).trimmedASCII()
            }
            captionText[index] = text
        }
        if let title = article.title {
            for index in stripped.run where roles[index] == nil && fates[index] == .candidate && lines.text(index, equals: title) {
                roles[index] = .title  // the headline repeated (an image's alt text)
            }
        }

        collectMetadata(lines, roles: roles, into: &article)
        let comments = stripped.commentsStart.map { readComments(lines, from: $0, fates: &fates, roles: &roles) } ?? []
        article.comments = comments

        // The body, and the trace: every line kept or removed, in order.
        var blocks: [Block] = []
        // Every line is kept or removed: the trace's lists grow once, not line by line.
        // Listed only for `winnow explain` (`Trace.record`): `clean` writes the counts alone.
        let listsDecisions = trace.recordsRemovalDetails
        if listsDecisions {
            trace.removals.reserveCapacity(trace.removals.count + lines.count)
            trace.kept.reserveCapacity(trace.kept.count + stripped.run.count)
        }
        var index = 0
        while index < lines.count {
            if let role = roles[index] {
                switch role {
                case .caption:
                    let block = Block(kind: .caption, text: captionText[index] ?? lines.text(index))
                    blocks.append(block)
                    if listsDecisions { trace.kept.append(Trace.KeptBlock(order: index, block: block)) }
                case .title, .description:
                    guard listsDecisions else { break }
                    trace.kept.append(Trace.KeptBlock(order: index, block: Block(kind: .paragraph, text: lines.text(index)),
                                                      role: role == .title ? .title : .description))
                case .credit, .byline, .dateline:
                    let reason = role == .dateline ? "date line (read as metadata)" : role == .byline ? "byline (read as authors)" : "credit line"
                    trace.record(.credit, removal: removal(index, of: lines, category: .credit, reason: reason))
                case .comment:
                    trace.record(.comments, removal: removal(index, of: lines, category: .comments, reason: "reader comment (in comments)"))
                case .body:
                    break
                }
                index += 1
                continue
            }
            if case .removed(let category, let reason) = fates[index] {
                trace.record(category, removal: removal(index, of: lines, category: category, reason: reason.description))
                index += 1
                continue
            }
            if lines[index].bullet {
                var items: [Block.ListItem] = []
                let first = index
                while index < lines.count, lines[index].bullet, roles[index] == nil, fates[index] == .candidate {
                    items.append(Block.ListItem(text: lines.text(index), depth: 0, ordered: false))
                    index += 1
                }
                let block = Block(kind: .list, text: items.map { "- " + $0.text }.joined(separator: "\n"), items: items)
                blocks.append(block)
                if listsDecisions { trace.kept.append(Trace.KeptBlock(order: first, block: block)) }
                continue
            }
            let block: Block
            if isHeading(at: index, lines: lines, fates: fates, roles: roles) {
                block = Block(kind: .heading, text: lines.text(index), level: 2)
            } else {
                block = Block(kind: .paragraph, text: lines.text(index))
            }
            blocks.append(block)
            if listsDecisions { trace.kept.append(Trace.KeptBlock(order: index, block: block)) }
            index += 1
        }
        article.blocks = blocks
        guard blocks.contains(where: \.isBody) else { throw Reject(stage: .extract, reason: "no main content found (flat text)") }
        return article
    }

    /// Removed by what the line says (a vocabulary, a site rule), not by where it stands.
    /// Credit lines are read here as metadata.
    private func isVocabularyRemoval(_ fate: StripText.Fate) -> Bool {
        if case .removed(let category, _) = fate { return category != .outsideContent && category != .credit }
        return false
    }

    /// The first place of a line the page repeats: a headline is often repeated as an image's
    /// alt text, and stays the headline.
    private func isFirstOfRepeats(_ fate: StripText.Fate) -> Bool {
        if case .removed(.widget, .repeatedAtLine) = fate { return true }
        return false
    }

    /// Datelines, bylines and credits, by their words.
    /// (On the line's bytes in the page: strings only for a line that may be a dateline or an
    /// agency credit.)
    static func metadataRole(of line: TextLine, in page: LineBytes) -> Role? {
        let lower = page.comparable(of: line)
        if line.signals.isDate { return .dateline }
        if mayBeDateline(lower), datelineDate(page.comparableString(of: line)) != nil { return .dateline }
        if CreditLines.isRoleLine(lower) { return .credit }
        // (A "." byte at the end ends the last character too.)
        if lower.hasBytePrefix("by "), line.signals.words <= 8, !line.signals.endsSentence || lower.last == UInt8(ascii: ".") && line.signals.words <= 5 {
            return .byline
        }
        if line.signals.words <= 16, creditLabels.opens(lower) { return .credit }
        // "Russian Defence Ministry / AFP", "Sanjeev Verma/Hindustan Times/Getty Images": a short agency credit.
        if line.signals.words <= 8, !line.signals.endsSentence, page.text(of: line).contains(UInt8(ascii: "/")) {
            let text = page.textString(of: line)
            if let slash = Self.lastSlash(in: text) {
                let after = String(text[text.index(after: slash)...]).trimmedASCII()
                if after.split(separator: " ").count <= 3, text.containsBytes(" / ") || CreditLines.isAgency(after) { return .credit }
            }
        }
        // "… didn't get it.Credit...Doug Mills/The New York Times": a caption carrying its credit.
        if line.signals.words <= 60, lower.containsBytes("credit", followedByAnyOf: captionCreditFollowers) { return .caption }
        return nil
    }

    /// What follows "credit" in a caption that carries its credit (a static array: a literal in
    /// the call was an array made and freed for every line asked).
    static let captionCreditFollowers = ["...", ": "]

    /// What opens a photo or source credit line.
    static let creditLabels = BytePrefixSet(["source:", "photo:", "photos:", "image:", "picture:", "credit:", "photo credit", "image credit",
                                             "©", "(c) ", "copyright "])

    /// `text.lastIndex(of: "/")`, found on the bytes: a "/" byte is that character unless a
    /// combining mark follows it (then the Character search decides).
    static func lastSlash(in text: String) -> String.Index? {
        guard let index = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let next = text.utf8.index(after: index)
        if next < text.utf8.endIndex, text.utf8[next] >= 0x80 { return text.lastIndex(of: "/") }
        return index
    }

    static let datelineLabels = ["first published", "last updated", "published on", "updated on", "posted on", "published", "updated", "posted"]

    /// The date of a dateline: a labelled date ("Published: June 22, 2021", "Updated on: … / CBS
    /// News"), one of the parts of a line split at " | " or " / ".
    static func datelineDate(_ lower: String) -> DateParser.Parsed? {
        guard lower.withUTF8Bytes(mayBeDateline) else { return nil }
        // (Foundation splits only lines that hold the separator's bytes: without them it finds none.)
        for part in lower.containsBytes(" | ") ? lower.components(separatedBy: " | ") : [lower] {
            let part = part.trimmedASCII()
            for label in datelineLabels where part.hasBytePrefix(label) {
                let rest = String(part.dropFirst(label.count).drop { $0 == ":" || $0 == " " || $0 == "," })
                if let parsed = DateParser.parse(rest) { return parsed }
                let pieces = rest.containsBytes(" / ") ? rest.components(separatedBy: " / ") : [rest]
                if pieces.count > 1, let parsed = DateParser.parse(pieces.prefix(2).joined(separator: " ")) ?? DateParser.parse(pieces[0]) {
                    return parsed
                }
                break
            }
        }
        return nil
    }

    /// Whether a comparable line may hold a labelled date (`datelineDate`): short, with a
    /// digit and one of the words every label holds. Most lines are ruled out before they are split.
    static func mayBeDateline(_ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        lower.count <= 120 && lower.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
            && (lower.containsBytes("publish") || lower.containsBytes("updated") || lower.containsBytes("posted"))
    }

    /// The title and the standfirst: the nearest headline-like line above `limit`, and when the
    /// line before it is a headline too (and shorter, and a block of its own), that one is the
    /// title and the nearer one the standfirst.
    private func headline(_ lines: PageLines, fates: [StripText.Fate], roles: [Role?], before limit: Int) -> (Int, Int?)? {
        var index = limit - 1
        var looked = 0
        while index >= 0, looked < 12 {
            defer { index -= 1; looked += 1 }
            if roles[index] != nil || (isVocabularyRemoval(fates[index]) && !isFirstOfRepeats(fates[index])) { continue }
            guard Self.isHeadlineLike(index, of: lines, minimumWords: 2) else {
                if lines[index].signals.isBodyLike { return nil }
                continue
            }
            let near = index
            let previous = near - 1
            if previous >= 0, roles[previous] == nil, !isVocabularyRemoval(fates[previous]),
               Self.isHeadlineLike(previous, of: lines, minimumWords: 3), lines[previous].blankBefore || previous == 0,
               lines[previous].indent == 0, lines[near].signals.words > lines[previous].signals.words {
                return (previous, near)
            }
            return (near, nil)
        }
        return nil
    }

    static func isHeadlineLike(_ index: Int, of lines: PageLines, minimumWords: Int) -> Bool {
        let line = lines[index]
        let words = line.signals.words
        guard words >= minimumWords, words <= 30, !line.bullet, !line.signals.isDate else { return false }
        // A headline does not end in a full stop (a question or an exclamation may).
        return lines.withText(line.text, { $0.last }) != UInt8(ascii: ".")
    }

    private func isHeading(at index: Int, lines: PageLines, fates: [StripText.Fate], roles: [Role?]) -> Bool {
        let line = lines[index]
        // (`endsWithColon` is the last byte: a ":" byte ends the last character too.)
        guard line.signals.words <= 15, !line.signals.endsSentence, !line.signals.endsWithColon else { return false }
        guard let next = (index + 1..<lines.count).first(where: { roles[$0] == nil && fates[$0] == .candidate }) else { return false }
        return lines[next].signals.isBodyLike
    }

    private func collectMetadata(_ lines: PageLines, roles: [Role?], into article: inout Article) {
        for index in roles.indices {
            switch roles[index] {
            case .dateline?:
                guard article.published == nil else { continue }
                if let parsed = Self.datelineDate(lines.comparable(index)) ?? DateParser.parse(lines.text(index)) {
                    article.published = parsed.iso8601
                    article.publishedFrom = "text"
                }
            case .byline?:
                article.authors += AuthorNames.clean([lines.text(index)])
            case .credit?:
                let found = CreditLines.parse(lines.text(index))
                article.credits += found.credits
                article.authors += found.authors
            default:
                continue
            }
        }
    }

    /// Reader comments after a comment-section line: each opens with its author on a short line
    /// and the comment's date on the next; the lines up to the next such pair are its text.
    private func readComments(_ lines: PageLines, from start: Int, fates: inout [StripText.Fate], roles: inout [Role?]) -> [Comment] {
        var comments: [Comment] = []
        var index = start
        while index + 1 < lines.count {
            let author = lines[index], date = lines[index + 1]  // their signals; their texts below
            guard !isVocabularyRemoval(fates[index]), author.signals.words <= 5, !author.signals.endsSentence, date.signals.isDate else {
                // Comments follow one another; anything else ends the section.
                if comments.isEmpty, index - start < 3 { index += 1; continue }
                break
            }
            var end = index + 2
            while end < lines.count, !isVocabularyRemoval(fates[end]), !lines[end].blankBefore || end == index + 2 || lines[end].signals.isBodyLike,
                  !(end + 1 < lines.count && lines[end].signals.words <= 5 && lines[end + 1].signals.isDate) {
                end += 1
            }
            let text = ((index + 2)..<end).map(lines.text).joined(separator: "\n")
            if !text.isEmpty {
                let date = lines.text(index + 1)
                comments.append(Comment(author: lines.text(index), date: DateParser.parse(date)?.iso8601 ?? date, text: text))
            }
            for position in index..<end { roles[position] = .comment }
            index = end
        }
        return comments
    }

    /// A removed line as `winnow explain` lists it (`Trace.record` makes one only then).
    private func removal(_ index: Int, of lines: PageLines, category: BoilerplateCategory, reason: String) -> Removal {
        Removal(category: category, reason: reason, stage: "strip", element: "text line", line: lines[index].number,
                excerpt: lines.text(index).excerpt(), order: index)
    }
}
