import Foundation
import Testing
import WinnowIO
import WinnowTestSupport

/// The built `winnow` binary, run as a user runs it: stdout records, stderr summary, exit codes.
@Suite(.serialized) struct CLITests {
    /// Removed after each test.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }

    init() throws {
        temporary = try TemporaryFolder("winnow-cli")
    }

    private func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func records(_ output: WinnowBinary.Output) throws -> [JSONValue] {
        try output.lines.map { try JSONParser.parse($0) }
    }

    private static let article = "<html><head><title>A story</title></head><body><article>" +
        (1...4).map { "<p>Paragraph \($0) of a story, long enough to be prose, with commas, and a full stop.</p>" }.joined() +
        "</article></body></html>"

    @Test func cleansTheSamplesFolderInOrder() throws {
        let output = try WinnowBinary.run(["clean", Fixtures.samples.path])
        #expect(output.status == 0)
        let ids = try records(output).map { $0["id"] }
        #expect(ids == Fixtures.samplePages().map { .string($0.lastPathComponent) })
        #expect(output.standardError.contains("5 pages: 5 records, 0 rejected"))
    }

    /// A bad names folder stops the run before anything is written, with exit code 2, with
    /// one job or several.
    @Test(arguments: ["1", "2"])
    func aBadNamesFolderWritesNothing(jobs: String) throws {
        let names = try write("names/people.yaml", "entries:\n  - name: Someone\n    kind: wizard\n")
        let output = folder.appendingPathComponent("out-\(jobs).jsonl")
        let run = try WinnowBinary.run(["clean", Fixtures.samples.path, "--jobs", jobs, "--names", names.deletingLastPathComponent().path,
                                        "-o", output.path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("in the name files; nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(!FileManager.default.fileExists(atPath: output.path + ".partial"))
        #expect(!FileManager.default.fileExists(atPath: output.path + ".rejects.jsonl.partial"))
        let toStandardOutput = try WinnowBinary.run(["clean", Fixtures.samples.path, "--jobs", jobs, "--names", names.deletingLastPathComponent().path])
        #expect(toStandardOutput.status == 2)
        #expect(toStandardOutput.standardOutput.isEmpty)
    }

    @Test func readsStandardInput() throws {
        let output = try WinnowBinary.run(["clean", "-", "--base-url", "https://example.org/x"], standardInput: Data(Self.article.utf8))
        #expect(output.status == 0)
        let record = try #require(try records(output).first)
        #expect(record["id"] == .string("-"))
        #expect(record["site"] == .string("example.org"))
    }

    @Test func readsGzipAndKeepsFolderRelativeIds() throws {
        let page = try write("in/sub/story.html", Self.article)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", page.path]
        try gzip.run()
        gzip.waitUntilExit()
        let output = try WinnowBinary.run(["clean", folder.appendingPathComponent("in").path])
        let record = try #require(try records(output).first)
        #expect(record["id"] == .string("sub/story.html.gz"))
        #expect(record["source"]?["container"] == .string("html.gz"))
    }

    @Test func everyPageYieldsOneLineAndRejectsExitOne() throws {
        _ = try write("pages/a.html", Self.article)
        _ = try write("pages/b.html", "")
        _ = try write("pages/c.html", "plain text without any markup")
        let output = try WinnowBinary.run(["clean", folder.appendingPathComponent("pages").path, "/no/such/file.html"])
        #expect(output.status == 1)
        let lines = try records(output)
        #expect(lines.count == 4)
        #expect(lines.map { $0["status"] } == [.string("ok"), .string("rejected"), .string("rejected"), .string("rejected")])
        #expect(lines[1]["stage"] == .string("decode"))
        #expect(lines[2]["stage"] == .string("parse"))
        #expect(lines[3]["stage"] == .string("read"))
        #expect(output.standardError.contains("4 pages: 1 record, 3 rejected (decode 1, parse 1, read 1)"))
        let allowed = try WinnowBinary.run(["clean", "--allow-rejects", folder.appendingPathComponent("pages").path])
        #expect(allowed.status == 0)
    }

    @Test func outputFileGetsRecordsAndRejectsGoBeside() throws {
        _ = try write("out/a.html", Self.article)
        _ = try write("out/b.html", "")
        let target = folder.appendingPathComponent("records.jsonl").path
        let output = try WinnowBinary.run(["clean", "-q", folder.appendingPathComponent("out").path, "-o", target])
        #expect(output.status == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n").count == 1)
        #expect(try String(contentsOfFile: target + ".rejects.jsonl", encoding: .utf8).contains("\"rejected\""))
        #expect(!FileManager.default.fileExists(atPath: target + ".partial"))
    }

    /// `-o /dev/null` discards the records; it must not replace the device with a file (a rename
    /// of `/dev/null.partial` did, as root). A device or a pipe is written in place, and the
    /// rejects go with the records, as on standard output. A FIFO of the test's own stands for
    /// the device (the machine's /dev/null is not the test's to break).
    @Test func aDeviceOrPipeOutputIsWrittenInPlace() throws {
        _ = try write("stream/a.html", Self.article)
        _ = try write("stream/b.html", "")
        let pages = folder.appendingPathComponent("stream").path
        let piped = try WinnowBinary.run(["clean", "-q", "--allow-rejects", pages, "-o", "/dev/stdout"])
        #expect(piped.status == 0)
        #expect(try records(piped).map { $0["status"] } == [.string("ok"), .string("rejected")])

        let fifo = folder.appendingPathComponent("records").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reading end first, so that winnow's open does not wait for a reader.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let written = try WinnowBinary.run(["clean", "--allow-rejects", pages, "-o", fifo])
        #expect(written.status == 0)
        #expect(written.standardError.contains("2 pages: 1 record, 1 rejected"))
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(reader, &bytes, bytes.count)
        let lines = String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self).split(separator: "\n")
        #expect(try lines.map { try JSONParser.parse(String($0))["status"] } == [.string("ok"), .string("rejected")])
        #expect(LineWriter.isStream(fifo))
        #expect(!FileManager.default.fileExists(atPath: fifo + ".partial"))
        #expect(!FileManager.default.fileExists(atPath: fifo + ".rejects.jsonl"))
        let resumed = try WinnowBinary.run(["clean", "--resume", pages, "-o", fifo])
        #expect(resumed.status == 2)
        #expect(resumed.standardError.contains("cannot be resumed"))
    }

    /// `-o /dev/stdout` with standard output redirected to a file names that file: it is
    /// written in place through standard output, after what the file held (`>>`). Renamed over,
    /// it replaced `/dev/stdout` itself, as root. Asked here by another name of the same file,
    /// `/proc/self/fd/1`, so that a failure cannot break the machine's `/dev/stdout`.
    @Test func standardOutputsOwnFileIsWrittenInPlace() throws {
        _ = try write("redirected/a.html", Self.article)
        _ = try write("redirected/b.html", "")
        let target = try write("appended.jsonl", "an earlier line\n")
        let handle = try FileHandle(forWritingTo: target)
        defer { try? handle.close() }
        _ = try handle.seekToEnd()
        let process = Process()
        process.executableURL = WinnowBinary.url
        process.arguments = ["clean", "-q", "--allow-rejects", folder.appendingPathComponent("redirected").path, "-o", "/proc/self/fd/1"]
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = try String(contentsOf: target, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "an earlier line")
        #expect(try lines.dropFirst().map { try JSONParser.parse(String($0))["status"] } == [.string("ok"), .string("rejected")])
    }

    @Test func parallelJobsGiveTheSameBytes() throws {
        let serial = try WinnowBinary.run(["clean", "-q", Fixtures.samples.path])
        let parallel = try WinnowBinary.run(["clean", "-q", "--jobs", "3", Fixtures.samples.path])
        #expect(serial.standardOutput == parallel.standardOutput)
        #expect(!serial.standardOutput.isEmpty)
    }

    @Test func explainShowsEveryDecision() throws {
        let page = try #require(Fixtures.samplePages().first { $0.lastPathComponent.hasPrefix("004") })
        let output = try WinnowBinary.run(["explain", page.path])
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("removed  comments"))
        #expect(output.standardOutput.contains("kept     paragraph"))
        #expect(output.standardOutput.contains("credit line (read as credits)"))
        #expect(output.standardOutput.contains("strip: class/id token \"comments\""))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try WinnowBinary.run(["clean", "--jobs", "0", "x"]).status == 2)
        #expect(try WinnowBinary.run(["clean", "--no-such-flag", "x"]).status == 2)
        #expect(try WinnowBinary.run(["--help"]).status == 0)
    }
}

@Suite struct VocabularyCompilerTests {
    @Test func aBadDataFileFailsWithFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("share.vocab")
        try Data("# comment\nclass: share\nclas: typo\nno colon here\n".utf8).write(to: file)
        let compiler = WinnowBinary.url.deletingLastPathComponent().appendingPathComponent("VocabularyCompiler")
        try #require(FileManager.default.isExecutableFile(atPath: compiler.path), "VocabularyCompiler is not built")
        let process = Process()
        process.executableURL = compiler
        process.arguments = [folder.appendingPathComponent("out.swift").path, file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("share.vocab:3: error: unknown key 'clas'"))
        #expect(message.contains("share.vocab:4: error: expected 'key: value'"))
    }
}

