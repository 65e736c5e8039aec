/// Collects the entities of one page as candidates are resolved: gazetteer entries and names
/// found only in the page, their mentions, and the acronyms the page defines.
struct EntityBuilder {
    struct Working {
        var entry: Int?
        var words: [String]
        /// The longest form met, as written (the canonical name of an entity not in the gazetteer).
        var surface: (start: Int, end: Int)
        var kind: NameEntry.Kind?
        var culture: String
        var mentions: [(start: Int, end: Int)] = []
    }

    let catalog: NameCatalog
    private(set) var working: [Working] = []
    /// The tables are keyed by hashes and integers (`HashKeyMap`): no SipHash per lookup.
    private var byEntry: HashKeyMap<Int>
    /// Words (by `runKey`) already resolved to an entity: the forms met and the acronyms defined.
    private var aliases: HashKeyMap<Int>
    private var mentioned: HashKeySet  // candidate starts already placed
    /// Every run of words inside an entity's name shorter than the name, by `runKey`: what
    /// `isPartOfKnownName` asks, without a scan of every entity per word.
    private var innerRuns: HashKeySet
    /// Entities by each shorter run of their final words (`runKey`): the short forms
    /// `linkShortForm` may link. A list per key, kept as links (`finalWordLinks`: the entity
    /// and the next link, -1 ending it) so that every table holds plain integers.
    private var byFinalWords: HashKeyMap<Int>
    private var finalWordLinks: [(slot: Int, next: Int)] = []

    /// Runs are keyed by `FoldedKeyIndex.hash` (a candidate's `key`): a page's runs are a few
    /// hundred, and a 64-bit collision among them is not a practical concern.
    static func runKey<Words: Collection<String>>(_ words: Words) -> UInt64 { FoldedKeyIndex.hash(words) }

    /// Indexes the entity just appended at `slot`.
    private mutating func register(_ slot: Int) {
        let words = working[slot].words
        guard words.count > 1 else { return }
        for length in 1..<words.count {
            for offset in 0...(words.count - length) { innerRuns.insert(Self.runKey(words[offset..<(offset + length)])) }
            let key = Self.runKey(words.suffix(length))
            finalWordLinks.append((slot, byFinalWords[key] ?? -1))
            byFinalWords[key] = finalWordLinks.count - 1
        }
    }

    /// `candidates`: how many the page has, to size the tables once (each growth rehashes
    /// every key).
    init(catalog: NameCatalog, candidates: Int) {
        self.catalog = catalog
        byEntry = HashKeyMap(minimumCapacity: candidates)
        aliases = HashKeyMap(minimumCapacity: candidates)
        mentioned = HashKeySet(minimumCapacity: candidates)
        innerRuns = HashKeySet(minimumCapacity: candidates * 2)
        byFinalWords = HashKeyMap(minimumCapacity: candidates)
    }

    func hasEntry(_ entry: Int) -> Bool { byEntry[UInt64(entry)] != nil }

    @discardableResult
    mutating func mention(entry: Int, _ candidate: FindNameCandidates.Candidate) -> Int {
        let slot: Int
        if let existing = byEntry[UInt64(entry)] {
            slot = existing
        } else {
            let item = catalog.entries[entry]
            let words = NameKey.words(item.name)
            working.append(Working(entry: entry, words: words, surface: (candidate.start, candidate.end), kind: item.kind,
                                   culture: catalog.culture(of: words, entry: entry)))
            slot = working.count - 1
            register(slot)
            byEntry[UInt64(entry)] = slot
        }
        add(candidate, to: slot)
        aliases[candidate.key] = slot
        return slot
    }

    mutating func mention(entity slot: Int, _ candidate: FindNameCandidates.Candidate) { add(candidate, to: slot) }

    /// `(NLD)` after "National League for Democracy": the acronym (by its `runKey`) is that
    /// entity, here and later.
    mutating func alias(_ key: UInt64, to slot: Int) { aliases[key] = slot }

