/// Ukrainian, Belarusian, Bulgarian and Serbian in Cyrillic to ASCII Latin exactly as ICU's
/// "<Language>-Latin/BGN; Latin-ASCII" writes them, without ICU (see `RussianLatin` for why;
/// Russian's rules look at the letter before and take two passes, so it has its own type).
///
/// These four are one pass, each letter spelled by a table, and only two rules look around:
/// - a capital spelled with several letters is "Zh" before a small letter of the language
///   (the language's own small letters: a Latin "a" after "Ж" is no small letter here), "ZH"
///   otherwise;
/// - a few pairs that would read as one sound are written apart with "·" ("зг" → "z·h"), when
///   both letters are small, both capital, or a capital before a small one ("Зг" → "Z·h"; but
///   "зГ" → "zH"). The pair is spelled at once: its second letter keeps its case's spelling
///   whatever follows.
///
/// Latin-ASCII is folded into the tables ("ž" → "z", "ŭ" → "u", "ʹ" → "'", "ʺ" → "\"").
/// Like `RussianLatin`, the fast path takes only the language's letters and printable ASCII;
/// anything else returns nil and the caller asks ICU. The tests hold it equal to ICU.
struct CyrillicLatin: Sendable {
    /// The ICU transform id this reproduces.
    let transformID: String
    /// Each small letter's spelling, and each capital's small letter.
    private let small: [UInt32: [UInt8]]
    private let capitals: [UInt32: UInt32]
    /// The letters a capital's "Zh" form needs after it (CLDR's `$lower` for the language: its
    /// small letters, with "’" where the table has it).
    private let smallContext: Set<UInt32>
    /// Small-letter pairs written with "·" between.
    private let separatedPairs: Set<UInt64>

    /// `rows`: "capital small spelling" per letter (a letter with no capital, such as "’",
    /// gives "-" for it); `pairs`: the small pairs written apart.
    private init(_ transformID: String, rows: String, pairs: [String]) {
        self.transformID = transformID
        var small: [UInt32: [UInt8]] = [:]
        var capitals: [UInt32: UInt32] = [:]
        for row in rows.split(separator: "\n") {
            let fields = row.split(separator: " ")
            precondition(fields.count == 3, "CyrillicLatin: bad row \(row)")
            let smallLetter = fields[1].unicodeScalars.first!.value
            small[smallLetter] = Array(fields[2].utf8)
            if fields[0] != "-" { capitals[fields[0].unicodeScalars.first!.value] = smallLetter }
        }
        self.small = small
        self.capitals = capitals
        smallContext = Set(small.keys)
        separatedPairs = Set(pairs.map { pair in
            let scalars = pair.unicodeScalars.map(\.value)
            return UInt64(scalars[0]) << 32 | UInt64(scalars[1])
        })
    }

    /// The table for an ICU transform id, when there is one.
    static func table(for transformID: String) -> CyrillicLatin? {
        switch transformID {
        case ukrainian.transformID: ukrainian
        case belarusian.transformID: belarusian
        case bulgarian.transformID: bulgarian
        case serbian.transformID: serbian
        default: nil
        }
    }

