import Foundation

/// Runs the built `winnow` executable, as a user would, and captures what it printed.
public enum WinnowBinary {
    public struct Output {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        public var lines: [String] { standardOutput.split(separator: "\n").map(String.init) }
    }

    /// The executable beside the test bundle (`swift build` puts both in the same folder).
    public static var url: URL {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleFolder, bundleFolder.deletingLastPathComponent()]
            + [".build/debug", ".build/release"].map { Fixtures.repositoryRoot.appendingPathComponent($0) }
        for folder in candidates {
            let candidate = folder.appendingPathComponent("winnow")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/winnow")
    }

    public static func run(_ arguments: [String], standardInput: Data? = nil, in directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let standardInput { inputPipe.fileHandleForWriting.write(standardInput) }
        try inputPipe.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let errorReader = PipeDrain(errorPipe.fileHandleForReading)
        let outputData = outputPipe.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorReader.finish()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
    }
}

/// Reads a pipe to its end on another thread.
private final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
