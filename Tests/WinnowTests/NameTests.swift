import Foundation
import Testing
import WinnowTestSupport
@testable import Winnow

/// The catalog shipped in config/names, loaded once.
let shippedNames: NameCatalog = {
    (try? NameLoader.load(folders: [Fixtures.configFolder.path], required: true)) ?? NameCatalog()
}()

private func entities(_ text: String, language: String? = "en") -> [NameEntity] {
    AnnotateNames(catalog: shippedNames, language: language).run(text)
}

private func entity(named name: String, in list: [NameEntity]) -> NameEntity? { list.first { $0.name == name } }

@Suite struct NameAnnotationTests {
    @Test func theShippedCatalogLoads() throws {
        _ = try NameLoader.load(folders: [Fixtures.configFolder.path], required: true)
        #expect(shippedNames.entries.count > 300)
    }

    @Test func titlesPossessivesAndShortForms() throws {
        let text = "Senior General Min Aung Hlaing met Russia’s Defense Minister Sergei Shoigu in Moscow. "
            + "Shoigu praised Min Aung Hlaing’s army, and Senior General Aung Hlaing thanked him. Hlaing left on Tuesday."
        let found = entities(text)
        let general = try #require(entity(named: "Min Aung Hlaing", in: found))
        #expect(general.kind == "person")
        #expect(general.mentions.map(\.text) == ["Min Aung Hlaing", "Min Aung Hlaing", "Aung Hlaing"])
        let shoigu = try #require(entity(named: "Sergei Shoigu", in: found))
        #expect(shoigu.mentions.map(\.text) == ["Sergei Shoigu", "Shoigu"])
        // A lone Burmese word links to nobody and is nobody.
        #expect(!found.contains { $0.mentions.contains { $0.text == "Hlaing" } })
        #expect(entity(named: "Moscow", in: found)?.id == "Q649")
        // No title, no weekday, no sentence opener is a name.
        #expect(!found.contains { ["Senior", "General", "Defense", "Tuesday"].contains(where: $0.name.contains) })
        let scalars = Array(text.unicodeScalars)
        for entity in found {
            for mention in entity.mentions {
                #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            }
        }
    }

    @Test func unknownNamesLinkInTheDocument() throws {
        let found = entities("The court heard Maria Kowalczyk-Nowak on Friday. Later, Kowalczyk-Nowak said she would appeal. "
            + "Officials of the Green Valley Water Authority (GVWA) declined to comment; the GVWA said nothing more.")
        let witness = try #require(entity(named: "Maria Kowalczyk-Nowak", in: found))
        #expect(witness.kind == "person")
        #expect(witness.mentions.map(\.text) == ["Maria Kowalczyk-Nowak", "Kowalczyk-Nowak"])
        let authority = try #require(entity(named: "Green Valley Water Authority", in: found))
        #expect(authority.mentions.map(\.text) == ["Green Valley Water Authority", "GVWA", "GVWA"])
        #expect(!found.contains { ["The", "Later", "Officials"].contains($0.name) })
    }

    @Test func givenNamesThatAreAlsoDateWords() throws {
        let found = entities("Prime Minister Theresa May met Jan Kowalski in Warsaw on Monday. Kowalski spoke first. "
            + "The talks began on Jan 5 and ended in May. Monday Night Football was on.")
        let may = try #require(entity(named: "Theresa May", in: found))
        #expect(may.kind == "person")
        let mayor = try #require(entity(named: "Jan Kowalski", in: found))
        #expect(mayor.kind == "person")
        #expect(mayor.mentions.map(\.text) == ["Jan Kowalski", "Kowalski"])
        // A month alone, or a weekday that is no given name, is still no name.
        #expect(!found.contains { ["Jan", "May", "Monday", "Monday Night Football"].contains($0.name) })
    }

    @Test func spellingsAndScriptsMeetInOneEntity() throws {
        let english = entities("Sergey Shoygu and Dmitri Peskov spoke in Naypyidaw, also written Nay Pyi Taw.")
        #expect(english.map(\.name) == ["Sergei Shoigu", "Dmitry Peskov", "Naypyitaw"])
        #expect(entity(named: "Naypyitaw", in: english)?.mentions.count == 2)
        let russian = entities("Министр обороны Сергей Шойгу встретился с Николаем Патрушевым в Москве.", language: "ru")
        #expect(russian.map(\.name).contains("Sergei Shoigu"))
        #expect(russian.map(\.name).contains("Moscow"))
        // Declined: "Николаем Патрушевым" (instrumental) is Николай Патрушев, both words' endings replaced.
        #expect(russian.map(\.name).contains("Nikolai Patrushev"))
        let demonyms = entities("Burmese soldiers and Myanmarese officials met Russian officers.")
        #expect(demonyms.map(\.name) == ["Myanmar", "Russia"])
    }

    @Test func dottedAcronymsAfterASentenceOpener() {
        let found = entities("The U.S. and the EU imposed bans. The U.N. General Assembly agreed.")
        #expect(found.map(\.name) == ["United States", "European Union", "United Nations General Assembly"])
    }

    @Test func acronymsOfTheGazetteer() throws {
        let found = entities("The NLD won the vote. The National League for Democracy was then dissolved by the junta.")
        let party = try #require(entity(named: "National League for Democracy", in: found))
        #expect(party.mentions.map(\.text) == ["NLD", "National League for Democracy"])
    }
}

@Suite struct TransliterationTests {
    static let rules = shippedNames.transliteration

