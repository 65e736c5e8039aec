import ArgumentParser
import Foundation
import Winnow

/// Where site rules come from: `config/` when it exists, then each `--rules DIR` in order
/// (later folders override earlier ones file by file). A rule file with an error stops the run
/// before any page is read, with exit code 2.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A folder of site rules (its sites/ subfolder or *.yaml); repeatable, later ones override.", valueName: "DIR"))
    var folders: [String] = []

    @Flag(help: "Use no site rules, not even config/.")
    var noRules = false

    static let defaultFolder = "config"

    func load() throws -> RuleSet {
        if noRules { return RuleSet() }
        // config/ is optional; folders named with --rules must exist. Later folders win file by file.
        let standardized = Set(folders.map { ($0 as NSString).standardizingPath })
        let defaults = standardized.contains(Self.defaultFolder) ? RuleSet() : try Self.loadOrExit([Self.defaultFolder], required: false)
        let chosen = try Self.loadOrExit(folders)
        let chosenNames = Set(chosen.rules.map { ($0.file as NSString).lastPathComponent })
        return RuleSet(rules: defaults.rules.filter { !chosenNames.contains(($0.file as NSString).lastPathComponent) } + chosen.rules)
    }

    /// Loads rules, or prints every error (FILE:LINE:COLUMN) and exits with code 2. With
    /// `checkingTestPages`, a test whose page is missing is an error too.
    static func loadOrExit(_ folders: [String], required: Bool = true, checkingTestPages: Bool = false) throws -> RuleSet {
        var outcome: Result<RuleSet, RuleLoadFailure>
        do { outcome = .success(try RuleLoader.load(folders: folders, required: required)) } catch { outcome = .failure(error) }
        if checkingTestPages, case .success(let set) = outcome {
            let missing = RuleLoader.missingTestPages(set)
            if !missing.isEmpty { outcome = .failure(RuleLoadFailure(errors: missing)) }
        }
        switch outcome {
        case .success(let set):
            return set
        case .failure(let failure):
            writeStandardError(failure.description)
            writeStandardError("winnow: \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s") in the site rules; no page was processed")
            throw ExitCode(2)
        }
    }
}
