extension FindDates {
    /// Tries the date patterns at one token, in the finder's language. Patterns that give the
    /// most (a year) come first, so "22 June 2021" is one absolute mention, not a partial one.
    struct Matcher {
        let finder: FindDates
        let tokens: Tokens
        /// The token the patterns are tried at.
        var index: Int
        /// Read through the shared reference: copying the struct would copy every table.
        private let table: DateLanguage.Shared

        init(finder: FindDates, tokens: Tokens, index: Int) {
            self.finder = finder
            self.tokens = tokens
            self.index = index
            table = finder.table
        }

        /// `opens` is what the token, a word, can open (`DateLanguage.openers`; nil for a
        /// number): it decides which patterns can apply, so a common word like "in" or "a"
        /// costs a lookup, not nine patterns.
        func match(opens: DateLanguage.Openers?) -> (Mention, Int)? {
            guard let opens else { return numericDate() ?? dayFirstDate() ?? ago() }
            if opens.contains(.month), let found = monthFirstDate() ?? monthAndYear() { return found }
            if opens.contains(.monthPreposition), let found = prepositionAndMonth() { return found }
            if opens.contains(.weekday), let found = weekdays() { return found }
            if opens.contains(.dayWord), let found = dayWord() { return found }
            if opens.contains(.ago), let found = ago() { return found }
            if opens.contains(.lastPeriod), let found = lastPeriod() { return found }
            return nil
        }

        // MARK: Tokens

        private func token(_ offset: Int) -> Token? {
            index + offset < tokens.list.count ? tokens.list[index + offset] : nil
        }

        /// The lower-cased word at `offset`; a punctuation token gives its character (’ as ').
        private func word(_ offset: Int) -> String? {
            guard let token = token(offset) else { return nil }
            if token.isPunctuation { return token.first == "\u{2019}" ? "'" : String(token.first) }
            return tokens.lower(token)
        }

        private func isPunctuation(_ offset: Int, _ mark: Unicode.Scalar) -> Bool { tokens.isPunctuation(token(offset), mark) }

        /// Whether `word(offset) == expected`, without the lower-cased string for a word token.
        private func word(_ offset: Int, is expected: String) -> Bool {
            guard let token = token(offset) else { return false }
            if token.isPunctuation { return word(offset) == expected }
            return tokens.lowercased(token, equals: expected)
        }

        /// Whether the token at `offset` follows the previous one with no space ("22.06", "mid-March").
        private func touchesPrevious(_ offset: Int) -> Bool {
            guard let current = token(offset), let previous = token(offset - 1) else { return false }
            return current.start == previous.end
        }

        private func month(_ offset: Int) -> Int? {
            guard let token = token(offset), !token.isPunctuation, !token.isNumber else { return nil }
            if table.language.capitalizedNames && !token.isCapitalized { return nil }
            if isNoCalendarWord(token) { return nil }
            return table.language.month(of: token, in: tokens)
        }

        /// An ASCII word whose hash is no month's or weekday's (most words after a number):
        /// ruled out without a lower-cased string and a dictionary lookup.
        private func isNoCalendarWord(_ token: Token) -> Bool {
            token.asciiHash != 0 && !table.language.calendarWordSet.mayContain(token.asciiHash)
        }

        /// A weekday and how many tokens it takes ("segunda-feira" is three).
        private func weekday(_ offset: Int) -> (day: Int, length: Int)? {
            guard let token = token(offset), !token.isPunctuation, !token.isNumber else { return nil }
            if table.language.capitalizedNames && !token.isCapitalized { return nil }
            let hyphenated = isPunctuation(offset + 1, "-") && touchesPrevious(offset + 1) && touchesPrevious(offset + 2)
            // Most words are ruled out by their hash before any string is made; a hyphenated one
            // may still open a compound ("segunda-feira").
            let noCalendarWord = isNoCalendarWord(token)
            if noCalendarWord && !hyphenated { return nil }
            if hyphenated, let second = word(offset + 2), let day = table.language.weekdays[tokens.lower(token) + "-" + second] {
                return (day, 3)
            }
            if noCalendarWord { return nil }
            return table.language.weekday(of: token, in: tokens).map { ($0, 1) }
        }

