import Foundation
import PackagePlugin

/// Compiles the boilerplate vocabulary data files (`*.vocab`) of a target into Swift source at
/// build time, so the `winnow` binary carries them and needs no data folder beside it.
@main
struct EmbedVocabulary: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = target.sourceFiles(withSuffix: "vocab").map(\.url).sorted { $0.path < $1.path }
        guard !inputs.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "VocabularyData.swift")
        return [
            .buildCommand(
                displayName: "Compiling \(inputs.count) vocabulary files",
                executable: try context.tool(named: "VocabularyCompiler").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
