import Testing
@testable import Winnow

/// Where the publication date comes from when markup gives none, and which dates are refused.
@Suite struct PublicationDateTests {
    private func published(_ head: String, body: String = "", url: String? = nil, fetchedAt: String? = nil) -> (String?, String?) {
        var options = PipelineOptions(baseURL: url)
        options.fetchedAt = fetchedAt
        let html = articlePage("", head: head, before: body)
        let result = DefaultPipeline(options: options).process(.init(id: "t.html", bytes: Array(html.utf8)))
        return (result.article?.published, result.article?.publishedFrom)
    }

    @Test(arguments: [
        ("<meta name=\"citation_publication_date\" content=\"2021/06/22\">", "2021-06-22"),
        ("<meta name=\"DC.date.issued\" content=\"2021-06-22\">", "2021-06-22"),
        ("<meta name=\"parsely-pub-date\" content=\"2021-06-22T10:00:00Z\">", "2021-06-22T10:00:00Z"),
        ("<meta name=\"sailthru.date\" content=\"Tue, 22 Jun 2021 10:00:00 +0200\">", "2021-06-22T10:00:00+02:00"),
        ("<meta name=\"date\" content=\"nonsense\"><meta name=\"dc.date\" content=\"2021-06-22\">", "2021-06-22"),
    ])
    func metaTags(head: String, value: String) {
        let (date, source) = published(head)
        #expect(date == value)
        #expect(source == "meta")
    }

    @Test(arguments: [
        ("https://news.example/2021/06/22/talks-in-moscow/", "2021-06-22"),
        ("https://news.example/world/2021-06-22-talks-in-moscow", "2021-06-22"),
        ("https://news.example/story/talks-20210622/", "2021-06-22"),
    ])
    func theURLPath(url: String, value: String) {
        let (date, source) = published("", url: url)
        #expect(date == value)
        #expect(source == "url")
    }

    @Test func urlNumbersThatAreNotDates() {
        #expect(PublicationDate.dateInURL("https://news.example/story/2021/13/45/x") == nil)
        #expect(PublicationDate.dateInURL("https://news.example/id/120210622999") == nil)
        #expect(PublicationDate.dateInURL("https://2021-06-22.example/x") == nil)  // the host is not the path
    }

    @Test(arguments: [
        ("<div class=\"post-date\">Published: June 22, 2021</div>", "2021-06-22"),
        ("<span class=\"dateline\">Jun 24, 2021 02:39 AM</span>", "2021-06-24T02:39"),
        ("<p class=\"meta\"><span class=\"date\">22.06.2021</span></p>", "2021-06-22"),
        ("<div class=\"timestamp\">Updated June 25, 2021</div><div class=\"published\">Posted on June 22, 2021</div>", "2021-06-22"),
        ("<div class=\"timestamp\">Updated June 25, 2021</div>", "2021-06-25"),
    ])
    func visibleText(body: String, value: String) {
        let (date, source) = published("", body: body)
        #expect(date == value)
        #expect(source == "text")
    }

    @Test func impossibleDatesAreRefused() {
        // Before the web: the next source is used.
        #expect(published("<meta property=\"article:published_time\" content=\"1970-01-01T00:00:00Z\">",
                          url: "https://news.example/2021/06/22/x").0 == "2021-06-22")
        // After the fetch date (a day of slack for time zones).
        #expect(published("<meta property=\"article:published_time\" content=\"2031-06-22\">", fetchedAt: "2021-06-25T10:00:00Z").0 == nil)
        #expect(published("<meta property=\"article:published_time\" content=\"2021-06-26\">", fetchedAt: "2021-06-25T23:00:00Z").0 == "2021-06-26")
    }

    @Test func aTimeZoneWrittenElsewhereIsKept() {
        let head = "<meta itemprop=\"datePublished\" content=\"2019-11-19 02:24:00\">"
        let body = "<time datetime=\"2019-11-19 02:24:00 UTC\">Nov 19</time>"
        #expect(published(head, body: body).0 == "2019-11-19T02:24:00Z")
    }
}