        private func day(_ offset: Int) -> Int? {
            guard let token = token(offset), token.isNumber, token.end - token.start <= 4, let value = tokens.integer(token),
                  (1...31).contains(value) else { return nil }
            if Self.isNumeric(tokens.scalars[token.end - 1]) { return token.end - token.start <= 2 ? value : nil }
            // With a suffix ("22nd", "1er"), the suffix must be an ordinal one.
            let lower = tokens.lower(token)
            let digits = lower.prefix { $0.isNumber }
            let suffix = String(lower.dropFirst(digits.count))
            guard digits.count <= 2, ["st", "nd", "rd", "th", "er", "e"].contains(suffix) else { return nil }
            return value
        }

        private func year(_ offset: Int) -> Int? {
            guard let token = token(offset), token.isNumber, token.end - token.start == 4, let value = tokens.integer(token),
                  (1900...2100).contains(value) else { return nil }
            return value
        }

        private func count(_ offset: Int) -> Int? {
            guard let token = token(offset), !token.isPunctuation else { return nil }
            if token.isNumber {
                guard token.end - token.start <= 3, let value = tokens.integer(token), value < 400 else { return nil }
                return value
            }
            return table.language.numbers[tokens.lower(token)]
        }

        private func hasUnitShape(_ offset: Int) -> Bool {
            guard let token = token(offset), !token.isPunctuation, !token.isNumber else { return false }
            return table.language.unitShapes.contains(tokens.shape(token))
        }

        private func phrase(_ words: [String], at offset: Int) -> Bool {
            for (position, expected) in words.enumerated() where !word(offset + position, is: expected) { return false }
            return true
        }

        /// Offset past a link word ("de") at `offset`, if there is one.
        private func skipLink(_ offset: Int) -> Int {
            guard !table.language.dateLinks.isEmpty, let word = word(offset), table.language.dateLinks.contains(word) else { return offset }
            return offset + 1
        }

        private func mention(_ first: Int, _ last: Int, _ value: String?, _ kind: Mention.Kind) -> (Mention, Int) {
            let start = tokens.list[index + first].start, end = tokens.list[index + last].end
            let text = tokens.text(start, end)
            return (Mention(text: text, value: value, start: start, end: end, kind: kind), index + last + 1)
        }

        /// Whether the sentence around the token speaks of the future, looking at most 30 tokens
        /// either way (a whole-sentence scan per token would be quadratic on text without stops).
        private func future() -> Bool {
            let list = tokens.list
            // A full stop ends the sentence; the dot of a German ordinal ("4. Juli") does not.
            func endsSentence(_ position: Int) -> Bool {
                guard tokens.isPunctuation(list[position], ".") else { return false }
                guard position > 0, position + 1 < list.count, list[position - 1].isNumber, list[position - 1].end == list[position].start,
                      list[position - 1].end - list[position - 1].start <= 2 else { return true }
                let next = list[position + 1]
                return next.isPunctuation || next.isNumber || table.language.month(of: next, in: tokens) == nil
            }
            var cursor = index
            while cursor > max(0, index - 30), !endsSentence(cursor - 1) { cursor -= 1 }
            let limit = min(list.count, index + 30)
            while cursor < limit, !endsSentence(cursor) {
                let token = list[cursor]
                if !token.isPunctuation, !token.isNumber, table.language.futureShapes.contains(tokens.shape(token)) {
                    let word = tokens.lower(token)
                    if table.language.futureWords.contains(word) { return true }
                    if table.language.code == "en", word == "set", cursor + 1 < list.count, tokens.lower(list[cursor + 1]) == "to" { return true }
                }
                cursor += 1
            }
            return false
        }

        /// A clock time right after a date ("02:39 AM", "14:05"): the value with it, and the last
        /// token it takes.
        private func time(after last: Int, date: String) -> (String, Int)? {
            guard let hourToken = token(last + 1), hourToken.isNumber, hourToken.end - hourToken.start <= 2,
                  var hour = tokens.integer(hourToken), isPunctuation(last + 2, ":"), touchesPrevious(last + 2), touchesPrevious(last + 3),
                  let minuteToken = token(last + 3), minuteToken.isNumber, minuteToken.end - minuteToken.start == 2,
                  let minute = tokens.integer(minuteToken), hour < 24, minute < 60 else { return nil }
            var end = last + 3
            if let meridiem = word(end + 1), meridiem == "am" || meridiem == "pm" {
                guard (1...12).contains(hour) else { return nil }
                hour = meridiem == "pm" ? (hour % 12) + 12 : hour % 12
                end += 1
            }
            return (date + "T" + DateParser.padded(hour, 2) + ":" + DateParser.padded(minute, 2), end)
        }

