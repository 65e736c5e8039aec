/// Reads one date (and optional time) written the ways pages write them, and gives ISO 8601
/// at the precision written: `2021-06-22`, `2021-06-24T02:39`, `2021-06-22T10:00:00+02:00`.
///
/// Accepts ISO 8601 and RFC 3339 (`2021-06-22T10:00:00Z`), RFC 2822 (`Tue, 22 Jun 2021
/// 10:00:00 GMT`), month names in either order (`June 22, 2021`, `22 June 2021`, `Jun. 22,
/// 2021`), with a weekday, ordinal suffixes and 12- or 24-hour times (`02:39 AM`), and numeric
/// `2021/06/22`, `22.06.2021`. Numeric day/month orders that cannot be told apart (`03/04/2021`)
/// are refused rather than guessed. The whole string must be a date: prose returns nil.
public enum DateParser {
    public struct Parsed: Equatable, Sendable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int?
        public var minute: Int?
        public var second: Int?
        /// Offset from UTC in minutes, when the text gives one.
        public var offsetMinutes: Int?

        public var iso8601: String {
            var text = DateParser.padded(year, 4) + "-" + DateParser.padded(month, 2) + "-" + DateParser.padded(day, 2)
            guard let hour, let minute else { return text }
            text += "T" + DateParser.padded(hour, 2) + ":" + DateParser.padded(minute, 2)
            if let second { text += ":" + DateParser.padded(second, 2) }
            if let offsetMinutes {
                if offsetMinutes == 0 { return text + "Z" }
                let sign = offsetMinutes < 0 ? "-" : "+"
                let magnitude = abs(offsetMinutes)
                text += sign + DateParser.padded(magnitude / 60, 2) + ":" + DateParser.padded(magnitude % 60, 2)
            }
            return text
        }
    }

    /// `value` in decimal, zero-padded to `width` characters as `printf`'s `%0Nd` writes it (the
    /// sign counts in the width): ISO 8601 fields here and in date mentions, without
    /// `String(format:)`, which goes through Foundation.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }

    public static func parse(_ text: String) -> Parsed? {
        let trimmed = text.trimmedASCII()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 80, hasYearDigits(trimmed) else { return nil }
        // ISO forms open with the year's four digits: other texts skip that reader.
        if let first = trimmed.utf8.first, first >= 0x30 && first <= 0x39,
           let iso = trimmed.withUTF8Bytes({ parseISO($0) }) { return iso }
        return parseWords(trimmed)
    }

    /// Every form read here writes the year as four ASCII digits (1900–2200), alone or opening
    /// a compact `20210622`: a text without a run of exactly four or eight digits is no date,
    /// and most texts asked are ruled out by this one scan.
    static func hasYearDigits(_ text: String) -> Bool {
        text.withUTF8Bytes { hasYearDigits($0) }
    }

    /// `hasYearDigits` on UTF-8 bytes: a caller holding a line's bytes rules out most lines
    /// before making a string of them (trimming, which `parse` does first, changes no digit run).
    static func hasYearDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        for byte in bytes {
            if byte &- 0x30 < 10 {
                run += 1
            } else {
                if run == 4 || run == 8 { return true }
                run = 0
            }
        }
        return run == 4 || run == 8
    }

    // MARK: ISO 8601 / RFC 3339

    private static func parseISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        var cursor = 0
        func number(_ width: Int) -> Int? {
            guard cursor + width <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<width {
                let byte = bytes[cursor + offset]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            cursor += width
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard cursor < bytes.count, bytes[cursor] == byte else { return false }
            cursor += 1
            return true
        }
        guard let year = number(4) else { return nil }
        let separator: UInt8 = cursor < bytes.count ? bytes[cursor] : 0
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else {
            // Compact 20210622.
            guard bytes.count == 8, let month = number(2), let day = number(2) else { return nil }
            return validated(Parsed(year: year, month: month, day: day))
        }
        cursor += 1
        guard let month = number(2), take(separator), let day = number(2) else { return nil }
        var result = Parsed(year: year, month: month, day: day)
        if cursor == bytes.count { return validated(result) }
        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: " ")) || take(UInt8(ascii: "t")) else { return nil }
        guard let hour = number(2), take(UInt8(ascii: ":")), let minute = number(2) else { return nil }
        result.hour = hour
        result.minute = minute
        if take(UInt8(ascii: ":")) {
            guard let second = number(2) else { return nil }
            result.second = second
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                while cursor < bytes.count, bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39 { cursor += 1 }
            }
        }
        _ = take(UInt8(ascii: " "))
        if cursor == bytes.count { return validated(result) }
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
            result.offsetMinutes = 0
        } else if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") {
            let negative = bytes[cursor] == UInt8(ascii: "-")
            cursor += 1
            guard let hours = number(2) else { return nil }
            _ = take(UInt8(ascii: ":"))
            let minutes = number(2) ?? 0
            result.offsetMinutes = (hours * 60 + minutes) * (negative ? -1 : 1)
        } else {
            let rest = String(decoding: bytes[cursor...], as: UTF8.self).lowercased()
            guard let offset = zoneOffsets[rest] else { return nil }
            result.offsetMinutes = offset
            cursor = bytes.count
        }
        return cursor == bytes.count ? validated(result) : nil
    }

    // MARK: Words

    private enum Token {
        case number(Int, digits: Int)
        case month(Int)
        case time(Int, Int, Int?)
        case meridiem(pm: Bool)
        case zone(Int)
    }

    private static func parseWords(_ text: String) -> Parsed? {
        // Most texts asked hold a word no date has ("Copyright", "comments"): ruled out on the
        // bytes as they are, before the text is lower-cased (Unicode work when it is not ASCII)
        // and tokenized.
        if text.withUTF8Bytes(hasUnknownASCIIWord) { return nil }
        // ASCII (most lines asked) lower-cases on bytes; `lowercased()` does the Unicode work.
        let lowered = text.isASCIIBytes ? asciiLowercased(text) : text.lowercased()
        guard let tokens = tokenize(lowered) else { return nil }
        var month: Int?
        var numbers: [(Int, Int)] = []
        var time: (Int, Int, Int?)?
        var pm: Bool?
        var zone: Int?
        for token in tokens {
            switch token {
            case .number(let value, let digits): numbers.append((value, digits))
            case .month(let value):
                guard month == nil else { return nil }
                month = value
            case .time(let hour, let minute, let second):
                guard time == nil else { return nil }
                time = (hour, minute, second)
            case .meridiem(let isPM): pm = isPM
            case .zone(let offset): zone = offset
            }
        }
        var result: Parsed
        if let month {
            guard numbers.count == 2 else { return nil }
            let yearIndex = numbers.firstIndex { $0.1 == 4 }
            guard let yearIndex else { return nil }
            let day = numbers[1 - yearIndex]
            guard day.1 <= 2 else { return nil }
            result = Parsed(year: numbers[yearIndex].0, month: month, day: day.0)
        } else {
            guard numbers.count == 3 else { return nil }
            if numbers[0].1 == 4 {
                result = Parsed(year: numbers[0].0, month: numbers[1].0, day: numbers[2].0)
            } else if numbers[2].1 == 4 {
                let first = numbers[0].0, second = numbers[1].0
                if text.contains(".") || first > 12 {
                    result = Parsed(year: numbers[2].0, month: second, day: first)
                } else if second > 12 {
                    result = Parsed(year: numbers[2].0, month: first, day: second)
                } else {
                    return nil
                }
            } else {
                return nil
            }
        }
        if let (writtenHour, minute, second) = time {
            var hour = writtenHour
            if let pm {
                guard hour >= 1 && hour <= 12 else { return nil }
                if pm && hour != 12 { hour += 12 }
                if !pm && hour == 12 { hour = 0 }
            }
            result.hour = hour
            result.minute = minute
            result.second = second
            result.offsetMinutes = zone
        } else if pm != nil {
            return nil
        }
        return validated(result)
    }

    /// What a word of a date can be: a month, a time zone, a word that may surround a date
    /// (a weekday, "at", "de"), an ordinal suffix. Words are found by `ByteHash` of their UTF-8
    /// and their bytes compared, so tokenizing builds no strings.
    private struct Word {
        var bytes: [UInt8]
        var month: Int?
        var zone: Int?
        var ignored = false
        var ordinalSuffix = false
    }

    private static let words: ByteHashTable<[Word]> = {
        var entries: [String: Word] = [:]
        func entry(_ word: String) -> Word { entries[word] ?? Word(bytes: Array(word.utf8)) }
        for (word, month) in months { var item = entry(word); item.month = month; entries[word] = item }
        for (word, zone) in zoneOffsets { var item = entry(word); item.zone = zone; entries[word] = item }
        for word in ignoredWords { var item = entry(word); item.ignored = true; entries[word] = item }
        for word in ["st", "nd", "rd", "th"] { var item = entry(word); item.ordinalSuffix = true; entries[word] = item }
        var byHash: [UInt64: [Word]] = [:]
        for (word, item) in entries { byHash[ByteHash.of(word), default: []].append(item) }
        return ByteHashTable(byHash)
    }()

    private static func word(_ bytes: UnsafeBufferPointer<UInt8>) -> Word? {
        words[ByteHash.of(bytes)]?.first { $0.bytes.equalsBytes(bytes) }
    }

    /// Whether the text holds a word that `tokenize` would stop at: a run of ASCII letters,
    /// with ASCII on both sides (so that lower-casing the whole text leaves it as it is and a
    /// word of its own), that is no date word and none of the meridiem forms tokenize reads by
    /// context ("a", "am", "p", "pm", "m"). Tokenize reads every word, so such a text is no date.
    static func hasUnknownASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count, longest = longestWordBytes
        var index = 0
        while index < count {
            guard isASCIILetter(bytes[index]) else { index += 1; continue }
            let start = index
            while index < count, isASCIILetter(bytes[index]) { index += 1 }
            // A letter of another script next to it would make it part of a longer word.
            if start > 0, bytes[start - 1] >= 0x80 { continue }
            if index < count, bytes[index] >= 0x80 { continue }
            let length = index - start
            if length > longest { return true }
            let known = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest) { buffer -> Bool in
                for offset in 0..<length { buffer[offset] = bytes[start + offset] | 0x20 }
                let word = UnsafeBufferPointer(rebasing: buffer[0..<length])
                return Self.word(word) != nil || isMeridiemForm(word)
            }
            if !known { return true }
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// "a", "am", "p", "pm", "m": read by `tokenize` as meridiem parts, whatever the table says.
    private static func isMeridiemForm(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.elementsEqual("a".utf8) || word.elementsEqual("am".utf8) || word.elementsEqual("p".utf8) || word.elementsEqual("pm".utf8)
            || word.elementsEqual("m".utf8)
    }

    /// The UTF-8 length of the longest date word: a longer run of letters is no date word.
    private static let longestWordBytes: Int = {
        let words = Array(months.keys) + Array(zoneOffsets.keys) + Array(ignoredWords) + ["st", "nd", "rd", "th", "am", "pm"]
        return words.map(\.utf8.count).max() ?? 0
    }()

    /// An ASCII text with A to Z lower-cased, written straight into the new string's storage.
    static func asciiLowercased(_ text: String) -> String {
        text.withUTF8Bytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { output in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    output[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
    }

    /// The length of the UTF-8 sequence a lead byte opens.
    private static func sequenceLength(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    /// The scalar at `index` of valid UTF-8.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
        var iterator = UnsafeBufferPointer(rebasing: bytes[index..<min(bytes.count, index + sequenceLength(bytes[index]))]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The value of ASCII digits (at most a few: callers bound the count).
    private static func value(_ digits: UnsafeBufferPointer<UInt8>.SubSequence) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The lower-cased text as tokens, on its UTF-8 bytes; nil at the first word that is no
    /// part of a date.
    private static func tokenize(_ text: String) -> [Token]? {
        return text.withUTF8Bytes { bytes -> [Token]? in
            var tokens: [Token] = []
            var index = 0
            let count = bytes.count
            func isAlphabeticAt(_ position: Int) -> Bool {
                let byte = bytes[position]
                if byte < 0x80 { return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
                return scalar(bytes, at: position).properties.isAlphabetic
            }
            while index < count {
                let byte = bytes[index]
                if isAlphabeticAt(index) {
                    let start = index
                    while index < count, isAlphabeticAt(index) { index += sequenceLength(bytes[index]) }
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    let known = Self.word(word)
                    if let month = known?.month { tokens.append(.month(month)); continue }
                    let isA = word.count == 1 && word[0] == UInt8(ascii: "a")
                    if word.elementsEqual("am".utf8) || isA && index < count && bytes[index] == UInt8(ascii: ".") {
                        tokens.append(.meridiem(pm: false))
                        continue
                    }
                    if word.elementsEqual("pm".utf8) || word.elementsEqual("p".utf8) { tokens.append(.meridiem(pm: true)); continue }
                    if let zone = known?.zone { tokens.append(.zone(zone)); continue }
                    if known?.ignored == true { continue }
                    if known?.ordinalSuffix == true, case .number? = tokens.last { continue }
                    if word.elementsEqual("m".utf8), case .meridiem? = tokens.last { continue }
                    return nil
                }
                if isDigit(byte) {
                    let start = index
                    while index < count, isDigit(bytes[index]) { index += 1 }
                    let digits = bytes[start..<index]
                    if index < count, bytes[index] == UInt8(ascii: ":") {
                        // A time: h:mm or h:mm:ss.
                        // (Digits beyond Int's range read as 0, as `Int(_:)` failing did.)
                        var parts = [digits.count <= 18 ? value(digits) : Int(String(decoding: digits, as: UTF8.self)) ?? 0]
                        while index < count, bytes[index] == UInt8(ascii: ":") {
                            index += 1
                            let partStart = index
                            while index < count, isDigit(bytes[index]) { index += 1 }
                            guard index - partStart == 2 else { return nil }
                            parts.append(value(bytes[partStart..<index]))
                        }
                        guard parts.count <= 3, parts[0] < 24, parts[1] < 60 else { return nil }
                        tokens.append(.time(parts[0], parts[1], parts.count == 3 ? parts[2] : nil))
                        continue
                    }
                    guard digits.count <= 4 else { return nil }
                    tokens.append(.number(value(digits), digits: digits.count))
                    continue
                }
                if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"), case .time? = tokens.last {
                    // A numeric zone offset after a time: +0200, -05:00.
                    let negative = byte == UInt8(ascii: "-")
                    index += 1
                    var digitCount = 0
                    var offset = 0
                    while index < count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ":") {
                        if bytes[index] != UInt8(ascii: ":") {
                            digitCount += 1
                            if digitCount <= 4 { offset = offset * 10 + Int(bytes[index] - 0x30) }
                        }
                        index += 1
                    }
                    guard digitCount == 4 else { return nil }
                    tokens.append(.zone((offset / 100 * 60 + offset % 100) * (negative ? -1 : 1)))
                    continue
                }
                index += sequenceLength(byte)
            }
            return tokens
        }
    }

    static func validated(_ parsed: Parsed) -> Parsed? {
        guard (1...12).contains(parsed.month), parsed.year >= 1900, parsed.year <= 2200 else { return nil }
        let daysInMonth = [31, isLeap(parsed.year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][parsed.month - 1]
        guard (1...daysInMonth).contains(parsed.day) else { return nil }
        if let hour = parsed.hour, !(0...23).contains(hour) { return nil }
        if let minute = parsed.minute, !(0...59).contains(minute) { return nil }
        if let second = parsed.second, !(0...60).contains(second) { return nil }
        return parsed
    }

    private static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static let months: [String: Int] = {
        // English first (its three-letter forms win over other languages' abbreviations).
        let languages: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        ]
        var table: [String: Int] = [:]
        for names in languages {
            for (offset, name) in names.enumerated() where table[name] == nil { table[name] = offset + 1 }
        }
        for (offset, name) in languages[0].enumerated() { table[String(name.prefix(3))] = offset + 1 }
        // Abbreviations of other languages, listed one by one: deriving them would make English
        // words ("out", "ago", "set") read as months.
        let abbreviations: [String: Int] = [
            "sept": 9, "fev": 2, "abr": 4, "dez": 12, "ene": 1, "dic": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7,
            "déc": 12, "mär": 3, "okt": 10, "gen": 1, "giu": 6, "lug": 7, "ott": 10, "mrt": 3,
        ]
        table.merge(abbreviations) { current, _ in current }
        // Polish and Russian month names in every case form, from the running-text tables.
        for code in ["pl", "ru"] {
            for (name, month) in DateLanguages.all[code]?.months ?? [:] where name.unicodeScalars.count > 3 {
                table[name] = table[name] ?? month
            }
        }
        return table
    }()

    /// Weekdays and connecting words in the languages of `months`: they may surround a date.
    private static let ignoredWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "at", "on", "of", "the",
        "segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo", "feira", "de", "às", "as", "do", "em",
        "lunes", "martes", "miércoles", "jueves", "viernes", "del", "a", "las", "los", "el",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "le", "à", "h",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "am", "um", "uhr",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "il", "alle", "ore",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "op", "om",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela", "r", "roku", "godz",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "г", "года", "в",
    ]

    static let zoneOffsets: [String: Int] = [
        "z": 0, "utc": 0, "gmt": 0, "ut": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420, "bst": 60, "cet": 60, "cest": 120, "ist": 330, "jst": 540,
    ]
}

extension String {
    /// Trims ASCII whitespace and no-break spaces (no Foundation needed).
    func trimmedASCII() -> String {
        // Most texts have nothing to trim: ASCII ends that are not spaces say so at once.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(Substring(scalars))
    }
}
