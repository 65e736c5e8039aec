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
        try report(loadResult())
    }

    /// The catalog or its errors, unreported: `clean` loads it on a second thread while the
    /// site rules load, and reports it after them. `parallel` parses the files on several threads.
    func loadResult(parallel: Bool = false) -> Result<NameCatalog, RuleLoadFailure> {
        if noNames { return .success(NameCatalog()) }
        do {
            return .success(try NameLoader.load(folders: folders, required: true, optional: [Self.defaultFolder], parallel: parallel))
        } catch {
            return .failure(error)
        }
    }

    /// The catalog, or its errors on standard error and exit code 2.
    func report(_ result: Result<NameCatalog, RuleLoadFailure>) throws -> NameCatalog {
        switch result {
        case .success(let catalog): return catalog
        case .failure(let error):
            writeStandardError(error.description)
            writeStandardError("winnow: \(error.errors.count) error\(error.errors.count == 1 ? "" : "s") in the name files; nothing was written")
            throw ExitCode(2)
        }
    }
}
