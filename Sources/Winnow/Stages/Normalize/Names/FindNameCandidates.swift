/// Finds the spans of body text that may name a person, place or organisation, without a
/// model: runs of capitalised words (with name particles, "of"/"for" inside organisation
/// names, hyphens and dotted acronyms), with titles and roles cut off (`titles.yaml`),
/// possessives left out, sentence-initial function words dropped, and acronyms defined in
/// parentheses ("National League for Democracy (NLD)") remembered.
struct FindNameCandidates {
    struct Candidate {
        /// Folded words ("min", "aung", "hlaing"), for lookups.
        let words: [String]
        /// Scalar offsets in the text.
        var start: Int
        var end: Int
        /// A title stood before it ("Senior General …"): a person.
        var titled = false
        /// The first word opens a sentence (so its capital says nothing).
        var atSentenceStart = false
        /// For an acronym defined in parentheses ("(NLD)"): the candidate it abbreviates.
        var acronymOf: Int? = nil
        /// `FoldedKeyIndex.hash(words)`, worked out once: the key of every gazetteer and page
        /// table the candidate is looked up in.
        let key: UInt64

        init(words: [String], start: Int, end: Int, titled: Bool = false, atSentenceStart: Bool = false, acronymOf: Int? = nil) {
            self.words = words
            self.start = start
            self.end = end
            self.titled = titled
            self.atSentenceStart = atSentenceStart
            self.acronymOf = acronymOf
            key = FoldedKeyIndex.hash(words)
        }
    }

    let catalog: NameCatalog
    let dateWords: Set<String>
    /// The ASCII date words (`DateLanguage.calendarWordSet`).
    let dateWordSet: ASCIIWordSet

    /// Removes a title phrase that ends the run.
    private func dropTrailingTitle(_ run: inout [Int], tokens: [TextTokens.Token], word: (Int) -> String) {
        guard run.count >= 1 else { return }
        let titleHashes = catalog.titleFirstWordHashes
        for length in stride(from: min(run.count, 5), through: 1, by: -1) {
            let tail = run.suffix(length)
            // The phrases are looked up by the tail's first word: an ASCII word whose hash opens
            // no title (nearly all) is passed over before any string is made for it; the other
            // words are folded only for a phrase of the tail's length.
            let hash = tokens[tail.first!].asciiHash
            if hash != 0, !titleHashes.contains(hash) { continue }
            guard let phrases = catalog.titlesByFirstWord[word(tail.first!)] else { continue }
            if phrases.contains(where: { $0.count == length && $0.elementsEqual(tail.map(word)) }) {
                run.removeLast(length)
                return
            }
        }
    }

