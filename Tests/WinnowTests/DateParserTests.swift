import Testing
@testable import Winnow

@Suite struct DateParserTests {
    @Test(arguments: [
        ("2021-06-22", "2021-06-22"),
        ("2021-06-22T10:00:00Z", "2021-06-22T10:00:00Z"),
        ("2021-06-22T10:00:00.123+02:00", "2021-06-22T10:00:00+02:00"),
        ("2021-06-21T16:41:00+0900", "2021-06-21T16:41:00+09:00"),
        ("2021-06-22 08:15", "2021-06-22T08:15"),
        ("20210622", "2021-06-22"),
        ("June 22, 2021", "2021-06-22"),
        ("Jun. 22, 2021", "2021-06-22"),
        ("22 June 2021", "2021-06-22"),
        ("Tuesday, June 22nd, 2021", "2021-06-22"),
        ("Jun 24, 2021 02:39 AM", "2021-06-24T02:39"),
        ("Jun 24, 2021 12:05 PM", "2021-06-24T12:05"),
        ("Jun 24, 2021 12:05 AM", "2021-06-24T00:05"),
        ("Tue, 22 Jun 2021 10:00:00 GMT", "2021-06-22T10:00:00Z"),
        ("Tue, 22 Jun 2021 10:00:00 +0530", "2021-06-22T10:00:00+05:30"),
        ("2021/06/22", "2021-06-22"),
        ("22.06.2021", "2021-06-22"),
        ("06/22/2021", "2021-06-22"),
        ("22/06/2021", "2021-06-22"),
        ("Sept. 3, 2022", "2022-09-03"),
        ("segunda-feira, 22 de janeiro de 2018 às 0:13", "2018-01-22T00:13"),
        ("3 de marzo de 2021", "2021-03-03"),
        ("mardi 5 octobre 2021", "2021-10-05"),
        ("Dienstag, 19. November 2019", "2019-11-19"),
        ("19 dicembre 2019", "2019-12-19"),
        ("22 czerwca 2021 r.", "2021-06-22"),
        ("wtorek, 22 czerwca 2021, godz. 10:15", "2021-06-22T10:15"),
        ("22 июня 2021 г.", "2021-06-22"),
        ("22 июня 2021 года, 10:15", "2021-06-22T10:15"),
        ("22 juni 2021", "2021-06-22"),
    ])
    func parses(text: String, iso: String) {
        #expect(DateParser.parse(text)?.iso8601 == iso)
    }

    @Test(arguments: ["", "03/04/2021", "June 31, 2021", "2021-13-01", "Published yesterday", "The meeting was on June 22, 2021",
                      "February 29, 2021", "Jun 24, 2021 13:05 PM", "Feb. 1", "out 3 2021", "3 years ago 2021"])
    func refuses(text: String) {
        #expect(DateParser.parse(text) == nil)
    }

    /// The quick refusal before lower-casing and tokenizing: it must pass every text that
    /// parses (a word it calls unknown would make a date nil), and it refuses on ASCII words
    /// only when no letter of another script touches them.
    @Test func unknownWordsAreOnlyThoseNoDateHas() {
        let dates = ["June 22, 2021", "Jun. 22, 2021", "Tuesday, June 22nd, 2021", "Jun 24, 2021 02:39 AM", "Jun 24, 2021 12:05 p.m.",
                     "Tue, 22 Jun 2021 10:00:00 GMT", "segunda-feira, 22 de janeiro de 2018 às 0:13", "mardi 5 octobre 2021",
                     "Dienstag, 19. November 2019", "22 czerwca 2021 r.", "wtorek, 22 czerwca 2021, godz. 10:15", "22 июня 2021 г.",
                     "Sept. 3, 2022", "22 juni 2021", "3 de marzo de 2021", "10 a.m. June 22, 2021"]
        for text in dates {
            #expect(!text.withUTF8Bytes(DateParser.hasUnknownASCIIWord), "\(text)")
        }
        for text in ["© 2021 The Company", "Copyright 2021", "12 comments on June 22, 2021", "Updated: June 22 2021 by staff"] {
            #expect(text.withUTF8Bytes(DateParser.hasUnknownASCIIWord), "\(text)")
            #expect(DateParser.parse(text) == nil)
        }
        // "Mär" is part of "März": not judged as an ASCII word of its own.
        #expect(!"12. März 2021".withUTF8Bytes(DateParser.hasUnknownASCIIWord))
        #expect(!"Märzx 2021".withUTF8Bytes(DateParser.hasUnknownASCIIWord))
    }
}
