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
}