        /// An absolute mention ending at `last`, with a clock time when one follows.
        private func absolute(_ last: Int, _ iso: String) -> (Mention, Int) {
            if let (value, end) = time(after: last, date: iso) { return mention(0, end, value, .absolute) }
            return mention(0, last, iso, .absolute)
        }

        // MARK: Patterns

        /// Unicode's Numeric_Type set, answered for ASCII without the property tables.
        private static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 ? scalar.value >= 0x30 && scalar.value <= 0x39 : scalar.properties.numericType != nil
        }

        /// 2021-06-22, 22.06.2021, 22/06/2021 (06/22/2021 in English).
        private func numericDate() -> (Mention, Int)? {
            guard let first = token(0), first.isNumber else { return nil }
            if let y = year(0), isPunctuation(1, "-"), let monthToken = token(2), let m = tokens.integer(monthToken), isPunctuation(3, "-"), let d = day(4),
               (2...4).allSatisfy(touchesPrevious), let iso = FindDates.iso(y, m, d)
            {
                return mention(0, 4, iso, .absolute)
            }
            guard first.end - first.start <= 2, let a = tokens.integer(first), let separator = token(1), separator.isPunctuation,
                  separator.first == "." || separator.first == "/", let secondToken = token(2), secondToken.isNumber,
                  secondToken.end - secondToken.start <= 2, let b = tokens.integer(secondToken), isPunctuation(3, separator.first),
                  let y = year(4), (1...4).allSatisfy(touchesPrevious) else { return nil }
            var (d, m) = (a, b)
            if separator.first == "/" {
                // Order by language, unless a number over 12 settles it.
                let monthFirst = a > 12 ? false : b > 12 ? true : table.language.numericMonthFirst
                if monthFirst { (d, m) = (b, a) }
            }
            guard let iso = FindDates.iso(y, m, d) else { return nil }
            return mention(0, 4, iso, .absolute)
        }

        /// June 22, 2021 | Feb. 1 | June 2021 (languages that write the month first).
        private func monthFirstDate() -> (Mention, Int)? {
            guard table.language.monthBeforeDay, let m = month(0) else { return nil }
            var cursor = 1
            if isPunctuation(cursor, ".") { cursor += 1 }
            if let d = day(cursor) {
                let dayIndex = cursor
                cursor += 1
                if isPunctuation(cursor, ",") { cursor += 1 }
                if let y = year(cursor), let iso = FindDates.iso(y, m, d) { return absolute(cursor, iso) }
                return mention(0, dayIndex, finder.resolve(month: m, day: d, future: future()), .partial)
            }
            if let y = year(cursor) { return mention(0, cursor, FindDates.yearMonth(y, m), .partial) }
            return nil
        }

        /// 22 June 2021 | 22. Juni 2021 | 22 de junio de 2021 | 22 июня 2021 года | 1er juin.
        private func dayFirstDate() -> (Mention, Int)? {
            guard let d = day(0) else { return nil }
            var cursor = 1
            if isPunctuation(cursor, "."), month(cursor + 1) != nil || month(skipLink(cursor + 1)) != nil { cursor += 1 }
            cursor = skipLink(cursor)
            guard let m = month(cursor) else { return nil }
            var last = cursor
            cursor += 1
            if isPunctuation(cursor, "."), touchesPrevious(cursor) { last = cursor; cursor += 1 }  // "févr."
            let yearIndex = skipLink(cursor)
            if let y = year(yearIndex), let iso = FindDates.iso(y, m, d) {
                last = yearIndex
                if let suffix = word(last + 1), table.language.yearSuffixes.contains(suffix) {
                    last += 1
                    if isPunctuation(last + 1, "."), touchesPrevious(last + 1) { last += 1 }
                }
                return absolute(last, iso)
            }
            if isPunctuation(last, ".") { last -= 1 }
            return mention(0, last, finder.resolve(month: m, day: d, future: future()), .partial)
        }

        /// juin 2021, im Juni 2021's month: a month and a year, no day (month-last languages).
        private func monthAndYear() -> (Mention, Int)? {
            guard !table.language.monthBeforeDay, let m = month(0) else { return nil }
            var cursor = 1
            if isPunctuation(cursor, "."), touchesPrevious(cursor) { cursor += 1 }
            cursor = skipLink(cursor)
            guard let y = year(cursor) else { return nil }
            var last = cursor
            if let suffix = word(last + 1), table.language.yearSuffixes.contains(suffix) { last += 1 }
            return mention(0, last, FindDates.yearMonth(y, m), .partial)
        }

