/// `transliteration.yaml`: the ICU transform per script (and per language for Cyrillic) and
/// the press-spelling layer applied after it.
public struct TransliterationRules: Sendable {
    /// Cyrillic transforms by language code; "default" when the language is not listed.
    var cyrillic: [String: String] = [:]
    var greek: String?
    var arabic: String?
    /// Whole transliterated words the press writes otherwise ("Sergey" → "Sergei").
    var words: [String: String] = [:]
    /// Arabic words to their press spelling, looked up before the transform.
    var arabicWords: [String: String] = [:]
    /// Characters removed from transliterated words.
    var remove: Set<Character> = []
    /// Word endings rewritten, first match wins.
    var endings: [(from: String, to: String)] = []
    /// Letter pairs rewritten before a consonant ("oy" → "oi").
    var beforeConsonant: [(from: String, to: String)] = []

    public init() {}
}
