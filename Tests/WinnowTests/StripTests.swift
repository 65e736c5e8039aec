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
