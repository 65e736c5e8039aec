import ArgumentParser
import Foundation

@main
struct WinnowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winnow",
        abstract: "Turn crawled web pages into clean, normalized JSON Lines records.",
        subcommands: [Clean.self, Explain.self, List.self, Eval.self, Rules.self, Names.self],
        defaultSubcommand: Clean.self)

    /// Exit codes: 0 all pages became records; 1 some pages were rejected; 2 bad usage or
    /// configuration; 3 input or output failed.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(error is RunFailure ? 3 : 2)
        }
    }
}

/// A failure of input or output, which ends the run with exit code 3.
struct RunFailure: Error, CustomStringConvertible {
    var description: String
}

enum ExitCodes {
    static let someRejected = ExitCode(1)
}

func writeStandardError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
