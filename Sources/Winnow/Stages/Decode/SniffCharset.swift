import Foundation

/// Decides a page's character encoding the way browsers do: byte order mark, then a charset
/// from the transport (HTTP header, when the container gives one), then the `<meta>` prescan
/// of the first 1024 bytes; with no declaration, valid UTF-8 is UTF-8 and anything else is
/// windows-1252. One correction browsers do not make: a page that declares a legacy single-byte
/// charset but whose bytes are valid, non-ASCII UTF-8 is read as UTF-8 (a common server
/// misconfiguration that would otherwise turn every accented letter into mojibake).
public struct SniffCharset: Sendable {
    public init() {}

    public struct Result: Sendable, Equatable {
        /// WHATWG canonical name, for example "windows-1252".
        public var encoding: String
        /// bom, http, meta, sniffed (valid UTF-8 without or against a declaration), detected
        /// (no label, not UTF-8: `DetectCharset`), default.
        public var source: String
        /// Bytes of byte order mark to skip.
        public var bomLength: Int
        /// The label as written, when it differs from what was used.
        public var declaredLabel: String?
        /// Whether the bytes (after any BOM) are well-formed UTF-8, when sniffing found out.
        var isValidUTF8: Bool?
    }

    public func sniff(_ bytes: [UInt8], transportLabel: String? = nil) -> Result {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return Result(encoding: "UTF-8", source: "bom", bomLength: 3)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return Result(encoding: "UTF-16BE", source: "bom", bomLength: 2)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return Result(encoding: "UTF-16LE", source: "bom", bomLength: 2)
        }
        if let transportLabel, let encoding = Self.resolve(label: transportLabel) {
            return Result(encoding: encoding, source: "http", bomLength: 0)
        }
        if let utf16 = Self.utf16WithoutBOM(bytes) {
            return Result(encoding: utf16, source: "detected", bomLength: 0)
        }
        let declared: (label: String, encoding: String)? = bytes.withUnsafeBufferPointer { buffer in
            // The standard scans 1024 bytes; pages whose meta comes later (after long inline
            // scripts) are common, so a second, longer scan runs when the first finds nothing.
            for limit in [1024, 64 * 1024] {
                if let label = MetaPrescan.findLabel(in: buffer, limit: limit) {
                    guard var encoding = Self.resolve(label: label) else { continue }
                    // A meta tag cannot truthfully declare UTF-16: the bytes it was read from are ASCII.
                    if encoding.hasPrefix("UTF-16") || encoding == "x-user-defined" {
                        encoding = encoding == "x-user-defined" ? "windows-1252" : "UTF-8"
                    }
                    return (label, encoding)
                }
                if buffer.count <= limit { break }
            }
            return nil
        }
        let utf8 = UTF8Validation.classify(bytes)
        let valid = utf8 != .invalid
        if let declared {
            if declared.encoding != "UTF-8", utf8 == .validWithMultibyte, Self.isSingleByteLegacy(declared.encoding) {
                return Result(encoding: "UTF-8", source: "sniffed", bomLength: 0, declaredLabel: declared.label, isValidUTF8: true)
            }
            return Result(encoding: declared.encoding, source: "meta", bomLength: 0,
                          declaredLabel: declared.label == declared.encoding.lowercased() ? nil : declared.label, isValidUTF8: valid)
        }
        if valid { return Result(encoding: "UTF-8", source: utf8 == .ascii ? "default" : "sniffed", bomLength: 0, isValidUTF8: true) }
        // No label and not UTF-8: guess from what the text looks like in each candidate charset.
        return Result(encoding: DetectCharset.detect(bytes[...]), source: "detected", bomLength: 0, isValidUTF8: false)
    }

    /// UTF-16 written without a byte order mark: markup and Latin text put a zero byte in every
    /// other position (the high byte of each ASCII character), and only there.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(1024)
        guard sample.count >= 64 else { return nil }
        var zerosAtEven = 0
        var zerosAtOdd = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
        }
        let pairs = sample.count / 2
        if zerosAtOdd * 10 >= pairs * 6, zerosAtEven * 20 <= pairs { return "UTF-16LE" }
        if zerosAtEven * 10 >= pairs * 6, zerosAtOdd * 20 <= pairs { return "UTF-16BE" }
        return nil
    }

    /// The canonical encoding for a label, per the WHATWG table (labels are trimmed and
    /// compared case-insensitively).
    public static func resolve(label: String) -> String? {
        let trimmed = label.trimmedASCII().lowercased()
        return EncodingLabels.canonicalName(forLabel: trimmed)
    }

    private static func isSingleByteLegacy(_ encoding: String) -> Bool {
        encoding.hasPrefix("windows-") || encoding.hasPrefix("ISO-8859") || encoding.hasPrefix("KOI8")
            || encoding == "IBM866" || encoding == "macintosh" || encoding == "x-mac-cyrillic"
    }
}

/// Fast UTF-8 well-formedness check (Unicode Table 3-7: no overlongs, no surrogates, ≤ U+10FFFF).
enum UTF8Validation {
    enum Verdict { case ascii, validWithMultibyte, invalid }

    static func classify(_ bytes: [UInt8]) -> Verdict {
        bytes.withUnsafeBufferPointer { classify($0) }
    }

    static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        var index = 0
        var sawMultibyte = false
        let count = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress)
        while index < count {
            // ASCII fast path: eight bytes at a time while no high bit is set.
            if let base {
                while index + 8 <= count, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                if index >= count { break }
            }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            sawMultibyte = true
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .invalid
            }
            guard index + length <= count else { return .invalid }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return .invalid }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return .invalid }
            index += length
        }
        return sawMultibyte ? .validWithMultibyte : .ascii
    }
}
