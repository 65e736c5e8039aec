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

    /// A site's lines by the `TextHash` of their comparable form (the one `SegmentText` takes),
    /// each with its bytes, which confirm the key: lines are matched on their bytes, as the
    /// vocabularies match them, and no string is made or hashed per line, in the counting pass
    /// or when a page's lines are looked up. The bytes of all the site's lines are kept back to
    /// back in one array (no allocation per line).
    public struct Site: Sendable {
        struct Entry: Sendable {
            var start: Int
            var count: Int
            var pages: Int
        }

        /// Keyed by the hash itself (`HashKeyMap`): a `Dictionary` ran SipHash over it at every
        /// line of the counting pass.
        var entries = HashKeyMap<Entry>()
        var bytes: [UInt8] = []

        /// The pages of the site that hold this comparable line (its bytes and `TextHash`),
        /// when they reach `minimumPages`.
        func pages(of comparable: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
            guard let entry = entries[hash], entry.pages >= RepeatedLines.minimumPages, holds(entry, comparable) else { return nil }
            return entry.pages
        }

        /// Counts a page holding this line.
        mutating func add(_ comparable: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            if let entry = entries[hash] {
                if holds(entry, comparable) { entries[hash]!.pages += 1 }
            } else {
                entries[hash] = Entry(start: bytes.count, count: comparable.count, pages: 1)
                bytes.append(contentsOf: comparable)
            }
        }

        private func holds(_ entry: Entry, _ comparable: UnsafeBufferPointer<UInt8>) -> Bool {
            entry.count == comparable.count && bytes.withUnsafeBufferPointer {
                UnsafeBufferPointer(rebasing: $0[entry.start..<(entry.start + entry.count)]).equalsBytes(comparable)
            }
        }

        /// The lines that reach `minimumPages`, their bytes copied to a new array.
        func settled() -> Site? {
            var kept = Site()
            entries.forEach { hash, entry in
                guard entry.pages >= RepeatedLines.minimumPages else { return }
                kept.entries[hash] = Entry(start: kept.bytes.count, count: entry.count, pages: entry.pages)
                kept.bytes.append(contentsOf: bytes[entry.start..<(entry.start + entry.count)])
            }
            return kept.entries.count == 0 ? nil : kept
        }
    }

    var sites: [String: Site] = [:]

    public init() {}

    /// Adds one page's lines (each line once per page). Two different lines with one hash (a
    /// 64-bit collision) are not told apart by a table keyed by it: the later is not counted.
    public mutating func count(text: [UInt8], url: String?) {
        guard let host = url.flatMap(ExtractMetadata.host) else { return }
        var trace = Trace()
        let page = SegmentText.lines(text, trace: &trace, upTo: Self.maximumLength)
        var site = sites.removeValue(forKey: host) ?? Site()
        var seen = HashKeySet(minimumCapacity: page.count)
        page.withBytes { bytes in
            for line in page.lines where line.textBytes <= Self.maximumLength && seen.insert(line.comparableHash) {
                site.add(bytes.comparable(of: line), hash: line.comparableHash)
            }
        }
        sites[host] = site
    }

    /// Keeps only the lines that reach `minimumPages`, to hold memory down for the run.
    public mutating func settle() {
        for (host, site) in sites { sites[host] = site.settled() }
    }

    public var isEmpty: Bool { sites.isEmpty }

    func site(for url: String?) -> Site? {
        url.flatMap(ExtractMetadata.host).flatMap { sites[$0] }
    }
}
