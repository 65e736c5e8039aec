import Testing
@testable import Winnow

@Suite struct StripTests {
    @Test(arguments: [
        ("<nav><a href=/>Home</a> <a href=/n>News</a></nav>", BoilerplateCategory.navigation, "tag <nav>"),
        ("<div class=\"share-bar\"><a href=#>Share on Facebook</a></div>", .share, "class/id token \"share\""),
        ("<div id=\"cookie-banner\">We use cookies to improve the site</div>", .consent, "class/id token \"cookie\""),
        ("<div class=\"paywall-offer\">Subscribe to keep reading</div>", .paywall, "class/id token \"paywall\""),
        ("<div class=\"sponsoredContent\">Brought to you by a partner brand</div>", .sponsor, "class/id token \"sponsored\""),
        ("<section class=\"related-stories\"><h3>More to read in this section</h3></section>", .related, "class/id token \"related\""),
        ("<div style=\"display: none\">Secret text nobody sees</div>", .hidden, "inline style hides it"),
        ("<div class=\"sr-only\">Screen reader text</div>", .hidden, "class hides it"),
        ("<div hidden>Hidden by attribute</div>", .hidden, "attribute hidden"),
        ("<div role=\"navigation\">Menu entries here</div>", .navigation, "role=\"navigation\""),
        ("<aside>Sidebar widget with things</aside>", .widget, "tag <aside>"),
        ("<form class=\"newsletter-signup\">Get our newsletter every morning</form>", .newsletter, "tag <form>"),
    ])
    func removesFurnitureWithCategoryAndReason(markup: String, category: BoilerplateCategory, reason: String) throws {
        let result = process(html: articlePage("", after: markup))
        let removal = try #require(result.trace.removals.first { $0.stage == "strip" })
        #expect(removal.category == category)
        #expect(removal.reason == reason)
        #expect(result.record["removed"]?[category.rawValue] == .int(1))
    }

    @Test func responsiveHidingClassesDoNotHide() {
        let result = process(html: articlePage("<p class=\"hidden-xs\">Visible on large screens, part of the story, with enough words.</p>"))
        #expect(result.text.contains("Visible on large screens"))
    }

    @Test func aWrapperHoldingTheHeadlineIsNeverRemoved() {
        let html = "<html><body><div class=\"layout-with-sidebar\"><h1>Title</h1>" +
            (1...5).map { "<p>Story paragraph \($0), which is long enough to be prose, with commas, and more words.</p>" }.joined() +
            "</div></body></html>"
        let result = process(html: html)
        #expect(result.text.contains("Story paragraph 5"))
        #expect(result.removed(.widget).isEmpty)
    }

    @Test func articleBodyNamesShieldFromTokens() {
        let html = "<html><body><div class=\"entry-content entry-content-read-more\">" +
            (1...5).map { "<p>Story paragraph \($0), which is long enough to be prose, with commas, and more words.</p>" }.joined() +
            "</div><div class=\"sidebar\">" + (1...9).map { "<a href=/\($0)>Link \($0)</a>" }.joined() + "</div></body></html>"
        let result = process(html: html)
        #expect(result.text.contains("Story paragraph 1"))
        #expect(result.removed(.related).isEmpty)
    }
}

@Suite struct StructuralRuleTests {
    private let story = (1...3).map { "<p>Main story paragraph \($0), long enough to be prose, with commas, and a full stop.</p>" }.joined()
    private let teasers = (1...6).map { "<article class=\"post\"><p>Teaser \($0) for another story, long enough to be prose, with commas, and more.</p></article>" }.joined()

    @Test(arguments: ["Related stories", "Você pode gostar...", "Lesen Sie auch:", "À lire aussi"])
    func containersOpenedByARelatedHeadingAreRelated(heading: String) {
        let html = "<html><body><article class=\"post\"><h1>Title</h1>\(story)</article><section class=\"post\"><h3>\(heading)</h3>\(teasers)</section></body></html>"
        let result = process(html: html)
        #expect(result.text.contains("Main story paragraph 3"))
        #expect(!result.text.contains("Teaser"), "teasers leaked under \(heading)")
        #expect(result.removed(.related).first?.reason.hasPrefix("container opened by the heading") == true)
    }

    @Test func anArticleSplitIntoSameClassSiblingsIsReadWhole() {
        let cards = (1...9).map { "<div class=\"card item\"><div class=\"card-content\"><p>Card paragraph \($0) of the story, which goes on, with commas, and words.</p></div></div>" }.joined()
        let html = "<html><body><div id=\"article-body\">\(cards)</div><div class=\"footer-links\"><a href=/a>About</a></div></body></html>"
        let result = process(html: html)
        #expect((1...9).allSatisfy { result.text.contains("Card paragraph \($0) ") })
    }

