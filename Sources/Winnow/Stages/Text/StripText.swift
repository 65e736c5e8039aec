#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text route, step 2: decides which lines of a flat page are boilerplate, with the same
/// category vocabularies (`BoilerplateVocabulary`) and site rules (`drop_text`) as the HTML
/// stripper, plus what flat text still carries:
///
/// - each line's signals (`LineSignals`): length, sentence ends, function words, glued words;
/// - the densest run of body-like lines (the article), found as the run of lines with the
///   highest sum of scores; comment-section and related-link lines weigh heavily against it;
/// - runs of short lines inside the run (menus, tag lists) and lines repeated across pages
///   of the same site in this run (`RepeatedLines`).
///
/// Every line ends up kept as a candidate or removed with a category and a reason;
/// `ExtractText` then reads metadata from the candidates and the lines just above the run.
struct StripText {
    var rule: SiteRule?
    var repeated: RepeatedLines.Site?

    enum Fate: Equatable {
        case candidate
        case removed(BoilerplateCategory, Reason)

        var isRemoved: Bool { if case .removed = self { return true } else { return false } }
    }

    struct Result {
        var lines: PageLines
        var fates: [Fate]
        /// The article's run: indexes into `lines`.
        var run: Range<Int>
        var language: String?
        /// Where reader comments start (the line after a comment-section heading or form), if any.
        var commentsStart: Int?
    }

    /// How much of a long line the phrase vocabularies read: its opening says what it is.
    static let openingLength = 100

    /// Categories whose lines usually end the article (a comment section, a related-links
    /// heading): the run crosses them only for much more prose on the far side.
    static let wallCategories: Set<BoilerplateCategory> = [.comments, .related]

    /// `input` is consumed: the lines are measured in place, not in a copy of the array.
    func run(_ input: consuming PageLines) -> Result {
        var page = input
        var lines = page.lines
        page.lines = []  // `lines` is then the array's only owner: measured in place
        var fates: [Fate] = []
        let language = page.withBytes { bytes in
            for index in lines.indices { LineSignals.measure(&lines[index], in: bytes) }
            let language = FunctionWords.language(of: lines)
            for index in lines.indices { lines[index].signals.adopt(languageIndex: language?.index) }
            fates = lines.indices.map { index in
                PageBudget.spent(at: index)
                    ? Fate.removed(.outsideContent, .text("not read: over the page time limit")) : vocabularyFate(of: lines[index], in: bytes)
            }
            markRepeatsWithinPage(lines, in: bytes, fates: &fates)
            markCutExcerpts(lines, fates: &fates)
            return language
        }
        let run = page.withBytes { bytes in withIntroducedList(articleRun(lines, fates: fates), lines, in: bytes, fates: fates) }
        let commentsStart = lines.indices.first { index in
            guard index >= run.upperBound, case .removed(.comments, _) = fates[index] else { return false }
            return true
        }.map { $0 + 1 }
        markShortRuns(lines, in: run, fates: &fates)
        for index in lines.indices where !run.contains(index) && fates[index] == .candidate {
            let before = index < run.lowerBound
            fates[index] = .removed(.outsideContent, .outsideRun(lines: before ? run.lowerBound - index : index - run.upperBound + 1, before: before))
        }
        page.lines = lines
        return Result(lines: page, fates: fates, run: run, language: language?.code, commentsStart: commentsStart)
    }