    /// `"“‘'([«—–-`: what may stand between a sentence's start and its first word.
    private static func opensQuoteOrAside(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "“", "‘", "'", "(", "[", "«", "—", "–", "-": true
        default: false
        }
    }

    /// `.!?…:;`: what ends a sentence (or opens a new one after a colon).
    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "…", ":", ";": true
        default: false
        }
    }

    func find(_ tokens: TextTokens) -> [Candidate] {
        let list = tokens.list
        // The folded words met so far (`FoldedWords`), shared with the nested functions by
        // pointer: a captured variable would be boxed, and every use checked for exclusive access.
        let folded = UnsafeMutablePointer<FoldedWords>.allocate(capacity: 1)
        folded.initialize(to: FoldedWords(tokens: list.count))
        defer {
            folded.pointee.release()
            folded.deinitialize(count: 1)
            folded.deallocate()
        }
        func word(_ index: Int) -> String {
            if let cached = folded.pointee[index] { return cached }
            // A token is letters or digits only: ASCII ones (with a hash) fold by lower-casing.
            let token = list[index]
            let value: String
            if token.asciiHash != 0 {
                value = tokens.lower(token)
            } else if let same = folded.pointee.earlierToken(withTextOf: index, in: tokens), let known = folded.pointee[same] {
                // The same word met before in this text: folding (Unicode tables) costs far more.
                value = known
            } else {
                value = NameKey.fold(tokens.text(token))
            }
            folded.pointee.store(value, at: index)
            return value
        }
        // The catalog's tables, read once: a table read inside the per-token closures is
        // retained and released at every call.
        let stopwordSet = catalog.stopwordSet, stopwords = catalog.stopwords, titlesByFirstWord = catalog.titlesByFirstWord
        let wordClasses = catalog.wordClasses, joinerShapes = catalog.joinerShapes
        // An ASCII token is asked by its hash and scalars (no string made); others by their word.
        func isStopword(_ index: Int) -> Bool {
            stopwordSet.contains(list[index], in: tokens) ?? stopwords.contains(word(index))
        }
        func isDateWord(_ index: Int) -> Bool {
            dateWordSet.contains(list[index], in: tokens) ?? dateWords.contains(word(index))
        }
        func isWord(_ index: Int) -> Bool { index < list.count && !list[index].isPunctuation && !list[index].isNumber }
        func isCapitalizedWord(_ index: Int) -> Bool { isWord(index) && list[index].isCapitalized }
        let scalars = tokens.scalars
        func lineBreakBefore(_ index: Int) -> Bool {
            guard index > 0 else { return true }
            // Read in place: a slice of the scalars would retain and release their storage.
            var position = list[index - 1].end
            let end = list[index].start
            while position < end {
                if scalars[position] == "\n" { return true }
                position += 1
            }
            return false
        }
        func touches(_ index: Int) -> Bool { index > 0 && index < list.count && list[index - 1].end == list[index].start }
        func sentenceStart(_ index: Int) -> Bool {
            var previous = index - 1
            while previous >= 0, list[previous].isPunctuation, Self.opensQuoteOrAside(list[previous].first) {
                if lineBreakBefore(previous + 1) { return true }
                previous -= 1
            }
            if previous < 0 || lineBreakBefore(index) { return true }
            return list[previous].isPunctuation && Self.endsSentence(list[previous].first)
        }
        /// False when the token is ASCII and its lower-cased hash opens no title (most tokens).
        let titleHashes = catalog.titleFirstWordHashes
        let titleShapes = catalog.titleShapes
        func mayOpenTitle(_ index: Int) -> Bool {
            let hash = list[index].asciiHash
            return hash == 0 || titleHashes.contains(hash)
        }
        /// A title phrase starting at `index` and followed by a capitalised word: its length.
        func title(at index: Int) -> Int? {
            guard isWord(index), mayOpenTitle(index), titleShapes.contains(tokens.shape(list[index])),
                  let phrases = titlesByFirstWord[word(index)] else { return nil }
            for phrase in phrases {
                var cursor = index
                var matched = true
                for expected in phrase {
                    // Titles are words; their dots ("Lt. Gen.") are skipped.
                    while cursor < list.count, list[cursor].isPunctuation, list[cursor].first == "." { cursor += 1 }
                    guard isWord(cursor), word(cursor) == expected else { matched = false; break }
                    cursor += 1
                }
                while cursor < list.count, list[cursor].isPunctuation, list[cursor].first == "." { cursor += 1 }
                // "General Assembly", "President Hotel": a title before an organisation or place
                // word is part of that name, not a role.
                if matched, isCapitalizedWord(cursor), !lineBreakBefore(cursor),
                   wordClasses.classes(of: word(cursor)).isDisjoint(with: [.organization, .place]) {
                    return cursor - index
                }
            }
            return nil
        }
        /// A dotted acronym ("U.S.", "U.N."): how many tokens it takes.
        func dottedAcronym(at index: Int) -> Int? {
            // Most tokens asked are words of more than one letter: ruled out at once.
            guard index < list.count, list[index].end - list[index].start == 1 else { return nil }
            var cursor = index
            var letters = 0
            while isCapitalizedWord(cursor), list[cursor].end - list[cursor].start == 1, cursor + 1 < list.count,
                  list[cursor + 1].isPunctuation, list[cursor + 1].first == ".", touches(cursor + 1) {
                letters += 1
                cursor += 2
                if !(cursor < list.count && touches(cursor)) { break }
            }
            return letters >= 2 ? cursor - index : nil
        }

        var candidates: [Candidate] = []
        var index = 0
        var titled = false
        // The token indices of the words in the current run: one buffer for every run.
        var run: [Int] = []
        run.reserveCapacity(16)
        while index < list.count {
            // Most tokens are lower-case words, numbers or punctuation that open no title: no
            // run starts there (what the checks below would find, without their calls).
            let token = list[index]
            if !token.isCapitalized, token.isPunctuation || token.isNumber || (token.asciiHash != 0 && !titleHashes.contains(token.asciiHash)) {
                titled = false
                index += 1
                continue
            }
            if dottedAcronym(at: index) == nil, let length = title(at: index) {
                titled = true
                index += length
                continue
            }
            guard isCapitalizedWord(index) else { titled = false; index += 1; continue }
            run.removeAll(keepingCapacity: true)
            run.append(index)
            var cursor = index
            var acronymWord: String?
            if let length = dottedAcronym(at: index) {
                // "U.S." is one word, "us", as the gazetteer folds it.
                acronymWord = (index..<(index + length)).filter { isWord($0) }.map { word($0) }.joined()
                cursor = index + length
                // "U.N. Security Council": the run goes on.
                while cursor < list.count, isCapitalizedWord(cursor), !lineBreakBefore(cursor), title(at: cursor) == nil {
                    run.append(cursor)
                    cursor += 1
                }
            } else {
                cursor = index + 1
                while cursor < list.count {
                    if lineBreakBefore(cursor) { break }
                    if title(at: cursor) != nil { break }
                    // "The U.S.": a dotted acronym opens a run of its own.
                    if dottedAcronym(at: cursor) != nil { break }
                    if isCapitalizedWord(cursor) { run.append(cursor); cursor += 1; continue }
                    if isWord(cursor), !list[cursor].isCapitalized, joinerShapes.contains(tokens.shape(list[cursor])),
                       !wordClasses.classes(of: word(cursor)).isDisjoint(with: [.particle, .connector]),
                       isCapitalizedWord(cursor + 1), !lineBreakBefore(cursor + 1) {
                        run.append(cursor)
                        run.append(cursor + 1)
                        cursor += 2
                        continue
                    }
                    // Jean-Luc, Rimsky-Korsakov, al-Assad.
                    if list[cursor].isPunctuation, list[cursor].first == "-", touches(cursor), isWord(cursor + 1), touches(cursor + 1) {
                        run.append(cursor + 1)
                        cursor += 2
                        continue
                    }
                    break
                }
            }
            // Possessive: "Hlaing’s", "Hlaing's": the ’s is not part of the name.
            if cursor + 1 < list.count, list[cursor].isPunctuation, list[cursor].first == "’" || list[cursor].first == "'", touches(cursor),
               isWord(cursor + 1), word(cursor + 1) == "s" {
                cursor += 2
            }
            let atStart = sentenceStart(index)
            // Sentence-initial function words and date words are not names ("The", "But", "Monday").
            var dropped = 0
            while dropped < run.count, isStopword(run[dropped]) || isDateWord(run[dropped]) {
                // "The Hague": kept when the whole run is a known name.
                if catalog.entry(forWords: run[dropped...].map(word)) != nil { break }
                dropped += 1
                titled = false
            }
            if dropped > 0 { run.removeFirst(dropped) }
            while let last = run.last, !list[last].isCapitalized || isDateWord(last) { run.removeLast() }
            // A role with no name after it ("Russian Defence Minister"): the role is not a name.
            if acronymWord == nil || run.count > 1 { dropTrailingTitle(&run, tokens: list, word: word) }
            if let first = run.first, let last = run.last {
                var runWords = run.map(word)
                var end = list[last].end
                if let acronymWord, first == index {
                    runWords[0] = acronymWord
                    // The dotted acronym's last dot is part of it.
                    if run.count == 1, cursor - 1 > index, list[cursor - 1].isPunctuation { end = list[cursor - 1].end }
                }
                candidates.append(Candidate(words: runWords, start: list[first].start, end: end, titled: titled,
                                            atSentenceStart: atStart && first == index))
                // "National League for Democracy (NLD)".
                if cursor + 2 < list.count, list[cursor].isPunctuation, list[cursor].first == "(", isWord(cursor + 1),
                   list[cursor + 2].isPunctuation, list[cursor + 2].first == ")" {
                    let acronymToken = list[cursor + 1]
                    let letters = tokens.scalars[acronymToken.start..<acronymToken.end]
                    if (2...8).contains(letters.count), letters.allSatisfy({ $0.properties.isUppercase || $0.properties.numericType != nil }) {
                        candidates.append(Candidate(words: [word(cursor + 1)], start: acronymToken.start, end: acronymToken.end,
                                                    acronymOf: candidates.count - 1))
                        cursor += 3
                    }
                }
            }
            titled = false
            index = max(cursor, index + 1)
        }
        return candidates
    }
}

