import Testing
import WinnowHTML

@Suite struct CSSSelectorTests {
    static let page = """
        <html><body>
          <div id="main" class="story body" data-kind="news-lead" lang="en-GB">
            <h1 id="t">Title</h1>
            <p id="p1" class="lead">First</p>
            <p id="p2">Second with a special word</p>
            <p id="p3" class="note x-y">Third</p>
            <ul id="list"><li id="l1">a</li><li id="l2">b</li><li id="l3">c</li><li id="l4">d</li><li id="l5">e</li></ul>
          </div>
          <aside id="side" class="share-bar" title="it's &quot;quoted&quot;"><a id="a1" href="https://x.example/share">Share</a></aside>
        </body></html>
        """

    private func ids(_ css: String) throws -> [String] {
        let document = try HTMLDocument(html: Self.page)
        return try XPathExpression(css: css).nodes(from: document.documentNode).compactMap { $0.attribute("id") }
    }

    @Test(arguments: [
        ("p", ["p1", "p2", "p3"]),
        ("*#t", ["t"]),
        ("#main", ["main"]),
        (".lead", ["p1"]),
        ("div.story.body", ["main"]),
        ("p.note", ["p3"]),
        ("[data-kind]", ["main"]),
        ("[data-kind=news-lead]", ["main"]),
        ("[class~=\"x-y\"]", ["p3"]),
        ("[data-kind^=news]", ["main"]),
        ("[href$=\"/share\"]", ["a1"]),
        ("[data-kind*=ws-le]", ["main"]),
        ("[lang|=en]", ["main"]),
        ("div p", ["p1", "p2", "p3"]),
        ("div > ul > li:first-child", ["l1"]),
        ("h1 + p", ["p1"]),
        ("h1 ~ p", ["p1", "p2", "p3"]),
        ("p:not(.lead)", ["p2", "p3"]),
        ("li:nth-child(2)", ["l2"]),
        ("li:nth-child(odd)", ["l1", "l3", "l5"]),
        ("li:nth-child(even)", ["l2", "l4"]),
        ("li:nth-child(3n+1)", ["l1", "l4"]),
        ("li:nth-child(-n+2)", ["l1", "l2"]),
        ("li:last-child", ["l5"]),
        ("p:contains(\"special word\")", ["p2"]),
        ("aside[title=\"it's \\\"quoted\\\"\"]", ["side"]),
        ("#t, .lead", ["t", "p1"]),
        ("aside.share-bar a", ["a1"]),
    ])
    func selects(css: String, expected: [String]) throws {
        let xpath = try CSSSelector(css).xpath
        #expect(try ids(css) == expected, "\(css) → \(xpath)")
    }

    @Test(arguments: [
        ("div >", 6, "expected a selector"),
        ("p:hover", 3, "unsupported pseudo-class :hover"),
        ("[data-kind", 11, "expected =, ~=, ^=, $=, *= or |="),
        ("p..lead", 3, "expected a name"),
        ("li:nth-child(x)", 15, "expected an+b"),
        ("a[href=\"x]", 11, "unterminated string"),
        ("div)", 4, "unexpected"),
    ])
    func reportsWhereAndWhatWasExpected(css: String, column: Int, message: String) {
        do {
            _ = try CSSSelector(css)
            Issue.record("\(css) compiled")
        } catch {
            #expect(error.column == column, "\(css): \(error)")
            #expect(error.message.contains(message), "\(css): \(error)")
        }
    }
}