    /// `text` in ASCII Latin (plus "·"), or nil when it holds a character outside the fast path.
    func ascii(_ text: String) -> String? {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard small[value] != nil || capitals[value] != nil || (value >= 0x20 && value < 0x7F) || value == 0x0A else { return nil }
            scalars.append(value)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        var index = 0
        while index < scalars.count {
            let letter = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let capital = capitals[letter]
            guard let smallLetter = capital ?? (small[letter] != nil ? letter : nil) else {
                bytes.append(UInt8(truncatingIfNeeded: letter))  // ASCII
                index += 1
                continue
            }
            if let next, let nextSmall = capitals[next] ?? (small[next] != nil ? next : nil),
               separatedPairs.contains(UInt64(smallLetter) << 32 | UInt64(nextSmall)),
               capital != nil || capitals[next] == nil {
                // Both capital: "SH·CH"; capital and small: "Sh·ch"; both small: "sh·ch".
                let bothCapital = capital != nil && capitals[next] != nil
                append(smallLetter, as: capital == nil ? .small : (bothCapital ? .upper : .title), to: &bytes)
                bytes.append(0xC2)
                bytes.append(0xB7)
                append(nextSmall, as: bothCapital ? .upper : .small, to: &bytes)
                index += 2
                continue
            }
            let form: Form = capital == nil ? .small : (next.map(smallContext.contains) ?? false) ? .title : .upper
            append(smallLetter, as: form, to: &bytes)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private enum Form { case small, title, upper }

    private func append(_ smallLetter: UInt32, as form: Form, to bytes: inout [UInt8]) {
        guard let spelling = small[smallLetter] else { return }
        for (position, byte) in spelling.enumerated() {
            let upper = form == .upper || (form == .title && position == 0)
            bytes.append(upper && byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
        }
    }

    // MARK: The tables (BGN/PCGN, after Latin-ASCII)

    static let ukrainian = CyrillicLatin("Ukrainian-Latin/BGN", rows: """
        А а a
        Б б b
        В в v
        Г г h
        Ґ ґ g
        Д д d
        Е е e
        Є є ye
        Ж ж zh
        З з z
        И и y
        І і i
        Ї ї yi
        Й й y
        К к k
        Л л l
        М м m
        Н н n
        О о o
        П п p
        Р р r
        С с s
        Т т t
        У у u
        Ф ф f
        Х х kh
        Ц ц ts
        Ч ч ch
        Ш ш sh
        Щ щ shch
        Ю ю yu
        Я я ya
        Ь ь '
        - ’ "
        """, pairs: ["зг", "кг", "сг", "тс", "цг", "шч"])

    static let belarusian = CyrillicLatin("Belarusian-Latin/BGN", rows: """
        А а a
        Б б b
        В в v
        Г г h
        Ґ ґ g
        Д д d
        Е е ye
        Ё ё yo
        Ж ж zh
        З з z
        І і i
        Й й y
        К к k
        Л л l
        М м m
        Н н n
        О о o
        П п p
        Р р r
        С с s
        Т т t
        У у u
        Ў ў w
        Ф ф f
        Х х kh
        Ц ц ts
        Ч ч ch
        Ш ш sh
        Ы ы y
        Ь ь '
        Э э e
        Ю ю yu
        Я я ya
        - ’ "
        """, pairs: ["зг", "кг", "сг", "тс", "цг"])

    /// "й" is decomposed before the rules (the transform opens with NFD), so it is read as "и"
    /// and its breve, which Latin-ASCII drops: "i".
    static let bulgarian = CyrillicLatin("Bulgarian-Latin/BGN", rows: """
        А а a
        Б б b
        В в v
        Г г g
        Д д d
        Е е e
        Ж ж zh
        З з z
        И и i
        Й й i
        К к k
        Л л l
        М м m
        Н н n
        О о o
        П п p
        Р р r
        С с s
        Т т t
        У у u
        Ф ф f
        Х х kh
        Ц ц ts
        Ч ч ch
        Ш ш sh
        Щ щ sht
        Ъ ъ u
        Ь ь '
        Ю ю yu
        Я я ya
        Ѫ ѫ u
        Ѣ ѣ ye
        """, pairs: ["тс", "шт"])

    static let serbian = CyrillicLatin("Serbian-Latin/BGN", rows: """
        А а a
        Б б b
        В в v
        Г г g
        Д д d
        Ђ ђ d
        Е е e
        Ж ж z
        З з z
        И и i
        Ј ј j
        К к k
        Л л l
        Љ љ lj
        М м m
        Н н n
        Њ њ nj
        О о o
        П п p
        Р р r
        С с s
        Т т t
        Ћ ћ c
        У у u
        Ф ф f
        Х х h
        Ц ц c
        Ч ч c
        Џ џ dz
        Ш ш s
        """, pairs: [])
}
