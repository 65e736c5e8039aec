import Foundation

// Turns vocabulary data files into one Swift file: `VocabularyData.lines`, every
// `key: value` line of every file with its file name (the category) and line number.
// Unknown keys and malformed lines stop the build with FILE:LINE: error messages, so a typo in
// a data file is caught like a typo in code.
//
// Usage: VocabularyCompiler OUTPUT.swift FILE.vocab...

let knownKeys: Set<String> = [
    "class", "exact", "prefix", "contains", "positive", "bodyName", "hidingClass", "embedWord", "relatedHeading",
    "stem", "role", "weak", "priority",
]

var arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.popFirst(), !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: VocabularyCompiler OUTPUT.swift FILE.vocab...\n".utf8))
    exit(2)
}

func literal(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case "\t": escaped += "\\t"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return "\"" + escaped + "\""
}

var entries: [String] = []
var failed = false
for path in arguments {
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path):1: error: cannot read the file\n".utf8))
        failed = true
        continue
    }
    for (offset, rawLine) in text.components(separatedBy: "\n").enumerated() {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.hasPrefix("#") { continue }
        guard let colon = line.firstIndex(of: ":") else {
            FileHandle.standardError.write(Data("\(path):\(offset + 1): error: expected 'key: value'\n".utf8))
            failed = true
            continue
        }
        let key = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        var value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        // A value in double quotes keeps its spaces: `prefix: "© "`.
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        guard knownKeys.contains(key) else {
            let known = knownKeys.sorted().joined(separator: ", ")
            FileHandle.standardError.write(Data("\(path):\(offset + 1): error: unknown key '\(key)' (expected one of: \(known))\n".utf8))
            failed = true
            continue
        }
        guard !value.isEmpty else {
            FileHandle.standardError.write(Data("\(path):\(offset + 1): error: '\(key)' has no value\n".utf8))
            failed = true
            continue
        }
        entries.append("        (\(literal(name)), \(literal(key)), \(literal(value)), \(offset + 1)),")
    }
}
if failed { exit(1) }

let source = """
    // Generated at build time by VocabularyCompiler from Sources/Winnow/Stages/Strip/Vocabulary/*.vocab.
    // Edit those files, not this one.

    enum VocabularyData {
        /// (file name without extension, key, value, line) for every line of every vocabulary file.
        static let lines: [(file: String, key: String, value: String, line: Int)] = [
    \(entries.joined(separator: "\n"))
        ]
    }

    """
do {
    try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
