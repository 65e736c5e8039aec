/// Collects the entities of one page as candidates are resolved: gazetteer entries and names
/// found only in the page, their mentions, and the acronyms the page defines. The catalog is
/// passed to the calls that read it, not kept: a copy of its fifty tables in each page's
/// builder was fifty retains and releases a page.
struct EntityBuilder {
    struct Working {
        var entry: Int?
        /// Its folded words (in the page's `FoldedNames`).
        var name: FoldedNames.Name
        /// The longest form met, as written (the canonical name of an entity not in the gazetteer).
        var surface: (start: Int, end: Int)
        var kind: NameEntry.Kind?
        var culture: String
        /// Its mentions, a chain in `mentionList` (-1: none yet).
        var firstMention = -1
        var lastMention = -1
    }

    private(set) var working: [Working] = []
    /// The tables are keyed by hashes and integers (`HashKeyMap`): no SipHash per lookup.
    private var byEntry: HashKeyMap<Int>
    /// Words (by their key, `FoldedKeyIndex.hash`) already resolved to an entity: the forms met
    /// and the acronyms defined. A page's runs are a few hundred, and a 64-bit collision among
    /// them is not a practical concern.
    private var aliases: HashKeyMap<Int>
    private var mentioned: HashKeySet  // candidate starts already placed
    /// Every run of words inside an entity's name shorter than the name, by key: what
    /// `isPartOfKnownName` asks, without a scan of every entity per word.
    private var innerRuns: HashKeySet
    /// Entities by each shorter run of their final words (by key): the short forms
    /// `linkShortForm` may link. A list per key, kept as links (`finalWordLinks`: the entity
    /// and the next link, -1 ending it) so that every table holds plain integers.
    private var byFinalWords: HashKeyMap<Int>
    private var finalWordLinks: [(slot: Int, next: Int)] = []
    /// Every entity's mentions in one list, each linked to the entity's next (-1 ending it): an
    /// array per entity grew one to three times for its first few mentions.
    private var mentionList: [(start: Int, end: Int, next: Int)] = []

    /// Indexes the entity just appended at `slot` by the keys of its runs of words (`FoldedNames.key`).
    private mutating func register(_ slot: Int, names: FoldedNames) {
        let name = working[slot].name, count = name.wordCount
        guard count > 1 else { return }
        for length in 1..<count {
            for offset in 0...(count - length) { innerRuns.insert(names.key(of: name, words: offset..<(offset + length))) }
            let key = names.key(of: name, words: (count - length)..<count)
            finalWordLinks.append((slot, byFinalWords[key] ?? -1))
            byFinalWords[key] = finalWordLinks.count - 1
        }
    }

    /// `candidates`: how many the page has, to size the tables once (each growth rehashes
    /// every key).
    init(candidates: Int) {
        byEntry = HashKeyMap(minimumCapacity: candidates)
        aliases = HashKeyMap(minimumCapacity: candidates)
        mentioned = HashKeySet(minimumCapacity: candidates)
        innerRuns = HashKeySet(minimumCapacity: candidates * 2)
        byFinalWords = HashKeyMap(minimumCapacity: candidates)
        mentionList.reserveCapacity(candidates)
    }

    func hasEntry(_ entry: Int) -> Bool { byEntry[UInt64(entry)] != nil }

    /// The entity of gazetteer entry `entry` (its folded name added to `names` when it is new).
    @discardableResult
    mutating func mention(entry: Int, _ candidate: FindNameCandidates.Candidate, names: inout FoldedNames, catalog: NameCatalog) -> Int {
        let slot: Int
        if let existing = byEntry[UInt64(entry)] {
            slot = existing
        } else {
            let item = catalog.entries[entry]
            let name = names.name(folding: item.name)
            working.append(Working(entry: entry, name: name, surface: (candidate.start, candidate.end), kind: item.kind,
                                   culture: catalog.culture(of: name, in: names, entry: entry)))
            slot = working.count - 1
            register(slot, names: names)
            byEntry[UInt64(entry)] = slot
        }
        add(candidate, to: slot)
        aliases[candidate.key] = slot
        return slot
    }

    mutating func mention(entity slot: Int, _ candidate: FindNameCandidates.Candidate) { add(candidate, to: slot) }

