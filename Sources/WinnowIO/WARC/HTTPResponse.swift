#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP/1.x response as a WARC `response` record stores it: status line, header fields,
/// blank line, payload. Only what page reading needs is parsed.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields in order, names lower-cased (they compare case-insensitively).
    public var fields: [(name: String, value: String)]
    /// The payload as stored: still chunked or compressed when the headers say so.
    public var payload: ArraySlice<UInt8>

    /// Heads longer than this are not HTTP heads.
    static let maximumHeadBytes = 256 << 10

    /// The response in a WARC block, or nil when the block does not start with an HTTP status
    /// line followed by a complete head.
    public static func parse(_ block: [UInt8]) -> HTTPResponse? {
        var position = 0
        func nextLine() -> ArraySlice<UInt8>? {
            guard position < block.count, position < maximumHeadBytes else { return nil }
            guard let newline = block.withUnsafeBufferPointer({ buffer -> Int? in
                guard let found = memchr(buffer.baseAddress! + position, 0x0A, buffer.count - position) else { return nil }
                return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }) else { return nil }
            var line = block[position..<newline]
            if line.last == 0x0D { line = line.dropLast() }
            position = newline + 1
            return line
        }
        guard let statusLine = nextLine(), statusLine.starts(with: Array("HTTP/".utf8)) else { return nil }
        let parts = statusLine.split(separator: 0x20, maxSplits: 2)
        guard parts.count >= 2, let status = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
        var fields: [(name: String, value: String)] = []
        while true {
            guard let line = nextLine() else { return nil }
            if line.isEmpty { break }
            if line.first == 0x20 || line.first == 0x09, !fields.isEmpty {
                fields[fields.count - 1].value += " " + String(decoding: line, as: UTF8.self).trimmingSpaces
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            fields.append((HeaderName.lowercased(line[..<colon]).trimmingSpaces, HeaderName.trimmed(line[(colon + 1)...])))
        }
        return HTTPResponse(status: status, fields: fields, payload: block[position...])
    }

    /// The first value of a header field, by case-insensitive name.
    public subscript(name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name == lower }?.value
    }

    /// Whether `Transfer-Encoding` names chunked.
    public var isChunked: Bool {
        self["Transfer-Encoding"]?.lowercased().contains("chunked") ?? false
    }
}

/// A `Content-Type` value split into its media type and charset parameter.
public struct MediaType: Sendable, Equatable {
    /// Lower-cased `type/subtype`, or "" when the value names none.
    public var essence: String
    public var charset: String?

    public init(_ value: String) {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        essence = parts.first.map { String($0).trimmingSpaces.lowercased() } ?? ""
        charset = nil
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, String(pair[0]).trimmingSpaces.lowercased() == "charset" else { continue }
            var label = String(pair[1]).trimmingSpaces
            if label.count >= 2, label.hasPrefix("\"") || label.hasPrefix("'") { label = String(label.dropFirst().dropLast()) }
            if !label.isEmpty { charset = label }
        }
    }

    /// Types whose payload Winnow reads as a page.
    public var isHTML: Bool {
        essence == "text/html" || essence == "application/xhtml+xml"
    }

    /// Types that say nothing about the payload: the payload is sniffed instead.
    public var isUnspecific: Bool {
        essence.isEmpty || essence == "unknown/unknown" || essence == "application/unknown"
            || essence == "application/octet-stream" || essence == "text/plain" && charset == nil
    }
}

/// HTTP/1.1 chunked transfer coding (RFC 9112, section 7.1).
public enum ChunkedCoding {
    /// The payload with its chunk framing removed, or nil when it is not well-formed chunked
    /// data (archives sometimes keep the header but store the payload already de-chunked).
    public static func decode(_ payload: ArraySlice<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(payload.count)
        var position = payload.startIndex
        while true {
            guard let newline = payload[position...].firstIndex(of: 0x0A) else { return nil }
            var sizeLine = payload[position..<newline]
            if let semicolon = sizeLine.firstIndex(of: UInt8(ascii: ";")) { sizeLine = sizeLine[..<semicolon] }
            let sizeText = HeaderName.trimmed(sizeLine)
            // Hex digits only: Int(_:radix:) would also take a sign ("-A" is -10, found by fuzzing).
            guard !sizeText.isEmpty, sizeText.count <= 15, sizeText.allSatisfy(\.isHexDigit), let size = Int(sizeText, radix: 16)
            else { return nil }
            position = newline + 1
            if size == 0 { return output }
            guard payload.endIndex - position >= size else { return nil }
            output.append(contentsOf: payload[position..<position + size])
            position += size
            // The CRLF after the chunk data.
            if position < payload.endIndex, payload[position] == 0x0D { position += 1 }
            if position < payload.endIndex, payload[position] == 0x0A { position += 1 }
            if position >= payload.endIndex { return output }
        }
    }
}
