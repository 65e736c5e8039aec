import Foundation
import Testing
import Winnow
import WinnowIO
import WinnowTestSupport

/// The five seed pages (samples/) name the same people many ways; with the shipped gazetteer
/// they must agree on one canonical entity per person, with no title in a name and no
/// sentence-start word taken for one.
@Suite struct SeedNameTests {
    static let catalog: NameCatalog? = try? NameLoader.load(folders: [Fixtures.configFolder.path], required: true)

    static func record(_ page: URL) throws -> JSONValue {
        var options = PipelineOptions()
        options.rules = try RuleLoader.load(folders: [Fixtures.configFolder.path], required: true)
        options.names = try #require(catalog)
        return DefaultPipeline(options: options).process(InputPage(id: page.lastPathComponent, bytes: Array(try Data(contentsOf: page)))).record
    }

    /// (a word the page may use, the entity every mention holding it belongs to)
    static let people = [("Hlaing", "Min Aung Hlaing"), ("Patrushev", "Nikolai Patrushev"), ("Shoigu", "Sergei Shoigu"),
                         ("Suu Kyi", "Aung San Suu Kyi"), ("Putin", "Vladimir Putin"), ("Peskov", "Dmitry Peskov")]

    static let titleWords: Set<String> = ["Senior", "General", "President", "Minister", "Deputy", "Defense", "Defence", "State",
                                          "Counsellor", "Counselor", "Kremlin", "spokesperson", "Nobel", "laureate", "Secretary"]
    static let openers: Set<String> = ["The", "But", "He", "She", "They", "Though", "With", "On", "In", "At", "It", "This", "While"]

    @Test(arguments: Fixtures.samplePages())
    func everyFormOfAPersonIsOneEntity(page: URL) throws {
        let record = try Self.record(page)
        guard case .string(let text)? = record["text"], case .array(let entities)? = record["entities"] else {
            Issue.record("\(page.lastPathComponent): no text or no entities"); return
        }
        var owner: [String: String] = [:]  // mention text → entity name
        for entity in entities {
            guard case .string(let name)? = entity["name"], case .array(let mentions)? = entity["mentions"] else { continue }
            let words = name.split(separator: " ").map(String.init)
            // Titles belong to people; organisations keep theirs ("Defense Ministry", "General Assembly").
            if entity["kind"] == .string("person") {
                #expect(Set(words).isDisjoint(with: Self.titleWords), "\(page.lastPathComponent): a title in \"\(name)\"")
            }
            #expect(!Self.openers.contains(words.first ?? ""), "\(page.lastPathComponent): \"\(name)\" starts with a sentence opener")
            for mention in mentions { if case .string(let form)? = mention["text"] { owner[form] = name } }
        }
        for (word, person) in Self.people where text.contains(word) {
            let forms = owner.filter { $0.key.contains(word) }
            #expect(!forms.isEmpty, "\(page.lastPathComponent): \(word) is in the text but no mention holds it")
            for (form, name) in forms {
                #expect(name == person, "\(page.lastPathComponent): \"\(form)\" went to \(name), not \(person)")
            }
        }
        // A lone "Hlaing" is nobody.
        #expect(owner["Hlaing"] == nil)
    }

    @Test func theSeedsAgreeOnCanonicalNames() throws {
        var namesPerPage: [Set<String>] = []
        for page in Fixtures.samplePages() {
            guard case .array(let entities)? = try Self.record(page)["entities"] else { continue }
            namesPerPage.append(Set(entities.compactMap { $0["name"]?.stringValue }))
        }
        // Every page that speaks of the junta chief, Russia and Myanmar names them identically.
        #expect(namesPerPage.allSatisfy { $0.isSuperset(of: ["Min Aung Hlaing", "Myanmar", "Russia"]) })
        #expect(namesPerPage.filter { $0.contains("Moscow") }.count >= 4)
    }
}
