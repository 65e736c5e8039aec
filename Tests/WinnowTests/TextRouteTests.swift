import Testing
@testable import Winnow
import WinnowIO

/// The text route's signals and decisions, one at a time, on small flat pages.
@Suite struct TextRouteTests {
    static let prose = [
        "The minister arrived in the capital on Monday to meet with officials from the defence ministry, the agency said.",
        "They discussed the cooperation between the two countries and the plans for a new agreement on trade and arms.",
        "Critics of the visit said that it was a sign of the growing isolation of the government after the coup in February.",
        "The talks will continue on Tuesday, when the delegation is expected to visit a factory and a university in the city.",
    ]

    static func lines(_ text: String) -> PageLines {
        var trace = Trace()
        return SegmentText.lines(Array(text.utf8), trace: &trace)
    }

    static func process(_ text: String, url: String? = nil) -> PageResult {
        var page = InputPage(id: "page.txt", bytes: Array(text.utf8), url: url).as(.text)
        page.container = nil
        return DefaultPipeline().process(page)
    }

    static func measured(_ text: String) -> LineSignals {
        let result = StripText().run(lines((prose + [text]).joined(separator: "\n\n")))
        return result.lines.lines.last!.signals
    }

    // MARK: Segmentation

    @Test func segmentsLinesWithIndentBulletsAndBlankLines() {
        let found = Self.lines("Title\n\n  Menu entry\n• First item\r\n- Second item\nSame block\n")
        #expect(found.texts == ["Title", "Menu entry", "First item", "Second item", "Same block"])
        #expect(found.lines.map(\.number) == [1, 3, 4, 5, 6])
        #expect(found.lines.map(\.indent) == [0, 2, 0, 0, 0])
        #expect(found.lines.map(\.bullet) == [false, false, true, true, false])
        #expect(found.lines.map(\.blankBefore) == [true, true, false, false, false])
    }

    @Test func repairsLinesAsTextNodesAreRepaired() {
        var trace = Trace()
        let found = SegmentText.lines(Array("You have {{numberArticlesLeft}} free articles\nCaf\u{00C3}\u{00A9} &amp; it&rsquo;s\u{200B}".utf8), trace: &trace)
        // As in an HTML text node: typographic references are decoded, "&amp;" stays (text about markup).
        #expect(found.texts == ["You have free articles", "Café &amp; it\u{2019}s"])
        #expect(trace.repairs["placeholders"] == 1)
        #expect(trace.repairs["mojibake"] == 1)
        #expect(trace.repairs["doubleEscapedEntities"] == 1)
        #expect(trace.repairs["invisibleCharacters"] == 1)
    }

    // MARK: Signals

    @Test func proseIsBodyLikeAndMenusAreShort() {
        #expect(Self.measured(Self.prose[0]).isBodyLike)
        #expect(Self.measured(Self.prose[0]).endsSentence)
        let menu = Self.measured("World Video")
        #expect(!menu.isBodyLike)
        #expect(menu.isShort)
        // A long headline without function words and without a full stop is not prose.
        #expect(!Self.measured("Apple MacBook Pro 16 Review Performance Battery Display Keyboard Price Verdict Specs").isBodyLike)
    }

    @Test func functionWordsNameTheLanguage() {
        let english = StripText().run(Self.lines(Self.prose.joined(separator: "\n\n")))
        #expect(english.language == "en")
        let german = StripText().run(Self.lines([
            "Der Minister ist am Montag in der Hauptstadt angekommen, um sich mit den Vertretern des Ministeriums zu treffen.",
            "Sie haben über die Zusammenarbeit der beiden Länder und die Pläne für ein neues Abkommen gesprochen.",
            "Kritiker sagten, dass der Besuch ein Zeichen für die wachsende Isolation der Regierung nach dem Putsch sei.",
        ].joined(separator: "\n\n")))
        #expect(german.language == "de")
    }

