import ArgumentParser
import Foundation
import Winnow

/// `winnow names check`: the name files, checked as `clean` loads them.
struct Names: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "Check name files (the gazetteer, titles, conventions, transliteration).",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Load name folders and report every error (FILE:LINE:COLUMN) and every name two entries claim.")

        @Argument(help: "Folders (their names/ subfolder or *.yaml); default: config.")
        var folders: [String] = []

        func run() throws {
            let chosen = folders.isEmpty ? ["config"] : folders
            let catalog: NameCatalog
            do {
                catalog = try NameLoader.load(folders: chosen, required: true)
            } catch {
                writeStandardError(error.description)
                writeStandardError("winnow: \(error.errors.count) error\(error.errors.count == 1 ? "" : "s") in the name files")
                throw ExitCode(2)
            }
            for collision in catalog.collisions {
                writeStandardError("winnow: note: \"\(collision.key)\" names both \(collision.kept) (kept) and \(collision.other)")
            }
            let kinds = Dictionary(grouping: catalog.entries, by: \.kind).mapValues(\.count)
            print("names: \(catalog.entries.count) entries (" + NameEntry.Kind.allCases.map { "\(kinds[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
                  + "), \(catalog.collisions.count) shared name\(catalog.collisions.count == 1 ? "" : "s"); no errors")
        }
    }
}
