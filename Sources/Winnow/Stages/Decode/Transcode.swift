internal import CICUConvert

/// Converts page bytes to UTF-8. UTF-8 input is validated and passed through (invalid
/// sequences become U+FFFD); everything else goes through ICU's converters, which also
/// substitute U+FFFD for bytes that map to nothing. Never fails and never crashes.
enum Transcode {
    struct Output {
        var utf8: [UInt8]
        /// Set when the encoding had to be replaced by another (an encoding ICU lacks).
        var fallbackNote: String?
        /// How many invalid sequences became U+FFFD (counted for UTF-8 input only).
        var replacedSequences: Int
    }

    /// `knownValidUTF8`: the sniffer already validated these bytes (saves a second pass).
    static func toUTF8(_ bytes: ArraySlice<UInt8>, encoding: String, knownValidUTF8: Bool? = nil) -> Output {
        switch encoding {
        case "UTF-8":
            if knownValidUTF8 == true { return Output(utf8: Array(bytes), fallbackNote: nil, replacedSequences: 0) }
            return utf8PassThrough(bytes)
        case "replacement":
            // The WHATWG "replacement" encoding: the whole input is one error.
            return Output(utf8: bytes.isEmpty ? [] : Array("\u{FFFD}".utf8), fallbackNote: nil, replacedSequences: 1)
        case "x-user-defined":
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            for byte in bytes {
                if byte < 0x80 { output.append(byte) } else {
                    output.append(contentsOf: String(Unicode.Scalar(0xF700 + UInt32(byte))!).utf8)
                }
            }
            return Output(utf8: output, fallbackNote: nil, replacedSequences: 0)
        default:
            guard let converter = EncodingLabels.icuConverterName(for: encoding), icuHas(converter) else {
                var output = viaICU(bytes, converter: "windows-1252")
                output.fallbackNote = "no converter for \(encoding); decoded as windows-1252"
                return output
            }
            return viaICU(bytes, converter: converter)
        }
    }

    private static func utf8PassThrough(_ bytes: ArraySlice<UInt8>) -> Output {
        let valid = bytes.withUnsafeBufferPointer { UTF8Validation.classify($0) != .invalid }
        if valid { return Output(utf8: Array(bytes), fallbackNote: nil, replacedSequences: 0) }
        let repaired = String(decoding: bytes, as: UTF8.self)
        var replaced = 0
        for scalar in repaired.unicodeScalars where scalar == "\u{FFFD}" { replaced += 1 }
        let original = bytes.withUnsafeBufferPointer { countReplacementCharacters(in: $0) }
        return Output(utf8: Array(repaired.utf8), fallbackNote: nil, replacedSequences: max(0, replaced - original))
    }

    private static func countReplacementCharacters(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD { count += 1; index += 3 } else { index += 1 }
        }
        return count
    }

    private static func viaICU(_ bytes: ArraySlice<UInt8>, converter: String) -> Output {
        guard !bytes.isEmpty else { return Output(utf8: [], fallbackNote: nil, replacedSequences: 0) }
        // One input byte never yields more than 3 UTF-8 bytes in these encodings (a BMP
        // character or U+FFFD); 4-byte GB18030 sequences yield at most 4.
        if let output = convert(Array(bytes), converter: converter, capacity: bytes.count * 3 + 16, winnow_icu_to_utf8) {
            return Output(utf8: output, fallbackNote: nil, replacedSequences: 0)
        }
        // ICU failed outright: keep the ASCII readable rather than lose the page.
        let fallback = String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        return Output(utf8: Array(fallback.utf8), fallbackNote: "ICU could not convert from \(converter)", replacedSequences: 0)
    }

    typealias ICUConversion = (UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<CChar>?, Int32,
                               UnsafeMutablePointer<Int32>?) -> Int32

    /// Runs one ICU conversion over `source` into a buffer of `capacity` bytes, growing it once
    /// if ICU asks for more; nil when ICU fails.
    private static func convert(_ source: [UInt8], converter: String, capacity initial: Int, _ conversion: ICUConversion) -> [UInt8]? {
        var capacity = initial
        for _ in 0..<2 {
            var output = [UInt8](repeating: 0, count: capacity)
            var status: Int32 = 0
            let written = source.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { target in
                    input.withMemoryRebound(to: CChar.self) { inputChars in
                        target.withMemoryRebound(to: CChar.self) { targetChars in
                            conversion(converter, inputChars.baseAddress, Int32(inputChars.count), targetChars.baseAddress,
                                       Int32(targetChars.count), &status)
                        }
                    }
                }
            }
            if status == 1 { capacity = Int(written) + 16; continue }
            guard status == 0 else { return nil }
            return Array(output[..<Int(written)])
        }
        return nil
    }

    /// UTF-8 text in a legacy charset (for tests and tools that need pages in one).
    static func fromUTF8(_ text: String, encoding: String) -> [UInt8]? {
        guard let converter = EncodingLabels.icuConverterName(for: encoding) else { return nil }
        return convert(Array(text.utf8), converter: converter, capacity: text.utf8.count * 4 + 16, winnow_icu_from_utf8)
    }

    nonisolated(unsafe) private static var availability: [String: Bool] = [:]
    private static let availabilityLock = PthreadMutex()

    private static func icuHas(_ converter: String) -> Bool {
        availabilityLock.withLock {
            if let known = availability[converter] { return known }
            let has = winnow_icu_has_converter(converter) != 0
            availability[converter] = has
            return has
        }
    }
}
