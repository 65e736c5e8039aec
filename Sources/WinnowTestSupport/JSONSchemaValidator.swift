import Foundation
import WinnowIO

/// Validates JSON values against the subset of JSON Schema (2020-12) that Winnow's schema
/// uses: type, properties, required, additionalProperties, items, enum, const, minimum,
/// minLength, pattern, oneOf and local `$ref`s into `$defs`.
public struct JSONSchemaValidator {
    private let root: JSONValue

    public init(schemaFile: URL) throws {
        root = try JSONParser.parse(try String(contentsOf: schemaFile, encoding: .utf8))
    }

    public struct ValidationFailure: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// Every violation found (empty when the value is valid).
    public func validate(jsonLine: String) -> [ValidationFailure] {
        do {
            return validate(try JSONParser.parse(jsonLine), against: root, path: "$")
        } catch {
            return [ValidationFailure(path: "$", message: "\(error)")]
        }
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard case .string(let reference)? = schema["$ref"], reference.hasPrefix("#/$defs/") else { return schema }
        return root["$defs"]?[String(reference.dropFirst("#/$defs/".count))] ?? .object([])
    }

    private func validate(_ value: JSONValue, against rawSchema: JSONValue, path: String) -> [ValidationFailure] {
        let schema = resolve(rawSchema)
        var failures: [ValidationFailure] = []
        if case .array(let alternatives)? = schema["oneOf"] {
            let passing = alternatives.filter { validate(value, against: $0, path: path).isEmpty }.count
            if passing != 1 { failures.append(ValidationFailure(path: path, message: "matches \(passing) of the oneOf alternatives, not exactly 1")) }
        }
        if let type = schema["type"] {
            var allowed: [String] = []
            if case .string(let single) = type { allowed = [single] }
            if case .array(let many) = type { allowed = many.compactMap { if case .string(let name) = $0 { return name } else { return nil } } }
            if !allowed.contains(where: { Self.hasType(value, $0) }) {
                return failures + [ValidationFailure(path: path, message: "expected \(allowed.joined(separator: " or ")), got \(Self.typeName(value))")]
            }
        }
        if let constant = schema["const"], constant != value {
            failures.append(ValidationFailure(path: path, message: "expected the constant \(constant.serialized())"))
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            failures.append(ValidationFailure(path: path, message: "\(value.serialized()) is not one of \(JSONValue.array(options).serialized())"))
        }
        if let minimum = Self.number(schema["minimum"]), let number = Self.number(value), number < minimum {
            failures.append(ValidationFailure(path: path, message: "\(number) is below \(minimum)"))
        }
        if case .string(let string) = value {
            if let minLength = Self.number(schema["minLength"]), Double(string.count) < minLength {
                failures.append(ValidationFailure(path: path, message: "shorter than \(Int(minLength))"))
            }
            if case .string(let pattern)? = schema["pattern"], string.range(of: pattern, options: .regularExpression) == nil {
                failures.append(ValidationFailure(path: path, message: "\"\(string)\" does not match \(pattern)"))
            }
        }
        if case .object(let members) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where value[name] == nil {
                    failures.append(ValidationFailure(path: path, message: "missing required \"\(name)\""))
                }
            }
            for (name, member) in members {
                if let propertySchema = schema["properties"]?[name] {
                    failures += validate(member, against: propertySchema, path: path + "." + name)
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        failures.append(ValidationFailure(path: path, message: "unexpected field \"\(name)\""))
                    } else if case .object = additional {
                        failures += validate(member, against: additional, path: path + "." + name)
                    }
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (offset, item) in items.enumerated() { failures += validate(item, against: itemSchema, path: "\(path)[\(offset)]") }
        }
        return failures
    }

    private static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let number)?: return Double(number)
        case .double(let number)?: return number
        default: return nil
        }
    }

    private static func hasType(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("null", .null), ("boolean", .bool),
            ("integer", .int), ("number", .int), ("number", .double):
            return true
        case ("integer", .double(let number)): return number == number.rounded()
        default: return false
        }
    }

    private static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        }
    }
}