    /// The entity that words (by `runKey`) were resolved to.
    func aliasTarget(_ key: UInt64) -> Int? { aliases[key] }

    /// `key`: the words' `runKey`.
    @discardableResult
    mutating func newEntity(words: [String], key: UInt64, candidate: FindNameCandidates.Candidate, kind: NameEntry.Kind?) -> Int {
        if let slot = aliases[key] { add(candidate, to: slot); return slot }
        working.append(Working(entry: nil, words: words, surface: (candidate.start, candidate.end), kind: kind,
                               culture: catalog.culture(of: words, entry: nil)))
        register(working.count - 1)
        aliases[key] = working.count - 1
        add(candidate, to: working.count - 1)
        return working.count - 1
    }

    /// Links a short form to the one entity whose name ends with it, as its culture allows:
    /// western names by the last word (or more), Burmese names by two final words or more,
    /// Chinese and Korean names only by their listed short forms. `key`: the words' `runKey`.
    mutating func linkShortForm(_ words: [String], key: UInt64, _ candidate: FindNameCandidates.Candidate) -> Int? {
        var match: Int?
        var link = byFinalWords[key] ?? -1
        while link >= 0 {
            let slot = finalWordLinks[link].slot
            link = finalWordLinks[link].next
            // Cultures without single-word short forms (Burmese, Chinese, Korean) link only
            // by runs of two or more final words; their listed short forms go through the gazetteer.
            if words.count == 1, !(catalog.singleWordShortForms[working[slot].culture] ?? true) { continue }
            // Two entities end with these words: the short form is ambiguous.
            guard match == nil else { return nil }
            match = slot
        }
        guard let match else { return nil }
        add(candidate, to: match)
        aliases[key] = match
        return match
    }

    /// Whether words (by `runKey`) appear inside a known entity's name (a lone "Hlaing" in Min
    /// Aung Hlaing).
    func isPartOfKnownName(_ key: UInt64) -> Bool {
        innerRuns.contains(key)
    }

    private mutating func add(_ candidate: FindNameCandidates.Candidate, to slot: Int) {
        guard mentioned.insert(UInt64(candidate.start)) else { return }
        working[slot].mentions.append((candidate.start, candidate.end))
        if working[slot].entry == nil, candidate.end - candidate.start > working[slot].surface.end - working[slot].surface.start {
            working[slot].surface = (candidate.start, candidate.end)
        }
        if candidate.titled, working[slot].kind == nil { working[slot].kind = .person }
    }

    /// The entities in order of first mention, with acronyms defined in the text resolved.
    func entities(text tokens: TextTokens) -> [NameEntity] {
        var entities: [NameEntity] = []
        entities.reserveCapacity(working.count)
        for entity in working where !entity.mentions.isEmpty {
            var spans = entity.mentions
            // Mentions are added in the order candidates are resolved, not always in text order
            // (starts are unique: a start is mentioned once).
            if zip(spans, spans.dropFirst()).contains(where: { $0.start > $1.start }) { spans.sort { $0.start < $1.start } }
            var mentions: [NameMention] = []
            mentions.reserveCapacity(spans.count)
            for span in spans { mentions.append(NameMention(text: tokens.text(span.start, span.end), start: span.start, end: span.end)) }
            let name = entity.entry.map { catalog.entries[$0].name } ?? tokens.text(entity.surface.start, entity.surface.end)
            entities.append(NameEntity(id: entity.entry.flatMap { catalog.entries[$0].id }, name: name,
                                       kind: (entity.kind?.rawValue) ?? "other", mentions: mentions))
        }
        if zip(entities, entities.dropFirst()).contains(where: { $0.mentions[0].start > $1.mentions[0].start }) {
            entities.sort { $0.mentions[0].start < $1.mentions[0].start }
        }
        return entities
    }
}