    @Test func gluedIconTitlesAreCounted() {
        func gluedWords(_ text: String) -> Int {
            let page = Self.lines(text)
            var line = page[0]
            page.withBytes { LineSignals.measure(&line, in: $0) }
            return line.signals.gluedWords
        }
        #expect(gluedWords("Icon FacebookIcon LinkedinIcon Mail ContactPath LayerIcon") == 4)
        #expect(gluedWords("McDonald said the iPhone sold well.") == 2)
    }

    @Test func shortDateLinesAreDates() {
        #expect(Self.measured("June 22, 2021").isDate)
        #expect(Self.measured("Jun 24, 2021 02:39 AM").isDate)
        #expect(!Self.measured("Top Stories").isDate)
    }

    // MARK: Strip

    static func fates(_ before: [String], _ after: [String] = []) -> [(String, StripText.Fate)] {
        let result = StripText().run(lines((before + prose + after).joined(separator: "\n\n")))
        return zip(result.lines.texts, result.fates).map { ($0, $1) }
    }

    static func category(of line: String, in fates: [(String, StripText.Fate)]) -> BoilerplateCategory? {
        guard let fate = fates.first(where: { $0.0 == line })?.1, case .removed(let category, _) = fate else { return nil }
        return category
    }

    @Test func vocabulariesJudgeLinesAsTheyJudgeBlocks() {
        let fates = Self.fates(["ArrowArtboardCreated with Sketch.Title ChevronTitle ChevronIcon FacebookIcon LinkedinIcon Mail",
                                "You are here", "Home > News > World > Asia", "!-- Google tag (gtag.js) -->"],
                               ["Sponsored Content", "Leave a Reply", "This site uses Akismet to reduce spam. Learn how your comment data is processed."])
        #expect(Self.category(of: "ArrowArtboardCreated with Sketch.Title ChevronTitle ChevronIcon FacebookIcon LinkedinIcon Mail", in: fates) == .share)
        #expect(Self.category(of: "You are here", in: fates) == .navigation)
        #expect(Self.category(of: "Home > News > World > Asia", in: fates) == .navigation)
        #expect(Self.category(of: "!-- Google tag (gtag.js) -->", in: fates) == .markup)
        #expect(Self.category(of: "Sponsored Content", in: fates) == .sponsor)
        #expect(Self.category(of: "Leave a Reply", in: fates) == .comments)
        for line in Self.prose { #expect(fates.first { $0.0 == line }?.1 == .candidate) }
    }

    @Test func theDensestRunOfProseIsTheArticle() {
        let menu = (1...30).map { "  Section \($0)" }
        let teaser = "A short teaser line that ends."
        let result = StripText().run(Self.lines((menu + [teaser] + menu + Self.prose + menu).joined(separator: "\n")))
        #expect(result.run.map(result.lines.text) == Self.prose)
        let before = result.fates[0]
        guard case .removed(.outsideContent, let reason) = before else { Issue.record("menu line kept: \(before)"); return }
        // The menu's first line: the teaser and the first menu's 30 lines lie between it and the run.
        #expect(reason == .outsideRun(lines: 61, before: true))
        #expect(reason.description == "61 lines before the main run of body lines")
    }

    @Test func commentSectionsWeighAgainstTheRun() {
        let comments = ["34 responses to “The story”", "reader1 says:", Self.prose[1], "reader2 says:", Self.prose[2]]
        let result = StripText().run(Self.lines((Self.prose + comments).joined(separator: "\n\n")))
        #expect(result.run == 0..<Self.prose.count)
        #expect(Self.category(of: "reader1 says:", in: zip(result.lines.texts, result.fates).map { ($0, $1) }) == .comments)
    }

    /// Long reader comments after a comment-section heading outweigh a short article, which
    /// still is the run: an article comes before its comments.
    @Test func anArticleComesBeforeItsComments() {
        var comments: [String] = []
        // Six comments of two sentences each: more prose than the article's four sentences.
        for number in 1...6 {
            let comment: String = Self.prose[number % 4] + " " + Self.prose[(number + 1) % 4]
            comments += ["Rating: \(number) Votes", "Avatar", "reader\(number)", comment]
        }
        let page: [String] = ["Headline of the story"] + Self.prose + ["[ 167 comments ]", "Top Rated Comments"] + comments
        let result = StripText().run(Self.lines(page.joined(separator: "\n\n")))
        #expect(result.run.map(result.lines.text) == Self.prose)
        #expect(Self.category(of: "Top Rated Comments", in: zip(result.lines.texts, result.fates).map { ($0, $1) }) == .comments)
        // With too little prose above the heading, the densest run stands.
        let short: [String] = ["Headline of the story", "Top Rated Comments"] + comments
        let shortResult = StripText().run(Self.lines(short.joined(separator: "\n\n")))
        #expect(shortResult.run.lowerBound > 1)
    }

    /// Unpunctuated list items after the article's "…:" line are the article's; after a
    /// related-links heading with a colon they are other stories.
    @Test func aListTheArticleIntroducesIsTheArticles() {
        let items = ["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "June 10 – Tampa, FL @ MidFlorida Amphitheatre",
                     "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre"]
        let page = Self.prose + ["The band’s tour dates:"] + items + ["Share", "Tweet"]
        let result = StripText().run(Self.lines(page.joined(separator: "\n")))
        #expect(result.run.map(result.lines.text) == Self.prose + ["The band’s tour dates:"] + items)
        let related = Self.prose + ["Related coverage from How to Do Everything:"] + items
        let relatedResult = StripText().run(Self.lines(related.joined(separator: "\n")))
        #expect(relatedResult.run.map(relatedResult.lines.text) == Self.prose)
    }

    @Test(arguments: [("[ 167 comments ]", true), ("(12 comments)", true), ("12 comments", true), ("[ 167 comments", false),
                      ("(12 comments in all, most of them angry)", false), ("[see below]", false)])
    func commentCountsInBrackets(line: String, furniture: Bool) {
        let comparable = BuildBlocks.comparable(line)
        let words = comparable.split(separator: " ").count
        #expect(Array(comparable.utf8).withUnsafeBufferPointer { StripText.isCommentFurniture($0, words: words) } == furniture, "\(line)")
    }

    @Test(arguments: [
        ("The AirPods Pro features Active Noise Cancellat...", true), ("Sales rose in Ma…", true), ("up 4%, to 12,...", true),
        ("Прибыль выросла на…", true), ("Here’s the thing …", false), ("He paused...", true), ("It ended.", false),
        ("Wait for it....", false), ("He said “no”…", false), ("Then “what?”...", false), ("...", false), ("…", false),
        ("Trailing spaces cut...   ", true),
    ])
    func anEllipsisGluedToAWordCutsTheLine(text: String, cut: Bool) {
        #expect(Array(text.utf8).withUnsafeBufferPointer(LineSignals.endsInGluedEllipsis) == cut, "\(text)")
    }

    /// A listing of other stories (titles and excerpts cut at a length) outweighs a short
    /// article by its prose; its cut lines, three or more close together, are related links.
    @Test func excerptsCutOffTogetherAreOtherStories() {
        let listing = (1...6).flatMap { number in
            ["Deal \(number): a new laptop is discounted before the sales begin at the largest stores...",
             "The company said on Monday that the price of the model \(number) would fall by a fifth for the holidays, and that the offer would last until the stock runs ou..."]
        }
        let result = StripText().run(Self.lines((Array(Self.prose[0...1]) + ["Deals"] + listing).joined(separator: "\n\n")))
        #expect(result.run == 0..<2)
        guard let index = result.lines.texts.firstIndex(of: listing[1]), case .removed(.related, let reason) = result.fates[index] else {
            Issue.record("excerpt kept"); return
        }
        #expect(reason == .cutExcerpts(12))
        // One or two cut lines in an article (a quoted headline) are left to the other signals.
        let two = StripText().run(Self.lines((Self.prose + Array(listing[0...1])).joined(separator: "\n\n")))
        #expect(two.fates.allSatisfy { if case .removed(.related, _) = $0 { false } else { true } })
    }

    @Test func shortLinesInARowInsideTheRunAreAMenu() {
        let tags = ["Politics", "Asia", "Defence", "Trade"]
        let result = StripText().run(Self.lines((Array(Self.prose[0...1]) + tags + Array(Self.prose[2...3])).joined(separator: "\n")))
        for tag in tags {
            guard let index = result.lines.texts.firstIndex(of: tag), case .removed(.navigation, let reason) = result.fates[index] else {
                Issue.record("\(tag) kept"); continue
            }
            #expect(reason == .shortLines(4))
            #expect(reason.description == "run of 4 short lines")
        }
    }

    @Test func shortLinesTheSitePageRepeatsAreFurniture() {
        let fates = Self.fates(["Photo of the minister at the airport"], ["Photo of the minister at the airport"])
        let removed = fates.filter { $0.0 == "Photo of the minister at the airport" }
        #expect(removed.count == 2)
        #expect(removed.allSatisfy { if case .removed(.widget, _) = $0.1 { return true } else { return false } })
    }

    @Test func repeatedLinesCountDistinctPagesPerSiteInAnyOrder() {
        let pages = (1...4).map { "Subscribe to the Daily Brief\n\nStory \($0) with its own text." }
        var forward = RepeatedLines()
        var backward = RepeatedLines()
        for (index, page) in pages.enumerated() { forward.count(text: Array(page.utf8), url: "https://www.news.example/\(index)") }
        for (index, page) in pages.enumerated().reversed() { backward.count(text: Array(page.utf8), url: "https://news.example/\(index)") }
        var other = RepeatedLines()
        other.count(text: Array(pages[0].utf8), url: nil)
        forward.settle()
        backward.settle()
        other.settle()
        #expect(forward.site(for: "https://news.example/x")?.pages(of: "subscribe to the daily brief") == 4)
        #expect(backward.site(for: "https://www.news.example/y")?.pages(of: "subscribe to the daily brief") == 4)
        #expect(forward.site(for: "https://news.example/x")?.pages(of: "story 1 with its own text.") == nil)
        // The site is the record's: the host without `www.`, user or port (`ExtractMetadata.host`).
        #expect(forward.site(for: "http://reader@WWW.News.Example:8080/z")?.pages(of: "subscribe to the daily brief") == 4)
        #expect(other.isEmpty)
    }

    /// A line counts once per page however often the page holds it; lines longer than
    /// `maximumLength` are prose and are not counted; lines match on their comparable bytes.
    @Test func repeatedLinesCountPagesNotOccurrences() {
        let long = String(repeating: "A long line of prose that a site would not repeat. ", count: 10)
        var repeated = RepeatedLines()
        for index in 1...2 {
            repeated.count(text: Array("Get the app\nGet the app\nGET THE APP\n\(long)\nStory \(index).".utf8), url: "https://news.example/\(index)")
        }
        repeated.count(text: Array("Get  the\tapp\n\(long)".utf8), url: "https://news.example/3")
        repeated.settle()
        let site = repeated.site(for: "https://news.example/")
        #expect(site?.pages(of: "get the app") == 3)
        #expect(site?.pages(of: BuildBlocks.comparable(long.trimmingCharacters(in: .whitespaces))) == nil)
    }

    @Test func aSiteLineIsRemovedWithItsPageCount() {
        var repeated = RepeatedLines()
        for index in 1...3 { repeated.count(text: Array("Get the app for your phone\n\nStory \(index).".utf8), url: "https://news.example/\(index)") }
        repeated.settle()
        let text = (["Get the app for your phone"] + Self.prose).joined(separator: "\n\n")
        let result = StripText(repeated: repeated.site(for: "https://news.example/a")).run(Self.lines(text))
        #expect(result.fates[0] == .removed(.navigation, .repeatedOnPages(3)))
        guard case .removed(_, let reason) = result.fates[0] else { return }
        #expect(reason.description == "repeated on 3 pages of the site in this run")
    }

    /// `winnow clean` only counts the text route's removals (`Trace.record`); the record must
    /// be the one a trace that lists them gives, category by category.
    @Test func countedRemovalsGiveTheRecordListedOnesGive() {
        let text = (["Home | News | World | Sport", "Share this article", "FacebookIcon TwitterIcon LinkedinIcon Mail",
                     "Ministers agree to bolster ties", "By Jane Doe", "June 22, 2021"] + Self.prose
                    + ["Read more:", "Other story one", "Other story two", "Leave a comment", "Jane wrote: great piece", "© 2021 The Paper"])
            .joined(separator: "\n\n")
        var page = InputPage(id: "page.txt", bytes: Array(text.utf8), url: nil).as(.text)
        page.container = nil
        var counting = PipelineOptions()
        counting.recordsRemovalDetails = false
        let listed = DefaultPipeline().process(page)
        let counted = DefaultPipeline(options: counting).process(page)
        #expect(listed.trace.removals.count > 3)
        #expect(counted.trace.removals.isEmpty)
        #expect(counted.trace.kept.isEmpty)
        #expect(counted.trace.removedCounts.map(\.0) == listed.trace.removedCounts.map(\.0))
        #expect(counted.trace.removedCounts.map(\.1) == listed.trace.removedCounts.map(\.1))
        #expect(counted.line == listed.line)
    }

    // MARK: Extract

    @Test func headlineStandfirstDatelineBylineAndCredits() {
        let text = ([
            "Menu", "Ministers agree to bolster ties", "The two governments signed a pact on trade and defence", "By Jane Doe and John Roe",
            "June 22, 2021", "The minister and his host at the ceremony.", "Photo: Ministry / AFP",
        ] + Self.prose + ["Reported by the Asia desk. Translated by Ann Lee. Written in English by Joshua Lipes."]).joined(separator: "\n\n")
        let result = Self.process(text)
        let article = try! #require(result.article)
        #expect(article.title == "Ministers agree to bolster ties")
        #expect(article.description == "The two governments signed a pact on trade and defence")
        #expect(article.authors == ["Jane Doe", "John Roe", "Joshua Lipes"])
        #expect(article.published == "2021-06-22")
        #expect(article.publishedFrom == "text")
        #expect(article.credits.contains("Photo: Ministry / AFP"))
        #expect(article.credits.contains("Translated by Ann Lee"))
        #expect(article.blocks.first?.kind == .caption)
        #expect(article.blocks.filter(\.isBody).map(\.text) == Self.prose)
        #expect(result.record["source"]?["format"] == .string("text"))
        #expect(result.record["source"]?["container"] == .string("text"))
    }

    @Test func readerCommentsAreKeptApartWithTheirAuthorAndDate() {
        let text = (Self.prose + ["Add your comment by filling out the form below.", "Cecil Khin", "Jun 24, 2021 02:39 AM",
                                  "This is what a reader thinks of the visit.", "Ann Other", "Jun 25, 2021 10:00 AM", "Another view."])
            .joined(separator: "\n\n")
        let article = try! #require(Self.process(text).article)
        #expect(article.comments == [
            Comment(author: "Cecil Khin", date: "2021-06-24T02:39", text: "This is what a reader thinks of the visit."),
            Comment(author: "Ann Other", date: "2021-06-25T10:00", text: "Another view."),
        ])
        #expect(article.blocks.filter(\.isBody).map(\.text) == Self.prose)
    }

    @Test func headingsAndListsInsideTheBody() {
        let text = [Self.prose[0], Self.prose[1], "What comes next", Self.prose[2], "The plan includes the following steps:", "• a new treaty", "• joint exercises", Self.prose[3]]
            .joined(separator: "\n\n")
        let article = try! #require(Self.process(text).article)
        #expect(article.blocks.map(\.kind) == [.paragraph, .paragraph, .heading, .paragraph, .paragraph, .list, .paragraph])
        #expect(article.blocks[5].items?.map(\.text) == ["a new treaty", "joint exercises"])
    }

    @Test func textWithoutProseIsRejectedAtExtract() {
        let result = Self.process("Home\nNews\nSport\nWeather")
        #expect(result.reject?.stage == .extract)
    }

    @Test func everyLineIsKeptOrRemovedInTheTrace() {
        let text = (["Home", "News", "Sport"] + Self.prose + ["Sponsored Content"]).joined(separator: "\n\n")
        let result = Self.process(text)
        #expect(result.trace.kept.count + result.trace.removals.count == 8)
        #expect(RenderExplanation().run(result).contains("[text line, line 1]"))
    }
}

