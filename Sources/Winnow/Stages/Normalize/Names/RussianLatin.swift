/// Russian in Cyrillic to ASCII Latin exactly as ICU's "Russian-Latin/BGN; Latin-ASCII" writes
/// it (BGN/PCGN 1947, in CLDR's rules), without ICU: ICU's transliterator costs about 55
/// million instructions (8–10 ms) the first time in a process and about three million for a
/// page's twenty names after that, where this costs about 3,000 instructions a name, and
/// Russian news names people on every page.
///
/// CLDR's rules run in two passes over the text, each left to right, and a rule's left context
/// is the text as already rewritten:
/// 1. `separate` rewrites the letters whose spelling depends on the letter before: "е" and "ё"
///    after a vowel, "й", "ъ" or "ь" become "ye" and "yë"; "ы" after a vowel and "э" after a
///    consonant get a "·" ("Аы" → "A·Y", "мэр" → "m·er"). The Latin a rewrite leaves behind
///    is then the next letter's left context, which is why "аее" is "ayee", not "ayeye".
/// 2. `spell` spells every remaining letter, by the letter after for capitals ("Zh" before a
///    lower-case letter, "ZH" otherwise), with "ye" and "yë" again at a word's start.
///
/// Then Latin-ASCII: "ë" → "e", "ʹ" (soft sign) → "'", "ʺ" (hard sign) → "\""; "·" stays.
///
/// The fast path takes only the 66 Russian letters and printable ASCII; any other character
/// (other Cyrillic alphabets, accents, combining marks) returns nil and the caller asks ICU.
/// Tests compare it with ICU on every one- and two-letter string and on random longer ones;
/// `scripts/check-cyrillic-latin.sh` on every three-letter string too.
enum RussianLatin {
    /// The ICU transform id this reproduces (`transliteration.yaml` names it).
    static let transformID = "Russian-Latin/BGN"

