/// Calendar arithmetic for date mentions: proleptic Gregorian, no Foundation.
extension FindDates {
    /// `YYYY-MM`.
    static func yearMonth(_ year: Int, _ month: Int) -> String { DateParser.padded(year, 4) + "-" + DateParser.padded(month, 2) }

    /// `YYYY-01-01/YYYY-12-31`: a whole year as a range.
    static func wholeYear(_ year: Int) -> String { DateParser.padded(year, 4) + "-01-01/" + DateParser.padded(year, 4) + "-12-31" }

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

    /// The day `months` months before or after a date, the day kept when the month has it.
    static func add(months: Int, toYear year: Int, month: Int) -> (year: Int, month: Int) {
        let total = year * 12 + (month - 1) + months
        return (total / 12, total % 12 + 1)
    }
}
