/// A site's own date format, strptime-style: `%Y` `%m` `%d` `%H` `%I` `%M` `%S` `%p` `%b`/`%B`
/// (month names), `%y` (two-digit year, 2000s); any other character matches itself and a space
/// matches any run of spaces.
public struct SiteDateFormat: Sendable, Equatable {
    public let source: String
    private let pieces: [Piece]

    enum Piece: Equatable { case year, shortYear, month, monthName, day, hour, hour12, minute, second, meridiem, literal(Character), space }

    public init(_ source: String) throws(RuleFormatError) {
        self.source = source
        var pieces: [Piece] = []
        var characters = Array(source)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "%" {
                guard index + 1 < characters.count else { throw RuleFormatError(offset: index, message: "a % at the end") }
                let code = characters[index + 1]
                switch code {
                case "Y": pieces.append(.year)
                case "y": pieces.append(.shortYear)
                case "m": pieces.append(.month)
                case "b", "B": pieces.append(.monthName)
                case "d", "e": pieces.append(.day)
                case "H": pieces.append(.hour)
                case "I": pieces.append(.hour12)
                case "M": pieces.append(.minute)
                case "S": pieces.append(.second)
                case "p": pieces.append(.meridiem)
                case "%": pieces.append(.literal("%"))
                default: throw RuleFormatError(offset: index, message: "unknown directive %\(code) (known: %Y %y %m %b %B %d %e %H %I %M %S %p %%)")
                }
                index += 2
            } else {
                pieces.append(character == " " ? .space : .literal(character))
                index += 1
            }
        }
        characters.removeAll()
        guard pieces.contains(.year) || pieces.contains(.shortYear) else { throw RuleFormatError(offset: 0, message: "a date format needs a year (%Y or %y)") }
        guard pieces.contains(.month) || pieces.contains(.monthName) else { throw RuleFormatError(offset: 0, message: "a date format needs a month (%m, %b or %B)") }
        self.pieces = pieces
    }

    /// The date in `text`, ISO 8601 at the precision the format gives, or nil.
    public func parse(_ text: String) -> String? {
        let characters = Array(text.trimmedASCII())
        var index = 0
        var parsed = DateParser.Parsed(year: 0, month: 0, day: 1)
        var pm: Bool?
        func number(maxDigits: Int) -> Int? {
            var digits = ""
            while index < characters.count, digits.count < maxDigits, characters[index].isASCII, characters[index].isNumber {
                digits.append(characters[index])
                index += 1
            }
            return Int(digits)
        }
        for piece in pieces {
            switch piece {
            case .year: guard let value = number(maxDigits: 4) else { return nil }; parsed.year = value
            case .shortYear: guard let value = number(maxDigits: 2) else { return nil }; parsed.year = 2000 + value
            case .month: guard let value = number(maxDigits: 2) else { return nil }; parsed.month = value
            case .day: guard let value = number(maxDigits: 2) else { return nil }; parsed.day = value
            case .hour, .hour12: guard let value = number(maxDigits: 2) else { return nil }; parsed.hour = value
            case .minute: guard let value = number(maxDigits: 2) else { return nil }; parsed.minute = value
            case .second: guard let value = number(maxDigits: 2) else { return nil }; parsed.second = value
            case .monthName:
                var word = ""
                while index < characters.count, characters[index].isLetter { word.append(characters[index]); index += 1 }
                guard let month = DateParser.months[word.lowercased()] else { return nil }
                parsed.month = month
                if index < characters.count, characters[index] == "." { index += 1 }
            case .meridiem:
                var word = ""
                while index < characters.count, characters[index].isLetter || characters[index] == "." { word.append(characters[index]); index += 1 }
                switch word.lowercased().replacingOccurrences(of: ".", with: "") {
                case "am": pm = false
                case "pm": pm = true
                default: return nil
                }
            case .space:
                guard index < characters.count, characters[index].isWhitespace else { return nil }
                while index < characters.count, characters[index].isWhitespace { index += 1 }
            case .literal(let expected):
                guard index < characters.count, characters[index] == expected else { return nil }
                index += 1
            }
        }
        if let pm, let hour = parsed.hour {
            guard (1...12).contains(hour) else { return nil }
            parsed.hour = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour)
        }
        if parsed.hour != nil, parsed.minute == nil { parsed.minute = 0 }
        guard let valid = DateParser.validated(parsed) else { return nil }
        return valid.iso8601
    }
}

/// A format that cannot be read, with the 0-based offset of the problem.
public struct RuleFormatError: Error, Equatable {
    public var offset: Int
    public var message: String
}
