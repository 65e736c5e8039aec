/// How one language writes dates in running text: the words `FindDates` reads. The data for
/// each language is in `DateLanguages.swift`; this type only indexes it.
///
/// Every word is lower case, accents as written; several forms of a word (cases, abbreviations,
/// spellings without accents) map to the same value. Phrases are token lists: "il y a", "la
/// semaine dernière", "l ' an dernier" (an apostrophe is a token of its own).
struct DateLanguage: Sendable {
    enum Period: Sendable { case day, week, month, year }

    /// ISO 639-1 code, as the record's `language`.
    var code: String
    /// Month and weekday names start with a capital letter (English, German): a lower-case
    /// "may" or "march" is not a month.
    var capitalizedNames = false
    /// Month forms, 1 ... 12.
    var months: [String: Int] = [:]
    /// Weekday forms, Monday 1 ... Sunday 7 (hyphenated forms like "segunda-feira" included).
    var weekdays: [String: Int] = [:]
    /// Yesterday -1, today 0, tomorrow 1 (one-word forms; longer ones are `dayPhrases`).
    var dayWords: [String: Int] = [:]
    var dayPhrases: [([String], Int)] = []
    /// Day words that are something else when capitalized (German "Morgen" is the morning).
    var lowercaseDayWords: Set<String> = []
    /// Words that make a bare month a date mention: "in March", "seit Februar", "en mars".
    var monthPrepositions: Set<String> = []
    /// Words before a weekday that belong to the mention: "on", "am", "el", "w".
    var weekdayPrepositions: Set<String> = []
    /// Between two weekdays of a range: "to", "bis", "au".
    var rangeLinks: Set<String> = []
    /// Words that put a sentence in the future, so a partial date resolves forward.
    var futureWords: Set<String> = []
    /// Number words for "three days ago".
    var numbers: [String: Int] = [:]
    /// Phrases before "N days" that make it past: "vor", "il y a", "hace".
    var agoBefore: [[String]] = []
    /// Words after "N days" that make it past: "ago", "fa", "geleden".
    var agoAfter: Set<String> = []
    /// Unit forms of "N days ago".
    var units: [String: Period] = [:]
    /// "last week", "la semaine dernière": the period before the reference's.
    var lastPeriods: [([String], Period)] = []
    /// Words allowed between day, month and year: "de" (22 de junio de 2021).
    var dateLinks: Set<String> = []
    /// Words after a year that belong to it: "года", "г", "r".
    var yearSuffixes: Set<String> = []
    /// "June 22" (month before day) is how the language writes dates.
    var monthBeforeDay = false
    /// Numeric dates read month first (06/22/2021), as in the United States.
    var numericMonthFirst = false

    /// First letter and length of every word that can open a mention: a cheap filter that
    /// rules out nearly every token before any string is built.
    private(set) var openingShapes = ShapeSet([])
    /// The same for the words `FindDates` looks for around a date (future words, units).
    private(set) var futureShapes = ShapeSet([])
    private(set) var unitShapes = ShapeSet([])
    /// First words of weekdays (the "segunda" of "segunda-feira"), day phrases, "ago" phrases
    /// and "last week" phrases: which patterns a word can open.
    private(set) var weekdayOpeners: Set<String> = []
    private(set) var dayPhraseOpeners: Set<String> = []
    private(set) var agoOpeners: Set<String> = []
    private(set) var lastPeriodOpeners: Set<String> = []
    /// Month and weekday words of this language and of English, folded as names are
    /// (`NameKey`): never a name on their own ("Monday", "juin").
    private(set) var calendarWords: Set<String> = []
    /// The ASCII calendar words by `ByteHash`: an ASCII token is asked without a string.
    private(set) var calendarWordSet = ASCIIWordSet([])
    /// The same words asked by a folded word's bytes (the name finder's words outside ASCII).
    private(set) var foldedCalendarWords = FoldedWordTable<Void>([String]())
    /// Each word that can open a mention, with the patterns it can open: one lookup per word
    /// instead of one per table.
    private(set) var openers: [String: Openers] = [:]
    /// `openers` for the ASCII words: an ASCII token is looked up by the hash it carries
    /// (`TextTokens.Token.asciiHash`), without a lower-cased string or String hashing.
    private(set) var asciiOpeners = ASCIIWordTable<Openers>([], merge: { $0.union($1) })

    /// `openers` and `months` for every word of plain-form scalars, ASCII or not (`PlainWordTable`).
    private(set) var plainOpeners = PlainWordTable<Openers>([])
    private(set) var plainMonths = PlainWordTable<Int>([])
    /// `weekdays` the same way (a hyphenated one, "segunda-feira", is never a single token's).
    private(set) var plainWeekdays = PlainWordTable<Int>([])

