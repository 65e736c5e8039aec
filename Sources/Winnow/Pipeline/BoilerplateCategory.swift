/// Why a block left the body. One list, shared by code, records and docs; the raw values are
/// the JSON names (adding a category keeps schema 1, renaming one bumps it).
public enum BoilerplateCategory: String, CaseIterable, Sendable, Comparable, Hashable {
    case navigation, paywall, sponsor, comments, related, share, newsletter, consent, widget
    case credit, markup, hidden, linkDense, siteRule
    /// Text outside the chosen main content that no more specific rule claimed.
    case outsideContent

    /// The position in `allCases` (the canonical order of records and docs).
    public var order: Int {
        switch self {
        case .navigation: 0
        case .paywall: 1
        case .sponsor: 2
        case .comments: 3
        case .related: 4
        case .share: 5
        case .newsletter: 6
        case .consent: 7
        case .widget: 8
        case .credit: 9
        case .markup: 10
        case .hidden: 11
        case .linkDense: 12
        case .siteRule: 13
        case .outsideContent: 14
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }

    // Equality and hashing by the case, not by the raw-value string (what a String-backed
    // enum otherwise uses): categories are counted and looked up for every removal.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.order == rhs.order }
    public func hash(into hasher: inout Hasher) { hasher.combine(order) }
}
