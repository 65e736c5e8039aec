/// Which hosts a rule file applies to: `example.com` (that host and its `www.`),
/// `.example.com` or `*.example.com` (the domain and every subdomain), or a wildcard anywhere
/// in a label (`news-*.example.com`).
public struct HostPattern: Sendable, Equatable {
    public let source: String
    private let labels: [String]
    private let includesSubdomains: Bool

    public init?(_ source: String) {
        var text = source.trimmedASCII().lowercased()
        guard !text.isEmpty, !text.contains("/"), !text.contains(" ") else { return nil }
        self.source = source
        var subdomains = false
        if text.hasPrefix("*.") { text.removeFirst(2); subdomains = true } else if text.hasPrefix(".") { text.removeFirst(); subdomains = true }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.labels = labels
        includesSubdomains = subdomains
    }

    /// Whether a host (lower case, no port) is covered.
    public func matches(_ host: String) -> Bool {
        var hostLabels = host.lowercased().split(separator: ".").map(String.init)
        if !includesSubdomains, hostLabels.count == labels.count + 1, hostLabels.first == "www" { hostLabels.removeFirst() }
        if includesSubdomains {
            guard hostLabels.count >= labels.count else { return false }
            hostLabels = Array(hostLabels.suffix(labels.count))
        }
        guard hostLabels.count == labels.count else { return false }
        return zip(labels, hostLabels).allSatisfy { Self.label($0, matches: $1) }
    }

    /// `*` in a pattern label matches any run of characters.
    private static func label(_ pattern: String, matches label: String) -> Bool {
        guard pattern.contains("*") else { return pattern == label }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(label)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return parts.count == 1 ? rest.isEmpty : rest.hasSuffix(parts.last!)
    }

    /// How specific the pattern is: more labels and fewer wildcards win when several rules match.
    var specificity: Int { labels.count * 4 - (includesSubdomains ? 2 : 0) - labels.filter { $0.contains("*") }.count }
}