    /// What a word token can open (nil: no pattern).
    func openers(of token: TextTokens.Token, in tokens: TextTokens) -> Openers? {
        if token.asciiHash != 0 {
            switch asciiOpeners.lookup(token, in: tokens) {
            case .absent: return nil
            case .found(let opens): return opens
            case .unknown: return openers[tokens.lower(token)]
            }
        }
        // Other words by shape, then by their hash ("в", "мая"), then by string.
        guard openingShapes.contains(tokens.shape(token)) else { return nil }
        switch plainOpeners.lookup(token, in: tokens) {
        case .absent: return nil
        case .found(let opens): return opens
        case .unknown: return openers[tokens.lower(token)]
        }
    }

    /// The month a word token names (any case; the caller checks capitals).
    func month(of token: TextTokens.Token, in tokens: TextTokens) -> Int? {
        plainMonths.value(of: token, in: tokens, words: months)
    }

    /// The weekday a word token names (any case; the caller checks capitals), without a string
    /// made and hashed for most tokens.
    func weekday(of token: TextTokens.Token, in tokens: TextTokens) -> Int? {
        plainWeekdays.value(of: token, in: tokens, words: weekdays)
    }

    struct Openers: OptionSet, Sendable {
        let rawValue: UInt8
        static let month = Openers(rawValue: 1)
        static let monthPreposition = Openers(rawValue: 2)
        static let weekday = Openers(rawValue: 4)
        static let dayWord = Openers(rawValue: 8)
        static let ago = Openers(rawValue: 16)
        static let lastPeriod = Openers(rawValue: 32)
    }

    mutating func index() {
        weekdayOpeners = Set(weekdays.keys.compactMap { $0.split(separator: "-").first.map(String.init) })
        dayPhraseOpeners = Set(dayPhrases.compactMap(\.0.first))
        agoOpeners = Set(agoBefore.compactMap(\.first))
        lastPeriodOpeners = Set(lastPeriods.compactMap(\.0.first))
        let words = Set(months.keys).union(weekdayOpeners).union(dayWords.keys).union(monthPrepositions)
            .union(weekdayPrepositions).union(numbers.keys).union(dayPhraseOpeners).union(agoOpeners).union(lastPeriodOpeners)
        openingShapes = ShapeSet(words: words)
        futureShapes = ShapeSet(words: futureWords.union(["set"]))
        unitShapes = ShapeSet(words: units.keys)
        func mark<S: Sequence>(_ words: S, _ kind: Openers) where S.Element == String {
            for word in words { openers[word, default: []].insert(kind) }
        }
        mark(months.keys, .month)
        mark(monthPrepositions, .monthPreposition)
        mark(weekdayPrepositions.union(weekdayOpeners), .weekday)
        mark(dayPhraseOpeners.union(dayWords.keys), .dayWord)
        mark(agoOpeners.union(numbers.keys), .ago)
        mark(lastPeriodOpeners, .lastPeriod)
        asciiOpeners = ASCIIWordTable(openers.lazy.map { (word: $0.key, value: $0.value) }, merge: { $0.union($1) })
        plainOpeners = PlainWordTable(openers.lazy.map { (word: $0.key, value: $0.value) })
        plainMonths = PlainWordTable(months.lazy.map { (word: $0.key, value: $0.value) })
        plainWeekdays = PlainWordTable(weekdays.lazy.map { (word: $0.key, value: $0.value) })
        let english = DateLanguages.english
        calendarWords = Set([months.keys, weekdays.keys, english.months.keys, english.weekdays.keys].joined().map(NameKey.fold))
        calendarWordSet = ASCIIWordSet(calendarWords)
        foldedCalendarWords = FoldedWordTable(calendarWords)
    }

    /// The language for a record's language code; English when the page names none or one
    /// without a table.
    static func named(_ code: String?) -> DateLanguage { shared(code).language }

    static func shared(_ code: String?) -> Shared {
        guard let code, let shared = sharedTables[code] else { return sharedTables["en"]! }
        return shared
    }

    /// One table, held by reference.
    final class Shared: Sendable {
        let language: DateLanguage
        init(_ language: DateLanguage) { self.language = language }
    }

    private static let sharedTables: [String: Shared] = DateLanguages.all.mapValues(Shared.init)

    /// Builds a month table from twelve lists of forms.
    static func table(_ forms: [[String]]) -> [String: Int] {
        var table: [String: Int] = [:]
        for (offset, names) in forms.enumerated() {
            for name in names where table[name] == nil { table[name] = offset + 1 }
        }
        return table
    }
}
