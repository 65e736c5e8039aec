import Foundation
import Testing
import WinnowIO
import WinnowTestSupport
@testable import Winnow

/// Hostile input never crashes the pipeline and never vanishes: every page gives a record or a
/// reject with a stage and a reason. The inputs are deterministic (a seeded generator), so a
/// failure reproduces.
@Suite struct GarbageInputTests {
    private func assertAccountedFor(_ bytes: [UInt8], _ label: String) {
        let result = process(bytes, id: "garbage.html")
        if let reject = result.reject {
            #expect(!reject.reason.isEmpty, "\(label): a reject without a reason")
            #expect(result.record["status"] == .string("rejected"))
        } else {
            #expect(result.record["status"] == .string("ok"), "\(label)")
            #expect(result.article?.blocks.contains(where: \.isBody) == true, "\(label): a record without body")
        }
        // Either way the line is valid JSON.
        #expect((try? JSONParser.parse(result.record.serialized())) != nil, "\(label): the record is not valid JSON")
    }

    @Test func randomBytes() {
        var generator = SeededGenerator(state: 42)
        for round in 0..<300 {
            let count = Int.random(in: 0...4096, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            assertAccountedFor(bytes, "random round \(round)")
        }
    }

    @Test func mutatedSamples() throws {
        var generator = SeededGenerator(state: 7)
        let pages = Fixtures.samplePages()
        try #require(!pages.isEmpty)
        for url in pages {
            let page = url.lastPathComponent
            let original = Array(try Data(contentsOf: url))
            for round in 0..<40 {
                var bytes = original
                // Flip bytes, cut the page short, splice in markup fragments.
                for _ in 0..<Int.random(in: 1...50, using: &generator) {
                    let at = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[at] = UInt8.random(in: 0...255, using: &generator)
                }
                if round % 3 == 0 { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator))) }
                if round % 5 == 0, !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes.insert(contentsOf: Array("<table><tr><td><ul><li><blockquote><pre>\u{0}<!--".utf8), at: at)
                }
                assertAccountedFor(bytes, "\(page) round \(round)")
            }
        }
    }

    @Test func pathologicalShapes() {
        let shapes: [(String, String)] = [
            ("unclosed everything", String(repeating: "<div><p><span><a href=x>", count: 2000) + "text, long enough to be prose, with commas."),
            ("only comments", String(repeating: "<!-- comment -->", count: 500)),
            ("only scripts", "<html><body>" + String(repeating: "<script>var a = '<p>not text</p>';</script>", count: 200)),
            ("a giant attribute", "<p class=\"" + String(repeating: "x ", count: 200_000) + "\">Some text, long enough to be prose, with commas.</p>"),
            ("a huge table", "<table>" + String(repeating: "<tr>" + String(repeating: "<td>cell</td>", count: 50) + "</tr>", count: 400) + "</table>"),
            ("entities", String(repeating: "&amp;&#0;&#x110000;&#xD800;&bogus;&#99999999999;", count: 300)),
            ("bare text with angle brackets", "< not a tag > << >> <3 a < b and c > d, enough text to be a paragraph here."),
        ]
        for (label, html) in shapes { assertAccountedFor(Array(html.utf8), label) }
    }
}
