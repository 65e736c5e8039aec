import Foundation

/// Where the repository, its samples and the shared evaluation data are, seen from a test.
public enum Fixtures {
    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public static var samples: URL { repositoryRoot.appendingPathComponent("samples") }
    public static var expected: URL { samples.appendingPathComponent("expected") }

    /// `../shared` beside the repository, when it is there (tests that need it skip otherwise).
    public static var shared: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The project's own site rules (config/), as `winnow clean` loads them by default.
    public static var configFolder: URL { repositoryRoot.appendingPathComponent("config") }

    /// The sample pages, sorted by name.
    public static func samplePages() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        return names.filter { $0.hasSuffix(".html") || $0.hasSuffix(".html.gz") }.sorted().map { samples.appendingPathComponent($0) }
    }

    /// A Python with the test tools (warcio, brotli): `$WINNOW_PYTHON`, else the virtual
    /// environment `.ci/run` makes in `.venv-tools`. nil when neither has warcio (tests skip).
    public static let toolsPython: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["WINNOW_PYTHON"] { candidates.append(URL(fileURLWithPath: path)) }
        candidates.append(repositoryRoot.appendingPathComponent(".venv-tools/bin/python"))
        return candidates.first { candidate in
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { return false }
            return (try? runProgram(candidate, ["-c", "import warcio"]).status) == 0
        }
    }()

    /// Runs a program to its end; returns its exit status and standard error.
    @discardableResult
    public static func runProgram(_ program: URL, _ arguments: [String]) throws -> (status: Int32, standardError: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errorData, as: UTF8.self))
    }
}
