import Foundation
import Testing
import Winnow
import WinnowIO
import WinnowTestSupport

/// Golden records over samples/: one expected record per page, in samples/expected/NAME.json,
/// made with the project's site rules and names (config/), as `winnow clean samples/` makes them.
/// Re-record with `WINNOW_RECORD=1 swift test --filter SampleTests` (the recording run fails);
/// a changed golden file is a decision to explain in the commit.
@Suite struct SampleTests {
    static let pages = Fixtures.samplePages()
    /// The shipped gazetteer, loaded once (as `winnow clean` loads config/names).
    static let names = Result { try NameLoader.load(folders: [Fixtures.configFolder.path], required: true) }

    static func record(for page: URL) throws -> JSONValue {
        let bytes = Array(try Data(contentsOf: page))
        let input = InputPage(id: page.lastPathComponent, path: page.path, bytes: bytes,
                              compression: page.pathExtension == "gz" ? .gzip : .none)
        var options = PipelineOptions()
        options.rules = try RuleLoader.load(folders: ["config"], required: true)
        options.names = try names.get()
        return DefaultPipeline(options: options).process(input).record
    }

    @Test func thereAreSamples() {
        #expect(Self.pages.count >= 5)
    }

    @Test(arguments: pages)
    func matchesGolden(page: URL) throws {
        let record = try Self.record(for: page)
        let name = page.lastPathComponent.replacingOccurrences(of: ".html.gz", with: "").replacingOccurrences(of: ".html", with: "")
        switch Golden.compare(record.prettySerialized(), with: Fixtures.expected.appendingPathComponent(name + ".json")) {
        case .matches: break
        case .recorded(let message), .differs(let message), .missing(let message): Issue.record(Comment(rawValue: message))
        }
    }

    @Test(arguments: pages)
    func validatesAgainstTheSchema(page: URL) throws {
        let validator = try JSONSchemaValidator(schemaFile: Fixtures.repositoryRoot.appendingPathComponent("docs/record.schema.json"))
        let failures = validator.validate(jsonLine: try Self.record(for: page).serialized())
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func rejectRecordsValidateToo() throws {
        let validator = try JSONSchemaValidator(schemaFile: Fixtures.repositoryRoot.appendingPathComponent("docs/record.schema.json"))
        for bytes in [[], Array("%PDF-1.4".utf8), Array("no markup here".utf8)] as [[UInt8]] {
            let result = DefaultPipeline().process(InputPage(id: "bad.html", bytes: bytes))
            #expect(result.isRejected)
            #expect(validator.validate(jsonLine: result.record.serialized()).isEmpty)
        }
    }

    @Test func schemaValidatorCatchesBadRecords() throws {
        let validator = try JSONSchemaValidator(schemaFile: Fixtures.repositoryRoot.appendingPathComponent("docs/record.schema.json"))
        let bad = [
            #"{"schema":1,"id":"x","status":"ok","text":"t"}"#,
            #"{"schema":2,"id":"x","status":"ok","text":"t","source":{"format":"html","bytes":1,"charset":"utf-8","charset_from":"meta","sha256":"\#(String(repeating: "a", count: 64))"}}"#,
            #"{"schema":1,"id":"x","status":"ok","title":"","text":"t","source":{"format":"html","bytes":1,"charset":"utf-8","charset_from":"meta","sha256":"\#(String(repeating: "a", count: 64))"}}"#,
            #"{"schema":1,"id":"x","status":"rejected","stage":"decode","source":{"bytes":0}}"#,
        ]
        for line in bad { #expect(!validator.validate(jsonLine: line).isEmpty, "accepted \(line)") }
    }
}

/// The dates SEEDS.md names: the meeting with Patrushev on Monday 2021-06-21, the coup on
/// 2021-02-01, resolved against each page's publication date.
@Suite struct SeedDateTests {
    static func dates(_ prefix: String) throws -> [(text: String, value: String)] {
        let page = try #require(Fixtures.samplePages().first { $0.lastPathComponent.hasPrefix(prefix) })
        guard case .array(let mentions)? = try SampleTests.record(for: page)["dates"] else { return [] }
        return mentions.compactMap { mention in
            guard case .string(let text)? = mention["text"], case .string(let value)? = mention["value"] else { return nil }
            return (text, value)
        }
    }

    @Test(arguments: [("000", "on Monday", "2021-06-21"), ("003", "on Monday", "2021-06-21"), ("000", "Feb. 1", "2021-02-01"),
                      ("003", "February 1", "2021-02-01"), ("004", "Feb. 1", "2021-02-01"), ("004", "June 20", "2021-06-20"),
                      ("000", "Tuesday to Thursday", "2021-06-22/2021-06-24"), ("002", "in June last year", "2021-06")])
    func resolveAsSeedsSay(prefix: String, text: String, value: String) throws {
        #expect(try Self.dates(prefix).contains { $0.text == text && $0.value == value }, "\(prefix): \(text)")
    }
}
