/// Stage 6b: people, places and organisations in the body text, each with one canonical name
/// across pages. Candidates (`FindNameCandidates`) are looked up in the gazetteer (names,
/// aliases, spelling variants, demonyms; non-Latin names after `Transliterate`); the rest are
/// linked in the document: a short form points to the one full name it ends ("Shoigu" →
/// Sergei Shoigu), as the culture allows (a lone "Hlaing" is nobody: Burmese names have no
/// family name). What stays unknown becomes an entity of its own when it looks like a name.
struct AnnotateNames {
    let catalog: NameCatalog
    let language: String?

    func run(_ text: String) -> [NameEntity] {
        guard !catalog.isEmpty else { return [] }
        return run(TextTokens(text))
    }

    func run(_ tokens: TextTokens) -> [NameEntity] {
        let dates = DateLanguage.shared(language).language
        let candidates = FindNameCandidates(catalog: catalog, dateWords: dates.calendarWords, dateWordSet: dates.calendarWordSet)
            .find(tokens)
        guard !candidates.isEmpty else { return [] }

        // Non-Latin candidates in one transliteration call per script (the script is read
        // from the scalars: only those candidates need their text as a string).
        let nonLatin = candidates.indices.filter {
            Transliterate.script(of: tokens.scalars[candidates[$0].start..<candidates[$0].end]) != .latin
        }
        // By candidate: its words transliterated (non-Latin candidates only), and their key.
        var latin = [(words: [String], key: UInt64)?](repeating: nil, count: candidates.count)
        if !nonLatin.isEmpty {
            let surfaces = nonLatin.map { tokens.text(candidates[$0].start, candidates[$0].end) }
            let converted = Transliterate(rules: catalog.transliteration, cache: catalog.transliterationCache).latin(surfaces, pageLanguage: language)
            for (position, name) in zip(nonLatin, converted) {
                let words = NameKey.words(name)
                latin[position] = (words, FoldedKeyIndex.hash(words))
            }
        }
        /// The words a candidate is resolved by (transliterated when it is not Latin) and their key.
        func resolving(_ position: Int) -> (words: [String], key: UInt64) {
            latin[position] ?? (candidates[position].words, candidates[position].key)
        }

        // 1. The gazetteer.
        var builder = EntityBuilder(catalog: catalog, candidates: candidates.count)
        var slotOf = [Int?](repeating: nil, count: candidates.count)
        var unresolved: [Int] = []
        var acronyms: [Int] = []
        for (position, candidate) in candidates.enumerated() {
            if candidate.acronymOf != nil { acronyms.append(position); continue }
            if let entry = catalog.entry(forWords: candidate.words, key: candidate.key)
                ?? latin[position].flatMap({ catalog.entry(forWords: $0.words, key: $0.key) })
                ?? catalog.entry(forDemonym: candidate.words, key: candidate.key)
                ?? (latin[position] != nil || language == "pl" ? catalog.entry(forDeclined: candidate.words) : nil) {
                slotOf[position] = builder.mention(entry: entry, candidate)
            } else {
                unresolved.append(position)
            }
        }
        // The words met alone, by `ByteHash` (a page's few hundred words do not collide in 64 bits).
        var singleWords = HashKeySet(minimumCapacity: unresolved.count)
        for position in unresolved where candidates[position].words.count == 1 { singleWords.insert(ByteHash.of(candidates[position].words[0])) }
        // 2. Full names met in the page: unknown runs of two or more words (or short forms of
        // longer ones: "Aung Hlaing" after "Min Aung Hlaing").
        for position in unresolved where candidates[position].words.count >= 2 {
            let (words, key) = resolving(position)
            // A listed short form of two words or more ("Suu Kyi") names its entry even alone.
            if let entry = catalog.entry(forShortForm: words, key: key) {
                slotOf[position] = builder.mention(entry: entry, candidates[position])
                continue
            }
            slotOf[position] = builder.linkShortForm(words, key: key, candidates[position])
                ?? builder.newEntity(words: words, key: key, candidate: candidates[position],
                                     kind: kind(of: candidates[position], surnamesUsedAlone: singleWords))
        }
        // 3. Acronyms defined in parentheses are their expansion's entity, there and after.
        for position in acronyms {
            guard let expansion = candidates[position].acronymOf, let slot = slotOf[expansion] else { continue }
            builder.alias(candidates[position].key, to: slot)
            builder.mention(entity: slot, candidates[position])
        }
        // 4. Single words: a defined acronym, a listed short form, a family name; else a name of
        // its own only when something says so.
        for position in unresolved where candidates[position].words.count == 1 {
            let candidate = candidates[position]
            let (words, key) = resolving(position)
            if let slot = builder.aliasTarget(key) { builder.mention(entity: slot, candidate); continue }
            if let entry = catalog.entry(forShortForm: words, key: key), builder.hasEntry(entry) {
                builder.mention(entry: entry, candidate)
                continue
            }
            if builder.linkShortForm(words, key: key, candidate) != nil { continue }
            // A word of a known name that is not a short form of it ("Hlaing"): nobody.
            if builder.isPartOfKnownName(key) { continue }
            // A title, or a capital in mid-sentence, says it is a name; one or two letters ("S",
            // "TV") are not enough to be one.
            if candidate.titled || (!candidate.atSentenceStart && words[0].count >= 3) {
                builder.newEntity(words: words, key: key, candidate: candidate, kind: candidate.titled ? .person : nil)
            }
        }
        return builder.entities(text: tokens)
    }

    /// Person, place or organisation, from the words: organisation and place words, titles,
    /// and the shape of a personal name.
    private func kind(of candidate: FindNameCandidates.Candidate, surnamesUsedAlone: HashKeySet) -> NameEntry.Kind? {
        if candidate.titled { return .person }
        // Each word's lists, asked once: what any word is, and what the first word is.
        var anyWord: WordClasses = []
        var firstWord: WordClasses = []
        for (position, word) in candidate.words.enumerated() {
            let classes = catalog.wordClasses.classes(of: word)
            anyWord.formUnion(classes)
            if position == 0 { firstWord = classes }
        }
        if anyWord.contains(.organization) { return .organization }
        if anyWord.contains(.place) { return .place }
        if anyWord.contains(.connector) { return .organization }
        // A known first name, then one to three more words: a person. Without one, a run is a
        // person only when its last word is used alone elsewhere in the page (a family name).
        if (2...4).contains(candidate.words.count), firstWord.contains(.givenName) { return .person }
        // Every word a Burmese name syllable ("Than Soe Naing").
        if catalog.culture(of: candidate.words, entry: nil) == "burmese" { return .person }
        if (2...4).contains(candidate.words.count), let last = candidate.words.last, surnamesUsedAlone.contains(ByteHash.of(last)),
           !anyWord.contains(.stopword), !candidate.words.contains(where: { catalog.entry(forDemonym: $0) != nil }) {
            return .person
        }
        return nil
    }
}

/// An entity of a record: `{id, name, kind, mentions}`.
public struct NameEntity: Sendable, Equatable {
    public var id: String?
    public var name: String
    public var kind: String
    public var mentions: [NameMention]
}

public struct NameMention: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
}
