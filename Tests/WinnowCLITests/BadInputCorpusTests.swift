import Foundation
import Testing
import WinnowIO
import WinnowTestSupport

/// The bad-input corpus (issue 9): every kind of garbage a crawl holds, generated here, run
/// through `winnow clean` in one go. Each case must give its expected record or reject, the
/// whole run must finish in its time, and the counts of the summary and of `--stats` must
/// reconcile: read = written + rejected.
@Suite(.serialized) struct BadInputCorpusTests {
    /// What a case must become: a record, or a reject at a stage with words in its reason.
    enum Expected {
        case record(containing: String)
        case reject(stage: String, reasonContains: String)
    }

    struct Case {
        var name: String
        var bytes: [UInt8]
        var expected: Expected
    }

    static let prose = (1...6).map { "Paragraph \($0) of the article says what happened, with commas, clauses and a full stop at its end." }
    static var article: String { "<html><head><title>Story</title></head><body><article>" + prose.map { "<p>\($0)</p>" }.joined() + "</article>" }
    static let firstWords = "Paragraph 1 of the article says what happened"

    static func cases() -> [Case] {
        var cases: [Case] = []
        func add(_ name: String, _ bytes: [UInt8], _ expected: Expected) { cases.append(Case(name: name, bytes: bytes, expected: expected)) }
        let page = Array((article + "</body></html>").utf8)
        add("empty.html", [], .reject(stage: "decode", reasonContains: "empty page (0 bytes)"))
        add("whitespace.html", Array(" \n\t\r\n   ".utf8), .reject(stage: "decode", reasonContains: "only whitespace"))
        add("pdf.html", Array("%PDF-1.7\n%\u{00E2}\u{00E3}\n1 0 obj << /Type /Catalog >> endobj\n".utf8) + [0, 1, 2, 0xFF], .reject(stage: "decode", reasonContains: "PDF"))
        add("png.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<512).map { UInt8($0 % 251) }, .reject(stage: "decode", reasonContains: "PNG"))
        add("binary.html", (0..<4096).map { UInt8(($0 * 7919) % 256) }, .reject(stage: "decode", reasonContains: "not a text page"))
        // UTF-16 without a byte order mark: told by the pattern of zero bytes.
        add("utf16-no-bom.html", Array((article + "</body></html>").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, .record(containing: firstWords))
        // Mixed encodings: UTF-8 with windows-1252 bytes inside.
        add("mixed-encodings.html", Array(article.utf8) + Array("<p>Caf".utf8) + [0xE9] + Array(" and na\u{00EF}ve bytes together.</p></body></html>".utf8),
            .record(containing: firstWords))
        add("invalid-utf8.html", Array(article.utf8) + [0xC3, 0x28, 0xA0, 0xA1, 0xF0, 0x28, 0x8C, 0x28] + Array("</body></html>".utf8), .record(containing: firstWords))
        add("nul-bytes.html", Array(article.utf8).flatMap { $0 == UInt8(ascii: "P") ? [0, $0] : [$0] } + Array("</body></html>".utf8), .record(containing: firstWords))
        add("unclosed-comment.html", Array((article + "<!-- a comment that never ends <p>hidden").utf8), .record(containing: firstWords))
        add("unclosed-script.html", Array((article + "<script>var never = 'closed';\nfunction f() {").utf8), .record(containing: firstWords))
        add("unclosed-everything.html", Array("<html><body><div><p>\(prose[0])<p>\(prose[1])<p>\(prose[2])<p>\(prose[3])<table><tr><td>".utf8), .record(containing: firstWords))
        add("ten-thousand-attributes.html", Array(("<html><body><div " + (0..<10_000).map { "data-a\($0)=\"\($0)\"" }.joined(separator: " ") + ">" + article + "</div></body></html>").utf8),
            .record(containing: firstWords))
        add("deep-nesting.html", Array(("<html><body>" + String(repeating: "<div>", count: 100_000) + prose.map { "<p>\($0)</p>" }.joined() + "</body></html>").utf8),
            .record(containing: firstWords))
        add("two-million-elements.html", Array(("<html><body>" + String(repeating: "<i></i>", count: 1_100_000) + article + "</body></html>").utf8),
            .reject(stage: "strip", reasonContains: "elements"))
        // 50 MB in one text node: over the 20 MB page limit, rejected as it is read.
        add("fifty-megabyte-text-node.html", Array("<html><body><p>".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 50_000_000) + Array("</p></body></html>".utf8),
            .reject(stage: "read", reasonContains: "page limit"))
        // 12 MB in one text node, under the page limit: the body is over the text limit.
        add("twelve-megabyte-text-node.html", Array("<html><body><p>".utf8) + Array(repeating: Array("word ".utf8), count: 2_400_000).flatMap { $0 } + Array("</p></body></html>".utf8),
            .reject(stage: "extract", reasonContains: "text of"))
        // A gzip bomb: 19 MB of zeros in a few kilobytes.
        add("bomb.html.gz", Gzip.compress([UInt8](repeating: UInt8(ascii: " "), count: 19_000_000) + page, level: 9),
            .reject(stage: "decode", reasonContains: "decompression bomb"))
        add("truncated.html.gz", Array(Gzip.compress(page).prefix(40)), .reject(stage: "decode", reasonContains: "gzip"))
        add("menu-only.txt", Array("Home\nNews\nSport\nWeather\nContact".utf8), .reject(stage: "extract", reasonContains: "no body-like lines"))
        add("flat-article.txt", Array(prose.joined(separator: "\n\n").utf8), .record(containing: firstWords))
        add("no-markup.html", Array("just some words without any markup at all, which is not an HTML page".utf8), .reject(stage: "parse", reasonContains: "not HTML"))
        return cases
    }

    @Test func everyCaseGivesItsRecordOrRejectAndTheCountsReconcile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = Self.cases()
        for item in cases { try Data(item.bytes).write(to: folder.appendingPathComponent(item.name)) }
        // A JSON Lines file with a good line, a broken one and one without the field.
        let lines = [JSONValue.object([("id", .string("good")), ("html", .string(Self.article))]).serialized(), "{\"id\": \"broken\", \"html\": ", "{\"id\": \"nofield\"}"]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("dump.jsonl"))

        let out = folder.appendingPathComponent("out.jsonl").path
        let stats = folder.appendingPathComponent("stats.json").path
        let started = Date()
        let run = try WinnowBinary.run(["clean", folder.path, "-o", out, "--stats", stats, "--no-names", "--jobs", "2"])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 1, "some pages are rejected: exit 1 (\(run.standardError))")
        #expect(seconds < 240, "the corpus took \(seconds) s")

