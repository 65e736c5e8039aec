import Dispatch
import Foundation

/// A one-line progress display on standard error, redrawn at most four times a second, only
/// when standard error is a terminal (pipes and log files get the closing summary alone).
struct Progress {
    private let enabled: Bool
    private let started = DispatchTime.now()
    private var lastDraw: UInt64 = 0
    /// Pages the run will see, when known (every input a single page file).
    let expectedPages: Int?

    init(enabled: Bool, expectedPages: Int?) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
        self.expectedPages = expectedPages
    }

    mutating func update(_ summary: RunSummary, bytes: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 250_000_000 else { return }
        lastDraw = now
        let seconds = Double(now - started.uptimeNanoseconds) / 1e9
        var line = "winnow: \(summary.pages) pages, \(summary.rejected) rejected"
        if seconds > 0 {
            line += String(format: ", %.0f pages/s, %.1f MB/s", Double(summary.pages) / seconds, Double(bytes) / 1e6 / seconds)
        }
        if let expectedPages, summary.pages > 0, seconds > 0, expectedPages > summary.pages {
            let remaining = Double(expectedPages - summary.pages) / (Double(summary.pages) / seconds)
            line += String(format: ", %d%%, ETA %d:%02d", summary.pages * 100 / expectedPages, Int(remaining) / 60, Int(remaining) % 60)
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    /// Clears the line before the summary is written.
    func finish() {
        guard enabled, lastDraw > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
