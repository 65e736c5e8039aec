import Foundation
import Testing
import WinnowIO
import WinnowTestSupport
@testable import Winnow

@Suite struct HostPatternTests {
    @Test(arguments: [
        ("example.com", "example.com", true), ("example.com", "www.example.com", true), ("example.com", "news.example.com", false),
        (".example.com", "news.example.com", true), ("*.example.com", "a.b.example.com", true), ("*.example.com", "example.com", true),
        ("news-*.example.com", "news-uk.example.com", true), ("news-*.example.com", "sport.example.com", false),
        ("example.com", "example.org", false),
    ])
    func matches(pattern: String, host: String, expected: Bool) throws {
        #expect(try #require(HostPattern(pattern)).matches(host) == expected)
    }

    @Test func rejectsNonHosts() {
        #expect(HostPattern("https://example.com/") == nil)
        #expect(HostPattern("localhost") == nil)
        #expect(HostPattern("") == nil)
    }

    @Test func mostSpecificRuleWins() throws {
        let broad = SiteRule(file: "broad.yaml", hosts: [try #require(HostPattern("*.example.com"))])
        let narrow = SiteRule(file: "narrow.yaml", hosts: [try #require(HostPattern("news.example.com"))])
        let set = RuleSet(rules: [narrow, broad])
        #expect(set.rule(forHost: "news.example.com")?.file == "narrow.yaml")
        #expect(set.rule(forHost: "sport.example.com")?.file == "broad.yaml")
        #expect(set.rule(forHost: "other.org") == nil)
    }
}

@Suite struct SiteDateFormatTests {
    @Test(arguments: [
        ("%d/%m/%Y", "22/06/2021", "2021-06-22"),
        ("%B %d, %Y %I:%M %p", "June 24, 2021 02:39 PM", "2021-06-24T14:39"),
        ("%d.%m.%y", "05.09.22", "2022-09-05"),
        ("Published %Y-%m-%d", "Published 2021-06-22", "2021-06-22"),
    ])
    func parses(format: String, text: String, iso: String) throws {
        #expect(try SiteDateFormat(format).parse(text) == iso)
    }

    @Test func refusesBadFormatsAndDates() throws {
        #expect(throws: RuleFormatError.self) { try SiteDateFormat("%d %Q %Y") }
        #expect(throws: RuleFormatError.self) { try SiteDateFormat("%d/%m") }
        #expect(try SiteDateFormat("%d/%m/%Y").parse("31/02/2021") == nil)
    }
}

@Suite(.serialized) struct RuleLoaderTests {
    /// Removed after each test.
    private let temporary: TemporaryFolder
    init() throws { temporary = try TemporaryFolder("winnow-rules") }

    private func write(_ yaml: String, name: String = "site.example.yaml") throws -> String {
        let folder = try temporary.subfolder()
        let path = folder.appendingPathComponent(name).path
        try yaml.write(toFile: path, atomically: false, encoding: .utf8)
        return folder.path
    }

    private func errors(_ yaml: String) throws -> [String] {
        let folder = try write(yaml)
        do {
            _ = try RuleLoader.load(folders: [folder], required: true)
            return []
        } catch {
            return error.errors.map { "\($0.line):\($0.column): \($0.message)" }
        }
    }

    @Test func reportsEveryProblemWithItsPosition() throws {
        let found = try errors("""
            hosts: [site.example]
            content: ["div >"]
            drop:
              paywal: [".x"]
            colour: red
            """)
        #expect(found.count == 3)
        #expect(found[0].hasPrefix("2:17: bad CSS selector"))
        #expect(found[1].hasPrefix("4:3: unknown category \"paywal\""))
        #expect(found[2].hasPrefix("5:1: unknown key \"colour\""))
    }

    @Test func yamlSyntaxErrorsArePlaced() throws {
        let found = try errors("hosts: [site.example\ncontent: x")
        #expect(found.first?.contains("YAML") == true)
    }

    @Test func aRuleNeedsHosts() throws {
        #expect(try errors("content: [\"article\"]").first?.contains("needs hosts") == true)
    }

    @Test func missingRulesFolderIsAnErrorOnlyWhenRequired() throws {
        #expect(throws: RuleLoadFailure.self) { try RuleLoader.load(folders: ["/no/such/rules"], required: true) }
        #expect(try RuleLoader.load(folders: ["/no/such/rules"], required: false).rules.isEmpty)
    }

    @Test func appliesEveryKey() throws {
        let folder = try write("""
            hosts: [site.example]
            content: ["#story"]
            drop:
              paywall: [".meter"]
            keep: [".kept-box"]
            drop_text:
              sponsor: ["brought to you by"]
            metadata:
              title: ["h2.real-title"]
              authors: [".writer"]
              published: [".when"]
              published_format: "%d/%m/%Y"
              section: [".kicker"]
            """)
        var options = PipelineOptions()
        options.rules = try RuleLoader.load(folders: [folder], required: true)
        let prose = (1...3).map { "<p>Story paragraph \($0), long enough to be prose, with commas, and a full stop.</p>" }.joined()
        let html = """
            <html><head><link rel="canonical" href="https://www.site.example/a"></head><body>
            <div class="teasers">\(prose)\(prose)</div>
            <div id="story"><h2 class="real-title">The Real Title</h2><span class="kicker">World</span>
            <span class="writer">By Ann Lee</span><span class="when">22/06/2021</span>\(prose)
            <div class="meter">You have 3 free articles left, subscribe now to read more.</div>
            <div class="kept-box sidebar"><p>A box the rule keeps although its name says sidebar.</p></div>
            <p>This story is brought to you by a sponsor.</p></div></body></html>
            """
        let result = DefaultPipeline(options: options).process(InputPage(id: "a.html", bytes: Array(html.utf8)))
        let article = try #require(result.article)
        #expect(article.title == "The Real Title")
        #expect(article.authors == ["Ann Lee"])
        #expect(article.published == "2021-06-22")
        #expect(article.publishedFrom == "rule")
        #expect(article.section == "World")
        #expect(article.rules == [folder + "/site.example.yaml"])
        let text = article.blocks.filter(\.isBody).map(\.text).joined(separator: "\n")
        #expect(!text.contains("free articles"))
        #expect(text.contains("A box the rule keeps"))
        #expect(!text.contains("brought to you by"))
        #expect(text.filter { $0 == "\n" }.count == 3, "only the story's own paragraphs (and the kept box): \(text)")
        let reasons = result.trace.removals.map(\.reason)
        #expect(reasons.contains { $0.contains("drop \".meter\"") })
        #expect(reasons.contains { $0.contains("drop_text \"brought to you by\"") })
    }
}

@Suite struct KeptByRuleTests {
    @Test func explainNamesTheKeepRule() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-keep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "hosts: [keep.example]\nkeep: [\".fact-box\"]\n".write(toFile: folder.appendingPathComponent("keep.example.yaml").path, atomically: false, encoding: .utf8)
        var options = PipelineOptions()
        options.rules = try RuleLoader.load(folders: [folder.path], required: true)
        let prose = (1...4).map { "<p>Story paragraph \($0), long enough to be prose, with commas, and a full stop.</p>" }.joined()
        let html = "<html><head><link rel=canonical href=https://keep.example/a></head><body><article>\(prose)"
            + "<div class=\"fact-box widget\"><p>A fact box the site wants kept.</p></div></article></body></html>"
        let result = DefaultPipeline(options: options).process(InputPage(id: "a.html", bytes: Array(html.utf8)))
        let kept = try #require(result.trace.kept.first { $0.block.text.hasPrefix("A fact box") })
        #expect(kept.rule?.contains("keep \".fact-box\"") == true)
        let without = DefaultPipeline().process(InputPage(id: "a.html", bytes: Array(html.utf8)))
        #expect(!without.trace.kept.contains { $0.block.text.hasPrefix("A fact box") }, "the heuristics alone remove it (class widget)")
    }
}
