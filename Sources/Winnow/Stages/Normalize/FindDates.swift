import Foundation

/// Finds date expressions in the body text and resolves them to ISO 8601, as annotations with
/// offsets in Unicode code points of `text` (so Python's `str` slicing works).
///
/// Kinds:
///  - absolute: the text gives the year (`June 22, 2021`, `22 June 2021`, `2021-06-22`,
///    `Jun 24, 2021 02:39 AM`);
///  - partial: no year (`Feb. 1`, `June 20`, `in March`, `November 2020` gives only a month);
///    the year is the one that puts the date on or before the reference date, or after it
///    when the sentence speaks of the future ("will", "is set to", "next");
///  - relative: weekdays (`on Monday`, `Tuesday to Thursday` as a range), `yesterday`,
///    `today`, `N days ago`, `last year`, `in June last year`, resolved the same way.
/// Without a reference date, partial and relative mentions are kept without a value.
/// Values: `YYYY-MM-DD`, `YYYY-MM` for a month, `START/END` for a range.
struct FindDates {
    struct Mention: Equatable {
        var text: String
        var value: String?
        var start: Int
        var end: Int
        var kind: Kind
        enum Kind: String { case absolute, partial, relative }
    }

    let reference: (year: Int, month: Int, day: Int)?

    init(reference: String?) {
        if let reference, let parsed = DateParser.parse(String(reference.prefix(10))) {
            self.reference = (parsed.year, parsed.month, parsed.day)
        } else {
            self.reference = nil
        }
    }

    // MARK: Tokens

    /// A word, a number or one punctuation character, as offsets into the text's scalars. Its
    /// string is built only when a rule needs it (most tokens are never looked at twice).
    struct Token {
        var start: Int
        var end: Int
        var isNumber: Bool
        var isCapitalized: Bool
        var isPunctuation: Bool
        var first: Unicode.Scalar
    }

    /// The text's tokens and scalars, with lazily built strings.
    struct Tokens {
        let scalars: [Unicode.Scalar]
        let list: [Token]

        init(_ text: String) {
            scalars = Array(text.unicodeScalars)
            var list: [Token] = []
            list.reserveCapacity(scalars.count / 5)
            var index = 0
            let count = scalars.count
            while index < count {
                let scalar = scalars[index]
                let kind = Self.kind(scalar)
                if kind == .space { index += 1; continue }
                if kind == .digit || kind == .letter {
                    let start = index
                    index += 1
                    // A word; a number, with an ordinal suffix kept ("22nd").
                    while index < count {
                        let next = Self.kind(scalars[index])
                        let continues = kind == .digit
                            ? next == .digit || (next == .letter && index - start <= 3 && "snrtdh".unicodeScalars.contains(scalars[index]))
                            : next == .letter
                        guard continues else { break }
                        index += 1
                    }
                    let capitalized = scalar.value < 0x80 ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
                    list.append(Token(start: start, end: index, isNumber: kind == .digit, isCapitalized: capitalized,
                                      isPunctuation: false, first: scalar))
                } else {
                    list.append(Token(start: index, end: index + 1, isNumber: false, isCapitalized: false, isPunctuation: true, first: scalar))
                    index += 1
                }
            }
            self.list = list
        }

        enum Kind { case space, digit, letter, other }

