import Foundation
import Testing
import WinnowIO
import WinnowTestSupport

/// Flat text as users bring it: `.txt` files, standard input, JSON Lines text fields, and WET
/// files written by warcio (an independent implementation).
@Suite(.serialized) struct TextInputTests {
    /// Removed after each test.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }

    init() throws {
        temporary = try TemporaryFolder("winnow-text")
    }

    static let prose = [
        "The minister arrived in the capital on Monday to meet with officials from the defence ministry, the agency said.",
        "They discussed the cooperation between the two countries and the plans for a new agreement on trade and arms.",
        "Critics of the visit said that it was a sign of the growing isolation of the government after the coup in February.",
    ]

    /// Page `number` of a site: a menu, its own headline and story with the site's promo line
    /// inside, a share button.
    static func page(_ number: Int) -> String {
        let story = prose.map { "\($0) (Story \(number).)" }
        return (["Home", "World", "Business", "Headline number \(number) about the visit", story[0], "Get our app for the best experience of the news"]
            + story.dropFirst() + ["Share this article", "Contact us"]).joined(separator: "\n\n")
    }

    private func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func records(_ output: WinnowBinary.Output) throws -> [JSONValue] {
        try output.lines.map { try JSONParser.parse($0) }
    }

    @Test func textFilesInAFolderAreTextPages() throws {
        for number in 1...3 { _ = try write("page\(number).txt", Self.page(number)) }
        let output = try WinnowBinary.run(["clean", folder.path, "--no-names"])
        #expect(output.status == 0, "\(output.standardError)")
        let found = try records(output)
        #expect(found.count == 3)
        for (number, record) in zip(1..., found) {
            #expect(record["title"] == .string("Headline number \(number) about the visit"))
            #expect(record["source"]?["format"] == .string("text"))
            #expect(record["source"]?["container"] == .string("text"))
            #expect(record["text"]?.stringValue?.contains("Share this article") == false)
            #expect(record["text"]?.stringValue?.hasPrefix(Self.prose[0]) == true)
        }
    }

    @Test func standardInputIsSniffedOrForcedAsText() throws {
        let sniffed = try records(try WinnowBinary.run(["clean", "-", "--no-names"], standardInput: Data(Self.page(1).utf8)))
        #expect(sniffed.first?["source"]?["format"] == .string("text"))
        let forced = try records(try WinnowBinary.run(["clean", "-", "--no-names", "--input-format", "text"],
                                                      standardInput: Data(("<b>" + Self.page(1)).utf8)))
        #expect(forced.first?["source"]?["format"] == .string("text"))
    }

    @Test func jsonLinesTextField() throws {
        let lines = (1...2).map { number in
            JSONValue.object([("doc", .string("d\(number)")), ("link", .string("https://news.example/\(number)")), ("content", .string(Self.page(number)))])
                .serialized()
        }
        let file = try write("dump.jsonl", lines.joined(separator: "\n") + "\n")
        let found = try records(try WinnowBinary.run(["clean", file.path, "--no-names", "--text-field", "content", "--id-field", "doc", "--url-field", "link"]))
        #expect(found.map { $0["id"]?.stringValue } == ["d1", "d2"])
        #expect(found.map { $0["url"]?.stringValue } == ["https://news.example/1", "https://news.example/2"])
        #expect(found.allSatisfy { $0["source"]?["format"] == .string("text") && $0["source"]?["container"] == .string("jsonl") })
    }

    @Test func explainShowsEveryLineOfATextPage() throws {
        let file = try write("page.txt", Self.page(1))
        let output = try WinnowBinary.run(["explain", file.path, "--no-names"])
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("removed  share"))
        #expect(output.standardOutput.contains("[text line, line 19]"))
        #expect(output.standardOutput.contains("kept     title"))
    }

    // MARK: WET

    private func makeWET(_ texts: [URL]) throws -> (URL, [JSONValue]) {
        let wet = folder.appendingPathComponent("crawl.warc.wet.gz")
        let manifest = folder.appendingPathComponent("crawl.json")
        let run = try Fixtures.runProgram(Fixtures.toolsPython!, [Fixtures.repositoryRoot.appendingPathComponent("scripts/make-test-wet.py").path,
                                                                  wet.path, manifest.path] + texts.map(\.path))
        #expect(run.status == 0, "make-test-wet.py: \(run.standardError)")
        let json = try JSONParser.parse(String(decoding: try Data(contentsOf: manifest), as: UTF8.self))
        guard case .array(let pages)? = json["pages"] else { throw CocoaError(.fileReadCorruptFile) }
        return (wet, pages)
    }

    @Test(.enabled(if: Fixtures.toolsPython != nil, "no Python with warcio (.ci/run makes .venv-tools)"))
    func wetConversionRecordsRoundTrip() throws {
        let texts = try (1...4).map { try write("page\($0).txt", Self.page($0)) }
        let (wet, manifest) = try makeWET(texts)
        let output = try WinnowBinary.run(["clean", wet.path, "--no-names"])
        #expect(output.status == 0, "\(output.standardError)")
        let found = try records(output)
        #expect(found.map { $0["id"]?.stringValue } == manifest.map { $0["id"]?.stringValue })
        for (record, page) in zip(found, manifest) {
            #expect(record["source"]?["url"] == page["url"])
            #expect(record["fetched_at"] == page["date"])
            #expect(record["source"]?["format"] == .string("text"))
            #expect(record["source"]?["container"] == .string("warc"))
        }
        #expect(output.standardError.contains("4 pages: 4 records, 0 rejected"))
        #expect(output.standardError.contains("WARC: 5 records, 1 not pages (warcinfo 1)"))
    }

    /// The site's promo line is on every page of one host: counted before the run, it is removed
    /// from each, whatever the number of jobs and the order of the input.
    @Test func siteLinesDoNotDependOnJobsOrOrder() throws {
        let texts = try (1...4).map { try write("page\($0).txt", Self.page($0)) }
        let lines = texts.enumerated().map { index, url in
            JSONValue.object([("id", .string("p\(index)")), ("url", .string("https://news.example/\(index)")),
                              ("text", .string(try! String(contentsOf: url, encoding: .utf8)))]).serialized()
        }
        let forward = try write("forward.jsonl", lines.joined(separator: "\n") + "\n")
        let backward = try write("backward.jsonl", lines.reversed().joined(separator: "\n") + "\n")
        let one = try WinnowBinary.run(["clean", forward.path, "--no-names", "--text-field", "text", "--jobs", "1"])
        let two = try WinnowBinary.run(["clean", forward.path, "--no-names", "--text-field", "text", "--jobs", "2"])
        let reversed = try WinnowBinary.run(["clean", backward.path, "--no-names", "--text-field", "text", "--jobs", "2"])
        #expect(one.standardOutput == two.standardOutput)
        #expect(one.lines == reversed.lines.reversed())
        let found = try records(one)
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0["text"]?.stringValue?.contains("Get our app") == false })
        let explained = try WinnowBinary.run(["clean", forward.path, "--no-names", "--text-field", "text", "--no-site-lines"])
        #expect(try records(explained).allSatisfy { $0["text"]?.stringValue?.contains("Get our app") == true })
    }
}