    @Test(arguments: [
        // Russian (BGN, then press spellings).
        ("Сергей Шойгу", "ru", "Sergei Shoigu"), ("Владимир Путин", "ru", "Vladimir Putin"), ("Дмитрий Песков", "ru", "Dmitry Peskov"),
        ("Николай Патрушев", "ru", "Nikolai Patrushev"), ("Алексей Навальный", "ru", "Alexei Navalny"), ("Мария Захарова", "ru", "Maria Zakharova"),
        ("Юрий Ушаков", "ru", "Yuri Ushakov"), ("Андрей Белоусов", "ru", "Andrei Belousov"),
        // Ukrainian, Belarusian, Bulgarian, Serbian (told by letters or the page language).
        ("Володимир Зеленський", "uk", "Volodymyr Zelensky"), ("Дмитро Кулеба", "uk", "Dmytro Kuleba"),
        ("Віталій Кличко", nil, "Vitali Klitschko"), ("Аляксандр Лукашэнка", "be", "Alyaksandr Lukashenka"),
        ("Святлана Ціханоўская", nil, "Sviatlana Tsikhanowskaya"), ("Румен Радев", "bg", "Rumen Radev"),
        ("Бойко Борисов", "bg", "Boiko Borisov"), ("Александар Вучић", "sr", "Aleksandar Vucic"), ("Београд", nil, "Beograd"),
        // Greek.
        ("Αλέξης Τσίπρας", nil, "Alexis Tsipras"), ("Κυριάκος Μητσοτάκης", nil, "Kyriakos Mitsotakis"),
        // Arabic: known words by the press table.
        ("محمد بن سلمان", nil, "Mohammed bin Salman"), ("بشار الأسد", nil, "Bashar al-Assad"), ("حسن روحاني", nil, "Hassan Rouhani"),
    ] as [(String, String?, String)])
    func toLatin(name: String, language: String?, latin: String) {
        #expect(Transliterate(rules: Self.rules).latin([name], pageLanguage: language) == [latin])
    }

    /// A shared cache answers the second page as the transforms answered the first, for names
    /// of several scripts in one call, and keys a name by its bytes ("й" composed or not).
    @Test func theCacheGivesWhatTheTransformsGave() {
        let names = ["Сергей Шойгу", "Володимир Зеленський", "Αλέξης Τσίπρας", "Sergei Shoigu", "Андрей Белоусов",
                     "Андре\u{0438}\u{0306} Белоусов", "Бойко Борисов"]
        let cache = Transliterate.Cache()
        let first = Transliterate(rules: Self.rules, cache: cache).latin(names, pageLanguage: nil)
        let uncached = names.map { Transliterate(rules: Self.rules).latin([$0], pageLanguage: nil)[0] }
        #expect(first == uncached)
        #expect(first[4] == "Andrei Belousov" && first[5] == "Andrei Belousov")
        let russian = shippedNames.transliteration.cyrillic["default"] ?? ""
        #expect(cache.values(id: russian, of: [names[0], names[4], names[5], "Неизвестный"]) == ["Sergei Shoigu", "Andrei Belousov", "Andrei Belousov", nil])
        #expect(Transliterate(rules: Self.rules, cache: cache).latin(names, pageLanguage: nil) == first)
    }

    @Test func latinNamesPassUnchanged() {
        #expect(Transliterate(rules: Self.rules).latin(["Sergei Shoigu", "Vučić"], pageLanguage: "en") == ["Sergei Shoigu", "Vučić"])
    }

