import ArgumentParser
import Foundation
import Winnow
import WinnowIO

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a page's blocks in order, each kept or removed, with the category and the rule.")

    @Argument(help: "One page: a file (.html, .html.gz) or - for standard input.")
    var page: String

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "URL for a page that names none.")
    var baseURL: String?

    func run() throws {
        let listing = InputCollector().collect([page])
        guard let entry = listing.entries.first else { throw ValidationError("no page at \(page)") }
        let input = PageReader().read(entry)
        var options = PipelineOptions(baseURL: baseURL)
        options.rules = try ruleOptions.load()
        let result = DefaultPipeline(options: options).process(input)
        print(ExplainReport(result: result).text)
        if result.isRejected { throw ExitCodes.someRejected }
    }
}

/// The text `winnow explain` prints: one line per decision, in page order.
struct ExplainReport {
    let result: PageResult

    var text: String {
        var lines: [String] = []
        lines.append("page \(result.id)")
        if let reject = result.reject {
            lines.append("rejected at \(reject.stage.rawValue): \(reject.reason)")
        }
        if case .array(let rules)? = result.record["rules"] {
            lines.append("site rules: " + rules.map { $0.serialized() }.joined(separator: ", "))
        }
        for note in result.trace.notes { lines.append("\(note.stage): \(note.message)") }
        enum Entry {
            case kept(Trace.KeptBlock)
            case removed(Removal)
        }
        var entries: [(Int, Int, Entry)] = []
        for (offset, kept) in result.trace.kept.enumerated() { entries.append((kept.order, offset, .kept(kept))) }
        for (offset, removal) in result.trace.removals.enumerated() { entries.append((removal.order, 100_000 + offset, .removed(removal))) }
        entries.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        for (_, _, entry) in entries {
            switch entry {
            case .kept(let kept):
                let what = kept.role?.rawValue ?? kept.block.kind.rawValue
                lines.append("kept     \(pad(what, 14)) \(pad(kept.rule ?? "", 34)) \(excerpt(kept.block.text))")
            case .removed(let removal):
                lines.append("removed  \(pad(removal.category.rawValue, 14)) \(pad("\(removal.stage): \(removal.reason)", 34)) \(removal.excerpt)  [\(removal.element), line \(removal.line)]")
            }
        }
        let counts = result.trace.removedCounts.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        lines.append("kept \(result.trace.kept.filter { $0.role == nil }.count) blocks; removed \(result.trace.removals.count)\(counts.isEmpty ? "" : " (\(counts))")")
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func excerpt(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " / ")
        return flat.count > 80 ? String(flat.prefix(80)) + "…" : flat
    }
}
