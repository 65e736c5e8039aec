import ArgumentParser
import Dispatch
import Foundation
import Winnow
import WinnowIO

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against a ground-truth file (the ScrapingHub benchmark's metric).",
        discussion: """
            Runs the pipeline over PAGES (a folder or files) and compares each record's text with \
            the ground truth: a JSON object mapping ids (file names without .html/.gz) to \
            {"articleBody": text}, as ../shared/eval/scrapinghub/ground-truth.json. Prints F1, \
            precision, recall and accuracy as score_articles.py defines them, then the worst pages \
            with the lines they miss and the lines they add. With --floor, exits 1 below it.
            """)

    @Argument(help: "A folder of pages or page files.")
    var pages: [String]

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var inputOptions: InputOptions

    @Option(help: "The ground-truth JSON file.")
    var truth: String

    @Option(help: "How many of the worst pages to show with their differences.")
    var worst: Int = 5

    @Option(help: "Exit 1 when F1 is below this.")
    var floor: Double?

    @Option(name: .shortAndLong, help: "Pages processed in parallel.")
    var jobs: Int = 1

    func run() throws {
        let truthText: String
        do { truthText = try String(contentsOfFile: truth, encoding: .utf8) } catch {
            throw RunFailure(description: "winnow: cannot read \(truth): \(error.localizedDescription)")
        }
        let parsed: JSONValue
        do { parsed = try JSONParser.parse(truthText) } catch { throw ValidationError("\(truth): \(error)") }
        var members: [(String, JSONValue)] = []
        if case .object(let all) = parsed { members = all }
        if case .object(let wrapped)? = parsed["output"] { members = wrapped }
        let expected: [(id: String, text: String)] = members.map { id, value in
            var text = ""
            if case .string(let body)? = value["articleBody"] { text = body } else if case .string(let body) = value { text = body }
            return (ArticleScore.normalizedID(id), text)
        }
        guard !expected.isEmpty else { throw ValidationError("\(truth) holds no ground truth") }

        let listing = InputCollector().collect(pages)
        var options = PipelineOptions()
        options.rules = try ruleOptions.load()
        let pipeline = DefaultPipeline(options: options)
        let reader = PageReader()
        var predictions: [String: String] = [:]
        var stream = inputOptions.stream(listing.entries, reader: reader)
        OrderedWorkers.run(
            jobs: jobs, window: jobs * 8,
            next: { stream.next() },
            transform: { page in pipeline.process(page) },
            consume: { result in
                // The record's text, read from the article (a reject has none).
                predictions[ArticleScore.normalizedID(result.id)] = result.article?.recordText ?? ""
            })
        let summary = ArticleScore.summarize(truth: expected, predictions: predictions)
        print(String(format: "F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f  (%d docs, %d missing)",
                     summary.f1, summary.precision, summary.recall, summary.accuracy, summary.documents.count, summary.missing))
        let truthByID = Dictionary(expected.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        for document in summary.documents.sorted(by: { ($0.f1, $0.id) < ($1.f1, $1.id) }).prefix(max(0, worst)) {
            print(String(format: "\n%@  precision %.3f  recall %.3f  F1 %.3f", document.id, document.precision, document.recall, document.f1))
            let predicted = predictions[document.id] ?? ""
            let reference = truthByID[document.id] ?? ""
            for line in ArticleScore.linesMissing(from: predicted, in: reference).prefix(6) { print("  - " + Self.clip(line)) }
            for line in ArticleScore.linesMissing(from: reference, in: predicted).prefix(6) { print("  + " + Self.clip(line)) }
        }
        if let floor, summary.f1 < floor {
            writeStandardError(String(format: "winnow: F1 %.4f is below the floor %.4f", summary.f1, floor))
            throw ExitCodes.someRejected
        }
    }

    private static func clip(_ line: String) -> String {
        line.count > 110 ? String(line.prefix(110)) + "…" : line
    }
}
