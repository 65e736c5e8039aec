import Testing
@testable import Winnow

@Suite struct FoldedNamesTests {
    /// A name's key, and the key of every run of its words, is what `FoldedKeyIndex.hash` gives
    /// for those words as strings: the gazetteer and the page tables are keyed by that.
    @Test func keysOfNamesAndOfTheirRunsAreTheKeysOfTheirWords() {
        let samples: [[String]] = [["min", "aung", "hlaing"], ["us"], ["sergei", "shoigu"], ["владимир", "путин"],
                                   ["aussenministerin"], ["jean", "luc", "de", "la", "tour"], ["", "x"]]
        var names = FoldedNames(capacity: 4)
        var built: [FoldedNames.Name] = []
        for words in samples { built.append(names.name(words)) }
        for (words, name) in zip(samples, built) {
            #expect(name.wordCount == words.count)
            #expect(name.key == FoldedKeyIndex.hash(words))
            #expect(names.strings(of: name) == words)
            #expect(names.string(name.bytes) == words.joined(separator: " "))
            for start in 0..<words.count {
                for end in (start + 1)...words.count {
                    #expect(names.key(of: name, words: start..<end) == FoldedKeyIndex.hash(words[start..<end]), "\(words) \(start)..<\(end)")
                }
            }
        }
        // Forgetting every name leaves a buffer that builds the same names again.
        names.removeAll()
        let again = names.name(samples[2])
        #expect(again.key == built[2].key && names.strings(of: again) == samples[2])
    }

    /// Titles whose words are not ASCII: one that folds to ASCII ("Präsident" → "prasident"), and
    /// ones that stay outside it (Cyrillic, Polish "ł"). Each makes the name after it a person
    /// and is left out of it.
    @Test func titlesOutsideASCIIAreCutOffTheNameAfterThem() throws {
        let cases: [(language: String, text: String, name: String, title: String)] = [
            ("de", "Am Montag sprach Präsident Walter Steinhuber in Berlin.", "Walter Steinhuber", "Präsident"),
            ("pl", "Wczoraj generał Piotr Kowalski przyjechał do Gdańska.", "Piotr Kowalski", "generał"),
            ("ru", "Вчера министр обороны Пётр Кузнецов прибыл в Минск.", "Пётр Кузнецов", "министр"),
        ]
        for (language, text, name, title) in cases {
            let found = AnnotateNames(catalog: shippedNames, language: language).run(text)
            let person = try #require(found.first { $0.mentions.contains { $0.text == name } }, "\(text): \(found.map(\.name))")
            #expect(person.kind == "person", "\(text)")
            #expect(!found.contains { $0.mentions.contains { $0.text.contains(title) } }, "\(text)")
        }
    }

    /// A table of folded words answers as `Set<String>.contains` does (canonical equivalence)
    /// whenever it answers at all, and leaves to the strings only words outside plain form, or
    /// every word it lacks when it leaves a listed word out.
    @Test(arguments: [false, true])
    func foldedWordTableAnswersAsAStringSetDoes(listsADecomposedWord: Bool) {
        var words: Set<String> = ["мая", "июня", "марта", "president", "prasident", "генерал", "general"]
        if listsADecomposedWord { words.insert("caf\u{65}\u{301}") }
        let table = FoldedWordTable(words)
        let queries = ["мая", "июня", "май", "president", "prasident", "général", "genera\u{301}l", "café", "caf\u{65}\u{301}",
                       "генерал", "генерал\u{301}", "", "x"]
        var answered = 0
        for query in queries {
            let answer = Array(query.utf8).withUnsafeBufferPointer { table.contains($0) }
            if let answer {
                answered += 1
                #expect(answer == words.contains(query), "\(query)")
            } else {
                // Only a word outside plain form, or a word a table without every listed word lacks.
                #expect(!Array(query.utf8).withUnsafeBufferPointer(FoldedWordTable<Void>.isPlainForm) || listsADecomposedWord, "\(query)")
            }
        }
        #expect(answered >= (listsADecomposedWord ? 5 : 10))
    }
}