        /// ASCII by ranges (most text), everything else by Unicode properties.
        static func kind(_ scalar: Unicode.Scalar) -> Kind {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x30...0x39: return .digit
                case 0x41...0x5A, 0x61...0x7A: return .letter
                case 0x20, 0x09...0x0D: return .space
                default: return .other
                }
            }
            let properties = scalar.properties
            if properties.isWhitespace { return .space }
            return properties.isAlphabetic ? .letter : .other
        }

        func text(_ token: Token) -> String { String(String.UnicodeScalarView(scalars[token.start..<token.end])) }

        /// First letter (lower case) and length: enough to rule out nearly every word cheaply.
        func shape(_ token: Token) -> UInt32 {
            FindDates.shape(first: token.first, length: token.end - token.start)
        }

        /// A number token's value, read from the scalars (ordinal suffixes stop it).
        func integer(_ token: Token) -> Int? {
            guard token.isNumber, token.end - token.start <= 6 else { return nil }
            var value = 0
            for index in token.start..<token.end {
                guard let digit = scalars[index].properties.numericType != nil ? Int(scalars[index].value) - 48 : nil,
                    (0...9).contains(digit)
                else { break }
                value = value * 10 + digit
            }
            return value
        }
        func lower(_ token: Token) -> String { text(token).lowercased() }
        func isPunctuation(_ token: Token?, _ mark: Unicode.Scalar) -> Bool { token.map { $0.isPunctuation && $0.first == mark } ?? false }
    }

    // MARK: Finding

    static let weekdays = ["monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7]
    static let prepositions: Set<String> = ["in", "since", "until", "by", "during", "from", "early", "late", "mid", "on"]
    static let futureWords: Set<String> = ["will", "shall", "next", "upcoming", "tomorrow"]
    static let dayWords: Set<String> = ["yesterday", "today", "tomorrow"]

    static func shape(first: Unicode.Scalar, length: Int) -> UInt32 {
        let lowered = first.properties.lowercaseMapping.unicodeScalars.first ?? first
        return lowered.value << 8 | UInt32(min(length, 255))
    }

    private static func shapes<S: Sequence>(_ words: S) -> Set<UInt32> where S.Element == String {
        Set(words.compactMap { word in word.unicodeScalars.first.map { shape(first: $0, length: word.unicodeScalars.count) } })
    }

    static let monthShapes = shapes(DateParser.months.keys)
    static let weekdayShapes = shapes(weekdays.keys)
    static let keywordShapes = shapes(prepositions.union(dayWords).union(["last", "year", "ago", "to", "through", "until", "days", "day", "weeks", "week", "set", "will", "shall", "next", "upcoming"]))

    func find(in text: String) -> [Mention] {
        let tokens = Tokens(text)
        var mentions: [Mention] = []
        var index = 0
        let list = tokens.list
        while index < list.count {
            // Only tokens that can open a date are looked at: numbers, capitalized words, and a
            // lower-case word right before a capitalized one or one of the day words.
            let token = list[index]
            let candidate = token.isNumber || token.isCapitalized
                || (!token.isPunctuation && (index + 1 < list.count && list[index + 1].isCapitalized
                    || ["y", "t"].contains(token.first)))
            if candidate, let (mention, next) = match(tokens, at: index) {
                mentions.append(mention)
                index = next
            } else {
                index += 1
            }
        }
        return mentions
    }

    private func month(_ token: Token?, _ tokens: Tokens) -> Int? {
        guard let token, token.isCapitalized, Self.monthShapes.contains(tokens.shape(token)) else { return nil }
        return DateParser.months[tokens.lower(token)]
    }

    private func weekday(_ token: Token?, _ tokens: Tokens) -> Int? {
        guard let token, token.isCapitalized, Self.weekdayShapes.contains(tokens.shape(token)) else { return nil }
        return Self.weekdays[tokens.lower(token)]
    }

    private func day(_ token: Token?, _ tokens: Tokens) -> Int? {
        guard let token, token.isNumber, token.end - token.start <= 4, let value = tokens.integer(token), (1...31).contains(value)
        else { return nil }
        // All digits: done; with a suffix ("22nd"), the suffix must be an ordinal one.
        if tokens.scalars[token.end - 1].properties.numericType != nil { return value }
        let lower = tokens.lower(token)
        let digits = lower.prefix { $0.isNumber }
        let suffix = lower.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 2, suffix.isEmpty || ["st", "nd", "rd", "th"].contains(String(suffix)),
            let value = Int(digits), (1...31).contains(value)
        else { return nil }
        return value
    }

    private func year(_ token: Token?, _ tokens: Tokens) -> Int? {
        guard let token, token.isNumber, token.end - token.start == 4, let value = tokens.integer(token), (1900...2100).contains(value)
        else { return nil }
        return value
    }

    private func number(_ token: Token?, _ tokens: Tokens) -> Int? {
        guard let token, token.isNumber, token.end - token.start <= 4 else { return nil }
        return tokens.integer(token)
    }

    private func match(_ all: Tokens, at index: Int) -> (Mention, Int)? {
        let tokens = all.list
        func token(_ offset: Int) -> Token? { index + offset < tokens.count ? tokens[index + offset] : nil }
        // Only words shaped like a keyword are lower-cased (most are not).
        func lower(_ offset: Int) -> String? {
            guard let token = token(offset) else { return nil }
            if token.isPunctuation { return String(token.first) }
            return Self.keywordShapes.contains(all.shape(token)) ? all.lower(token) : ""
        }
        func mention(_ first: Int, _ last: Int, _ value: String?, _ kind: Mention.Kind) -> (Mention, Int) {
            let start = tokens[index + first].start, end = tokens[index + last].end
            return (Mention(text: String(String.UnicodeScalarView(all.scalars[start..<end])), value: value, start: start, end: end, kind: kind),
                    index + last + 1)
        }
        // Only mentions that need resolving ask about tense, and only nearby: a whole-sentence
        // scan per token would be quadratic on text without full stops.
        var futureCache: Bool?
        func future() -> Bool {
            if let futureCache { return futureCache }
            let value = isFuture(all, around: index)
            futureCache = value
            return value
        }

        // 2021-06-22
        if let y = year(token(0), all), all.isPunctuation(token(1), "-"), let m = number(token(2), all), all.isPunctuation(token(3), "-"), let d = day(token(4), all),
            let iso = Self.iso(y, m, d)
        {
            return mention(0, 4, iso, .absolute)
        }
        // Month [.] Day [,] [Year]  |  Month Year
        if let m = month(token(0), all) {
            var cursor = 1
            if all.isPunctuation(token(cursor), ".") { cursor += 1 }
            if let d = day(token(cursor), all) {
                let dayIndex = cursor
                cursor += 1
                if all.isPunctuation(token(cursor), ",") { cursor += 1 }
                if let y = year(token(cursor), all), let iso = Self.iso(y, m, d) { return mention(0, cursor, iso, .absolute) }
                return mention(0, dayIndex, resolve(month: m, day: d, future: future()), .partial)
            }
            if let y = year(token(cursor), all) { return mention(0, cursor, String(format: "%04d-%02d", y, m), .partial) }
            return nil
        }
        // Day Month Year  |  Day Month
        if let d = day(token(0), all), let m = month(token(1), all) {
            if let y = year(token(2), all), let iso = Self.iso(y, m, d) { return mention(0, 2, iso, .absolute) }
            return mention(0, 1, resolve(month: m, day: d, future: future()), .partial)
        }
        // in March, since February, in June last year
        if let word = lower(0), Self.prepositions.contains(word), word != "on", let m = month(token(1), all) {
            if day(token(2), all) != nil || year(token(2), all) != nil { return nil }  // "in June 2020": the Month rule
            if lower(2) == "last", lower(3) == "year", let reference {
                return mention(0, 3, String(format: "%04d-%02d", reference.year - 1, m), .relative)
            }
            return mention(0, 1, resolve(month: m, future: future()), .partial)
        }
        // [on] Weekday [to|through|-|and] [Weekday]
        var first = 0
        if lower(0) == "on", weekday(token(1), all) != nil { first = 1 }
        if let w = token(first), let dayOfWeek = weekday(w, all),
            // "Sunday-school": a compound word, not a day (a hyphen to another weekday is a range).
            !(all.isPunctuation(token(first + 1), "-") && weekday(token(first + 2), all) == nil && token(first + 1)!.start == w.end)
        {
            if let link = lower(first + 1), ["to", "through", "-", "until"].contains(link),
                let lastDay = weekday(token(first + 2), all)
            {
                let from = resolve(weekday: dayOfWeek, future: future())
                let to = from.flatMap { start in Self.add(days: (lastDay - dayOfWeek + 7) % 7, to: start) }
                return mention(0, first + 2, from.flatMap { f in to.map { "\(f)/\($0)" } }, .relative)
            }
            return mention(0, first, resolve(weekday: dayOfWeek, future: future()), .relative)
        }
        // yesterday, today, tomorrow, N days ago, last year
        switch token(0)?.isPunctuation == false ? lower(0) : nil {
        case "yesterday": return mention(0, 0, reference.flatMap { Self.add(days: -1, to: Self.iso($0.year, $0.month, $0.day)!) }, .relative)
        case "today": return mention(0, 0, reference.flatMap { Self.iso($0.year, $0.month, $0.day) }, .relative)
        case "tomorrow": return mention(0, 0, reference.flatMap { Self.add(days: 1, to: Self.iso($0.year, $0.month, $0.day)!) }, .relative)
        default: break
        }
        if let count = number(token(0), all), count < 400, let unit = lower(1), lower(2) == "ago",
            ["day", "days", "week", "weeks"].contains(unit)
        {
            let days = count * (unit.hasPrefix("week") ? 7 : 1)
            return mention(0, 2, reference.flatMap { Self.add(days: -days, to: Self.iso($0.year, $0.month, $0.day)!) }, .relative)
        }
        return nil
    }

    /// Whether the sentence around a token speaks of the future ("will attend … from Tuesday"),
    /// looking at most 30 tokens either way.
    private func isFuture(_ all: Tokens, around index: Int) -> Bool {
        let tokens = all.list
        var cursor = index
        while cursor > max(0, index - 30), !all.isPunctuation(tokens[cursor - 1], ".") { cursor -= 1 }
        let limit = min(tokens.count, index + 30)
        while cursor < limit, !all.isPunctuation(tokens[cursor], ".") {
            if !tokens[cursor].isPunctuation, Self.keywordShapes.contains(all.shape(tokens[cursor])) {
                let word = all.lower(tokens[cursor])
                if Self.futureWords.contains(word) { return true }
                if word == "set", cursor + 1 < tokens.count, all.lower(tokens[cursor + 1]) == "to" { return true }
            }
            cursor += 1
        }
        return false
    }

    // MARK: Resolution

    private func resolve(month: Int, day: Int, future: Bool) -> String? {
        guard let reference else { return nil }
        let onOrBefore = (month, day) <= (reference.month, reference.day)
        let year = future ? (onOrBefore ? reference.year + 1 : reference.year) : (onOrBefore ? reference.year : reference.year - 1)
        return Self.iso(year, month, day)
    }

    private func resolve(month: Int, future: Bool) -> String? {
        guard let reference else { return nil }
        let year = future ? (month < reference.month ? reference.year + 1 : reference.year)
            : (month <= reference.month ? reference.year : reference.year - 1)
        return String(format: "%04d-%02d", year, month)
    }

    private func resolve(weekday: Int, future: Bool) -> String? {
        guard let reference, let today = Self.iso(reference.year, reference.month, reference.day),
            let referenceWeekday = Self.weekday(reference.year, reference.month, reference.day)
        else { return nil }
        let back = (referenceWeekday - weekday + 7) % 7
        let forward = (weekday - referenceWeekday + 7) % 7
        return Self.add(days: future ? (forward == 0 ? 0 : forward) : -back, to: today)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, no Foundation)

    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        DateParser.validated(DateParser.Parsed(year: year, month: month, day: day))?.iso8601
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let year = m <= 2 ? y - 1 : y
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO weekday, Monday 1 … Sunday 7.
    static func weekday(_ y: Int, _ m: Int, _ d: Int) -> Int? {
        let days = daysFromCivil(y, m, d)
        return ((days % 7) + 7 + 3) % 7 + 1  // 1970-01-01 was a Thursday (4)
    }

    static func add(days: Int, to iso: String) -> String? {
        guard let parsed = DateParser.parse(iso) else { return nil }
        let (y, m, d) = civil(fromDays: daysFromCivil(parsed.year, parsed.month, parsed.day) + days)
        return self.iso(y, m, d)
    }
}
