#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns command-line arguments (files, folders, `-`) into the ordered list of pages to read.
/// Folders are walked recursively in byte-wise path order, so runs are deterministic.
public struct InputCollector {
    /// File name endings that a folder walk reads (each also with `.gz`): HTML pages, flat
    /// text pages, JSON Lines files of pages, and WARC archives (WET files too).
    public static let pageExtensions = [".html", ".htm", ".xhtml", ".txt", ".jsonl", ".ndjson", ".warc", ".wet"]

    public init() {}

    /// A page to read later: enough to produce its id and open it.
    public struct Entry: Sendable, Equatable {
        public var id: String
        /// nil for standard input.
        public var path: String?
        public var compression: InputPage.Compression
    }

    /// What the walk found, including what it skipped and why.
    public struct Listing: Sendable {
        public var entries: [Entry] = []
        /// Files inside folders that are not pages (by extension), counted, not read.
        public var skippedFiles: Int = 0
        /// Arguments that name nothing: each becomes a page that is rejected at the read stage.
        public var missing: [String] = []
    }

    public func collect(_ arguments: [String]) -> Listing {
        var listing = Listing()
        for argument in arguments {
            if argument == "-" {
                listing.entries.append(Entry(id: "-", path: nil, compression: .none))
                continue
            }
            switch FileKind.of(argument) {
            case .directory:
                walk(folder: argument, into: &listing)
            case .file:
                listing.entries.append(
                    Entry(id: Self.fileName(argument), path: argument, compression: Self.compression(of: argument)))
            case .missing:
                listing.missing.append(argument)
                listing.entries.append(Entry(id: Self.fileName(argument), path: argument, compression: .none))
            }
        }
        return listing
    }

    /// Whether a file name ends like a page Winnow reads from a folder.
    public static func isPageName(_ name: String) -> Bool {
        let lower = name.lowercased()
        let plain = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
        return pageExtensions.contains { plain.hasSuffix($0) }
    }

    static func compression(of path: String) -> InputPage.Compression {
        path.lowercased().hasSuffix(".gz") ? .gzip : .none
    }

    static func fileName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "/").last.map(String.init) ?? path
    }

    private func walk(folder: String, into listing: inout Listing) {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var found: [Entry] = []
        // An explicit stack of relative folder paths instead of recursion.
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? base : base + "/" + relative
            for name in Self.listDirectory(directory) where !name.hasPrefix(".") {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let childPath = base + "/" + childRelative
                switch FileKind.of(childPath) {
                case .directory:
                    pending.append(childRelative)
                case .file where Self.isPageName(name):
                    found.append(Entry(id: childRelative, path: childPath, compression: Self.compression(of: name)))
                case .file:
                    listing.skippedFiles += 1
                case .missing:
                    continue
                }
            }
        }
        // Byte-wise order of the relative paths: the same on every file system and locale. The
        // UTF-8 views are compared in place (an array of each path per comparison cost more
        // than reading the folder).
        found.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        listing.entries.append(contentsOf: found)
    }

    private static func listDirectory(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

enum FileKind {
    case file, directory, missing

    static func of(_ path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }
}
