import Foundation
import WinnowIO

/// The text `winnow explain` prints for one page: its notes, then one line per block in page
/// order, kept or removed, with the category and the rule or heuristic that decided.
public struct RenderExplanation: Sendable {
    public init() {}

    public func run(_ result: PageResult) -> String {
        var lines: [String] = []
        lines.append("page \(result.id)")
        if let reject = result.reject {
            lines.append("rejected at \(reject.stage.rawValue): \(reject.reason)")
        }
        if let rules = result.article?.rules, !rules.isEmpty {
            lines.append("site rules: " + rules.map { JSONValue.string($0).serialized() }.joined(separator: ", "))
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
