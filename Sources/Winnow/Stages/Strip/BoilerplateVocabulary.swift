/// The words that mark boilerplate, kept apart from the algorithm that uses them (the way
/// trafilatura keeps its XPath lists and Readability its REGEXPS block). The words live in data
/// files, one per category, in `Vocabulary/*.vocab`; the EmbedVocabulary build plugin compiles
/// them into `VocabularyData`, and this type turns those lines into lookup tables once.
///
/// Class and id values are split into lower-case tokens at punctuation and camelCase boundaries
/// ("shareBar-top" → share, bar, top; also the joined pairs "sharebar", "bartop"), and each
/// token is looked up in `tokenCategory`.
enum BoilerplateVocabulary {
    /// Every `key: value` line of the data files, grouped by key; `file` is the category.
    private static func values(_ key: String) -> [(file: String, value: String)] {
        VocabularyData.lines.filter { $0.key == key }.map { ($0.file, $0.value) }
    }

    private static func category(_ file: String) -> BoilerplateCategory {
        guard let category = BoilerplateCategory(rawValue: file) else {
            preconditionFailure("Vocabulary/\(file).vocab names no category")  // a test checks every file
        }
        return category
    }

    /// Class/id tokens per category (`class:` lines hold several, space-separated).
    static let classTokens: [BoilerplateCategory: [String]] = {
        var table: [BoilerplateCategory: [String]] = [:]
        for (file, value) in values("class") {
            table[category(file), default: []].append(contentsOf: value.split(separator: " ").map(String.init))
        }
        return table
    }()

    /// When tokens of several categories match, the lowest `priority:` wins.
    static let categoryPriority: [BoilerplateCategory] = values("priority")
        .sorted { (Int($0.value) ?? .max) < (Int($1.value) ?? .max) }.map { category($0.file) }

    /// Categories whose tokens an article word in the same class name overrides
    /// (`content-with-sidebar`), and which the retry ladder relaxes first.
    static let weakCategories: Set<BoilerplateCategory> = Set(values("weak").map { category($0.file) })

    /// Tokens that mark the article itself; they raise a candidate's score.
    static let positiveTokens: Set<String> = Set(values("positive").map(\.value))

    /// Joined tokens that name the article body: never removed by class tokens.
    static let articleBodyNames: Set<String> = Set(values("bodyName").map(\.value))

    /// Whole class names that hide an element on every screen.
    static let hidingClassNames: Set<String> = Set(values("hidingClass").map(\.value))
    /// `ByteHash` of `hidingClassNames`, for the byte pass over class values.
    static let hidingClassNameHashes = ByteHashSet(hidingClassNames.map { ByteHash.of($0) })

    /// Words that turn a social-network name into embedded content.
    static let embedWords: Set<String> = Set(values("embedWord").map(\.value))

    /// Stems that mark a category inside one unsplit word.
    static let strongStems: [(String, BoilerplateCategory)] = values("stem").map { ($0.value, category($0.file)) }

    /// Positions in `strongStems` by the stem's first byte, in list order: a name is compared
    /// only with the stems that can start it (an empty stem, were there one, with every name).
    static let strongStemsByFirstByte: [[Int]] = {
        var buckets = Array(repeating: [Int](), count: 256)
        for (position, (stem, _)) in strongStems.enumerated() {
            if let first = stem.utf8.first { buckets[Int(first)].append(position) } else { for byte in 0..<256 { buckets[byte].append(position) } }
        }
        return buckets
    }()

    /// Headings that open a block of links to other stories.
    static let relatedHeadings: Set<String> = Set(values("relatedHeading").map(\.value))

    /// `relatedHeadings` by `ByteHash`, for the text route's per-line check: a line is ruled
    /// out without a string or SipHash.
    static let relatedHeadingHashes = ByteHashSet(relatedHeadings.map { ByteHash.of($0) })

    /// For each first byte, the byte lengths of the related headings that open with it (bit
    /// 63: 63 bytes or more): most short lines are ruled out by one load, before their bytes
    /// are hashed.
    static let relatedHeadingOpenings: [UInt64] = {
        var openings = [UInt64](repeating: 0, count: 256)
        for heading in relatedHeadings {
            guard let first = heading.utf8.first else { continue }
            openings[Int(first)] |= 1 << UInt64(min(heading.utf8.count, 63))
        }
        return openings
    }()

    /// ARIA roles that mark page furniture.
    static let roles: [String: BoilerplateCategory] = Dictionary(
        values("role").map { ($0.value, category($0.file)) }, uniquingKeysWith: { first, _ in first })

    /// Text of short blocks that is boilerplate whatever the markup around it. The first match
    /// wins, tried in category priority order (categories without a rank last), then file order.
    static let phrases: [(category: BoilerplateCategory, match: PhraseMatch)] = {
        let all: [(category: BoilerplateCategory, match: PhraseMatch)] = VocabularyData.lines.compactMap { line in
            switch line.key {
            case "exact": return (category(line.file), .exact(line.value))
            case "prefix": return (category(line.file), .prefix(line.value))
            case "contains": return (category(line.file), .contains(line.value))
            default: return nil
            }
        }
        let rank = { (category: BoilerplateCategory) in categoryPriority.firstIndex(of: category) ?? categoryPriority.count }
        return all.enumerated().sorted { (rank($0.element.category), $0.offset) < (rank($1.element.category), $1.offset) }.map(\.element)
    }()

    /// How a phrase matches a comparable text; `PhraseIndex` does the matching.
    enum PhraseMatch: CustomStringConvertible {
        case exact(String), prefix(String), contains(String)

        /// `exact("read more")`, as Swift would print the case, written out: the reflection
        /// behind the default cost 30,000 instructions a reason.
        var description: String {
            switch self {
            case .exact(let phrase): "exact(" + Self.quoted(phrase) + ")"
            case .prefix(let phrase): "prefix(" + Self.quoted(phrase) + ")"
            case .contains(let phrase): "contains(" + Self.quoted(phrase) + ")"
            }
        }

        /// `debugDescription`, which walks the characters to escape them (4,600 instructions a
        /// phrase): printable ASCII without quotes or backslashes (nearly every phrase) is only
        /// put in quotes.
        private static func quoted(_ phrase: String) -> String {
            let plain = !phrase.containsByte { $0 < 0x20 || $0 >= 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
            return plain ? "\"" + phrase + "\"" : phrase.debugDescription
        }
    }

    static let phraseIndex = PhraseIndex(phrases)

    /// Blocks longer than this are never judged by phrase: real paragraphs may quote the words.
    static let phraseBlockLimit = 240

    static let tokenCategory: [String: BoilerplateCategory] = {
        var table: [String: BoilerplateCategory] = [:]
        for category in categoryPriority.reversed() {
            for token in classTokens[category] ?? [] { table[token] = category }
        }
        return table
    }()
}
