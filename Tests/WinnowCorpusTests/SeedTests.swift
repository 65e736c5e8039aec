import Foundation
import Testing
import Winnow
import WinnowIO
import WinnowTestSupport

/// For each seed outlet: every boilerplate string that ../shared/seeds/SEEDS.md lists is gone
/// from the record's text, title and description, and the body is exactly the seed's body
/// lines, in order; from the HTML reconstruction in samples/ (with and without site rules) and
/// from the seed's flat `.txt` file as it is (the text route). Reads SEEDS.md itself, so the
/// check follows the document. Skipped when ../shared is absent.
@Suite struct SeedTests {
    struct Seed: CustomStringConvertible, Sendable {
        var number: String
        var lines: [String]
        var boilerplate: [String]
        var titleLine: Int?
        var descriptionLine: Int?
        var bodyLines: [Int]
        var file: String
        var description: String { "seed \(number)" }
    }

    /// Where a seed's record comes from.
    enum Source: String, CaseIterable, CustomStringConvertible, Sendable {
        case html, htmlWithRules, flatText
        var description: String { rawValue }
    }

    static let seeds: [Seed] = {
        guard let shared = Fixtures.shared,
            let document = try? String(contentsOf: shared.appendingPathComponent("seeds/SEEDS.md"), encoding: .utf8)
        else { return [] }
        let rows = document.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| 00") }
        var seeds: [Seed] = []
        for number in ["000", "001", "002", "003", "004"] {
            let seedRows = rows.filter { $0.hasPrefix("| \(number) |") }
            guard seedRows.count == 2,
                let file = try? FileManager.default.contentsOfDirectory(atPath: shared.appendingPathComponent("seeds").path)
                    .first(where: { $0.hasPrefix(number + "_") }),
                let text = try? String(contentsOf: shared.appendingPathComponent("seeds/" + file), encoding: .utf8)
            else { continue }
            let cells = seedRows[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            seeds.append(Seed(
                number: number,
                lines: text.components(separatedBy: "\n"),
                boilerplate: backticked(seedRows[0]),
                titleLine: lineNumber(cells[1]),
                descriptionLine: lineNumber(cells[2]),
                bodyLines: lineRange(cells[3]),
                file: shared.appendingPathComponent("seeds/" + file).path))
        }
        return seeds
    }()

    /// The `code spans` of a table row, each split at "…" into the pieces that must be absent.
    static func backticked(_ row: String) -> [String] {
        row.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.flatMap { $0.element.components(separatedBy: "…") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 4 }
    }

    static func lineNumber(_ cell: String) -> Int? {
        guard cell.hasPrefix("line ") else { return nil }
        return Int(cell.dropFirst(5).prefix { $0.isNumber })
    }

    /// "lines 7-38 except 14 (…)" → 7…38 without 14.
    static func lineRange(_ cell: String) -> [Int] {
        let words = cell.split(separator: " ")
        guard words.count >= 2, words[0] == "lines" else { return [] }
        let bounds = words[1].split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2 else { return [] }
        var excluded = Set<Int>()
        if let except = words.firstIndex(of: "except"), except + 1 < words.count, let line = Int(words[except + 1]) { excluded.insert(line) }
        return Array(bounds[0]...bounds[1]).filter { !excluded.contains($0) }
    }

    /// The seed's record from the generic extractor alone, with the project's site rules, or
    /// from the seed's flat text.
    static func record(for seed: Seed, from source: Source) throws -> JSONValue {
        if source == .flatText {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: seed.file)))
            return DefaultPipeline().process(InputPage(id: seed.file, bytes: bytes).as(.text)).record
        }
        let page = try #require(Fixtures.samplePages().first { $0.lastPathComponent.hasPrefix(seed.number + "-") })
        var options = PipelineOptions()
        if source == .htmlWithRules { options.rules = try RuleLoader.load(folders: [Fixtures.configFolder.path], required: true) }
        return DefaultPipeline(options: options).process(InputPage(id: page.lastPathComponent, bytes: Array(try Data(contentsOf: page)))).record
    }

    static func string(_ value: JSONValue?) -> String {
        if case .string(let text)? = value { return text }
        return ""
    }

    @Test(.enabled(if: Fixtures.shared != nil, "../shared is absent"))
    func allFiveSeedsAreRead() {
        #expect(Self.seeds.count == 5)
        #expect(Self.seeds.allSatisfy { !$0.boilerplate.isEmpty && !$0.bodyLines.isEmpty })
    }

    @Test(.enabled(if: Fixtures.shared != nil, "../shared is absent"), arguments: seeds, Source.allCases)
    func boilerplateIsGone(seed: Seed, source: Source) throws {
        let record = try Self.record(for: seed, from: source)
        let visible = [record["text"], record["title"], record["description"]].map(Self.string).joined(separator: "\n")
        for piece in seed.boilerplate {
            #expect(!visible.contains(piece), "\(seed): \"\(piece)\" is still in the record")
        }
    }

    @Test(.enabled(if: Fixtures.shared != nil, "../shared is absent"), arguments: seeds, Source.allCases)
    func bodyIsEveryBodyLineInOrder(seed: Seed, source: Source) throws {
        let record = try Self.record(for: seed, from: source)
        // The record's text settles no-break spaces to spaces (counted in `repairs`); compare so.
        let expected = seed.bodyLines.map { seed.lines[$0 - 1].replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let actual = Self.string(record["text"]).components(separatedBy: "\n\n")
        #expect(actual == expected, "\(seed): \(Golden.lineDiff(expected: expected.joined(separator: "\n"), actual: actual.joined(separator: "\n"), label: "body"))")
        if let line = seed.titleLine {
            #expect(Self.string(record["title"]) == seed.lines[line - 1].trimmingCharacters(in: .whitespaces))
        }
        if let line = seed.descriptionLine {
            #expect(Self.string(record["description"]) == seed.lines[line - 1].trimmingCharacters(in: .whitespaces))
        }
    }
}
