import Foundation

/// Credit lines ("Reported by …. Translated by …. Written in English by …", photo credits),
/// gathered from what strip and extract removed as `credit`, for the record's `credits` field.
enum CreditLines {
    static let roles = ["written in english by", "written by", "reported by", "translated by", "edited by",
                        "additional reporting by", "produced by", "compiled by"]

    /// Class tokens of elements whose text is a credit (a photo agency, a copyright line);
    /// bylines and datelines are metadata, not credits.
    static let creditTokens = ["\"credit\"", "\"credits\"", "\"copyright\"", "\"photographer\"", "\"imagecredit\"",
                               "\"photocredit\""]

    static func find(in removals: [Removal], index: PageIndex) -> (credits: [String], authors: [String]) {
        var credits: [String] = []
        var authors: [String] = []
        for removal in removals where removal.category == .credit {
            guard removal.order >= 0, removal.order < index.elements.count else { continue }
            let text: String
            if let fullText = removal.fullText {
                text = fullText
            } else if removal.stage == "siteRules" || (removal.stage == "strip" && creditTokens.contains(where: removal.reason.hasSuffix)) {
                // A site rule's credit drop is a credit by the rule's word.
                text = BlockText.text(of: index.node(at: removal.order), index: nil)
            } else {
                continue
            }
            // A dateline is metadata (published), not a credit.
            guard !text.isEmpty, text.count <= 300, DateParser.parse(text) == nil else { continue }
            let found = parse(text)
            for credit in found.credits where !credits.contains(credit) { credits.append(credit) }
            authors += found.authors
        }
        return (credits, authors)
    }

    /// One credit text: its role sentences ("Translated by …") each a credit, the writers also
    /// authors; any other text is one credit as it is.
    static func parse(_ text: String) -> (credits: [String], authors: [String]) {
        var credits: [String] = []
        var authors: [String] = []
        let pieces = text.split(whereSeparator: { $0 == "." || $0 == "\n" })
        let sentences: [String] = pieces.map { String($0).trimmedASCII() }.filter { !$0.isEmpty }
        for sentence in sentences {
            let lower = sentence.lowercased()
            guard let role = roles.first(where: { lower.hasPrefix($0) }) else { continue }
            credits.append(sentence)
            if role.hasPrefix("written") {
                authors.append(contentsOf: AuthorNames.clean([String(sentence.dropFirst(role.count))]))
            }
        }
        return credits.isEmpty ? ([text], []) : (credits, authors)
    }

    /// Photo agencies and stock libraries that close a photo credit ("…/Getty Images").
    static let agencies: Set<String> = ["afp", "ap", "reuters", "getty images", "getty", "epa", "shutterstock", "istock", "ap photo",
                                        "alamy", "zuma press", "bloomberg", "xinhua", "tass", "anadolu agency", "dpa", "ani", "pti"]

    static func isAgency(_ text: String) -> Bool {
        agencies.contains(text.lowercased().trimmingCharacters(in: .punctuationCharacters))
    }

    /// Whether a (lower-case) line opens with a role: "reported by …".
    static func isRoleLine(_ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        rolePrefixes.opens(lower)
    }

    private static let rolePrefixes = BytePrefixSet(roles)
}