    /// The vocabulary's and the site rule's verdict on one line, whatever its neighbours, read
    /// on its bytes: a string is made only for a site rule.
    func vocabularyFate(of line: TextLine, in page: LineBytes) -> Fate {
        let text = page.text(of: line), comparable = page.comparable(of: line)
        if let rule {
            let string = page.textString(of: line)
            for (category, pattern) in rule.dropText where pattern.matches(string) {
                return .removed(category, .text("site rule \(rule.file): text \"\(pattern.source)\""))
            }
        }
        let first = text.first, last = text.last
        if first == UInt8(ascii: "!") && text.hasBytePrefix("!--")
            || first == UInt8(ascii: "<") && (text.hasBytePrefix("<!--") || last == UInt8(ascii: ">"))
            || last == UInt8(ascii: ">") && text.hasByteSuffix("-->") {
            return .removed(.markup, .text("markup shown as text"))
        }
        let signals = line.signals
        if signals.gluedWords >= 3, signals.gluedWords * 3 >= signals.words, !signals.isBodyLike {
            return .removed(.share, .gluedTitles(signals.gluedWords))
        }
        if line.characters <= 60, let heading = Self.relatedHeading(comparable) {
            return .removed(.related, .text("heading \"\(heading)\" announces links to other stories"))
        }
        if let (category, position) = BuildBlocks.phraseMatch(comparable, length: line.characters, hash: line.comparableHash) {
            return .removed(category, .phrase(position, inOpening: false))
        }
        // A long line is judged by how it opens only ("Add your comment by filling out the form…"):
        // prose may quote a phrase anywhere else.
        if line.characters > BoilerplateVocabulary.phraseBlockLimit, let (category, position) = Self.openingPhraseMatch(comparable) {
            return .removed(category, .phrase(position, inOpening: true))
        }
        if Self.isBreadcrumb(text, isASCII: line.characters == line.textBytes) { return .removed(.navigation, .text("breadcrumb trail")) }
        if Self.isCommentFurniture(comparable, words: signals.words) {
            return .removed(.comments, .text("comment author or count line"))
        }
        if let repeated, let pages = repeated.pages(of: comparable, hash: line.comparableHash) {
            return .removed(signals.isBodyLike ? .widget : .navigation, .repeatedOnPages(pages))
        }
        return .candidate
    }