        let records = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let rejects = try String(contentsOfFile: out + ".rejects.jsonl", encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        var byID: [String: JSONValue] = [:]
        for line in records + rejects { byID[line["id"]?.stringValue ?? ""] = line }
        for item in cases {
            guard let line = byID[item.name] else { Issue.record("\(item.name): no line"); continue }
            switch item.expected {
            case .record(let text):
                #expect(line["status"] == .string("ok"), "\(item.name): \(line["reason"]?.stringValue ?? "")")
                #expect(line["text"]?.stringValue?.contains(text) == true, "\(item.name): text lacks \"\(text)\"")
            case .reject(let stage, let words):
                #expect(line["status"] == .string("rejected"), "\(item.name) was not rejected")
                #expect(line["stage"] == .string(stage), "\(item.name): stage \(line["stage"]?.stringValue ?? "none"), reason \(line["reason"]?.stringValue ?? "")")
                #expect(line["reason"]?.stringValue?.contains(words) == true, "\(item.name): reason \(line["reason"]?.stringValue ?? "")")
            }
        }
        #expect(byID["good"]?["status"] == .string("ok"))
        #expect(byID["dump.jsonl:2"]?["stage"] == .string("read"))
        #expect(byID["nofield"]?["stage"] == .string("read"))

        // read = written + rejected, in the summary and in --stats.
        let pages = cases.count + 3
        let summary = try JSONParser.parse(try String(contentsOfFile: stats, encoding: .utf8))
        #expect(summary["pages"]?.intValue == pages)
        #expect(summary["records"]?.intValue == records.count)
        #expect(summary["rejected"]?.intValue == rejects.count)
        #expect(records.count + rejects.count == pages)
        if case .object(let stages)? = summary["rejected_by_stage"] {
            #expect(stages.reduce(0) { $0 + ($1.1.intValue ?? 0) } == rejects.count)
        } else {
            Issue.record("no rejected_by_stage")
        }
        #expect(run.standardError.contains("\(pages) pages: \(records.count) records, \(rejects.count) rejected"))
    }

    /// The watchdog: a page over --page-timeout is rejected, and the pages after it are not.
    @Test func aPageOverItsTimeIsRejectedAndTheRunGoesOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-slow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = "<html><body>" + String(repeating: "<div class=\"c\"><p>" + Self.prose[0] + "</p><a href=\"/x\">link</a></div>", count: 60_000) + "</body></html>"
        try Data(big.utf8).write(to: folder.appendingPathComponent("a-slow.html"))
        try Data((Self.article + "</body></html>").utf8).write(to: folder.appendingPathComponent("b-quick.html"))
        let run = try WinnowBinary.run(["clean", folder.path, "--page-timeout", "0.2", "--no-names", "--jobs", "1"])
        let lines = try run.lines.map { try JSONParser.parse($0) }
        #expect(lines.count == 2)
        #expect(lines.first?["status"] == .string("rejected"))
        #expect(lines.first?["reason"]?.stringValue?.contains("page time limit of 0.2 s") == true, "\(lines.first?["reason"]?.stringValue ?? "")")
        #expect(lines.last?["status"] == .string("ok"))
    }
}