    @Test func aCyrillicPageLinksToTheEnglishEntry() {
        let found = AnnotateNames(catalog: shippedNames, language: "uk").run("Президент Володимир Зеленський прибув до Брюсселя.")
        #expect(found.first?.name == "Volodymyr Zelensky")
    }
}

@Suite struct NameLoaderTests {
    /// The loader trusts these without opening them; each must exist in the ICU Foundation ships.
    @Test(arguments: NameLoader.knownTransforms.sorted())
    func knownTransformsExist(id: String) {
        #expect("a".applyingTransform(StringTransform(rawValue: id), reverse: false) != nil)
    }


    @Test func errorsArePlacedAndEveryOneReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            entries:
              - name: Someone
                kind: wizard
              - kind: person
              - name: Other
                kind: person
                nickname: Oz
            """.write(to: folder.appendingPathComponent("people.yaml"), atomically: false, encoding: .utf8)
        try """
            transforms:
              greek: No-Such-Transform
            """.write(to: folder.appendingPathComponent("transliteration.yaml"), atomically: false, encoding: .utf8)
        do {
            _ = try NameLoader.load(folders: [folder.path], required: true)
            Issue.record("loaded a broken folder")
        } catch {
            let messages = error.errors.map(\.description)
            #expect(messages.contains { $0.contains("people.yaml:3:") && $0.contains("kind must be person, place or organization") })
            #expect(messages.contains { $0.contains("people.yaml:4:") && $0.contains("needs a name") })
            #expect(messages.contains { $0.contains("people.yaml:7:") && $0.contains("unknown key \"nickname\"") })
            #expect(messages.contains { $0.contains("transliteration.yaml:2:") && $0.contains("unknown ICU transform") })
        }
    }
}

@Suite struct RewriteNamesTests {
    @Test func mentionsBecomeCanonicalNamesAndOffsetsFollow() throws {
        var options = PipelineOptions()
        options.names = shippedNames
        options.rewriteNames = true
        options.rewriteDates = true
        let html = articlePage("<p>Sergey Shoygu met the general on Monday; later Shoigu said the talks in Naypyidaw went well.</p>",
                               head: "<meta property=\"article:published_time\" content=\"2021-06-22\">")
        let result = DefaultPipeline(options: options).process(.init(id: "t.html", bytes: Array(html.utf8)))
        let text = try #require(result.record["text"]?.stringValue)
        #expect(text.contains("Sergei Shoigu met the general on Monday [2021-06-21]; later Sergei Shoigu said the talks in Naypyitaw went well."))
        let scalars = Array(text.unicodeScalars)
        for entity in result.article?.entities ?? [] {
            for mention in entity.mentions {
                #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == entity.name)
            }
        }
        for date in result.article?.dates ?? [] {
            #expect(String(String.UnicodeScalarView(scalars[date.start..<date.end])) == date.text)
        }
    }
}

/// `ScalarFolding` folds a scalar at a time; it must give Foundation's fold of the whole text.
@Suite struct ScalarFoldingTests {
    /// Every name, alias, variant, short form and demonym shipped, in a dozen scripts.
    @Test func everyShippedNameFoldsAsFoundationDoes() {
        var texts: [String] = []
        for entry in shippedNames.entries {
            texts += [entry.name] + entry.aliases + entry.variants + entry.shortForms + entry.demonyms
        }
        #expect(texts.count > 2_000)
        let differing = texts.filter { ScalarFolding.fold($0) != ScalarFolding.wholeFold($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    /// Decomposed accents, final sigma, sharp s, ligatures, Arabic marks, Vietnamese stacked
    /// accents, Turkish dotted capitals, and the scalars folded whole (half-width kana, Hangul jamo).
    @Test(arguments: [
        "Cafe\u{301} Ołówek Ærø", "ΟΔΥΣΣΕΑΣ Ὀδυσσεύς", "Straße STRASSE", "ﬁnance ﬀ", "أَحْمَد إِبْرَاهِيم",
        "Nguyễn Tấn Dũng", "İstanbul IĞDIR", "Йошкар-Ола Ёлка Їжак", "ｶﾞｷﾞ ＡＢＣ１２３", "\u{1100}\u{1161}\u{11A8} 한국",
        "Ǆemal ǅ", "x\u{308}\u{301}", "ﾊﾟﾋﾟ", "Ångström Å",
    ])
    func foldsAsFoundationDoes(_ text: String) {
        #expect(ScalarFolding.fold(text) == ScalarFolding.wholeFold(text))
    }
}
