import Foundation
import Winnow
import WinnowIO

/// Counts that reconcile: pages = records + rejected.
struct RunSummary {
    var pages = 0
    var records = 0
    var rejected = 0
    var rejectedByStage: [String: Int] = [:]
    var skippedFiles = 0
    var warc = PageStream.WARCTally()
    var seconds = 0.0
    /// What a page that was not rejected is called in the summary ("record", or "readable" for `list`).
    var goodNoun = "record"

    /// Rejects by reason, numbers written as N ("page of N bytes is over the N-byte limit").
    var rejectedByReason: [String: Int] = [:]
    /// Pages an interrupted run had written, counted in the totals (`--resume`).
    var resumedPages = 0

    mutating func count(_ result: PageResult) {
        countPage(rejectedAt: result.reject?.stage, reason: result.reject?.reason)
    }

    mutating func countPage(rejectedAt stage: PipelineStage?, reason: String? = nil) {
        countPage(rejectedAt: stage?.rawValue, reason: reason)
    }

    mutating func countPage(rejectedAt stage: String?, reason: String?) {
        pages += 1
        if let stage {
            rejected += 1
            rejectedByStage[stage, default: 0] += 1
            if let reason { rejectedByReason[Self.reasonKind(reason), default: 0] += 1 }
        } else {
            records += 1
        }
    }

    /// A reason with its numbers replaced by N, so that reasons group.
    static func reasonKind(_ reason: String) -> String {
        var kind = ""
        var inNumber = false
        for character in reason {
            if character.isASCII, character.isNumber {
                if !inNumber { kind.append("N") }
                inNumber = true
            } else {
                kind.append(character)
                inNumber = false
            }
        }
        return kind
    }

    /// The summary as JSON (`--stats FILE`): pages = records + rejected, always.
    var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("pages", .int(pages)), ("records", .int(records)), ("rejected", .int(rejected)),
            ("rejected_by_stage", .object(rejectedByStage.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("rejected_by_reason", .object(rejectedByReason.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
        ]
        if warc.records > 0 {
            fields.append(("warc_records", .int(warc.records)))
            fields.append(("warc_not_pages", .object(warc.skipped.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })))
        }
        fields.append(("non_page_files", .int(skippedFiles)))
        if resumedPages > 0 { fields.append(("resumed_pages", .int(resumedPages))) }
        fields.append(("seconds", .double((seconds * 1000).rounded() / 1000)))
        if let peak = PeakMemory.megabytes { fields.append(("peak_memory_mib", .double((peak * 10).rounded() / 10))) }
        return .object(fields)
    }

    var line: String {
        var text = "winnow: \(pages) page\(pages == 1 ? "" : "s"): \(records) \(goodNoun == "record" && records != 1 ? "records" : goodNoun), \(rejected) rejected"
        if !rejectedByStage.isEmpty {
            text += " (" + rejectedByStage.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        if warc.records > 0 {
            text += "; WARC: \(warc.records) record\(warc.records == 1 ? "" : "s"), \(warc.skippedTotal) not pages"
            if !warc.skipped.isEmpty {
                text += " (" + warc.skipped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
            }
        }
        if skippedFiles > 0 { text += "; \(skippedFiles) non-page file\(skippedFiles == 1 ? "" : "s") skipped" }
        text += String(format: "; %.2f s", seconds)
        if let peak = PeakMemory.megabytes { text += String(format: ", peak memory %.0f MiB", peak) }
        if seconds > 0, pages > resumedPages { text += String(format: ", %.0f pages/s", Double(pages - resumedPages) / seconds) }
        if resumedPages > 0 { text += "; \(resumedPages) of the pages were written before the interruption" }
        return text
    }
}

/// The process's peak resident memory, as the kernel counts it.
enum PeakMemory {
    static var megabytes: Double? {
        var usage = rusage()
        guard getrusage(Int32(RUSAGE_SELF.rawValue), &usage) == 0 else { return nil }
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }
}
