/// Finds the spans of body text that may name a person, place or organisation, without a
/// model: runs of capitalised words (with name particles, "of"/"for" inside organisation
/// names, hyphens and dotted acronyms), with titles and roles cut off (`titles.yaml`),
/// possessives left out, sentence-initial function words dropped, and acronyms defined in
/// parentheses ("National League for Democracy (NLD)") remembered.
struct FindNameCandidates {
    struct Candidate {
        /// Its folded words ("min aung hlaing"), in the page's `FoldedNames`, with their key:
        /// what every gazetteer and page table is asked by.
        let name: FoldedNames.Name
        /// Scalar offsets in the text.
        var start: Int
        var end: Int
        /// A title stood before it ("Senior General …"): a person.
        var titled = false
        /// The first word opens a sentence (so its capital says nothing).
        var atSentenceStart = false
        /// For an acronym defined in parentheses ("(NLD)"): the candidate it abbreviates.
        var acronymOf: Int? = nil

        /// `FoldedKeyIndex.hash` of the words.
        var key: UInt64 { name.key }
    }

    let dateWords: Set<String>
    /// The ASCII date words (`DateLanguage.calendarWordSet`).
    let dateWordSet: ASCIIWordSet
    /// The same, asked by a folded word's bytes (`DateLanguage.foldedCalendarWords`).
    let foldedDateWords: FoldedWordTable<Void>