/// The folded words of the tokens a search has looked at: by token, a place in `strings` (-1:
/// not folded yet). Few tokens are ever folded, so the strings are kept apart from the
/// per-token table, which is then plain integers, filled and freed without a pass over
/// optional strings. Its memory is manual: `release()` frees it.
struct FoldedWords {
    private let places: UnsafeMutableBufferPointer<Int32>
    private var strings: UnsafeMutablePointer<String>
    private var count = 0
    private var capacity = 64

    init(tokens: Int) {
        places = .allocate(capacity: tokens)
        places.initialize(repeating: -1)
        strings = .allocate(capacity: capacity)
    }

    subscript(token: Int) -> String? {
        let place = Int(places[token])
        return place >= 0 ? strings[place] : nil
    }

    /// The first token folded with this text, by a hash of its scalars confirmed scalar by
    /// scalar (words that are not ASCII: the same name recurs through an article).
    private var byText: [UInt64: Int] = [:]

    /// A token folded earlier whose scalars are the token's; the token is remembered otherwise.
    mutating func earlierToken(withTextOf index: Int, in tokens: TextTokens) -> Int? {
        let token = tokens.list[index]
        var hash = ByteHash.empty
        for position in token.start..<token.end {
            let value = tokens.scalars[position].value
            hash = ByteHash.adding(UInt8(truncatingIfNeeded: value), to: ByteHash.adding(UInt8(truncatingIfNeeded: value >> 8), to: hash))
        }
        if let earlier = byText[hash] {
            let other = tokens.list[earlier]
            if tokens.scalars[other.start..<other.end].elementsEqual(tokens.scalars[token.start..<token.end]) { return earlier }
            return nil
        }
        byText[hash] = index
        return nil
    }

    mutating func store(_ word: String, at token: Int) {
        if count == capacity {
            let larger = UnsafeMutablePointer<String>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: strings, count: count)
            strings.deallocate()
            strings = larger
            capacity *= 2
        }
        (strings + count).initialize(to: word)
        places[token] = Int32(count)
        count += 1
    }

    func release() {
        places.deallocate()
        strings.deinitialize(count: count)
        strings.deallocate()
    }
}