@Suite(.serialized) struct RulesCommandTests {
    @Test func checkAndTestPassOnTheProjectRules() throws {
        let check = try WinnowBinary.run(["rules", "check", "config"], in: Fixtures.repositoryRoot)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("5 rule files valid"))
        let test = try WinnowBinary.run(["rules", "test", "config"], in: Fixtures.repositoryRoot)
        #expect(test.status == 0, "\(test.standardOutput)")
        #expect(test.standardOutput.contains("5 of 5 sites pass"))
    }

    @Test func aBrokenRuleStopsTheRunBeforeAnyOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-badrules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("hosts: [bad.example]\ncontent: [\"div >\"]\n".utf8).write(to: folder.appendingPathComponent("bad.example.yaml"))
        let clean = try WinnowBinary.run(["clean", Fixtures.samples.path, "--rules", folder.path], in: Fixtures.repositoryRoot)
        #expect(clean.status == 2)
        #expect(clean.standardOutput.isEmpty)
        #expect(clean.standardError.contains("bad.example.yaml:2:17: error: bad CSS selector"))
        #expect(clean.standardError.contains("no page was processed"))
        let check = try WinnowBinary.run(["rules", "check", folder.path])
        #expect(check.status == 2)
    }

    @Test func aFailingRuleTestFailsWithItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-failrules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = Fixtures.samples.appendingPathComponent("002-wordpress-news.html").path
        let yaml = "hosts: [wp-news.example]\ncontent: [\".entry-content\"]\ntests:\n  - page: \(page)\n    contains: [\"a sentence the page does not have\"]\n"
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("wp-news.example.yaml"))
        let output = try WinnowBinary.run(["rules", "test", folder.path])
        #expect(output.status == 1)
        #expect(output.standardOutput.contains("FAIL"))
        #expect(output.standardOutput.contains("wp-news.example.yaml:4: text lacks \"a sentence the page does not have\""))
    }

    @Test func explainNamesTheRule() throws {
        let output = try WinnowBinary.run(["explain", "samples/000-business-daily.html"], in: Fixtures.repositoryRoot)
        #expect(output.standardOutput.contains("site rules: \"config/sites/asia-business-daily.example.yaml\""))
        #expect(output.standardOutput.contains("site rule config/sites/asia-business-daily.example.yaml:8 drop \".sponsored-content\""))
        let without = try WinnowBinary.run(["explain", "--no-rules", "samples/000-business-daily.html"], in: Fixtures.repositoryRoot)
        #expect(!without.standardOutput.contains("site rule"))
    }
}

