/// A problem in a rule file, located to the character: `FILE:LINE:COLUMN: error: MESSAGE`.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// All the problems found while loading a rules folder (loading never stops at the first).
public struct RuleLoadFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [RuleError]

    public init(errors: [RuleError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
