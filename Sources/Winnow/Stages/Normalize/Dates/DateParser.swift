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
            var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
            guard let hour, let minute else { return text }
            text += "T" + pad(hour, 2) + ":" + pad(minute, 2)
            if let second { text += ":" + pad(second, 2) }
            if let offsetMinutes {
                if offsetMinutes == 0 { return text + "Z" }
                let sign = offsetMinutes < 0 ? "-" : "+"
                let magnitude = abs(offsetMinutes)
                text += sign + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
            }
            return text
        }

        private func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
    }

    public static func parse(_ text: String) -> Parsed? {
        let trimmed = text.trimmedASCII()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 80 else { return nil }
        if let iso = parseISO(Array(trimmed.utf8)) { return iso }
        return parseWords(trimmed)
    }

    // MARK: ISO 8601 / RFC 3339

    private static func parseISO(_ bytes: [UInt8]) -> Parsed? {
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
        // ASCII (most lines asked) lower-cases on bytes; `lowercased()` does the Unicode work.
        let lowered = text.isASCIIBytes
            ? String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            : text.lowercased()
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

    /// `properties.isAlphabetic`, answered for ASCII without the Unicode tables.
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        let lower = scalar.value | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }

    /// An ASCII digit (the only ASCII scalars with a numeric type).
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    private static func tokenize(_ text: String) -> [Token]? {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isAlphabetic(scalar) {
                var word = ""
                while index < scalars.count, isAlphabetic(scalars[index]) {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                if let month = months[word] { tokens.append(.month(month)); continue }
                if word == "am" || word == "a" && index < scalars.count && scalars[index] == "." { tokens.append(.meridiem(pm: false)); continue }
                if word == "pm" || word == "p" { tokens.append(.meridiem(pm: true)); continue }
                if let offset = zoneOffsets[word] { tokens.append(.zone(offset)); continue }
                if ignoredWords.contains(word) { continue }
                if ["st", "nd", "rd", "th"].contains(word), case .number? = tokens.last { continue }
                if word == "m", case .meridiem? = tokens.last { continue }
                return nil
            }
            if isDigit(scalar) {
                var digits = ""
                while index < scalars.count, isDigit(scalars[index]) {
                    digits.unicodeScalars.append(scalars[index])
                    index += 1
                }
                if index < scalars.count, scalars[index] == ":" {
                    // A time: h:mm or h:mm:ss.
                    var parts = [Int(digits) ?? 0]
                    while index < scalars.count, scalars[index] == ":" {
                        index += 1
                        var part = ""
                        while index < scalars.count, isDigit(scalars[index]) {
                            part.unicodeScalars.append(scalars[index])
                            index += 1
                        }
                        guard part.count == 2, let value = Int(part) else { return nil }
                        parts.append(value)
                    }
                    guard parts.count <= 3, parts[0] < 24, parts[1] < 60 else { return nil }
                    tokens.append(.time(parts[0], parts[1], parts.count == 3 ? parts[2] : nil))
                    continue
                }
                guard digits.count <= 4, let value = Int(digits) else { return nil }
                tokens.append(.number(value, digits: digits.count))
                continue
            }
            if scalar == "+" || scalar == "-", case .time? = tokens.last {
                // A numeric zone offset after a time: +0200, -05:00.
                let negative = scalar == "-"
                index += 1
                var digits = ""
                while index < scalars.count, isDigit(scalars[index]) || scalars[index] == ":" {
                    if scalars[index] != ":" { digits.unicodeScalars.append(scalars[index]) }
                    index += 1
                }
                guard digits.count == 4, let value = Int(digits) else { return nil }
                tokens.append(.zone((value / 100 * 60 + value % 100) * (negative ? -1 : 1)))
                continue
            }
            index += 1
        }
        return tokens
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