/// `BuildBlocks.comparable` folds on bytes where it can; it must agree with the standard
/// library's lower-casing everywhere.
@Suite struct ComparableTests {
    @Test(arguments: [
        "Read More", "  Share   this\tArticle  ", "ÀÉÎÕÜ Ñandú Œuvre ×÷ ß", "МОСКВА Ёлка Ѐ Џ Пётр", "ΑΘΗΝΑ Ωμέγα Άλφα",
        "It’s ‘quoted’", "no\u{00A0}break\u{2009}thin\u{3000}ideographic", "İstanbul ŁÓDŹ Ğ", "Ｆｕｌｌ", "ԱՐՄԵՆ", "Ḁḁ", "日本語のテキスト",
        "emoji 👍🏽 mixed CASE", "", " ", "a\u{2028}b",
    ])
    func bytePathAgreesWithTheStandardLibrary(_ text: String) {
        #expect(BuildBlocks.comparable(text) == BuildBlocks.comparableUsingStandardLibrary(text))
    }

    /// Eight bytes at a time where the text is plain ASCII: random texts of words, single and
    /// double spaces, tabs, line breaks, capitals and a few non-ASCII letters, at every length.
    @Test func eightByteBlocksAgreeWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "q", "M", " ", " ", "  ", "\t", "\n", ".", "’", "É", "й", "~", "@", "[", "`", "{", "\u{7F}", "\u{A0}"]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...80, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(BuildBlocks.comparable(text) == BuildBlocks.comparableUsingStandardLibrary(text), "\(Array(text.utf8))")
        }
    }

    /// A line `TextBuilder.isPlainASCII` accepts (it agrees with its definition) folds to its
    /// lower case and is its own text, a scalar a byte.
    @Test func plainASCIILinesFoldToTheirLowerCase() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "q", "M", " ", "  ", "\t", "\u{0B}", "\n", ".", "~", "@", "[", "`", "{", "\u{7F}", "\u{1}", "9", "é", "’"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let plain = !bytes.isEmpty && bytes.first != 0x20 && bytes.last != 0x20 && !text.contains("  ")
                && bytes.allSatisfy { $0 < 0x80 && !(0x09...0x0D).contains($0) }
            bytes.withUnsafeBufferPointer { line in
                #expect(TextBuilder.isPlainASCII(line) == plain, "\(bytes)")
                guard plain else { return }
                let lowered = [UInt8](unsafeUninitializedCapacity: bytes.count) { output, count in
                    BuildBlocks.lowercasePlainASCII(line, into: output.baseAddress!)
                    count = bytes.count
                }
                let folded = [UInt8](unsafeUninitializedCapacity: bytes.count) { output, count in
                    count = BuildBlocks.foldComparable(line, into: output.baseAddress!) ?? 0
                }
                #expect(lowered == folded, "\(bytes)")
                #expect(TextBuilder.unchangedScalars(line) == bytes.count, "\(bytes)")
            }
        }
    }

    @Test func eightBytesLowerCasedOnlyWhenPlain() {
        func word(_ text: String) -> UInt64 { Array(text.utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
        func text(_ word: UInt64) -> String { withUnsafeBytes(of: word) { String(decoding: $0, as: UTF8.self) } }
        func lowered(_ eight: String, spaceBefore: Bool) -> String? {
            BuildBlocks.loweredPlainASCII(word(eight), spaceBefore: spaceBefore ? 0x80 : 0).map { text($0.lowered) }
        }
        #expect(lowered("Read Mor", spaceBefore: true) == "read mor")
        #expect(lowered(" Read Mo", spaceBefore: false) == " read mo")
        #expect(lowered(" Read Mo", spaceBefore: true) == nil)
        #expect(lowered("Read  Mo", spaceBefore: false) == nil)
        // A closing space is the caller's to settle (pending until a visible byte follows).
        #expect(lowered("ReadMor ", spaceBefore: false) == "readmor ")
        #expect(lowered("Read\tMor", spaceBefore: false) == nil)
        #expect(lowered("Read\u{7F}Mor", spaceBefore: false) == nil)
        #expect(lowered("@[`{AZaz", spaceBefore: false) == "@[`{azaz")
        #expect(BuildBlocks.loweredPlainASCII(word("a b c d "), spaceBefore: 0).map(\.spaces) == 0x8000_8000_8000_8000)
    }
}

/// `FunctionWords.hits` reads and hashes words in one pass; it must count what splitting the
/// line into words and looking each one up would count.
@Suite struct FunctionWordHitsTests {
    /// The words by the rule, one scalar at a time: letters of any script and apostrophes join,
    /// general punctuation, ASCII punctuation, digits and spaces separate.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in line.unicodeScalars {
            let isLetter = scalar.isASCII
                ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A || scalar == "'"
                : !(0x2000...0x207F).contains(scalar.value)
            if isLetter {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func expectedHits(_ line: String) -> SIMD16<UInt16> {
        var hits = SIMD16<UInt16>()
        for word in words(line) where word.utf8.count <= 12 {
            for (index, list) in FunctionWords.lists.enumerated() where list.words.split(separator: " ").contains(Substring(word)) {
                hits[index] += 1
            }
        }
        return hits
    }

    @Test(arguments: [
        "", "the", "of the people and their house", "it's the end—of the line", "der die das und in den von zu",
        "le président a été élu", "и в не на что с по как из", "a1b the2 of,and;to", "that’s “the” end",
        "extraordinarily the international", "ab\u{2009}the\u{2019}of", "été été été",
        // General punctuation across the eight-byte chunks the scan reads.
        "abcdef—the", "abcdefg—the", "abcdefgh—of", "the of an—“the”—and", "a—", "—", "the—",
        "также только также", "только", "abcdefghijkl the abcdefghijklm",
    ])
    func hitsAsSplittingCounts(line: String) {
        let comparable = BuildBlocks.comparable(line)
        #expect(FunctionWords.hits(in: comparable) == Self.expectedHits(comparable), "\(comparable)")
    }

    /// Random lines of listed words and `extra` pieces, each followed by one of `separators`:
    /// the hits must be what splitting counts.
    static func checkRandomLines(extra: [String], separators: [String], pieces maximum: Int) {
        var generator = SystemRandomNumberGenerator()
        let pieces = FunctionWords.lists.flatMap { $0.words.split(separator: " ").map(String.init) } + extra
        for _ in 0..<500 {
            var line = ""
            for _ in 0..<Int.random(in: 0...maximum, using: &generator) {
                line += pieces.randomElement(using: &generator)!
                line += separators.randomElement(using: &generator)!
            }
            let comparable = BuildBlocks.comparable(line)
            #expect(FunctionWords.hits(in: comparable) == Self.expectedHits(comparable), "\(comparable)")
        }
    }

    /// A word's key read in place (whole loads, shifted near the end of the text) holds the
    /// word's bytes and length, at every position and length.
    @Test func keysReadInPlaceAreTheWordsKeys() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in UInt8.random(in: 0x61...0x7A, using: &generator) }
            text.withUnsafeBufferPointer { whole in
                for start in 0..<text.count {
                    for length in 1...min(ShortWordKey.maximumBytes, text.count - start) {
                        // The first eight bytes little-endian; the rest above the length byte.
                        var low: UInt64 = 0, high = UInt64(length) << 56
                        for offset in 0..<length {
                            let byte = UInt64(text[start + offset])
                            if offset < 8 { low |= byte << (8 * offset) } else { high |= byte << (8 * (offset - 8)) }
                        }
                        let inPlace = ShortWordKey(UnsafeRawPointer(whole.baseAddress!), count: text.count, from: start, length: length)
                        #expect(inPlace.low == low && inPlace.high == high, "\(text) \(start) \(length)")
                    }
                }
            }
        }
    }

    @Test func randomLinesOfListedWords() {
        Self.checkRandomLines(extra: ["house", "Москва", "12", "’", "—", ",", "'", "straordinariamente", "x"],
                              separators: [" ", "", ", ", "—", "’"], pieces: 20)
    }

    /// Long lines of ASCII punctuation, digits and words of several scripts.
    @Test func randomLongLines() {
        Self.checkRandomLines(extra: ["house", "Москва", "12", "'", ",", "straordinariamente", "x", "été", "a'b", "extraordinarilylongwordindeed"],
                              separators: [" ", "", ", ", ".", "1"], pieces: 60)
    }
}