    /// `(NLD)` after "National League for Democracy": the acronym (by its key) is that
    /// entity, here and later.
    mutating func alias(_ key: UInt64, to slot: Int) { aliases[key] = slot }

    /// The entity that words (by key) were resolved to.
    func aliasTarget(_ key: UInt64) -> Int? { aliases[key] }

    /// An entity found only in the page, named `name` (in `names`).
    @discardableResult
    mutating func newEntity(_ name: FoldedNames.Name, candidate: FindNameCandidates.Candidate, kind: NameEntry.Kind?, names: FoldedNames,
                            catalog: NameCatalog) -> Int {
        if let slot = aliases[name.key] { add(candidate, to: slot); return slot }
        working.append(Working(entry: nil, name: name, surface: (candidate.start, candidate.end), kind: kind,
                               culture: catalog.culture(of: name, in: names, entry: nil)))
        register(working.count - 1, names: names)
        aliases[name.key] = working.count - 1
        add(candidate, to: working.count - 1)
        return working.count - 1
    }

    /// Links a short form to the one entity whose name ends with it, as its culture allows:
    /// western names by the last word (or more), Burmese names by two final words or more,
    /// Chinese and Korean names only by their listed short forms.
    mutating func linkShortForm(_ name: FoldedNames.Name, _ candidate: FindNameCandidates.Candidate, catalog: NameCatalog) -> Int? {
        let key = name.key
        var match: Int?
        var link = byFinalWords[key] ?? -1
        while link >= 0 {
            let slot = finalWordLinks[link].slot
            link = finalWordLinks[link].next
            // Cultures without single-word short forms (Burmese, Chinese, Korean) link only
            // by runs of two or more final words; their listed short forms go through the gazetteer.
            if name.wordCount == 1, !(catalog.singleWordShortForms[working[slot].culture] ?? true) { continue }
            // Two entities end with these words: the short form is ambiguous.
            guard match == nil else { return nil }
            match = slot
        }
        guard let match else { return nil }
        add(candidate, to: match)
        aliases[key] = match
        return match
    }

    /// Whether words (by key) appear inside a known entity's name (a lone "Hlaing" in Min
    /// Aung Hlaing).
    func isPartOfKnownName(_ key: UInt64) -> Bool {
        innerRuns.contains(key)
    }

    private mutating func add(_ candidate: FindNameCandidates.Candidate, to slot: Int) {
        guard mentioned.insert(UInt64(candidate.start)) else { return }
        mentionList.append((candidate.start, candidate.end, -1))
        let new = mentionList.count - 1
        if working[slot].lastMention >= 0 { mentionList[working[slot].lastMention].next = new } else { working[slot].firstMention = new }
        working[slot].lastMention = new
        if working[slot].entry == nil, candidate.end - candidate.start > working[slot].surface.end - working[slot].surface.start {
            working[slot].surface = (candidate.start, candidate.end)
        }
        if candidate.titled, working[slot].kind == nil { working[slot].kind = .person }
    }

    /// The entities in order of first mention, with acronyms defined in the text resolved.
    func entities(text tokens: TextTokens, catalog: NameCatalog) -> [NameEntity] {
        var entities: [NameEntity] = []
        entities.reserveCapacity(working.count)
        var spans: [(start: Int, end: Int)] = []  // one buffer for every entity
        for entity in working where entity.firstMention >= 0 {
            spans.removeAll(keepingCapacity: true)
            var link = entity.firstMention
            while link >= 0 {
                spans.append((mentionList[link].start, mentionList[link].end))
                link = mentionList[link].next
            }
            // Mentions are added in the order candidates are resolved, not always in text order
            // (starts are unique: a start is mentioned once).
            if zip(spans, spans.dropFirst()).contains(where: { $0.start > $1.start }) { spans.sort { $0.start < $1.start } }
            var mentions: [NameMention] = []
            mentions.reserveCapacity(spans.count)
            for span in spans {
                // Most mentions of an entity are written as the one before: its string is shared.
                if let last = mentions.last, last.end - last.start == span.end - span.start,
                   tokens.scalars(last.start, last.end, equal: span.start, span.end) {
                    mentions.append(NameMention(text: last.text, start: span.start, end: span.end))
                } else {
                    mentions.append(NameMention(text: tokens.text(span.start, span.end), start: span.start, end: span.end))
                }
            }
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
