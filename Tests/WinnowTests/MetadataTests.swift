import Testing
import WinnowIO
@testable import Winnow

@Suite struct MetadataTests {
    @Test func jsonLDOutranksMetaTags() throws {
        let head = """
            <meta property="og:title" content="OG title"><meta name="author" content="Meta Author">
            <meta property="article:published_time" content="2020-01-01T00:00:00Z">
            <link rel="canonical" href="https://www.Example.com/story">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":"NewsArticle","headline":"LD headline","datePublished":"2021-06-22T10:00:00+02:00",
             "dateModified":"2021-06-23","author":[{"@type":"Person","name":"By Jane Roe"},{"@type":"Person","name":"John Doe"}]}]}</script>
            """
        let article = try #require(process(html: articlePage("", head: head)).article)
        #expect(article.title == "LD headline")
        #expect(article.authors == ["Jane Roe", "John Doe"])
        #expect(article.published == "2021-06-22T10:00:00+02:00")
        #expect(article.publishedFrom == "json-ld")
        #expect(article.modified == "2021-06-23")
        #expect(article.url == "https://www.Example.com/story")
        #expect(article.site == "example.com")
    }

    /// Hand-written JSON-LD: a trailing comma, and a key given twice (the last one counts, as
    /// in a dictionary).
    @Test func jsonLDWrittenByHand() throws {
        let head = """
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "First", "headline": "Second",
             "keywords": ["a", "b", ], "datePublished": "2019-11-18T16:06:51-05:00"}</script>
            """
        let article = try #require(process(html: articlePage("", head: head)).article)
        #expect(article.title == "Second")
        #expect(article.published == "2019-11-18T16:06:51-05:00")
        #expect(article.publishedFrom == "json-ld")
    }

    @Test func metaTagsAndMarkupFillIn() throws {
        let head = "<title>Headline from title | The Site</title><meta name=\"description\" content=\"The standfirst.\"><meta name=\"author\" content=\"Ann Lee and Bo Chan\">"
        let html = articlePage("", head: head).replacingOccurrences(of: "<html>", with: "<html lang=\"en-GB\">")
            .replacingOccurrences(of: "<h1>The Headline</h1>", with: "<h1>The Headline</h1><time datetime=\"2021-06-22\">June 22</time>")
        let article = try #require(process(html: html, baseURL: "https://news.example.org/a").article)
        #expect(article.title == "The Headline")
        #expect(article.description == "The standfirst.")
        #expect(article.authors == ["Ann Lee", "Bo Chan"])
        #expect(article.published == "2021-06-22")
        #expect(article.publishedFrom == "time")
        #expect(article.language == "en")
        #expect(article.url == "https://news.example.org/a")
        #expect(article.site == "news.example.org")
    }

    @Test(arguments: [("Headline here now | Site", "Headline here now"), ("Short | Site", "Short | Site"), ("A long title - with dash - Site", "A long title - with dash")])
    func cleansTitleSuffixes(raw: String, clean: String) {
        #expect(ExtractMetadata.cleanTitle(raw) == clean)
    }

    /// The byte path for ASCII URLs answers as Foundation's search does.
    @Test(arguments: [
        ("https://www.Example.COM/news/1", "example.com"), ("http://user:pw@host.example:8080/a?b#c", "host.example"),
        ("https://news.example.org", "news.example.org"), ("https://example.org?x=1", "example.org"),
        ("https://example.org#top", "example.org"), ("ftp://[::1]:21/x", "[::1]"), ("no scheme here", nil),
        ("https://", nil), ("https://www./x", nil), ("://", nil), ("a://b@c@d:1:2/e", "d:1"),
        ("https://bücher.example/x", "bücher.example"), ("HTTPS://WWW.EXAMPLE.NET:443", "example.net"),
    ] as [(String, String?)])
    func hostOfAURL(url: String, host: String?) {
        #expect(ExtractMetadata.host(url) == host)
        #expect(ExtractMetadata.foundationHost(url) == host)
    }

    @Test func recordLeavesUnknownFieldsOut() throws {
        let record = process(html: articlePage("")).record
        #expect(record["authors"] == nil)
        #expect(record["published"] == nil)
        #expect(record["url"] == nil)
        #expect(record["schema"] == .int(1))
        #expect(record["status"] == .string("ok"))
    }
}
