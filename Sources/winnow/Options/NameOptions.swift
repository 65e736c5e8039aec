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
            Self.report(error)
            throw ExitCode(2)
        }
    }

    /// Starts loading on a thread of its own; the run goes on meanwhile. `BackgroundNames.check`
    /// reports a failure (and the run stops) before anything is written.
    func loadInBackground() -> BackgroundNames {
        let background = BackgroundNames()
        let (folders, defaultFolder) = (self.folders, Self.defaultFolder)
        Thread.detachNewThread {
            do throws(RuleLoadFailure) {
                background.pending.fulfil(try NameLoader.load(folders: folders, required: true, optional: [defaultFolder]))
            } catch {
                background.fail(error)
                background.pending.fulfil(NameCatalog())
            }
        }
        return background
    }

    static func report(_ error: RuleLoadFailure) {
        writeStandardError(error.description)
        writeStandardError("winnow: \(error.errors.count) error\(error.errors.count == 1 ? "" : "s") in the name files; no page was processed")
    }
}

/// The names folder loading beside the first pages (`NameOptions.loadInBackground`).
final class BackgroundNames: @unchecked Sendable {
    let pending = PendingNames()
    private let lock = NSLock()
    private var failure: RuleLoadFailure?

    func fail(_ error: RuleLoadFailure) {
        lock.lock()
        failure = error
        lock.unlock()
    }

    /// Waits for the load; reports and throws when it failed.
    func check() throws {
        _ = pending.wait()
        lock.lock()
        let failure = self.failure
        lock.unlock()
        if let failure {
            NameOptions.report(failure)
            throw ExitCode(2)
        }
    }
}