    /// `text` in ASCII Latin (plus "·"), or nil when it holds a character outside the fast path.
    static func ascii(_ text: String) -> String? {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard Letter.isRussian(value) || (value >= 0x20 && value < 0x7F) || value == 0x0A else { return nil }
            scalars.append(value)
        }
        return spell(separate(scalars))
    }

    // MARK: Pass 1

    private static func separate(_ input: [UInt32]) -> [UInt32] {
        var output: [UInt32] = []
        output.reserveCapacity(input.count + input.count / 2)
        for (index, letter) in input.enumerated() {
            let before = output.last  // the left context: already rewritten
            let after = index + 1 < input.count ? input[index + 1] : nil  // the right context: not yet
            if let before, let rewritten = separated(letter, before: before, after: after) {
                output.append(contentsOf: rewritten)
            } else {
                output.append(letter)
            }
        }
        return output
    }

    /// Pass 1's rewrite of `letter`, or nil when no rule applies.
    private static func separated(_ letter: UInt32, before: UInt32, after: UInt32?) -> [UInt32]? {
        let afterIsUpper = after.map(Letter.isUpper) ?? false
        switch letter {
        case Letter.yery, Letter.capitalYery:
            if letter == Letter.yery, Letter.isLowerVowel(before) { return [Letter.middleDot, Latin.y] }
            guard Letter.isUpperVowel(before) else { return nil }
            return [Letter.middleDot, (after.map(Letter.isLower) ?? false) ? Latin.y : Latin.capitalY]
        case Letter.e, Letter.capitalE:
            guard Letter.isConsonant(before), before != Letter.shortI, before != Letter.capitalShortI else { return nil }
            return [Letter.middleDot, letter == Letter.e ? Latin.e : Latin.capitalE]
        case Letter.ie, Letter.io:
            guard Letter.isVowel(before) || Letter.isSoftening(before) else { return nil }
            return [Latin.y, letter == Letter.ie ? Latin.e : Latin.eDiaeresis]
        case Letter.capitalIE, Letter.capitalIO:
            guard Letter.isUpperVowel(before) || Letter.isCapitalSoftening(before) else { return nil }
            let vowel: UInt32 = letter == Letter.capitalIE
                ? (afterIsUpper ? Latin.capitalE : Latin.e) : (afterIsUpper ? Latin.capitalEDiaeresis : Latin.eDiaeresis)
            return [Latin.capitalY, vowel]
        default:
            return nil
        }
    }

    // MARK: Pass 2

    private static func spell(_ text: [UInt32]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count * 2)
        var atBoundary = true  // the output so far ends in neither a letter nor a digit
        var index = 0
        while index < text.count {
            let letter = text[index]
            let next = index + 1 < text.count ? text[index + 1] : nil
            var consumed = 1
            let spelling: StaticString
            var letterCase = Case.asWritten
            switch letter {
            case Letter.capitalIE:
                spelling = atBoundary ? ((next.map(Letter.isUpper) ?? false) ? "YE" : "Ye") : "E"
            case Letter.ie, Letter.io:
                spelling = atBoundary ? "ye" : "e"
            case Letter.capitalIO:
                // "[·]? $upper": a "·" between Ё and the next letter is looked through.
                let following = next == Letter.middleDot ? (index + 2 < text.count ? text[index + 2] : nil) : next
                if atBoundary, following.map(Letter.isUpper) ?? false {
                    spelling = "YE"
                } else if atBoundary, following.map(Letter.isLower) ?? false {
                    spelling = "Ye"
                } else {
                    spelling = "E"
                }
            case Letter.capitalTe where next == Letter.capitalEs:
                spelling = "T·S"; consumed = 2
            case Letter.capitalTe where next == Letter.es:
                spelling = "T·s"; consumed = 2
            case Letter.te where next == Letter.es:
                spelling = "t·s"; consumed = 2
            case Letter.capitalSha where next == Letter.capitalChe:
                spelling = "SH·CH"; consumed = 2
            case Letter.capitalSha where next == Letter.che:
                spelling = "Sh·ch"; consumed = 2
            case Letter.sha where next == Letter.che:
                spelling = "sh·ch"; consumed = 2
            case Letter.capitalShortI, Letter.capitalYery:
                spelling = (next.map(Letter.takesSeparatorAfterY) ?? false) ? "Y·" : "Y"
            case Letter.shortI:
                spelling = (next.map(Letter.takesSeparatorAfterY) ?? false) ? "y·" : "y"
            case Letter.yery:
                spelling = (next.map(Letter.takesSeparatorAfterLowerYery) ?? false) ? "y·" : "y"
            case 0x0430...0x044F:
                spelling = Letter.spellings[Int(letter - 0x0430)]
            case 0x0410...0x042F:
                spelling = Letter.spellings[Int(letter - 0x0410)]
                // A capital spelled with several letters is "Zh" before a small letter, "ZH" otherwise.
                letterCase = (next.map(Letter.isLower) ?? false) ? .title : .upper
            default:
                // Not a Russian letter: ASCII, or pass 1's Latin and "·".
                Latin.appendASCII(letter, to: &bytes)
                atBoundary = !Latin.isLetterOrDigit(letter)
                index += 1
                continue
            }
            spelling.withUTF8Buffer { spelled in
                for (position, byte) in spelled.enumerated() {
                    let upper = letterCase == .upper || (letterCase == .title && position == 0)
                    bytes.append(upper && byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
                }
                // Every spelling ends in a letter but "Y·"/"y·"; the signs are letters before
                // Latin-ASCII makes them quotes.
                atBoundary = spelled.last == 0xB7
            }
            index += consumed
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private enum Case { case asWritten, title, upper }

    // MARK: Letters

    private enum Latin {
        static let y: UInt32 = 0x79, capitalY: UInt32 = 0x59, e: UInt32 = 0x65, capitalE: UInt32 = 0x45
        static let eDiaeresis: UInt32 = 0xEB, capitalEDiaeresis: UInt32 = 0xCB

        static func isLetterOrDigit(_ value: UInt32) -> Bool {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, eDiaeresis, capitalEDiaeresis: return true
            default: return false
            }
        }

        /// ASCII as it is; Latin-ASCII's "ë" → "e"; "·" in UTF-8.
        static func appendASCII(_ value: UInt32, to bytes: inout [UInt8]) {
            switch value {
            case eDiaeresis: bytes.append(0x65)
            case capitalEDiaeresis: bytes.append(0x45)
            case Letter.middleDot: bytes.append(0xC2); bytes.append(0xB7)
            default: bytes.append(UInt8(truncatingIfNeeded: value))
            }
        }
    }

    private enum Letter {
        static let middleDot: UInt32 = 0xB7
        // Lower case а…я are U+0430…U+044F, capitals U+0410…U+042F; ё U+0451, Ё U+0401.
        static let ie: UInt32 = 0x0435, capitalIE: UInt32 = 0x0415
        static let io: UInt32 = 0x0451, capitalIO: UInt32 = 0x0401
        static let shortI: UInt32 = 0x0439, capitalShortI: UInt32 = 0x0419
        static let es: UInt32 = 0x0441, capitalEs: UInt32 = 0x0421
        static let te: UInt32 = 0x0442, capitalTe: UInt32 = 0x0422
        static let che: UInt32 = 0x0447, capitalChe: UInt32 = 0x0427
        static let sha: UInt32 = 0x0448, capitalSha: UInt32 = 0x0428
        static let hardSign: UInt32 = 0x044A, capitalHardSign: UInt32 = 0x042A
        static let yery: UInt32 = 0x044B, capitalYery: UInt32 = 0x042B
        static let softSign: UInt32 = 0x044C, capitalSoftSign: UInt32 = 0x042C
        static let e: UInt32 = 0x044D, capitalE: UInt32 = 0x042D

        static func isRussian(_ value: UInt32) -> Bool { (0x0410...0x044F).contains(value) || value == io || value == capitalIO }

        /// Lower case: the Russian small letters, ASCII a–z and the "ë" pass 1 writes.
        static func isLower(_ value: UInt32) -> Bool {
            (0x0430...0x044F).contains(value) || value == io || (0x61...0x7A).contains(value) || value == Latin.eDiaeresis
        }

        static func isUpper(_ value: UInt32) -> Bool {
            (0x0410...0x042F).contains(value) || value == capitalIO || (0x41...0x5A).contains(value) || value == Latin.capitalEDiaeresis
        }

        static func isLowerVowel(_ value: UInt32) -> Bool {
            switch value {
            case 0x0430, 0x0435, 0x0451, 0x044D, 0x0438, 0x043E, 0x0443, 0x044B, 0x044E, 0x044F: return true  // а е ё э и о у ы ю я
            default: return false
            }
        }

        static func isUpperVowel(_ value: UInt32) -> Bool {
            switch value {
            case 0x0410, 0x0415, 0x0401, 0x042D, 0x0418, 0x041E, 0x0423, 0x042B, 0x042E, 0x042F: return true  // А Е Ё Э И О У Ы Ю Я
            default: return false
            }
        }

        static func isVowel(_ value: UInt32) -> Bool { isLowerVowel(value) || isUpperVowel(value) }

        /// Any cased letter that is not a Russian vowel, Latin included (CLDR's `$consonants`).
        static func isConsonant(_ value: UInt32) -> Bool { (isLower(value) || isUpper(value)) && !isVowel(value) }

        /// "й", "ъ", "ь" in either case: before them "е" and "ё" are read "ye", "yë".
        static func isSoftening(_ value: UInt32) -> Bool {
            switch value {
            case shortI, capitalShortI, hardSign, capitalHardSign, softSign, capitalSoftSign: return true
            default: return false
            }
        }

        static func isCapitalSoftening(_ value: UInt32) -> Bool {
            value == capitalShortI || value == capitalHardSign || value == capitalSoftSign
        }

        /// "а", "у", "ы", "э" in either case: after "й" (and capital "Ы") they take a "·".
        static func takesSeparatorAfterY(_ value: UInt32) -> Bool {
            switch value {
            case 0x0410, 0x0430, 0x0423, 0x0443, 0x042B, 0x044B, 0x042D, 0x044D: return true
            default: return false
            }
        }

        /// After a small "ы" only the small ones do.
        static func takesSeparatorAfterLowerYery(_ value: UInt32) -> Bool {
            switch value {
            case 0x0430, 0x0443, 0x044B, 0x044D: return true
            default: return false
            }
        }

        /// The small letters' spellings, а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь
        /// э ю я ("е", "й" and "ы" are spelled by context above; the signs are the same in
        /// both cases, Latin-ASCII's quotes).
        static let spellings: [StaticString] = [
            "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
            "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "\"", "y", "'", "e", "yu", "ya",
        ]
    }
}
