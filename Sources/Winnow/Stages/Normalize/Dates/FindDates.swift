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

    typealias Token = TextTokens.Token
    typealias Tokens = TextTokens

    // MARK: Finding

    /// First letter, lower-cased, and length: what `DateLanguage.openingShapes` holds.
    static func shape(first: Unicode.Scalar, length: Int) -> UInt32 {
        let value = (TextTokens.simpleLowercase(first) ?? first.properties.lowercaseMapping.unicodeScalars.first ?? first).value
        return value << 8 | UInt32(min(length, 255))
    }

    func find(in text: String) -> [Mention] { find(in: Tokens(text)) }

    func find(in tokens: Tokens) -> [Mention] {
        var mentions: [Mention] = []
        var index = 0
        let list = tokens.list
        let language = table.language
        // One matcher for the page, moved from token to token: one made per token retained and
        // released the tokens and tables each time.
        var matcher = Matcher(finder: self, tokens: tokens, index: 0)
        while index < list.count {
            // Only numbers and words that can open a mention are looked at further.
            let token = list[index]
            let found: (Mention, Int)?
            if token.isNumber {
                matcher.index = index
                found = matcher.match(opens: nil)
            } else if !token.isPunctuation, let opens = language.openers(of: token, in: tokens) {
                matcher.index = index
                found = matcher.match(opens: opens)
            } else {
                found = nil
            }
            if let (mention, next) = found {
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
        return Self.yearMonth(year, month)
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
            return Self.yearMonth(year, month)
        case .year:
            return Self.wholeYear(reference.year - count)
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
            return Self.yearMonth(year, month)
        case .year:
            return Self.wholeYear(reference.year - 1)
        }
    }
}
