/// One entity of the gazetteer (`config/names/*.yaml`): its canonical name and every other way
/// pages write it.
public struct NameEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case person, place, organization
    }

    public var name: String
    public var kind: Kind
    /// A stable identifier, such as a Wikidata QID.
    public var id: String?
    /// The naming culture (`conventions.yaml`), when the entry says; otherwise decided from the name.
    public var culture: String?
    /// Short forms that point to the entity beyond those its culture gives ("Suu Kyi").
    public var shortForms: [String] = []
    /// Other names: acronyms, former names ("Burma", "NLD").
    public var aliases: [String] = []
    /// Spellings and transliterations, in any script ("Sergey Shoygu", "Сергей Шойгу").
    public var variants: [String] = []
    /// Words for its people ("Burmese"), mentions of a place.
    public var demonyms: [String] = []
    /// ISO 3166 code of a country entry.
    public var country: String?
    public var file: String
    public var line: Int
}
