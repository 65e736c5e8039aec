import Foundation
import Testing
import WinnowIO
import WinnowTestSupport

/// `--resume` (issue 9): a run killed mid-way (SIGKILL, no chance to clean up) and resumed
/// writes the same records and rejects, byte for byte, as a run that was never interrupted.
@Suite(.serialized) struct ResumeTests {
    /// Removed after each test.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }

    init() throws {
        temporary = try TemporaryFolder("winnow-resume")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        // The sample pages many times over, and a few rejects among them.
        let samples = try Fixtures.samplePages().map { try Data(contentsOf: $0) }
        for copy in 0..<60 {
            for (index, sample) in samples.enumerated() {
                try sample.write(to: folder.appendingPathComponent("pages/\(String(format: "%03d", copy))-\(index).html"))
            }
            try Data().write(to: folder.appendingPathComponent("pages/\(String(format: "%03d", copy))-empty.html"))
        }
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test func aKilledRunResumedEqualsAnUninterruptedOne() throws {
        let pages = path("pages")
        let whole = try WinnowBinary.run(["clean", pages, "-o", path("whole.jsonl"), "--jobs", "2", "--no-names"])
        #expect(whole.status == 1)  // the empty pages are rejects

        // Start the same run and kill it once it has written something but not finished.
        let process = Process()
        process.executableURL = WinnowBinary.url
        process.arguments = ["clean", pages, "-o", path("cut.jsonl"), "--jobs", "2", "--no-names"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        var sawPartial = false
        for _ in 0..<2_000 {
            if let size = try? FileManager.default.attributesOfItem(atPath: path("cut.jsonl.partial"))[.size] as? Int, size > 20_000 {
                sawPartial = true
                break
            }
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(sawPartial, "the run ended before it could be interrupted")
        #expect(!FileManager.default.fileExists(atPath: path("cut.jsonl")), "a killed run must leave no final file")

        let resumed = try WinnowBinary.run(["clean", pages, "-o", path("cut.jsonl"), "--jobs", "2", "--no-names", "--resume",
                                            "--stats", path("stats.json")])
        #expect(resumed.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("cut.jsonl"))) == Data(contentsOf: URL(fileURLWithPath: path("whole.jsonl"))))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("cut.jsonl.rejects.jsonl")))
                == Data(contentsOf: URL(fileURLWithPath: path("whole.jsonl.rejects.jsonl"))))
        // The counts cover the whole run, the pages written before the kill included.
        let stats = try JSONParser.parse(try String(contentsOfFile: path("stats.json"), encoding: .utf8))
        #expect(stats["pages"]?.intValue == 360)
        #expect(stats["rejected"]?.intValue == 60)
        #expect((stats["resumed_pages"]?.intValue ?? 0) > 0)

        // Resuming a finished run does nothing.
        let again = try WinnowBinary.run(["clean", pages, "-o", path("cut.jsonl"), "--resume"])
        #expect(again.status == 0)
        #expect(again.standardError.contains("nothing to resume"))
    }

    @Test func aTornLastLineIsDroppedAndRewritten() throws {
        let pages = path("pages")
        _ = try WinnowBinary.run(["clean", pages, "-o", path("whole.jsonl"), "--no-names"])
        // An interrupted run's leftovers: two whole lines and half of the third.
        let whole = try String(contentsOfFile: path("whole.jsonl"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let torn = whole[0] + "\n" + whole[1] + "\n" + whole[2].prefix(50)
        try Data(torn.utf8).write(to: URL(fileURLWithPath: path("torn.jsonl.partial")))
        _ = try WinnowBinary.run(["clean", pages, "-o", path("torn.jsonl"), "--no-names", "--resume"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("torn.jsonl"))) == Data(contentsOf: URL(fileURLWithPath: path("whole.jsonl"))))
    }

    @Test func resumeNeedsAnOutputFile() throws {
        let run = try WinnowBinary.run(["clean", path("pages"), "--resume"])
        #expect(run.status == 2)
    }
}

/// The libxml2 arena (the default since it was proven here, under AddressSanitizer in CI, and
/// by `scripts/bench.sh`): the records are the same bytes with and without it (`--no-arena`).
@Suite struct ArenaTests {
    @Test func theArenaChangesNoRecord() throws {
        var inputs = [Fixtures.samples.path]
        if let shared = Fixtures.shared { inputs.append(shared.appendingPathComponent("seeds").path) }
        let plain = try WinnowBinary.run(["clean", "--jobs", "2", "--allow-rejects", "--no-arena"] + inputs)
        let arena = try WinnowBinary.run(["clean", "--jobs", "2", "--allow-rejects"] + inputs)
        #expect(plain.status == 0)
        #expect(arena.status == 0, "\(arena.standardError)")
        #expect(plain.lines.count >= 5)
        #expect(arena.standardOutput == plain.standardOutput)
    }

    /// The repair stage rewrites text nodes in place; in the arena, the new text is the arena's
    /// too (the tree is never walked to be freed), and reads back the same.
    @Test func textRepairedInPlaceIsTheSameInTheArena() throws {
        let temporary = try TemporaryFolder("winnow-arena")
        let paragraph = "<p>The cafÃ© owner said itâ€™s fine, and the council agreed with her after a long debate.</p>"
        let page = "<html><head><title>CafÃ© rules</title></head><body><article><h1>CafÃ© rules</h1>"
            + String(repeating: paragraph, count: 6) + "</article></body></html>"
        let input = temporary.url.appendingPathComponent("repaired.html")
        try Data(page.utf8).write(to: input)
        let plain = try WinnowBinary.run(["clean", "--jobs", "1", "--no-arena", input.path])
        let arena = try WinnowBinary.run(["clean", "--jobs", "1", input.path])
        #expect(plain.status == 0 && arena.status == 0, "\(arena.standardError)")
        #expect(arena.standardOutput.contains("The café owner said it’s fine"))
        #expect(!arena.standardOutput.contains("Ã"))
        #expect(arena.standardOutput == plain.standardOutput)
    }
}
