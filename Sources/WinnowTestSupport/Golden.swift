import Foundation

/// Golden files: compares text with a file, line by line. With `WINNOW_RECORD=1` in the
/// environment it writes the file instead and reports a failure, so a recording run can never
/// pass by accident (CI does not set the variable).
public enum Golden {
    public enum Outcome: Equatable {
        case matches
        case recorded(String)
        case differs(String)
        case missing(String)
    }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["WINNOW_RECORD"] == "1" }

    public static func compare(_ actual: String, with file: URL) -> Outcome {
        if isRecording {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return .recorded("recorded \(file.lastPathComponent); run again without WINNOW_RECORD to check it")
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return .missing("no golden file \(file.path); run with WINNOW_RECORD=1 to create it")
        }
        if expected == actual { return .matches }
        return .differs(lineDiff(expected: expected, actual: actual, label: file.lastPathComponent))
    }

    /// The first differing lines, `-` expected and `+` actual, with line numbers.
    public static func lineDiff(expected: String, actual: String, label: String, limit: Int = 12) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report = ["\(label) differs:"]
        for index in 0..<max(left.count, right.count) where report.count <= limit * 2 {
            let expectedLine = index < left.count ? String(left[index]) : nil
            let actualLine = index < right.count ? String(right[index]) : nil
            guard expectedLine != actualLine else { continue }
            if let expectedLine { report.append("  \(index + 1) - \(expectedLine)") }
            if let actualLine { report.append("  \(index + 1) + \(actualLine)") }
        }
        return report.joined(separator: "\n")
    }
}