    /// The line without its closing ".", ":", "…" or "!" when it is a related-links heading
    /// ("Read more:"). Trimmed and hashed on the bytes; a string only for a hit.
    static func relatedHeading(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var end = bytes.count
        while end > 0 {
            let byte = bytes[end - 1]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "!") {
                end -= 1
            } else if end >= 3, byte == 0xA6, bytes[end - 2] == 0x80, bytes[end - 3] == 0xE2 {  // …
                end -= 3
            } else {
                break
            }
        }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[0..<end])
        if let first = trimmed.first, BoilerplateVocabulary.relatedHeadingOpenings[Int(first)] & 1 << UInt64(min(end, 63)) == 0 { return nil }
        guard BoilerplateVocabulary.relatedHeadingHashes.contains(ByteHash.of(trimmed)) else { return nil }
        let heading = String(decoding: trimmed, as: UTF8.self)
        return BoilerplateVocabulary.relatedHeadings.contains(heading) ? heading : nil
    }

    /// The phrase rule matched by the first `openingLength` characters of a comparable line.
    /// ASCII text is cut on the bytes: there every byte is a character, unless a combining mark
    /// follows (so the byte after the cut is checked too); lines hold no "\r\n". Text of
    /// letters and punctuation that stand alone (`prefixByteCount`: most prose with curly quotes,
    /// dashes or accents) is cut by its scalars; only the rest goes through a `String`'s
    /// characters, which cost some fifteen thousand instructions a line.
    static func openingPhraseMatch(_ comparable: UnsafeBufferPointer<UInt8>) -> (BoilerplateCategory, Int)? {
        let length = min(comparable.count, openingLength)
        if UnsafeBufferPointer(rebasing: comparable[0..<min(comparable.count, length + 1)]).isASCII {
            return BuildBlocks.phraseMatch(UnsafeBufferPointer(rebasing: comparable[0..<length]), length: openingLength)
        }
        if let cut = comparable.prefixByteCount(characters: openingLength) {
            return BuildBlocks.phraseMatch(UnsafeBufferPointer(rebasing: comparable[0..<cut]), length: openingLength)
        }
        return String(String(decoding: comparable, as: UTF8.self).prefix(openingLength)).withUTF8Bytes {
            BuildBlocks.phraseMatch($0, length: openingLength)
        }
    }

    /// A line the page holds twice is furniture (an image's alt text and caption, a promo
    /// shown at two places) when it is short; a long one is prose quoted again (a pull
    /// quote), kept where it first stands.
    func markRepeatsWithinPage(_ lines: [TextLine], in page: LineBytes, fates: inout [Fate]) {
        // The first line of each hash, in an open-addressed table of line indexes (-1: empty)
        // probed by the hash SegmentText took: no second pass over the bytes, no SipHash.
        var size = 16
        while size < lines.count * 2 { size *= 2 }
        var first = [Int](repeating: -1, count: size)
        for index in lines.indices where lines[index].signals.words >= 3 {  // by index: no copy of each line
            let key = lines[index].comparableHash
            var slot = Int(truncatingIfNeeded: key) & (size - 1)
            var earlier: Int?
            while first[slot] >= 0 {
                if lines[first[slot]].comparableHash == key { earlier = first[slot]; break }
                slot = (slot + 1) & (size - 1)
            }
            if let earlier, page.comparable(of: lines[earlier]).equalsBytes(page.comparable(of: lines[index])) {
                fates[index] = .removed(.widget, .repeatsLine(lines[earlier].number))
                if !lines[index].signals.isBodyLike, fates[earlier] == .candidate {
                    fates[earlier] = .removed(.widget, .repeatedAtLine(lines[index].number))
                }
            } else if earlier == nil {
                first[slot] = index
            }
        }
    }

    /// Lines cut off with a glued ellipsis (`LineSignals.endsCut`) at least `cutExcerptCluster`
    /// at a time, each within `cutExcerptGap` lines of the next: a listing of other stories,
    /// their titles and excerpts cut at a length ("… Active Noise Cancellat..."). One or two
    /// such lines are left alone: an article may quote a cut headline.
    func markCutExcerpts(_ lines: [TextLine], fates: inout [Fate]) {
        var cluster: [Int] = []
        func close() {
            if cluster.count >= Self.cutExcerptCluster {
                for index in cluster where fates[index] == .candidate { fates[index] = .removed(.related, .cutExcerpts(cluster.count)) }
            }
            cluster.removeAll(keepingCapacity: true)
        }
        for index in lines.indices where lines[index].signals.endsCut {
            if let last = cluster.last, index - last > Self.cutExcerptGap { close() }
            cluster.append(index)
        }
        close()
    }

    static let cutExcerptCluster = 3
    static let cutExcerptGap = 3

    /// "thelastchargersfan says:", "34 responses to “…”", "12 comments": what a comment section
    /// prints around each comment.
    static let commentAuthorEndings = [" says:", " said:", " wrote:", " says"]
    static let commentCountOpenings = [" responses to ", " comments on ", " thoughts on ", " replies to "]
    static let commentCountWords = [" comments", " comment", " replies", " responses"]

    static func isCommentFurniture(_ line: UnsafeBufferPointer<UInt8>, words: Int) -> Bool {
        // A count may stand in brackets: "[ 167 comments ]", "(12 comments)".
        var start = 0, end = line.count
        if let opening = line.first, opening == UInt8(ascii: "[") || opening == UInt8(ascii: "("),
           let closing = line.last, closing == (opening == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: ")")) {
            start = 1
            end -= 1
            while start < end, line[start] == 0x20 { start += 1 }
            while end > start, line[end - 1] == 0x20 { end -= 1 }
        }
        let comparable = UnsafeBufferPointer(rebasing: line[start..<end])
        let words = start == 0 ? words : comparable.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
        guard let first = comparable.first, let last = comparable.last else { return false }
        if words <= 6, last == UInt8(ascii: ":") || last == UInt8(ascii: "s"), commentAuthorEndings.contains(where: comparable.hasByteSuffix) {
            return true
        }
        guard first >= 0x30, first <= 0x39 else { return false }
        // A count is ASCII digits; other text is read by characters (other scripts' digits,
        // marks joining a character).
        guard comparable.isASCII else { return isCommentCount(String(decoding: comparable, as: UTF8.self), words: words) }
        let rest = UnsafeBufferPointer(rebasing: comparable[(comparable.firstIndex { $0 < 0x30 || $0 > 0x39 } ?? comparable.count)...])
        return commentCountOpenings.contains(where: rest.hasBytePrefix)
            || (words <= 2 && commentCountWords.contains { $0.utf8.elementsEqual(rest) })
    }

    /// "34 responses to …", "12 comments": a count opening the line, by characters.
    private static func isCommentCount(_ comparable: String, words: Int) -> Bool {
        let count = comparable.prefix { $0.isNumber }
        let rest = comparable.dropFirst(count.count)
        return commentCountOpenings.contains { rest.hasPrefix($0) } || (words <= 2 && commentCountWords.contains { rest == $0 })
    }

    static let breadcrumbSeparators = [" > ", " » ", " › ", " / "]

    /// "Home > News > World": three or more short parts between path separators. `isASCII`:
    /// whether the line is ASCII, when the caller knows (its scalars are its bytes).
    static func isBreadcrumb(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool? = nil) -> Bool {
        guard bytes.count <= 300, let base = bytes.baseAddress else { return false }
        let ascii = isASCII ?? bytes.isASCII
        // Every separator holds ">" or "/", or is " » " or " › ": found by memchr (and memcmp).
        // (A scan for any byte of them stopped in every Cyrillic line: "л" and "к" end in the
        // last bytes of "»" and "›".)
        guard memchr(base, 0x3E, bytes.count) != nil || memchr(base, 0x2F, bytes.count) != nil
            || !ascii && (bytes.containsBytes(" » ") || bytes.containsBytes(" › ")) else { return false }
        // An ASCII line (where every byte is a character) is split on its bytes; others by
        // Foundation, whose matching respects characters that join across bytes.
        if ascii { return isASCIIBreadcrumb(bytes) }
        let text = String(decoding: bytes, as: UTF8.self)
        for separator in breadcrumbSeparators where text.containsBytes(separator) {
            let parts = text.components(separatedBy: separator)
            if parts.count >= 3, parts.dropLast().allSatisfy({ $0.split(separator: " ").count <= 4 }) { return true }
        }
        return false
    }

    /// `isBreadcrumb` on an ASCII line's bytes: split on each ASCII separator in turn, three
    /// parts or more, every part but the last of at most four words.
    private static func isASCIIBreadcrumb(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for separator in asciiBreadcrumbSeparators {
            var parts = 0
            var shortParts = true
            var partStart = 0
            var index = 0
            while index + separator.count <= bytes.count {
                if bytes[index] == separator[0], (1..<separator.count).allSatisfy({ bytes[index + $0] == separator[$0] }) {
                    parts += 1
                    if wordCount(bytes, partStart, index) > 4 { shortParts = false }
                    index += separator.count
                    partStart = index
                } else {
                    index += 1
                }
            }
            // The last part (after the last separator) is not counted against the words limit.
            if parts + 1 >= 3, shortParts { return true }
        }
        return false
    }

    /// The ASCII separators of `breadcrumbSeparators` (the others are not ASCII).
    private static let asciiBreadcrumbSeparators: [[UInt8]] = breadcrumbSeparators.filter(\.isASCIIBytes).map { Array($0.utf8) }

    /// Words of `bytes[start..<end]` split on spaces, empty ones left out (as `split(separator:)`).
    private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var count = 0
        var inWord = false
        for index in start..<end {
            if bytes[index] == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// A line's weight toward the article: body-like lines count with their length, removed
    /// lines and short unpunctuated lines against.
    /// (From the line's signals and layout: they hold no strings, so they are read without a copy.)
    static func score(_ signals: LineSignals, bullet: Bool, indent: Int, fate: Fate, standsAlone: Bool) -> Double {
        // Credit lines sit between headline and body: metadata, not a break in the article.
        if case .removed(.credit, _) = fate { return -0.5 }
        // So do a headline's and a caption's repeats (an image's alt text).
        if case .removed(.widget, let reason) = fate, reason.isRepeat { return -0.5 }
        if case .removed(let category, _) = fate { return wallCategories.contains(category) ? -8 : -3 }
        if signals.isBodyLike { return 1 + Double(min(signals.words, 120)) / 15 }
        if signals.isDate { return -0.5 }
        if signals.endsSentence, signals.words >= 4 { return 0.2 }
        // List items of a few words are the article's as often as a menu's.
        if bullet, signals.words >= 3 { return -0.2 }
        if signals.endsWithColon, signals.words >= 3 { return -0.1 }
        // A short line set apart by blank lines is a heading, a label or a caption; in a
        // block of lines without blank lines between them it is one entry of a menu.
        if standsAlone, indent == 0, !bullet { return -0.3 }
        if signals.isShort { return indent > 0 || bullet ? -1.5 : -1 }
        return -0.5
    }

    /// Whether blank lines stand before and after the line.
    static func standsAlone(_ lines: [TextLine], _ index: Int) -> Bool {
        lines[index].blankBefore && (index + 1 == lines.count || lines[index + 1].blankBefore)
    }

    /// The article's run: the densest run of the page, unless it lies past the first line of a
    /// comment section ("Top Rated Comments", "[ 167 comments ]") and the lines above that line
    /// hold a run of some prose (`articleBeforeComments`). Long reader comments outweigh a short
    /// article, but an article comes before its comments.
    func articleRun(_ lines: [TextLine], fates: [Fate]) -> Range<Int> {
        let densest = densestRun(lines, fates: fates)
        guard let wall = fates.firstIndex(where: { if case .removed(.comments, _) = $0 { true } else { false } }),
              densest.range.upperBound > wall + 1 else { return densest.range }
        let before = densestRun(lines, fates: fates, upTo: wall)
        return before.sum >= Self.articleBeforeComments ? before.range : densest.range
    }

    /// A score of about two paragraphs of prose.
    static let articleBeforeComments = 8.0

    /// The run and the list its last line (or the line after it) introduces with a colon: "The
    /// tour dates:" and the lines after it of `listItemWords` words or more, unpunctuated as list
    /// items are, up to the first removed, short or sentence-like line. Such items score below
    /// zero one by one (they read as neither prose nor menu), so the densest run stops before them.
    ///
    /// A colon line that opens as a related-links heading does ("Related coverage from …:",
    /// "More from …:") introduces other stories, not the article's list.
    func withIntroducedList(_ run: Range<Int>, _ lines: [TextLine], in page: LineBytes, fates: [Fate]) -> Range<Int> {
        guard !run.isEmpty else { return run }
        var colon = run.upperBound - 1
        if !lines[colon].signals.endsWithColon {
            colon = run.upperBound
            guard colon < lines.count, fates[colon] == .candidate, lines[colon].signals.endsWithColon else { return run }
        }
        let introduction = page.comparable(of: lines[colon])
        let related = BoilerplateVocabulary.relatedHeadings.contains { heading in
            let length = heading.utf8.count
            guard introduction.hasBytePrefix(heading) else { return false }
            // The heading ends at a word's end: "related coverage", not "relatedness".
            return introduction.count == length || introduction[length] == 0x20 || introduction[length] == 0x3A
        }
        guard !related else { return run }
        var end = colon + 1
        while end < lines.count, end - colon <= Self.maximumListItems, fates[end] == .candidate,
              lines[end].signals.words >= Self.listItemWords, !lines[end].signals.endsSentence {
            end += 1
        }
        return end - colon > Self.minimumListItems ? run.lowerBound..<end : run
    }

    static let listItemWords = 4
    static let minimumListItems = 2
    static let maximumListItems = 40

    /// The run of lines (before `upTo`) with the highest total score (Kadane's algorithm), and
    /// its score. Ties go to the earlier run. An empty range when no line scores above zero.
    func densestRun(_ lines: [TextLine], fates: [Fate], upTo limit: Int? = nil) -> (sum: Double, range: Range<Int>) {
        var best: (sum: Double, range: Range<Int>) = (0, 0..<0)
        var sum = 0.0
        var start = 0
        for index in 0..<(limit ?? lines.count) {
            if sum <= 0 {
                sum = 0
                start = index
            }
            sum += Self.score(lines[index].signals, bullet: lines[index].bullet, indent: lines[index].indent, fate: fates[index],
                              standsAlone: Self.standsAlone(lines, index))
            if sum > best.sum { best = (sum, start..<(index + 1)) }
        }
        return best
    }

    /// Three or more short unpunctuated lines in a row inside the run are a menu or a tag list,
    /// not the article's (a heading stands alone; a list of short items has bullets and a
    /// sentence introducing it).
    func markShortRuns(_ lines: [TextLine], in run: Range<Int>, fates: inout [Fate]) {
        // A line ending in ":" introduces what follows; it is never part of a menu.
        func isMenuLike(_ signals: LineSignals) -> Bool { signals.isShort && !signals.isDate && !signals.endsWithColon }
        var index = run.lowerBound
        while index < run.upperBound {
            guard fates[index] == .candidate, isMenuLike(lines[index].signals) else { index += 1; continue }
            var end = index
            while end < run.upperBound, fates[end] == .candidate, isMenuLike(lines[end].signals) { end += 1 }
            let length = end - index
            // (`endsWithColon` is the last byte: a ":" byte ends the last character too.)
            let introduced = index > 0 && lines[index - 1].signals.endsWithColon && lines[index..<end].allSatisfy(\.bullet)
            if length >= 3, !introduced {
                for position in index..<end { fates[position] = .removed(.navigation, .shortLines(length)) }
            }
            index = end
        }
    }
}