/// `LineSignals.countWords` reads eight bytes at a time; it must count what reading the line
/// byte by byte counts.
@Suite struct WordCountTests {
    static func expected(_ line: String) -> (words: Int, glued: Int) {
        var words = 0, glued = 0
        var previous: UInt8 = 0x20
        var countedGlue = false
        for byte in line.utf8 {
            if byte == 0x20 { previous = byte; continue }
            if previous == 0x20 { words += 1; countedGlue = false }
            if !countedGlue, byte >= 0x41, byte <= 0x5A, previous >= 0x61, previous <= 0x7A { glued += 1; countedGlue = true }
            previous = byte
        }
        return (words, glued)
    }

    static func counted(_ line: String) -> (words: Int, glued: Int) {
        var copy = line
        return copy.withUTF8 { LineSignals.countWords($0) }
    }

    @Test(arguments: ["", " ", "a", "Icon FacebookIcon LinkedinIcon Mail", "  two  spaces  ", "aB cD eFgH", "ChevronTitleMore",
                      "exactly8", "exactly8 bytes!", "éB zÉ aZ", "word", "1234567890abcdefABCDEFghijKL"])
    func countsAsByteByByte(line: String) {
        #expect(Self.counted(line) == Self.expected(line), "\(line)")
    }

    @Test func randomLines() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "B", " ", "  ", "é", "Z", "z", "’", "Icon", "x", "9", "\t"]
        for _ in 0..<2000 {
            let line = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Self.counted(line) == Self.expected(line), "\(line)")
        }
    }
}

