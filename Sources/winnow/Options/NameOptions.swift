import ArgumentParser
import Foundation
import Winnow

/// Where the name gazetteer comes from: `config/names/` when it exists, then each `--names DIR`
/// (later entries of the same name replace earlier ones). A file with an error stops the run
/// with exit code 2, as site rules do.
struct NameOptions: ParsableArguments {
    @Option(name: .customLong("names"), help: ArgumentHelp("A folder of name files (its names/ subfolder or *.yaml); repeatable.", valueName: "DIR"))
    var folders: [String] = []

    @Flag(help: "No name annotation (no entities in records).")
    var noNames = false

    static let defaultFolder = "config"

    func load() throws -> NameCatalog {
        if noNames { return NameCatalog() }
        do {
            return try NameLoader.load(folders: folders, required: true, optional: [Self.defaultFolder])
        } catch {
            writeStandardError(error.description)
            writeStandardError("winnow: \(error.errors.count) error\(error.errors.count == 1 ? "" : "s") in the name files; no page was processed")
            throw ExitCode(2)
        }
    }
}
