import Foundation

/// Finds date expressions in the body text and resolves them to ISO 8601, as annotations with
/// offsets in Unicode code points of `text` (so Python's `str` slicing works). The words come
/// from the page language's table (`DateLanguages`); English when the page names none.
///
/// Kinds:
///  - absolute: the text gives the year (`June 22, 2021`, `22. Juni 2021`, `22 de junio de
///    2021`, `22 июня 2021 года`, `2021-06-22`, `22.06.2021`, `06/22/2021` in English);
///  - partial: no year (`Feb. 1`, `le 22 juin`, `in March`, `seit Februar`) or no day
///    (`November 2020`); the year is the one that puts the date on or before the reference
///    date, or after it when the sentence speaks of the future ("will", "wird", "sera");
///  - relative: weekdays (`on Monday`, `am Dienstag`, `Tuesday to Thursday` as a range),
///    `yesterday`/`gestern`/`hier`, `three days ago`/`vor drei Tagen`/`il y a 3 jours`,
///    `last week`/`la semaine dernière` (a Monday–Sunday range), `last year`, `in June last year`.
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
    /// Held by reference: a matcher is made per candidate token, and copying the tables'
    /// dictionaries each time cost more than matching.
    let table: DateLanguage.Shared
    var language: DateLanguage { table.language }

    init(reference: String?, language: String? = nil) {
        if let reference, let parsed = DateParser.parse(String(reference.prefix(10))) {
            self.reference = (parsed.year, parsed.month, parsed.day)
        } else {
            self.reference = nil
        }
        self.table = DateLanguage.shared(language)
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
                            ? next == .digit || (next == .letter && index - start <= 3 && "snrtdhe".unicodeScalars.contains(scalars[index]))
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
        /// The token lower-cased, in one pass (ASCII and Cyrillic capitals by arithmetic).
        func lower(_ token: Token) -> String {
            var view = String.UnicodeScalarView()
            for index in token.start..<token.end {
                let scalar = scalars[index]
                switch scalar.value {
                case 0x41...0x5A, 0xC0...0xDE where scalar.value != 0xD7: view.append(Unicode.Scalar(scalar.value | 0x20)!)
                case 0x410...0x42F: view.append(Unicode.Scalar(scalar.value + 0x20)!)
                case 0x80...:
                    if scalar.properties.isUppercase { view.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars) } else { view.append(scalar) }
                default: view.append(scalar)
                }
            }
            return String(view)
        }
        func isPunctuation(_ token: Token?, _ mark: Unicode.Scalar) -> Bool { token.map { $0.isPunctuation && $0.first == mark } ?? false }
    }

    // MARK: Finding

    /// First letter, lower-cased, and length: what `DateLanguage.openingShapes` holds.
    static func shape(first: Unicode.Scalar, length: Int) -> UInt32 {
        var value = first.value
        switch value {
        case 0x41...0x5A, 0xC0...0xDE where value != 0xD7: value |= 0x20  // ASCII and Latin-1 capitals
        case 0x410...0x42F: value += 0x20  // Cyrillic А–Я
        case 0x400...0x40F: value += 0x50  // Cyrillic Ѐ–Џ (Ё)
        case 0x80...: if first.properties.isUppercase { value = first.properties.lowercaseMapping.unicodeScalars.first?.value ?? value }
        default: break
        }
        return value << 8 | UInt32(min(length, 255))
    }

    func find(in text: String) -> [Mention] {
        let tokens = Tokens(text)
        var mentions: [Mention] = []
        var index = 0
        let list = tokens.list
        while index < list.count {
            // Only numbers and words shaped like an opening word are looked at further.
            let token = list[index]
            let candidate = token.isNumber || (!token.isPunctuation && table.language.openingShapes.contains(tokens.shape(token)))
            if candidate, let (mention, next) = Matcher(finder: self, tokens: tokens, index: index).match(first: token.isNumber ? nil : tokens.lower(token)) {
                mentions.append(mention)
                index = next
            } else {
                index += 1
            }
        }
        return mentions
    }

    // MARK: Resolution

    func resolve(month: Int, day: Int, future: Bool) -> String? {
        guard let reference else { return nil }
        let onOrBefore = (month, day) <= (reference.month, reference.day)
        let year = future ? (onOrBefore ? reference.year + 1 : reference.year) : (onOrBefore ? reference.year : reference.year - 1)
        return Self.iso(year, month, day)
    }

    func resolve(month: Int, future: Bool) -> String? {
        guard let reference else { return nil }
        let year = future ? (month < reference.month ? reference.year + 1 : reference.year)
            : (month <= reference.month ? reference.year : reference.year - 1)
        return String(format: "%04d-%02d", year, month)
    }

    func resolve(weekday: Int, future: Bool) -> String? {
        guard let reference, let today = Self.iso(reference.year, reference.month, reference.day),
            let referenceWeekday = Self.weekday(reference.year, reference.month, reference.day)
        else { return nil }
        let back = (referenceWeekday - weekday + 7) % 7
        let forward = (weekday - referenceWeekday + 7) % 7
        return Self.add(days: future ? forward : -back, to: today)
    }

    func resolve(dayOffset: Int) -> String? {
        guard let reference, let today = Self.iso(reference.year, reference.month, reference.day) else { return nil }
        return Self.add(days: dayOffset, to: today)
    }

    /// `count` periods before the reference: a day for days and weeks, a month for months, the
    /// whole year (a range) for years.
    func resolve(ago count: Int, _ period: DateLanguage.Period) -> String? {
        guard let reference else { return nil }
        switch period {
        case .day: return resolve(dayOffset: -count)
        case .week: return resolve(dayOffset: -7 * count)
        case .month:
            let (year, month) = Self.add(months: -count, toYear: reference.year, month: reference.month)
            return String(format: "%04d-%02d", year, month)
        case .year:
            return String(format: "%04d-01-01/%04d-12-31", reference.year - count, reference.year - count)
        }
    }

    /// The period before the reference's: last week is Monday to Sunday of the week before.
    func resolve(last period: DateLanguage.Period) -> String? {
        guard let reference, let weekday = Self.weekday(reference.year, reference.month, reference.day) else { return nil }
        switch period {
        case .day: return resolve(dayOffset: -1)
        case .week:
            guard let monday = resolve(dayOffset: -(weekday - 1) - 7), let sunday = Self.add(days: 6, to: monday) else { return nil }
            return "\(monday)/\(sunday)"
        case .month:
            let (year, month) = Self.add(months: -1, toYear: reference.year, month: reference.month)
            return String(format: "%04d-%02d", year, month)
        case .year:
            return String(format: "%04d-01-01/%04d-12-31", reference.year - 1, reference.year - 1)
        }
    }
}