    /// Removes a title phrase that ends the run. `phrases` gives the title phrases a token's
    /// word opens; `equals`, whether a token's folded word is a phrase's word.
    private func dropTrailingTitle(_ run: inout TokenRun, tokens: [TextTokens.Token], titleHashes: ByteHashSet, phrases: (Int) -> [[[UInt8]]]?,
                                   equals: (Int, [UInt8]) -> Bool) {
        guard run.count >= 1 else { return }
        for length in stride(from: min(run.count, 5), through: 1, by: -1) {
            let first = run.count - length
            // An ASCII word whose hash opens no title (nearly all) is passed over at once.
            let hash = tokens[run[first]].asciiHash
            if hash != 0, !titleHashes.contains(hash) { continue }
            guard let phrases = phrases(run[first]) else { continue }
            if phrases.contains(where: { phrase in
                phrase.count == length && phrase.indices.allSatisfy { equals(run[first + $0], phrase[$0]) }
            }) {
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

    /// The candidates of a text, and their folded words. (The catalog is an argument, not a
    /// stored property: a copy of its fifty tables per page was fifty retains and releases.)
    func find(_ tokens: TextTokens, catalog: NameCatalog) -> (candidates: [Candidate], names: FoldedNames) {
        let list = tokens.list
        // The folded words met so far (`FoldedTokens`), shared with the nested functions by
        // pointer: a captured variable would be boxed, and every use checked for exclusive access.
        let folded = UnsafeMutablePointer<FoldedTokens>.allocate(capacity: 1)
        folded.initialize(to: FoldedTokens(tokens: list.count))
        defer {
            folded.pointee.release()
            folded.deinitialize(count: 1)
            folded.deallocate()
        }
        /// The token's folded word as UTF-8: valid until the next call (which may fold another
        /// token into the buffer).
        func word(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            if let range = folded.pointee.range(of: index) { return folded.pointee.bytes(range) }
            // A token is letters or digits only: ASCII ones (with a hash) fold by lower-casing.
            let token = list[index]
            if token.asciiHash != 0 {
                folded.pointee.storeLowercased(token, of: tokens, at: index)
            } else if let same = folded.pointee.earlierToken(withTextOf: index, in: tokens), let known = folded.pointee.range(of: same) {
                // The same word met before in this text: folding (Unicode tables) costs far more.
                folded.pointee.store(known, at: index)
            } else {
                folded.pointee.store(foldingWordsOf: tokens.text(token), at: index)
            }
            return folded.pointee.bytes(folded.pointee.range(of: index)!)
        }
        /// The token's folded word as a string, for the tables keyed by strings.
        func wordString(_ index: Int) -> String { String(decoding: word(index), as: UTF8.self) }
        /// Whether the token's folded word equals `expected` (folded UTF-8) as strings do: on
        /// the bytes, but through strings when either is not ASCII (canonical equivalence).
        func word(_ index: Int, equals expected: [UInt8]) -> Bool {
            let bytes = word(index)
            if expected.equalsBytes(bytes) { return true }
            if bytes.allSatisfy({ $0 < 0x80 }) && expected.allSatisfy({ $0 < 0x80 }) { return false }
            return String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self)
        }
        // The catalog's tables, read once: a table read inside the per-token closures is
        // retained and released at every call.
        let stopwordSet = catalog.stopwordSet, stopwords = catalog.stopwords, foldedStopwords = catalog.foldedStopwords
        let titlePhrasesByWord = catalog.titlePhrases, foldedTitlePhrases = catalog.foldedTitlePhrases
        let wordClasses = catalog.wordClasses, joinerShapes = catalog.joinerShapes
        // An ASCII token is asked by its hash and scalars (no string made); others by their word.
        func isStopword(_ index: Int) -> Bool {
            stopwordSet.contains(list[index], in: tokens) ?? foldedStopwords.contains(word(index)) ?? stopwords.contains(wordString(index))
        }
        func isDateWord(_ index: Int) -> Bool {
            dateWordSet.contains(list[index], in: tokens) ?? foldedDateWords.contains(word(index)) ?? dateWords.contains(wordString(index))
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
        func isGivenName(_ index: Int) -> Bool { wordClasses.classes(ofBytes: word(index)).contains(.givenName) }
        /// Whether the run's word at `position` is a given name followed by a word of the name
        /// (capitalised, no date word or function word).
        func opensName(_ run: TokenRun, at position: Int) -> Bool {
            position + 1 < run.count && list[run[position + 1]].isCapitalized && !isDateWord(run[position + 1])
                && !isStopword(run[position + 1]) && isGivenName(run[position])
        }
        /// False when the token is ASCII and its lower-cased hash opens no title (most tokens).
        let titleHashes = catalog.titleFirstWordHashes
        let titleShapes = catalog.titleShapes
        func mayOpenTitle(_ index: Int) -> Bool {
            let hash = list[index].asciiHash
            return hash == 0 || titleHashes.contains(hash)
        }
        /// The title phrases (folded words as UTF-8) that the token's word opens.
        func titlePhrases(_ index: Int) -> [[[UInt8]]]? {
            switch foldedTitlePhrases.lookup(word(index)) {
            case .found(let phrases): return phrases
            case .absent: return nil
            case .unknown: return titlePhrasesByWord[wordString(index)]
            }
        }
        /// A title phrase starting at `index` and followed by a capitalised word: its length.
        func title(at index: Int) -> Int? {
            guard isWord(index), mayOpenTitle(index), titleShapes.contains(tokens.shape(list[index])),
                  let phrases = titlePhrases(index) else { return nil }
            for phrase in phrases {
                var cursor = index
                var matched = true
                for expected in phrase {
                    // Titles are words; their dots ("Lt. Gen.") are skipped.
                    while cursor < list.count, list[cursor].isPunctuation, list[cursor].first == "." { cursor += 1 }
                    guard isWord(cursor), word(cursor, equals: expected) else { matched = false; break }
                    cursor += 1
                }
                while cursor < list.count, list[cursor].isPunctuation, list[cursor].first == "." { cursor += 1 }
                // "General Assembly", "President Hotel": a title before an organisation or place
                // word is part of that name, not a role.
                if matched, isCapitalizedWord(cursor), !lineBreakBefore(cursor),
                   wordClasses.classes(ofBytes: word(cursor)).isDisjoint(with: [.organization, .place]) {
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
        var names = FoldedNames(capacity: list.count / 8)
        // A run looked up whole and dropped ("The Hague"): built here, not among the candidates.
        var lookup = FoldedNames(capacity: 4)
        var index = 0
        var titled = false
        // The token indices of the words in the current run: one buffer for every run.
        var run = TokenRun(capacity: list.count)
        defer { run.release() }
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
            run.reset(to: index)
            var cursor = index
            var acronymWord: [UInt8]?
            if let length = dottedAcronym(at: index) {
                // "U.S." is one word, "us", as the gazetteer folds it.
                var joined: [UInt8] = []
                for letter in index..<(index + length) where isWord(letter) { joined.append(contentsOf: word(letter)) }
                acronymWord = joined
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
                       !wordClasses.classes(ofBytes: word(cursor)).isDisjoint(with: [.particle, .connector]),
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
               isWord(cursor + 1), word(cursor + 1, equals: [UInt8(ascii: "s")]) {
                cursor += 2
            }
            let atStart = sentenceStart(index)
            // Sentence-initial function words and date words are not names ("The", "But", "Monday"),
            // but a date word that is also a given name opens one before another name word ("Jan
            // Kowalski", "April Ryan"; not "Jan 5", where the run is the month alone).
            var dropped = 0
            while dropped < run.count, isStopword(run[dropped]) || (isDateWord(run[dropped]) && !opensName(run, at: dropped)) {
                // "The Hague": kept when the whole run is a known name.
                lookup.removeAll()
                for position in dropped..<run.count { lookup.appendWord(word(run[position])) }
                let whole = lookup.finishName()
                if lookup.withBytes(of: whole, { catalog.entry(forKey: $0, hash: whole.key) }) != nil { break }
                dropped += 1
                titled = false
            }
            if dropped > 0 { run.removeFirst(dropped) }
            // A date word ending the run is a date ("… Monday"), unless a given name comes before
            // it ("Theresa May").
            while let last = run.last, !list[last].isCapitalized || (isDateWord(last) && !(run.count >= 2 && isGivenName(run[run.count - 2]))) {
                run.removeLast()
            }
            // A role with no name after it ("Russian Defence Minister"): the role is not a name.
            if acronymWord == nil || run.count > 1 { dropTrailingTitle(&run, tokens: list, titleHashes: titleHashes, phrases: titlePhrases,
                                                                                   equals: { word($0, equals: $1) }) }
            if let first = run.first, let last = run.last {
                var end = list[last].end
                for position in 0..<run.count {
                    let token = run[position]
                    if position == 0, let acronymWord, first == index {
                        acronymWord.withUnsafeBufferPointer { names.appendWord($0) }
                    } else {
                        names.appendWord(word(token))
                    }
                }
                if acronymWord != nil, first == index {
                    // The dotted acronym's last dot is part of it.
                    if run.count == 1, cursor - 1 > index, list[cursor - 1].isPunctuation { end = list[cursor - 1].end }
                }
                candidates.append(Candidate(name: names.finishName(), start: list[first].start, end: end, titled: titled,
                                            atSentenceStart: atStart && first == index))
                // "National League for Democracy (NLD)".
                if cursor + 2 < list.count, list[cursor].isPunctuation, list[cursor].first == "(", isWord(cursor + 1),
                   list[cursor + 2].isPunctuation, list[cursor + 2].first == ")" {
                    let acronymToken = list[cursor + 1]
                    let letters = tokens.scalars[acronymToken.start..<acronymToken.end]
                    if (2...8).contains(letters.count), letters.allSatisfy({ $0.properties.isUppercase || $0.properties.numericType != nil }) {
                        names.appendWord(word(cursor + 1))
                        candidates.append(Candidate(name: names.finishName(), start: acronymToken.start, end: acronymToken.end,
                                                    acronymOf: candidates.count - 1))
                        cursor += 3
                    }
                }
            }
            titled = false
            index = max(cursor, index + 1)
        }
        return (candidates, names)
    }
}

/// The folded words (`NameKey.fold`) of the tokens a search has looked at, as UTF-8 back to
/// back in one buffer, by token: a place in `bytes` (a start of -1: not folded yet). Few tokens
/// are ever folded; the per-token table is plain integers, filled and freed without a pass over
/// strings. Its memory is manual: `release()` frees it.
struct FoldedTokens {
    private let places: UnsafeMutableBufferPointer<(start: Int32, end: Int32)>
    private var bytes: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity = 256

    init(tokens: Int) {
        places = .allocate(capacity: tokens)
        places.initialize(repeating: (-1, -1))
        bytes = .allocate(capacity: capacity)
    }

    /// Where the token's folded word is, once folded.
    func range(of token: Int) -> Range<Int>? {
        let place = places[token]
        return place.start >= 0 ? Int(place.start)..<Int(place.end) : nil
    }

    /// The bytes of a range: valid until the next `store`.
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count)
    }

    /// The first token folded with this text, by a hash of its scalars confirmed scalar by
    /// scalar (words that are not ASCII: the same name recurs through an article).
    private var byText: [UInt64: Int] = [:]

    /// A token folded earlier whose scalars are the token's; the token is remembered otherwise.
    mutating func earlierToken(withTextOf index: Int, in tokens: TextTokens) -> Int? {
        let token = tokens.list[index]
        let hash = tokens.hash(token.start, token.end)
        if let earlier = byText[hash] {
            let other = tokens.list[earlier]
            return tokens.scalars(other.start, other.end, equal: token.start, token.end) ? earlier : nil
        }
        byText[hash] = index
        return nil
    }

    /// Room for `more` bytes.
    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        var larger = capacity * 2
        while count + more > larger { larger *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        grown.moveInitialize(from: bytes, count: count)
        bytes.deallocate()
        bytes = grown
        capacity = larger
    }

    /// An ASCII token (one with an `asciiHash`) lower-cased.
    mutating func storeLowercased(_ token: TextTokens.Token, of tokens: TextTokens, at index: Int) {
        let length = token.end - token.start
        reserve(length)
        tokens.scalars.withUnsafeBufferPointer { scalars in
            for offset in 0..<length {
                let byte = UInt8(truncatingIfNeeded: scalars[token.start + offset].value)
                bytes[count + offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
        }
        places[index] = (Int32(count), Int32(count + length))
        count += length
    }

    /// The folded words of `text` (`NameKey.fold`: one space between them), written in place.
    mutating func store(foldingWordsOf text: String, at index: Int) {
        let start = count
        NameKey.forEachWord(of: text) { word in
            reserve(word.count + 1)
            if count > start {
                bytes[count] = 0x20
                count += 1
            }
            if let base = word.baseAddress { (bytes + count).initialize(from: base, count: word.count) }
            count += word.count
        }
        places[index] = (Int32(start), Int32(count))
    }

    /// The token's word is the one at `range` (a token of the same text).
    mutating func store(_ range: Range<Int>, at index: Int) {
        places[index] = (Int32(range.lowerBound), Int32(range.upperBound))
    }

    func release() {
        places.deallocate()
        bytes.deallocate()
    }
}