        /// in March | seit Februar | en mars | mid-March | in June last year.
        private func prepositionAndMonth() -> (Mention, Int)? {
            var cursor = 1
            if isPunctuation(cursor, "-"), touchesPrevious(cursor) { cursor += 1 }
            // The month first: it rules out nearly every preposition by its hash alone.
            guard let m = month(cursor), let preposition = word(0), table.language.monthPrepositions.contains(preposition) else { return nil }
            // A day or a year after the month: the month's own pattern reads it, one token later.
            var next = cursor + 1
            if isPunctuation(next, "."), touchesPrevious(next) { next += 1 }
            if day(next) != nil || year(skipLink(next)) != nil { return nil }
            for (words, period) in table.language.lastPeriods where period == .year && phrase(words, at: cursor + 1) {
                guard let reference = finder.reference else { return mention(0, cursor + words.count, nil, .relative) }
                return mention(0, cursor + words.count, FindDates.yearMonth(reference.year - 1, m), .relative)
            }
            return mention(0, cursor, finder.resolve(month: m, future: future()), .partial)
        }

        /// [on] Monday | am Dienstag | Tuesday to Thursday (a range) | na segunda-feira.
        private func weekdays() -> (Mention, Int)? {
            var first = 0
            // The weekday first: it rules out nearly every preposition by its hash alone.
            if weekday(1) != nil, let preposition = word(0), table.language.weekdayPrepositions.contains(preposition) { first = 1 }
            guard let (dayOfWeek, length) = weekday(first) else { return nil }
            let after = first + length
            // "Sunday-school": a compound word, not a day (a hyphen to another weekday is a range).
            if isPunctuation(after, "-"), touchesPrevious(after), weekday(after + 1) == nil { return nil }
            if let link = word(after), table.language.rangeLinks.contains(link), let (lastDay, lastLength) = weekday(after + 1) {
                let from = finder.resolve(weekday: dayOfWeek, future: future())
                let to = from.flatMap { start in FindDates.add(days: (lastDay - dayOfWeek + 7) % 7, to: start) }
                return mention(0, after + lastLength, from.flatMap { f in to.map { "\(f)/\($0)" } }, .relative)
            }
            return mention(0, after - 1, finder.resolve(weekday: dayOfWeek, future: future()), .relative)
        }

        /// yesterday | gestern | aujourd'hui | позавчера.
        private func dayWord() -> (Mention, Int)? {
            guard let first = word(0) else { return nil }
            if let offset = table.language.dayWords[first], !(table.language.lowercaseDayWords.contains(first) && token(0)!.isCapitalized) {
                return mention(0, 0, finder.resolve(dayOffset: offset), .relative)
            }
            for (words, offset) in table.language.dayPhrases where words.first == first && phrase(words, at: 0) {
                return mention(0, words.count - 1, finder.resolve(dayOffset: offset), .relative)
            }
            return nil
        }

        /// 3 days ago | three days ago | vor drei Tagen | il y a 3 jours | 3 giorni fa.
        private func ago() -> (Mention, Int)? {
            for words in table.language.agoBefore where phrase(words, at: 0) {
                let at = words.count
                if hasUnitShape(at + 1), let n = count(at), let unitWord = word(at + 1), let period = table.language.units[unitWord] {
                    return mention(0, at + 1, finder.resolve(ago: n, period), .relative)
                }
            }
            // The unit's shape first: it rules out nearly every "a", "an" and "one" of the text
            // by the next word's shape alone, before `count` makes a string of the word.
            if hasUnitShape(1), let n = count(0), let unitWord = word(1), let period = table.language.units[unitWord], let after = word(2),
               table.language.agoAfter.contains(after)
            {
                return mention(0, 2, finder.resolve(ago: n, period), .relative)
            }
            return nil
        }

        /// last week | letzte Woche | la semaine dernière | в прошлом году.
        private func lastPeriod() -> (Mention, Int)? {
            for (words, period) in table.language.lastPeriods where !words.isEmpty && phrase(words, at: 0) {
                return mention(0, words.count - 1, finder.resolve(last: period), .relative)
            }
            return nil
        }
    }
}