/// Breadcrumbs: three parts or more on one separator, every part but the last of four words or
/// fewer. ASCII lines are split on their bytes, others by Foundation: both must agree with the
/// rule as written (`reference`).
@Suite struct BreadcrumbTests {
    static func reference(_ text: String) -> Bool {
        StripText.breadcrumbSeparators.contains { separator in
            let parts = text.components(separatedBy: separator)
            return parts.count >= 3 && parts.dropLast().allSatisfy { $0.split(separator: " ").count <= 4 }
        }
    }

    @Test(arguments: [
        ("Home > News > World", true), ("Home > News > World > Europe and the rest of it", true),
        ("Home > News and current events today > World", false), ("Home > News", false), ("a / b / c", true),
        ("Sections / Politics /", false), ("Sections / Politics / ", true), (" /  / ", true), ("a > b / c > d", true), ("Home >> News >> World", false),
        ("Home » News » World", true), ("Startseite › Politik › Ausland", true), ("Café / Thé / Chocolat", true),
        ("One two three four five / six / seven", false), ("x > y > z", true), ("2021/06/22", false),
        // Cyrillic lines hold the last bytes of "»" and "›" in their letters ("л", "к").
        ("Главная » Новости » Мир", true), ("Главная / Новости / Мир", true), ("Сказал, что план был хорош", false),
        ("Москва › Политика", false),
    ] as [(String, Bool)])
    func splitsAsTheRuleSays(line: String, expected: Bool) {
        #expect(StripText.isBreadcrumb(line) == expected)
        #expect(Self.reference(line) == expected)
    }
}
