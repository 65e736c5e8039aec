/// What the stages decided about one page, in the order they decided it: the material of
/// `winnow explain` and of the record's `removed` and `repairs` counts.
public struct Trace: Sendable {
    public var removals: [Removal] = []
    /// Whether removals get their element description and excerpt (`PipelineOptions.recordsRemovalDetails`).
    public var recordsRemovalDetails = true
    public var notes: [Note] = []
    public var repairs: [String: Int] = [:]
    /// The body's blocks with their position, for `winnow explain` (the text route lists them
    /// only when removals get their details, as `record(_:removal:)` lists removals).
    public var kept: [KeptBlock] = []

    public struct KeptBlock: Sendable {
        public var order: Int
        public var block: Block
        /// Set when the block repeats a metadata field: shown, but it is that field, not body.
        public var role: Role?
        /// The site rule that kept the block, when a `keep:` selector did.
        public var rule: String?

        public enum Role: String, Sendable {
            case title, description
        }
    }

    public init() {}

    public mutating func note(_ stage: String, _ message: String) {
        notes.append(Note(stage: stage, message: message))
    }

    public mutating func countRepair(_ name: String, by count: Int = 1) {
        guard count > 0 else { return }
        repairs[name, default: 0] += count
    }

    /// Removals counted without a `Removal` each, by `BoilerplateCategory.order` (empty until
    /// one is): see `record(_:removal:)`.
    private var countedRemovals: [Int] = []

    /// A removal that a later step does not read: listed when removals get their details
    /// (`winnow explain`, the library's default), else only counted for the record's `removed`
    /// (`winnow clean`). The text route removes most of a page line by line; making each
    /// line's `Removal` and freeing it again cost more than reading the line.
    public mutating func record(_ category: BoilerplateCategory, removal: @autoclosure () -> Removal) {
        if recordsRemovalDetails {
            removals.append(removal())
            return
        }
        if countedRemovals.isEmpty { countedRemovals = Array(repeating: 0, count: BoilerplateCategory.allCases.count) }
        countedRemovals[category.order] += 1
    }

    /// Removal counts per category, in the categories' canonical order.
    public var removedCounts: [(BoilerplateCategory, Int)] {
        var counts = countedRemovals.isEmpty ? Array(repeating: 0, count: BoilerplateCategory.allCases.count) : countedRemovals
        for removal in removals { counts[removal.category.order] += 1 }
        return BoilerplateCategory.allCases.compactMap { category in counts[category.order] > 0 ? (category, counts[category.order]) : nil }
    }

    public struct Note: Sendable, Equatable {
        public var stage: String
        public var message: String
    }
}

/// One block (or subtree) that did not reach the body, with the rule that took it out.
public struct Removal: Sendable, Equatable {
    public var category: BoilerplateCategory
    /// The rule or vocabulary entry, for example `class token "share"` or `tag <nav>`.
    public var reason: String
    /// The stage that decided (strip, extract).
    public var stage: String
    /// A short description of the element, like `div.share-bar#top`.
    public var element: String
    /// The input line of the element (0 when unknown).
    public var line: Int
    /// The first characters of its visible text.
    public var excerpt: String
    /// Position among the page's blocks and removals, for `winnow explain`.
    public var order: Int
    /// The whole text of a removed block, when a later step reads it (credit lines).
    public var fullText: String?

    /// `fullText` starts as nil without an assignment here: with `self.fullText = nil` the
    /// optimizer built each removal twice and copied it into the trace's list (five strings
    /// retained and released a removal; 7 × 10⁶ instructions over the 181 text pages).
    public init(category: BoilerplateCategory, reason: String, stage: String, element: String, line: Int, excerpt: String, order: Int) {
        self.category = category
        self.reason = reason
        self.stage = stage
        self.element = element
        self.line = line
        self.excerpt = excerpt
        self.order = order
    }
}
