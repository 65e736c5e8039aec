/// Chooses the publication date from every place pages put one, in order of trust:
/// JSON-LD `datePublished` (`@graph` included), meta tags, microdata `datePublished`,
/// `<time datetime>`, the URL path (`/2021/06/22/`), then the visible text of date and byline
/// elements ("Published June 22, 2021", "22.06.2021", "Jun 24, 2021 02:39 AM").
///
/// A candidate is refused when it cannot be a publication date: before 1995 (before news on
/// the web) or after the fetch date (plus a day for time zones). In visible text, a date marked
/// as an update ("Updated …") is used only when no other is there: the original publication wins.
struct PublicationDate {
    /// Meta names and properties that hold the publication date, most specific first.
    static let metaKeys = [
        "article:published_time", "og:article:published_time", "og:published_time", "published_time", "article.published", "article:published",
        "citation_publication_date", "citation_date", "citation_online_date", "prism.publicationdate", "dc.date.issued",
        "dcterms.issued", "dc.date.created", "dcterms.created", "datepublished", "originalpublicationdate", "publication_date",
        "pubdate", "publishdate", "publish-date", "pub_date", "sailthru.date", "parsely-pub-date", "bt:pubdate", "dc.date",
        "dcterms.date", "date",
    ]

    /// Words that mark a date in text as an update rather than the publication (lower case).
    static let updateWords: [String] = [
        "updated", "update", "modified", "last modified", "aktualisiert", "geändert", "mis à jour", "modifié", "actualizado",
        "actualización", "atualizado", "atualização", "aggiornato", "aggiornamento", "bijgewerkt", "gewijzigd",
        "zaktualizowano", "aktualizacja", "обновлено", "изменено",
    ]

    struct Candidates {
        var jsonLD: String?
        var meta: [String: String] = [:]
        var microdata: String?
        var timeElement: String?
        var url: String?
        /// Text of elements whose class or id speaks of a date, in document order.
        var texts: [String] = []
        var language: String?
    }

    /// The earliest day a page can be published; the latest is the fetch date.
    static let earliestYear = 1995

    let fetchedAt: String?

    func choose(_ candidates: Candidates, trace: inout Trace) -> (value: String, source: String)? {
        let latest = fetchedAt.flatMap { DateParser.parse(String($0.prefix(10))) }.flatMap { FindDates.iso($0.year, $0.month, $0.day) }
            .flatMap { FindDates.add(days: 1, to: $0) }
        func plausible(_ parsed: DateParser.Parsed, _ source: String) -> Bool {
            if parsed.year < Self.earliestYear {
                trace.note("extract", "\(source) date \(parsed.iso8601) refused: before \(Self.earliestYear)")
                return false
            }
            if let latest, String(parsed.iso8601.prefix(10)) > latest {
                trace.note("extract", "\(source) date \(parsed.iso8601) refused: after the fetch date")
                return false
            }
            return true
        }
        let metaDate = Self.metaKeys.lazy.compactMap { candidates.meta[$0] }.first { DateParser.parse($0) != nil }
        let structured: [(String?, String)] = [
            (candidates.jsonLD, "json-ld"), (metaDate, "meta"), (candidates.microdata, "microdata"), (candidates.timeElement, "time"),
        ]
        for (value, source) in structured {
            guard let value, var parsed = DateParser.parse(value), plausible(parsed, source) else { continue }
            // The same moment written elsewhere with its UTC offset ("… 02:24:00 UTC"): keep the offset.
            if parsed.offsetMinutes == nil, parsed.hour != nil,
               let zoned = structured.lazy.compactMap({ $0.0.flatMap(DateParser.parse) }).first(where: {
                   $0.offsetMinutes != nil && ($0.year, $0.month, $0.day, $0.hour, $0.minute) == (parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute)
               })
            {
                parsed.offsetMinutes = zoned.offsetMinutes
            }
            return (parsed.iso8601, source)
        }
        if let url = candidates.url, let parsed = Self.dateInURL(url), plausible(parsed, "url") {
            return (parsed.iso8601, "url")
        }
        var update: DateParser.Parsed?
        for text in candidates.texts {
            guard let (parsed, isUpdate) = Self.dateInText(text, language: candidates.language), plausible(parsed, "text") else { continue }
            if !isUpdate { return (parsed.iso8601, "text") }
            update = update ?? parsed
        }
        return update.map { ($0.iso8601, "text") }
    }

    /// `/2021/06/22/`, `/2021-06-22-title`, `/20210622/` in a URL's path.
    static func dateInURL(_ url: String) -> DateParser.Parsed? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        guard let pathStart = afterScheme.firstIndex(of: "/") else { return nil }
        var path = afterScheme[pathStart...]
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        let scalars = Array(path.unicodeScalars)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start >= 0, start + count <= scalars.count else { return nil }
            var value = 0
            for index in start..<(start + count) {
                guard (0x30...0x39).contains(scalars[index].value) else { return nil }
                value = value * 10 + Int(scalars[index].value - 0x30)
            }
            return value
        }
        func isBoundary(_ index: Int) -> Bool { index >= scalars.count || !(0x30...0x39).contains(scalars[index].value) }
        for start in scalars.indices where scalars[start] == "/" || scalars[start] == "-" || scalars[start] == "_" {
            let at = start + 1
            guard let year = digits(at, 4), (earliestYear...2100).contains(year) else { continue }
            var candidate: DateParser.Parsed?
            if at + 4 < scalars.count, ["/", "-", "_"].contains(scalars[at + 4]), let month = digits(at + 5, 2),
               at + 7 < scalars.count, scalars[at + 7] == scalars[at + 4], let day = digits(at + 8, 2), isBoundary(at + 10)
            {
                candidate = DateParser.Parsed(year: year, month: month, day: day)
            } else if let month = digits(at + 4, 2), let day = digits(at + 6, 2), isBoundary(at + 8) {
                candidate = DateParser.Parsed(year: year, month: month, day: day)
            }
            if let candidate, let valid = DateParser.validated(candidate) { return valid }
        }
        return nil
    }

    /// A date in a short text: the whole text after a label ("Published:", "Posted on"), else
    /// the first absolute date mention in it. Whether the text marks it as an update.
    static func dateInText(_ text: String, language: String?) -> (DateParser.Parsed, isUpdate: Bool)? {
        let lower = text.lowercased()
        let isUpdate = updateWords.contains { lower.hasPrefix($0) || lower.contains(" " + $0) }
        // "Published: June 22, 2021" / "Posted on June 22, 2021 at 10:15".
        var rest = Substring(text)
        if let colon = rest.firstIndex(of: ":"), rest.distance(from: rest.startIndex, to: colon) < 30,
           !rest[..<colon].contains(where: \.isNumber)
        {
            rest = rest[rest.index(after: colon)...]
        }
        if let parsed = DateParser.parse(String(rest)) { return (parsed, isUpdate) }
        let mention = FindDates(reference: nil, language: language).find(in: text).first { $0.kind == .absolute }
        return mention.flatMap { $0.value }.flatMap { DateParser.parse($0) }.map { ($0, isUpdate) }
    }
}
