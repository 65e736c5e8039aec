/// Guesses the charset of a page that declares none and is not UTF-8, from what its text looks
/// like in each candidate: every candidate decodes the page's bytes, and the decoding that reads
/// most like real text wins. Evidence, per non-ASCII character:
///  - U+FFFD (bytes the charset cannot decode): strongly against;
///  - C1 controls and private-use characters: against (what a wrong single-byte table yields);
///  - a symbol between two letters: against ("Ã©t±" rather than "état");
///  - a letter of the script the charset is for: for; for Cyrillic and Latin, lower case more
///    (KOI8-R read as windows-1251 comes out in capitals); for CJK, kana (Japanese), Hangul
///    (Korean) and the most common Han characters of simplified and traditional writing.
/// With no non-ASCII text at all, or no clear winner, the result is windows-1252, as browsers do.
enum DetectCharset {
    static let candidates = ["windows-1252", "ISO-8859-2", "windows-1251", "KOI8-R", "Shift_JIS", "EUC-JP", "gb18030", "Big5", "EUC-KR"]

    /// How many bytes are inspected: enough text for a verdict, bounded cost.
    static let sampleBytes = 64 * 1024

    static func detect(_ bytes: ArraySlice<UInt8>) -> String {
        let sample = bytes.prefix(sampleBytes)
        guard sample.contains(where: { $0 >= 0x80 }) else { return "windows-1252" }
        var best = (encoding: "windows-1252", score: -Double.infinity)
        for candidate in candidates {
            let decoded = String(decoding: Transcode.toUTF8(sample, encoding: candidate).utf8, as: UTF8.self)
            let score = Self.score(decoded, for: candidate, truncated: sample.count < bytes.count)
            if score > best.score { best = (candidate, score) }
        }
        return best.encoding
    }

    enum Script { case latin, cyrillic, japanese, chinese, korean }

    static func script(of encoding: String) -> Script {
        switch encoding {
        case "windows-1251", "KOI8-R": return .cyrillic
        case "Shift_JIS", "EUC-JP": return .japanese
        case "gb18030", "Big5": return .chinese
        case "EUC-KR": return .korean
        default: return .latin
        }
    }

    /// Average evidence per non-ASCII character (higher reads more like text).
    static func score(_ text: String, for encoding: String, truncated: Bool) -> Double {
        let scalars = Array(text.unicodeScalars)
        let script = script(of: encoding)
        var total = 0.0
        var count = 0
        // A multibyte character cut by the sample's end is not evidence.
        let end = truncated ? max(0, scalars.count - 2) : scalars.count
        var run = 0  // letters since the last space or punctuation
        for index in 0..<end {
            let scalar = scalars[index]
            run = scalar.properties.isAlphabetic ? run + 1 : 0
            guard scalar.value >= 0x80 else { continue }
            count += 1
            let previous = index > 0 ? scalars[index - 1] : " "
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            var value = evidence(scalar, previous: previous, next: next, script: script)
            if script == .korean {
                // Korean puts a space every few syllables, and seldom sets Han beside Hangul inside a
                // word; text misread through the Korean table does both.
                if run > 8 { value = min(value, -1) }
                if isHan(scalar.value), isHangul(previous.value) || isHangul(next.value) { value = -2 }
            }
            total += value
        }
        return count == 0 ? -Double.infinity : total / Double(count)
    }

    private static func evidence(_ scalar: Unicode.Scalar, previous: Unicode.Scalar, next: Unicode.Scalar, script: Script) -> Double {
        let value = scalar.value
        if value == 0xFFFD { return -8 }
        if (0x80...0x9F).contains(value) || (0xE000...0xF8FF).contains(value) { return -4 }
        let properties = scalar.properties
        let cjk = isHan(value) || isHangul(value) || (0x3040...0x30FF).contains(value)
        // A CJK character glued to a Latin letter ("Myanmar痴") is a single-byte page misread.
        if cjk, isASCIILetter(previous) || isASCIILetter(next) { return -2 }
        // Curly quotes, dashes, ellipses: typography, in any script's charset (CJK charsets carry
        // them as two-byte characters, which is all the evidence an English page gives).
        if (0x2010...0x2027).contains(value) { return 1 }
        if !properties.isAlphabetic {
            // Symbols and punctuation are fine between words, suspicious inside one.
            return previous.properties.isAlphabetic && next.properties.isAlphabetic && !(0x3000...0x303F).contains(value) ? -2 : 0
        }
        switch script {
        case .latin:
            guard (0xC0...0x24F).contains(value) else { return -1 }
            if properties.isUppercase, previous.properties.isLowercase { return -1.5 }  // "čŘ": bytes of another script
            return properties.isLowercase ? 1.5 : 0.5
        case .cyrillic:
            guard (0x400...0x4FF).contains(value) else { return -1 }
            if properties.isUppercase, previous.properties.isLowercase { return -1.5 }  // "фЁдЖ": two-byte text misread
            return properties.isLowercase ? 1.5 : 0.2
        case .japanese:
            if (0x3040...0x30FF).contains(value) { return 2 }  // kana
            return isHan(value) ? 0.8 : -1
        case .korean:
            if (0xAC00...0xD7A3).contains(value) { return 2 }  // Hangul syllables
            return isHan(value) ? 0.3 : -1
        case .chinese:
            guard isHan(value) else { return (0x3040...0x30FF).contains(value) ? -0.5 : -1 }
            return commonHan.contains(scalar) ? 2 : 0.6
        }
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    private static func isHangul(_ value: UInt32) -> Bool { (0xAC00...0xD7A3).contains(value) }

    private static func isHan(_ value: UInt32) -> Bool { (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) }

    /// The most frequent Han characters of running Chinese text, simplified and traditional forms
    /// both: a wrong double-byte table turns text into rare characters, a right one into these.
    private static let commonHan: Set<Unicode.Scalar> = Set(
        ("的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
            + "這個們來為國說時會對於著過發後裡用们学学習學家多经經分現现成部同所工事方公新民道动動")
            .unicodeScalars)
}
