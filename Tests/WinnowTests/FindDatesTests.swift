import Foundation
import Testing
@testable import Winnow

@Suite struct FindDatesTests {
    /// Reference: Monday 2021-06-21.
    static let finder = FindDates(reference: "2021-06-21T16:41:00+09:00")

    /// ISO 8601 fields are zero-padded as `printf`'s `%0Nd` pads (what date mentions used before).
    @Test func paddingIsPrintfs() {
        for value in [-123_456, -2021, -5, -1, 0, 1, 7, 12, 59, 100, 999, 2021, 12_345, 999_999] {
            for width in [2, 4] {
                #expect(DateParser.padded(value, width) == String(format: "%0\(width)d", value))
            }
        }
        #expect(FindDates.yearMonth(2021, 6) == "2021-06")
        #expect(FindDates.wholeYear(987) == "0987-01-01/0987-12-31")
    }

    @Test(arguments: [
        ("He arrived on June 22, 2021 at noon.", "June 22, 2021", "2021-06-22", "absolute"),
        ("Talks ended 22 June 2021 in Moscow.", "22 June 2021", "2021-06-22", "absolute"),
        ("Filed 2021-06-22 by the desk.", "2021-06-22", "2021-06-22", "absolute"),
        ("The coup of Feb. 1 changed everything.", "Feb. 1", "2021-02-01", "partial"),
        ("He arrived on June 20 to attend.", "June 20", "2021-06-20", "partial"),
        ("He will return on July 4 for talks.", "July 4", "2021-07-04", "partial"),
        ("The minister visited in March to attend.", "in March", "2021-03", "partial"),
        ("The November 2020 elections were won.", "November 2020", "2020-11", "partial"),
        ("Killings rose since February across the land.", "since February", "2021-02", "partial"),
        ("He first visited in June last year.", "in June last year", "2020-06", "relative"),
        ("They met on Monday in Moscow.", "on Monday", "2021-06-21", "relative"),
        ("The vote was held Friday at the UN.", "Friday", "2021-06-18", "relative"),
        ("He will attend from Tuesday to Thursday, officials said.", "Tuesday to Thursday", "2021-06-22/2021-06-24", "relative"),
        ("The report came out yesterday afternoon.", "yesterday", "2021-06-20", "relative"),
        ("It happened three days ago, no, 3 days ago.", "3 days ago", "2021-06-18", "relative"),
    ])
    func findsAndResolves(sentence: String, text: String, value: String, kind: String) throws {
        let mention = try #require(Self.finder.find(in: sentence).first { $0.text == text }, "\(text) not found in \(sentence)")
        #expect(mention.value == value)
        #expect(mention.kind.rawValue == kind)
        let scalars = Array(sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == text)
    }

    @Test(arguments: ["The march began at dawn.", "You may go now.", "Sunday-school teachers met.", "He scored 22 points in 2021 games."])
    func ignoresWordsThatAreNotDates(sentence: String) {
        #expect(Self.finder.find(in: sentence).isEmpty, "\(Self.finder.find(in: sentence))")
    }

    @Test func withoutAReferencePartialAndRelativeStayUnresolved() {
        let mentions = FindDates(reference: nil).find(in: "On Monday, after June 20 and before July 1, 2021.")
        #expect(mentions.map(\.value) == [nil, nil, "2021-07-01"])
    }

    @Test func calendarArithmetic() {
        #expect(FindDates.weekday(2021, 6, 21) == 1)
        #expect(FindDates.weekday(2024, 2, 29) == 4)
        #expect(FindDates.add(days: -365, to: "2021-03-01") == "2020-03-01")
        #expect(FindDates.add(days: 1, to: "2020-02-28") == "2020-02-29")
    }
}

@Suite struct RewriteDatesTests {
    @Test func valuesFollowTheirMentionsAndOffsetsFollowTheText() {
        let text = "They met on Monday and again on June 22, 2021, then left."
        let mentions = FindDates(reference: "2021-06-21", language: "en").find(in: text).map {
            DateMention(text: $0.text, value: $0.value, start: $0.start, end: $0.end, kind: $0.kind.rawValue)
        }
        let (rewritten, moved, _) = NormalizeArticle.rewrite(text, mentions)
        #expect(rewritten == "They met on Monday [2021-06-21] and again on June 22, 2021 [2021-06-22], then left.")
        let scalars = Array(rewritten.unicodeScalars)
        for mention in moved {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
        }
    }

    @Test func theCommandLineFlag() {
        var options = PipelineOptions()
        options.rewriteDates = true
        let html = articlePage("<p>The minister arrived on Tuesday, officials said, for talks that lasted hours.</p>",
                               head: "<meta property=\"article:published_time\" content=\"2021-06-21\">")
        let result = DefaultPipeline(options: options).process(.init(id: "t.html", bytes: Array(html.utf8)))
        guard case .string(let text)? = result.record["text"] else { Issue.record("no text"); return }
        #expect(text.contains("on Tuesday [2021-06-15], officials said"))
    }
}
