/// Lines that recur on several pages of one site within a run (menus, footers, promos the
/// vocabularies do not know). Counted before the pages are processed, over every text page of
/// the run, as the number of distinct pages per site that hold the line: the same for any
/// `--jobs` and any input order. A site is the host of the page's URL; pages without a URL
/// (plain `.txt` files) are not counted.
public struct RepeatedLines: Sendable {
    /// A line counts as the site's when at least this many of the site's pages hold it.
    public static let minimumPages = 3
    /// Lines this long are prose: a site repeats them only as boilerplate, but counting
    /// them costs memory for nothing.
    static let maximumLength = 400

    public struct Site: Sendable {
        var pagesPerLine: [String: Int] = [:]

        func pages(of comparable: String) -> Int? {
            guard let pages = pagesPerLine[comparable], pages >= RepeatedLines.minimumPages else { return nil }
            return pages
        }
    }

    var sites: [String: Site] = [:]

    public init() {}

    /// Adds one page's lines (each line once per page).
    public mutating func count(text: [UInt8], url: String?) {
        guard let host = url.flatMap(Self.host) else { return }
        var trace = Trace()
        var seen = Set<String>()
        let lines = SegmentText.lines(text, trace: &trace)
        for index in lines.indices where lines[index].textBytes <= Self.maximumLength {
            seen.insert(lines.comparable(index))
        }
        for line in seen { sites[host, default: Site()].pagesPerLine[line, default: 0] += 1 }
    }

    /// Keeps only the lines that reach `minimumPages`, to hold memory down for the run.
    public mutating func settle() {
        for (host, site) in sites {
            let kept = site.pagesPerLine.filter { $0.value >= Self.minimumPages }
            sites[host] = kept.isEmpty ? nil : Site(pagesPerLine: kept)
        }
    }

    public var isEmpty: Bool { sites.isEmpty }

    func site(for url: String?) -> Site? {
        url.flatMap(Self.host).flatMap { sites[$0] }
    }

    static func host(_ url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }.lowercased()
        guard !host.isEmpty else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}
