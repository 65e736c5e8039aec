import Testing
import WinnowIO
@testable import Winnow

@Suite struct ExtractTests {
    @Test func keepsStructure() throws {
        let body = """
            <h2>Section two</h2>
            <ul><li>First item</li><li>Second item<ol><li>Nested item</li></ol></li></ul>
            <blockquote><p>A quoted line.</p><p>And its second paragraph.</p></blockquote>
            <table><tr><th>Name</th><th>Value</th></tr><tr><td>alpha</td><td>1</td></tr></table>
            <figure><img src=x.jpg><figcaption>A caption under the photo</figcaption></figure>
            <pre>let x = 1
            let y = 2</pre>
            """
        let result = process(html: articlePage(body))
        let blocks = try #require(result.article?.blocks)
        let kinds = blocks.map(\.kind)
        #expect(kinds.filter { $0 == .paragraph }.count == 4)
        let heading = try #require(blocks.first { $0.kind == .heading })
        #expect(heading.text == "Section two" && heading.level == 2)
        let list = try #require(blocks.first { $0.kind == .list })
        #expect(list.text == "- First item\n- Second item\n  - Nested item")
        #expect(list.items?.map(\.depth) == [0, 0, 1])
        #expect(blocks.first { $0.kind == .quote }?.text == "A quoted line.\nAnd its second paragraph.")
        #expect(blocks.first { $0.kind == .table }?.rows == [["Name", "Value"], ["alpha", "1"]])
        #expect(blocks.first { $0.kind == .caption }?.text == "A caption under the photo")
        #expect(blocks.first { $0.kind == .code }?.text.contains("let x = 1\nlet y = 2") == true)
        #expect(!result.text.contains("A caption"), "captions stay out of text")
        #expect(!result.text.contains("The Headline"), "the title heading is the title field")
    }

    @Test func inlineTextJoinsWithCorrectSpacing() throws {
        let result = process(html: articlePage("<p>One<b>word</b> and <a href=/x>a link</a>,\n   spaced&nbsp;out<br>next line\u{200B}.</p>"))
        #expect(result.text.contains("Oneword and a link, spaced out\nnext line."))
    }

    @Test func boilerplateTextInsideTheBodyIsRemoved() {
        let body = "<p>Advertisement</p><p><strong>Read more:</strong></p><p><a href=/other>Another story headline entirely</a></p>" +
            "<p>For the latest headlines, follow our Google News channel online or via the app.</p>"
        let result = process(html: articlePage(body))
        #expect(!result.text.contains("Advertisement"))
        #expect(!result.text.contains("Read more"))
        #expect(!result.text.contains("Another story headline"))
        #expect(!result.text.contains("Google News"))
        #expect(result.removed(.sponsor).count == 1)
        #expect(result.removed(.related).count == 1)
        #expect(result.removed(.linkDense).count == 1)
        #expect(result.removed(.newsletter).count == 1)
    }

    @Test func linkListsInsideTheBodyAreLinkDense() {
        let list = "<ul>" + (1...5).map { "<li><a href=/\($0)>Related story number \($0)</a></li>" }.joined() + "</ul>"
        let result = process(html: articlePage(list))
        #expect(!result.text.contains("Related story number"))
        #expect(result.removed(.linkDense).first?.reason.hasPrefix("list with link density") == true)
    }

    @Test func commentsGoToTheirOwnField() throws {
        let comments = """
            <div id="comments" class="comments"><div class="comment"><span class="comment-author">Reader One</span>
            <time datetime="2021-06-24T02:39">Jun 24</time><div class="comment-text"><p>I disagree with this.</p></div></div>
            <div class="comment"><span class="comment-author">Reader Two</span><div class="comment-body">Me too.</div></div></div>
            """
        let result = process(html: articlePage("", after: comments))
        let extracted = try #require(result.article?.comments)
        #expect(extracted == [Comment(author: "Reader One", date: "2021-06-24T02:39", text: "I disagree with this."),
                              Comment(author: "Reader Two", date: nil, text: "Me too.")])
        #expect(!result.text.contains("disagree"))
    }

    @Test func creditLinesBecomeCredits() throws {
        let result = process(html: articlePage("<p>Reported by Jane Roe. Written in English by John Doe.</p>"))
        #expect(result.article?.credits == ["Reported by Jane Roe", "Written in English by John Doe"])
        #expect(result.article?.authors == ["John Doe"])
        #expect(!result.text.contains("Reported by"))
    }

    @Test func everyRemovalIsExplainedAndCounted() throws {
        let result = process(html: articlePage("", before: "<nav>Home News</nav>", after: "<footer>© Site</footer><div class=\"share\">Share</div>"))
        let counts = try #require(result.record["removed"])
        #expect(counts == .object([("navigation", .int(2)), ("share", .int(1))]))
        #expect(result.trace.removals.allSatisfy { !$0.reason.isEmpty && !$0.element.isEmpty })
    }

    @Test func pageWithoutProseIsRejectedAtExtract() {
        let result = process(html: "<html><body><nav><a href=/>Home</a></nav></body></html>")
        #expect(result.reject?.stage == .extract)
    }
}

@Suite struct RobustnessTests {
    @Test func hundredThousandNestedElementsKeepTheirText() {
        let depth = 100_000
        let prose = String(repeating: "Deep text with enough words to count as a paragraph, commas, and more. ", count: 4)
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(prose)</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let result = process(html: html)
        #expect(result.reject == nil)
        #expect(result.text.hasPrefix("Deep text with enough words"))
    }

    @Test func deeplyNestedInlineElementsJoinIntoOneParagraph() {
        let html = "<html><body><p>" + String(repeating: "<span>", count: 50_000) + "inline deep text, long enough to be a paragraph of prose here."
            + String(repeating: "</span>", count: 50_000) + "</p></body></html>"
        #expect(process(html: html).text == "inline deep text, long enough to be a paragraph of prose here.")
    }
}

/// The Normalize stage keeps the body text it joined for the record; a change to the blocks
/// after it must show in the record's text.
@Suite struct RecordTextTests {
    @Test func recordTextFollowsTheBlocks() {
        var article = Article()
        article.blocks = [Block(kind: .paragraph, text: "The council met on Monday.")]
        var trace = Trace()
        article = NormalizeArticle().run(article, names: NameCatalog(), trace: &trace)
        #expect(article.recordText == "The council met on Monday.")
        article.blocks.append(Block(kind: .paragraph, text: "It agreed."))
        #expect(article.recordText == "The council met on Monday.\n\nIt agreed.")
    }
}

/// `Block.bodyText` joins the body blocks (captions left out) with a blank line, as
/// `joined(separator:)` would, empty texts included.
@Suite struct BodyTextTests {
    @Test func joinsAsTheStandardLibraryDoes() {
        var generator = SystemRandomNumberGenerator()
        let texts = ["", "One.", "Two words", "Café “quoted”", "Сергей"]
        for _ in 0..<500 {
            let blocks = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                Block(kind: Bool.random(using: &generator) ? .paragraph : .caption, text: texts.randomElement(using: &generator)!)
            }
            #expect(Block.bodyText(blocks) == blocks.filter(\.isBody).map(\.text).joined(separator: "\n\n"))
        }
    }
}
