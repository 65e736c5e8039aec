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
    private var byEntry: [Int: Int] = [:]
    /// Words (by `runKey`) already resolved to an entity: the forms met and the acronyms defined.
    private var aliases: [UInt64: Int] = [:]
    private var mentioned: Set<Int> = []  // candidate starts already placed
    /// Every run of words inside an entity's name shorter than the name, by `runKey`: what
    /// `isPartOfKnownName` asks, without a scan of every entity per word.
    private var innerRuns: Set<UInt64> = []
    /// Entities by each shorter run of their final words (`runKey`): the short forms
    /// `linkShortForm` may link.
    private var byFinalWords: [UInt64: [Int]] = [:]

    /// Runs are keyed by `FoldedKeyIndex.hash`: a page's runs are a few hundred, and a 64-bit
    /// collision among them is not a practical concern.
    static func runKey<Words: Collection<String>>(_ words: Words) -> UInt64 { FoldedKeyIndex.hash(words) }

    /// Indexes the entity just appended at `slot`.
    private mutating func register(_ slot: Int) {
        let words = working[slot].words
        guard words.count > 1 else { return }
        for length in 1..<words.count {
            for offset in 0...(words.count - length) { innerRuns.insert(Self.runKey(words[offset..<(offset + length)])) }
            byFinalWords[Self.runKey(words.suffix(length)), default: []].append(slot)
        }
    }

    /// `candidates`: how many the page has, to size the tables once (each growth rehashes
    /// every key).
    init(catalog: NameCatalog, candidates: Int) {
        self.catalog = catalog
        aliases.reserveCapacity(candidates)
        mentioned.reserveCapacity(candidates)
        innerRuns.reserveCapacity(candidates * 2)
        byFinalWords.reserveCapacity(candidates)
    }

    func hasEntry(_ entry: Int) -> Bool { byEntry[entry] != nil }

    @discardableResult
    mutating func mention(entry: Int, _ candidate: FindNameCandidates.Candidate) -> Int {
        let slot: Int
        if let existing = byEntry[entry] {
            slot = existing
        } else {
            let item = catalog.entries[entry]
            let words = NameKey.words(item.name)
            working.append(Working(entry: entry, words: words, surface: (candidate.start, candidate.end), kind: item.kind,
                                   culture: catalog.culture(of: words, entry: entry)))
            slot = working.count - 1
            register(slot)
            byEntry[entry] = slot
        }
        add(candidate, to: slot)
        aliases[Self.runKey(candidate.words)] = slot
        return slot
    }

    mutating func mention(entity slot: Int, _ candidate: FindNameCandidates.Candidate) { add(candidate, to: slot) }

    /// `(NLD)` after "National League for Democracy": the acronym is that entity, here and later.
    mutating func alias(_ words: [String], to slot: Int) { aliases[Self.runKey(words)] = slot }

    func aliasTarget(_ words: [String]) -> Int? { aliases[Self.runKey(words)] }

    @discardableResult
    mutating func newEntity(words: [String], candidate: FindNameCandidates.Candidate, kind: NameEntry.Kind?) -> Int {
        let key = Self.runKey(words)
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
    /// Chinese and Korean names only by their listed short forms.
    mutating func linkShortForm(_ words: [String], _ candidate: FindNameCandidates.Candidate) -> Int? {
        var matches: [Int] = []
        for slot in byFinalWords[Self.runKey(words)] ?? [] {
            let entity = working[slot]
            // Cultures without single-word short forms (Burmese, Chinese, Korean) link only
            // by runs of two or more final words; their listed short forms go through the gazetteer.
            let singleWordAllowed = catalog.singleWordShortForms[entity.culture] ?? true
            if words.count == 1 && !singleWordAllowed { continue }
            matches.append(slot)
        }
        guard matches.count == 1 else { return nil }
        add(candidate, to: matches[0])
        aliases[Self.runKey(words)] = matches[0]
        return matches[0]
    }

    /// Whether the words appear inside a known entity's name (a lone "Hlaing" in Min Aung Hlaing).
    func isPartOfKnownName(_ words: [String]) -> Bool {
        innerRuns.contains(Self.runKey(words))
    }

    private mutating func add(_ candidate: FindNameCandidates.Candidate, to slot: Int) {
        guard !mentioned.contains(candidate.start) else { return }
        mentioned.insert(candidate.start)
        working[slot].mentions.append((candidate.start, candidate.end))
        if working[slot].entry == nil, candidate.end - candidate.start > working[slot].surface.end - working[slot].surface.start {
            working[slot].surface = (candidate.start, candidate.end)
        }
        if candidate.titled, working[slot].kind == nil { working[slot].kind = .person }
    }

    /// The entities in order of first mention, with acronyms defined in the text resolved.
    mutating func entities(text tokens: TextTokens) -> [NameEntity] {
        func slice(_ start: Int, _ end: Int) -> String { tokens.text(start, end) }
        return working.filter { !$0.mentions.isEmpty }.map { entity in
            let mentions = entity.mentions.sorted { $0.start < $1.start }.map { NameMention(text: slice($0.start, $0.end), start: $0.start, end: $0.end) }
            let name = entity.entry.map { catalog.entries[$0].name } ?? slice(entity.surface.start, entity.surface.end)
            return NameEntity(id: entity.entry.flatMap { catalog.entries[$0].id }, name: name, kind: (entity.kind?.rawValue) ?? "other",
                              mentions: mentions)
        }.sorted { $0.mentions[0].start < $1.mentions[0].start }
    }
}
