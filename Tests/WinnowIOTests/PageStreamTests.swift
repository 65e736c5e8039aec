import Foundation
import Testing
import WinnowIO
import WinnowTestSupport

@Suite struct PageStreamTests {
    /// Removed after each test.
    private let temporary: TemporaryFolder
    init() throws { temporary = try TemporaryFolder("winnow-stream") }

    private func file(_ name: String, _ text: String) throws -> String {
        let folder = try temporary.subfolder()
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func everyLineIsAPageOrAReject() throws {
        let path = try file("dump.jsonl", """
            {"id": "a", "url": "https://x.example/a", "html": "<p>A</p>", "lang": "en"}
            {"id": 7, "html": "<p>B</p>"}\r

            not json
            ["an", "array"]
            {"html": 42}
            {"html": "PHA+QmFzZTY0PC9wPg=="}
            """)
        let pages = Array(PageStream(entries: InputCollector().collect([path]).entries,
                                     fields: .init(keep: ["lang"])))
        #expect(pages.map(\.id) == ["a", "7", "dump.jsonl:4", "dump.jsonl:5", "dump.jsonl:6", "dump.jsonl:7"])
        #expect(pages[0].url == "https://x.example/a")
        #expect(pages[0].meta.map(\.0) == ["lang"])
        #expect(pages[1].bytes == Array("<p>B</p>".utf8))
        #expect(pages[2].readError?.hasPrefix("line 4: JSON error") == true)
        #expect(pages[3].readError == "line 5: not a JSON object")
        #expect(pages[4].readError == "line 6: no \"html\" field holding text")
        #expect(pages[5].bytes == Array("<p>Base64</p>".utf8))
    }

    @Test func customFieldNamesAndFormatOverride() throws {
        let path = try file("dump.txt", #"{"doc": "d1", "body": "<p>x</p>", "link": "https://y.example/"}"#)
        let fields = PageStream.JSONLinesFields(html: "body", url: "link", id: "doc")
        let pages = Array(PageStream(entries: InputCollector().collect([path]).entries, format: .jsonl, fields: fields))
        #expect(pages.count == 1)
        #expect(pages[0].id == "d1")
        #expect(pages[0].url == "https://y.example/")
    }

    @Test func htmlFilesAreOnePageEach() throws {
        let path = try file("page.html", "<p>{\"not\": \"json\"}</p>")
        let pages = Array(PageStream(entries: InputCollector().collect([path]).entries))
        #expect(pages.count == 1)
        #expect(pages[0].readError == nil)
    }
}
