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

    mutating func count(_ result: PageResult) {
        countPage(rejectedAt: result.reject?.stage)
    }

    mutating func countPage(rejectedAt stage: PipelineStage?) {
        pages += 1
        if let stage {
            rejected += 1
            rejectedByStage[stage.rawValue, default: 0] += 1
        } else {
            records += 1
        }
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
        if seconds > 0, pages > 0 { text += String(format: ", %.0f pages/s", Double(pages) / seconds) }
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