    @Test func itempropArticleBodyIsTheRoot() {
        let html = "<html><body><div class=\"page\"><div class=\"teaser-list\">" + (1...5).map { "<p>Teaser \($0) text that is long, with commas, to score well, and more words here.</p>" }.joined()
            + "</div><div itemprop=\"articleBody\">" + story + story + "</div></div></body></html>"
        let result = process(html: html)
        #expect(result.text.hasPrefix("Main story paragraph 1"))
        #expect(!result.text.contains("Teaser"))
    }

    @Test func aHiddenDuplicateIsHiddenEvenWithAHeadline() {
        let html = "<html><body><div style=\"display:none\" itemscope itemtype=\"http://schema.org/NewsArticle\"><h1 itemprop=\"name\">Title</h1><div itemprop=\"keywords\">tag one, tag two</div></div><article><h1>Title</h1>\(story)</article></body></html>"
        let result = process(html: html)
        #expect(!result.text.contains("tag one"))
        #expect(result.text.contains("Main story paragraph 1"))
    }
}

@Suite struct InlineAndEmbedTests {
    private let lead = (1...3).map { "<p>Story paragraph \($0), long enough to be prose, with commas, and a full stop.</p>" }.joined()

    @Test func tagLinksInsideSentencesStay() {
        let result = process(html: articlePage("<p>It is a key hazard of deep <a rel=\"tag\" class=\"textTag\" href=/t>space travel</a>, but shielding helps, they said, at length.</p>"))
        #expect(result.text.contains("deep space travel, but"))
    }

    @Test func embeddedPostsAreContent() {
        let embed = "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>An embedded post the story quotes, with words.</p></blockquote></div>"
        let result = process(html: articlePage(embed))
        #expect(result.text.contains("An embedded post the story quotes"))
    }

    @Test func shortcodesAndLabelsLeave() {
        let body = "<p>Advert</p><p>[button link=\"/submit\" type=\"big\"] Send us your review[/button]</p><p>This slideshow requires JavaScript.</p>"
        let result = process(html: articlePage(body))
        #expect(!result.text.contains("Advert"))
        #expect(!result.text.contains("[button"))
        #expect(!result.text.contains("slideshow"))
        #expect(result.removed(.markup).count == 1)
    }
}

@Suite struct DeclaredBodyTests {
    @Test func aDeclaredArticleBodyMakesTheLadderRecoverLostText() throws {
        // The story sits in a wrapper whose name reads as a sidebar; the strict pass keeps only
        // the intro (over 250 characters, so only the declared body says text is missing), and
        // the next step finds the rest.
        let story = (1...12).map { "Paragraph \($0) of the full story, with commas, clauses, and a full stop." }
        let ld = #"{"@type":"NewsArticle","headline":"T","articleBody":"\#(story.joined(separator: " "))"}"#
        let html = "<html><head><script type=\"application/ld+json\">\(ld)</script></head><body>"
            + "<div class=\"intro\">" + String(repeating: "<p>An intro sentence that is long enough to be prose, with commas, and more words.</p>", count: 4) + "</div>"
            + "<div class=\"sidebar-story\">" + story.map { "<p>\($0)</p>" }.joined() + "</div>"
            // A long comment thread: the story is then a minority of the page, so no size rule saves it.
            + "<div class=\"comments\">" + String(repeating: "<div class=\"comment\"><p>A reader comment that goes on for a while, with commas, and opinions.</p></div>", count: 30) + "</div>"
            + "</body></html>"
        let result = process(html: html)
        #expect(result.text.contains("Paragraph 12 of the full story"))
        #expect(result.trace.notes.contains { $0.message.hasPrefix("retry") })
    }
}

/// `hasHidingClass` reads plain ASCII class values on their bytes; it must answer as lower-casing
/// the value and splitting it into names does.
@Suite struct HidingClassTests {
    static func reference(_ value: String) -> Bool {
        value.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .contains { BoilerplateVocabulary.hidingClassNames.contains(String($0)) }
    }

    static func check(_ value: String) -> Bool {
        Array(value.utf8).withUnsafeBufferPointer { StripBoilerplate.hasHidingClass($0) }
    }

    @Test(arguments: ["", "hidden", "HIDDEN", "  hidden  ", "not-hidden", "story hidden", "story\thide", "a\nis-hidden",
                      "sr-only", "hiddenx", "x\r\nhidden", "Ünïcode hidden", "visually-hidden screen"])
    func answersAsSplitting(value: String) {
        #expect(Self.check(value) == Self.reference(value), "\(value)")
    }

    @Test func randomValues() {
        var generator = SystemRandomNumberGenerator()
        let names = Array(BoilerplateVocabulary.hidingClassNames) + ["story", "Hidden", "SR-ONLY", "nav", "hid", "none"]
        for _ in 0..<2_000 {
            let value = (0..<Int.random(in: 0...5, using: &generator)).map { _ in names.randomElement(using: &generator)! }
                .joined(separator: [" ", "  ", "\t", "\n", "-"].randomElement(using: &generator)!)
            #expect(Self.check(value) == Self.reference(value), "\(value)")
        }
    }
}
