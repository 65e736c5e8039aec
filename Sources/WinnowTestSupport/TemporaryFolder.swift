import Foundation

/// A folder under the system's temporary directory, removed with everything in it when the
/// object goes. A suite keeps one as a stored property: Swift Testing makes a suite instance per
/// test and releases it after, so each test gets its own folder and leaves nothing behind.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    /// `prefix` names the folder (`winnow-cli-…`), for whoever finds one left by a crash.
    public init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A new, empty folder inside this one.
    public func subfolder() throws -> URL {
        let folder = url.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
