/// Why a block left the body. One list, shared by code, records and docs; the raw values are
/// the JSON names (adding a category keeps schema 1, renaming one bumps it).
public enum BoilerplateCategory: String, CaseIterable, Sendable, Comparable {
    case navigation, paywall, sponsor, comments, related, share, newsletter, consent, widget
    case credit, markup, hidden, linkDense, siteRule
    /// Text outside the chosen main content that no more specific rule claimed.
    case outsideContent

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