@Suite struct JSONLinesCommandTests {
    @Test func standardInputJSONLinesGivesOneLinePerInputLine() throws {
        let page = "<html><body><article>" + (1...4).map { "<p>Paragraph \($0) of a story, long enough to be prose, with commas, and a stop.</p>" }.joined() + "</article></body></html>"
        let lines = [
            #"{"id": "p1", "url": "https://example.org/p1", "html": \#(JSONValue.string(page).serialized()), "crawl": "c1"}"#,
            #"{"id": "bad""#,
        ]
        let output = try WinnowBinary.run(["clean", "-", "--keep-fields", "crawl"], standardInput: Data(lines.joined(separator: "\n").utf8))
        #expect(output.status == 1)
        let records = try output.lines.map { try JSONParser.parse($0) }
        #expect(records.count == 2)
        #expect(records[0]["id"] == .string("p1"))
        #expect(records[0]["url"] == .string("https://example.org/p1"))
        #expect(records[0]["meta"] == .object([("crawl", .string("c1"))]))
        #expect(records[1]["status"] == .string("rejected"))
        #expect(records[1]["id"] == .string("-:2"))
        #expect(output.standardError.contains("2 pages: 1 record, 1 rejected (read 1)"))
    }

    @Test func shardsSplitTheInputAndTogetherCoverIt() throws {
        let whole = try WinnowBinary.run(["clean", "--jobs", "1", Fixtures.samples.path])
        let shards = try (0..<2).map { try WinnowBinary.run(["clean", "--shard", "\($0)/2", Fixtures.samples.path]) }
        #expect(shards.allSatisfy { $0.status == 0 })
        // Position p goes to shard p % 2: interleaving the shards gives the whole run back.
        var merged: [String] = []
        for index in 0..<whole.lines.count { merged.append(shards[index % 2].lines[index / 2]) }
        #expect(merged == whole.lines)
        #expect(try WinnowBinary.run(["clean", "--shard", "2/2", Fixtures.samples.path]).status == 2)
    }

    @Test func allCoresByDefaultSameBytesAsOneJob() throws {
        let one = try WinnowBinary.run(["clean", "--jobs", "1", Fixtures.samples.path])
        let all = try WinnowBinary.run(["clean", Fixtures.samples.path])
        #expect(one.standardOutput == all.standardOutput)
        // Standard error is a pipe here: no progress line, only the summary.
        #expect(!all.standardError.contains("\r"))
    }
}
