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
        var (candidates, names) = FindNameCandidates(dateWords: dates.calendarWords, dateWordSet: dates.calendarWordSet,
                                                     foldedDateWords: dates.foldedCalendarWords)
            .find(tokens, catalog: catalog)
        guard !candidates.isEmpty else { return [] }

        // Non-Latin candidates in one transliteration call per script (the script is read
        // from the scalars: only those candidates need their text as a string).
        let nonLatin = candidates.indices.filter {
            Transliterate.script(of: tokens.scalars[candidates[$0].start..<candidates[$0].end]) != .latin
        }
        // By candidate: its words transliterated (non-Latin candidates only).
        var latin = [FoldedNames.Name?](repeating: nil, count: candidates.count)
        if !nonLatin.isEmpty {
            // A page names the same people again and again: each spelling is transliterated and
            // folded once, and its mentions share the result. Spellings are told apart by their
            // scalars (hashed, then compared): no string is made for a repeat.
            var spellings: [String] = []
            var firstCandidate: [Int] = []  // of each spelling
            var spellingOf = HashKeyMap<Int>(minimumCapacity: nonLatin.count)
            let spellingOfCandidate = nonLatin.map { position in
                let candidate = candidates[position]
                let hash = tokens.hash(candidate.start, candidate.end)
                if let known = spellingOf[hash] {
                    let first = candidates[firstCandidate[known]]
                    if tokens.scalars(first.start, first.end, equal: candidate.start, candidate.end) { return known }
                } else {
                    spellingOf[hash] = spellings.count
                }
                // New, or (in a 64-bit collision) one not remembered.
                spellings.append(tokens.text(candidate.start, candidate.end))
                firstCandidate.append(position)
                return spellings.count - 1
            }
            let converted = Transliterate(rules: catalog.transliteration, cache: catalog.transliterationCache).latin(spellings, pageLanguage: language)
            let folded = converted.map { names.name(folding: $0) }
            for (position, spelling) in zip(nonLatin, spellingOfCandidate) { latin[position] = folded[spelling] }
        }
        /// The words a candidate is resolved by (transliterated when it is not Latin).
        func resolving(_ position: Int) -> FoldedNames.Name { latin[position] ?? candidates[position].name }

        // 1. The gazetteer.
        var builder = EntityBuilder(candidates: candidates.count)
        var slotOf = [Int?](repeating: nil, count: candidates.count)
        var unresolved: [Int] = []
        var acronyms: [Int] = []
        // The declined-form search tries every combination of case endings: once per name a
        // page repeats (by its key; -1 for none).
        var declined = HashKeyMap<Int>()
        func entry(forDeclined candidate: FindNameCandidates.Candidate) -> Int? {
            if let known = declined[candidate.key] { return known < 0 ? nil : known }
            let found = catalog.entry(forDeclined: candidate.name, in: names)
            declined[candidate.key] = found ?? -1
            return found
        }
        for (position, candidate) in candidates.enumerated() {
            if candidate.acronymOf != nil { acronyms.append(position); continue }
            if let entry = catalog.entry(for: candidate.name, in: names)
                ?? latin[position].flatMap({ catalog.entry(for: $0, in: names) })
                ?? catalog.entry(forDemonym: candidate.name, in: names)
                ?? (latin[position] != nil || language == "pl" ? entry(forDeclined: candidate) : nil) {
                slotOf[position] = builder.mention(entry: entry, candidate, names: &names, catalog: catalog)
            } else {
                unresolved.append(position)
            }
        }
        // The words met alone, by `ByteHash` (a single word's key; a page's few hundred words
        // do not collide in 64 bits).
        var singleWords = HashKeySet(minimumCapacity: unresolved.count)
        for position in unresolved where candidates[position].name.wordCount == 1 { singleWords.insert(candidates[position].key) }
        // 2. Full names met in the page: unknown runs of two or more words (or short forms of
        // longer ones: "Aung Hlaing" after "Min Aung Hlaing").
        for position in unresolved where candidates[position].name.wordCount >= 2 {
            let name = resolving(position)
            // A listed short form of two words or more ("Suu Kyi") names its entry even alone.
            if let entry = catalog.entry(forShortForm: name, in: names) {
                slotOf[position] = builder.mention(entry: entry, candidates[position], names: &names, catalog: catalog)
                continue
            }
            slotOf[position] = builder.linkShortForm(name, candidates[position], catalog: catalog)
                ?? builder.newEntity(name, candidate: candidates[position],
                                     kind: kind(of: candidates[position], in: names, surnamesUsedAlone: singleWords), names: names,
                                     catalog: catalog)
        }
        // 3. Acronyms defined in parentheses are their expansion's entity, there and after.
        for position in acronyms {
            guard let expansion = candidates[position].acronymOf, let slot = slotOf[expansion] else { continue }
            builder.alias(candidates[position].key, to: slot)
            builder.mention(entity: slot, candidates[position])
        }
        // 4. Single words: a defined acronym, a listed short form, a family name; else a name of
        // its own only when something says so.
        for position in unresolved where candidates[position].name.wordCount == 1 {
            let candidate = candidates[position]
            let name = resolving(position)
            if let slot = builder.aliasTarget(name.key) { builder.mention(entity: slot, candidate); continue }
            if let entry = catalog.entry(forShortForm: name, in: names), builder.hasEntry(entry) {
                builder.mention(entry: entry, candidate, names: &names, catalog: catalog)
                continue
            }
            if builder.linkShortForm(name, candidate, catalog: catalog) != nil { continue }
            // A word of a known name that is not a short form of it ("Hlaing"): nobody.
            if builder.isPartOfKnownName(name.key) { continue }
            // A title, or a capital in mid-sentence, says it is a name; one or two letters ("S",
            // "TV") are not enough to be one.
            if candidate.titled || (!candidate.atSentenceStart && Self.characterCount(names.word(0, of: name), in: names) >= 3) {
                builder.newEntity(name, candidate: candidate, kind: candidate.titled ? .person : nil, names: names, catalog: catalog)
            }
        }
        return builder.entities(text: tokens, catalog: catalog)
    }

    /// The characters of a folded word: its bytes when it is ASCII.
    private static func characterCount(_ word: Range<Int32>, in names: FoldedNames) -> Int {
        names.withBytes(word) { bytes in bytes.allSatisfy { $0 < 0x80 } ? bytes.count : String(decoding: bytes, as: UTF8.self).count }
    }

    /// Person, place or organisation, from the words: organisation and place words, titles,
    /// and the shape of a personal name.
    private func kind(of candidate: FindNameCandidates.Candidate, in names: FoldedNames, surnamesUsedAlone: HashKeySet) -> NameEntry.Kind? {
        if candidate.titled { return .person }
        let name = candidate.name, count = name.wordCount
        // Each word's lists, asked once: what any word is, and what the first word is.
        var anyWord: WordClasses = []
        var firstWord: WordClasses = []
        var everyWord = WordClasses.burmeseSyllable
        for position in 0..<count {
            let classes = names.withBytes(names.word(position, of: name)) { catalog.wordClasses.classes(ofBytes: $0) }
            anyWord.formUnion(classes)
            everyWord.formIntersection(classes)
            if position == 0 { firstWord = classes }
        }
        if anyWord.contains(.organization) { return .organization }
        if anyWord.contains(.place) { return .place }
        if anyWord.contains(.connector) { return .organization }
        // A known first name, then one to three more words: a person. Without one, a run is a
        // person only when its last word is used alone elsewhere in the page (a family name).
        if (2...4).contains(count), firstWord.contains(.givenName) { return .person }
        // Every word a Burmese name syllable ("Than Soe Naing"): `NameCatalog.culture`, from the
        // classes just read.
        if count > 1, everyWord.contains(.burmeseSyllable) { return .person }
        if (2...4).contains(count), surnamesUsedAlone.contains(names.key(of: name, words: (count - 1)..<count)),
           !anyWord.contains(.stopword), !(0..<count).contains(where: { position in
               names.withBytes(names.word(position, of: name)) { catalog.entry(forDemonym: $0, hash: ByteHash.of($0)) } != nil
           }) {
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
