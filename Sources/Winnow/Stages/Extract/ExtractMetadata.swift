import Foundation
import WinnowHTML

/// Title, standfirst, authors, dates, language and URL, from the places sites put them, in a
/// fixed order of trust: JSON-LD, then meta tags (Open Graph, Twitter, Dublin Core, article:*),
/// then microdata (`itemprop`), then markup (`<time>`, bylines, `<h1>`, `<title>`).
/// `published_from` records which source gave the date.
struct ExtractMetadata {
    struct Result {
        var title: String?
        var description: String?
        var authors: [String] = []
        var published: String?
        var publishedFrom: String?
        var modified: String?
        var language: String?
        var url: String?
        var site: String?
        /// Characters of the JSON-LD `articleBody`, when the page declares one.
        var declaredBodyLength: Int?
        /// The site section, when a site rule says where it is.
        var section: String?
    }

    func run(_ index: PageIndex, baseURL: String?, fetchedAt: String? = nil, trace: inout Trace) -> Result {
        var meta: [String: String] = [:]
        var jsonScripts: [String] = []
        var canonical: String?
        var htmlLanguage: String?
        var titleElement: String?
        var firstH1: String?
        var microdataDate: String?
        var microdataAuthors: [String] = []
        var pubdateTime: String?
        var articleTime: String?
        var anyTime: String?
        var bylines: [String] = []
        var dateTexts: [String] = []
        var tokens: [String] = []

        for element in index.elements {
            let node = index.node(element)
            switch element.tag {
            case .html:
                htmlLanguage = node.attribute("lang") ?? node.attribute("xml:lang")
            case .meta:
                guard let content = node.attribute("content")?.trimmedASCII(), !content.isEmpty
                else { continue }
                for key in ["property", "name", "itemprop", "http-equiv"] {
                    if let name = node.attribute(key)?.lowercased(), meta[name] == nil { meta[name] = content }
                }
            case .link:
                if canonical == nil, node.attribute("rel")?.lowercased().split(separator: " ").contains("canonical") == true {
                    canonical = node.attribute("href")
                }
            case .script:
                if node.attribute("type")?.lowercased().containsBytes("ld+json") == true { jsonScripts.append(node.textContent) }
            case .title:
                if titleElement == nil { titleElement = BlockText.text(of: node, index: nil) }
            case .h1:
                if firstH1 == nil, !element.flags.contains(.insideRemoved), element.removal < 0 {
                    let text = BlockText.text(of: node, index: nil)
                    if !text.isEmpty { firstH1 = text }
                }
            case .time:
                // A `<time pubdate>` first, then the first inside <article>/<main>, then any.
                if let value = node.attribute("datetime") {
                    if node.hasAttribute("pubdate") { pubdateTime = pubdateTime ?? value }
                    else if element.flags.contains(.insideArticle) { articleTime = articleTime ?? value }
                    else { anyTime = anyTime ?? value }
                }
            default:
                break
            }
            if element.tag != .meta, element.flags.contains(.hasItemprop), let itemprop = node.attribute("itemprop")?.lowercased() {
                if itemprop == "datepublished", microdataDate == nil {
                    microdataDate = node.attribute("datetime") ?? node.attribute("content") ?? BlockText.text(of: node, index: nil)
                } else if itemprop == "author" {
                    let name = node.attribute("content") ?? BlockText.text(of: node, index: nil)
                    if !name.isEmpty { microdataAuthors.append(name) }
                }
            }
            // Short elements named for a date ("date", "published", "timestamp", "dateline"):
            // where the visible publication date is, when no markup gives one.
            if dateTexts.count < 6, element.text > 5, element.text < 120, element.tag != .script, element.tag != .style,
               element.flags.contains(.hasClassOrID)
            {
                // A byte scan first: tokenizing every class of the page cost 2% of a page's time.
                let named = node.withAttributeBytes("class", Self.mayNameDate) == true || node.withAttributeBytes("id", Self.mayNameDate) == true
                tokens.removeAll(keepingCapacity: true)
                if named {
                    _ = node.withAttributeBytes("class") { ClassTokens.tokens(of: $0, into: &tokens) }
                    _ = node.withAttributeBytes("id") { ClassTokens.tokens(of: $0, into: &tokens) }
                }
                if named, tokens.contains(where: Self.isDateToken) {
                    let text = BlockText.text(of: node, index: nil)
                    if !text.isEmpty, text.count < 120 { dateTexts.append(text) }
                }
            }
            // Bylines carry "byline"/"author" class tokens, which strip removes as credit; only
            // those elements are tokenized again here.
            // (The index's flag first: most removed elements have no class to read.)
            if element.removal >= 0 || element.flags.contains(.insideRemoved), bylines.count < 3, element.flags.contains(.hasClassOrID),
               node.withAttributeBytes("class", Self.mayNameByline) == true
            {
                tokens.removeAll(keepingCapacity: true)
                _ = node.withAttributeBytes("class") { ClassTokens.tokens(of: $0, into: &tokens) }
                // A comment's author is not the page's author.
                if !tokens.contains(where: { $0.hasPrefix("comment") }),
                    tokens.contains("byline") || tokens.contains("author") && element.text < 80
                {
                    let text = BlockText.text(of: node, index: nil)
                    if !text.isEmpty, text.count < 120 { bylines.append(text) }
                }
            }
        }

        let linked = JSONLinkedData(scripts: jsonScripts)
        var result = Result()
        result.url = [canonical, meta["og:url"], linked.url].compactMap { $0 }.first { Self.isAbsoluteURL($0) } ?? baseURL
        result.site = result.url.flatMap(Self.host)
        result.declaredBodyLength = linked.articleBody?.count
        result.title = [linked.headline, meta["og:title"], meta["twitter:title"], firstH1, titleElement.map(Self.cleanTitle)]
            .compactMap { $0?.trimmedASCII() }.first { !$0.isEmpty }
        result.description = [linked.description, meta["og:description"], meta["description"], meta["twitter:description"]]
            .compactMap { $0?.trimmedASCII() }.first { !$0.isEmpty }
        let authorSources: [[String]] = [
            linked.authors,
            [meta["author"], meta["article:author"], meta["dc.creator"], meta["sailthru.author"], meta["parsely-author"]]
                .compactMap { $0 }.filter { !Self.isAbsoluteURL($0) },
            microdataAuthors,
            bylines,
        ]
        for source in authorSources {
            let names = AuthorNames.clean(source)
            if !names.isEmpty { result.authors = names; break }
        }
        var dates = PublicationDate.Candidates()
        dates.jsonLD = linked.datePublished
        dates.meta = meta
        dates.microdata = microdataDate
        dates.timeElement = pubdateTime ?? articleTime ?? anyTime
        dates.url = result.url
        dates.texts = dateTexts
        dates.language = (htmlLanguage ?? meta["content-language"] ?? meta["og:locale"] ?? linked.language).flatMap(Self.primaryLanguage)
        if let (value, source) = PublicationDate(fetchedAt: fetchedAt).choose(dates, trace: &trace) {
            result.published = value
            result.publishedFrom = source
        }
        let modified = linked.dateModified ?? meta["article:modified_time"] ?? meta["og:updated_time"] ?? meta["dcterms.modified"]
        result.modified = modified.flatMap(DateParser.parse)?.iso8601
        let language = htmlLanguage ?? meta["content-language"] ?? meta["og:locale"] ?? linked.language
        result.language = language.flatMap(Self.primaryLanguage)
        return result
    }

    /// Whether an attribute's bytes contain "date", "time", "publi", "post" or "stamp" in any case.
    /// Whether a class value may hold the token "byline" or "author": whether its letters
    /// and digits, lower-cased and run together, spell either word. Tokens are words or two
    /// neighbouring words joined, so this holds whenever the tokens would match, and it costs
    /// a byte loop where tokenizing allocates strings (bylines are looked for in every
    /// element strip removed).
    static func mayNameByline(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The last six letters and digits, one per byte, the newest lowest.
        var window: UInt64 = 0
        let author: UInt64 = 0x61_75_74_68_6F_72, byline: UInt64 = 0x62_79_6C_69_6E_65
        for byte in bytes {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower >= 0x80 else { continue }
            window = (window << 8 | UInt64(lower)) & 0xFFFF_FFFF_FFFF
            if window == author || window == byline { return true }
        }
        return false
    }

    static func mayNameDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        for index in 0...(bytes.count - 4) {
            let a = bytes[index] | 0x20, b = bytes[index + 1] | 0x20, c = bytes[index + 2] | 0x20, d = bytes[index + 3] | 0x20
            switch (a, b, c, d) {
            case (0x64, 0x61, 0x74, 0x65), (0x74, 0x69, 0x6D, 0x65), (0x70, 0x75, 0x62, 0x6C), (0x70, 0x6F, 0x73, 0x74), (0x74, 0x61, 0x6D, 0x70):
                return true  // date, time, publ, post, tamp
            default:
                continue
            }
        }
        return false
    }

    /// Class and id words of elements that show a date.
    static func isDateToken(_ token: String) -> Bool {
        ["date", "time", "published", "pubdate", "posted", "dateline", "timestamp", "datetime", "publish", "publication",
         "postdate", "entrydate", "articledate", "meta-date", "post-date", "entry-date", "article-date", "publish-date",
         "date-published", "published-date"].contains(token)
    }

    /// `en-US`, `en_US`, `EN` → `en`.
    static func primaryLanguage(_ tag: String) -> String? {
        let primary = tag.trimmedASCII().split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," }).first.map { $0.lowercased() }
        guard let primary, (2...3).contains(primary.count), primary.allSatisfy({ $0.isLetter && $0.isASCII }) else { return nil }
        return primary
    }

    static func isAbsoluteURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The host of an absolute URL, lower case, without `www.` and port.
    static func host(_ url: String) -> String? {
        // An ASCII URL (nearly all) on its bytes: Foundation's search cost more than the rest
        // of the page's metadata.
        if let ascii = url.withUTF8Bytes(asciiHost) { return ascii }
        return foundationHost(url)
    }

    /// `host` by Foundation's search, for any URL.
    static func foundationHost(_ url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        var rest = url[schemeEnd.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        var host = rest.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host.isEmpty ? nil : host
    }

    /// `host` for an ASCII URL, where each byte is one character: `.some(nil)` when it has no
    /// host, nil when the URL is not ASCII (`foundationHost` answers).
    static func asciiHost(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var start = -1
        if bytes.count >= 3 {
            for index in 0...(bytes.count - 3) where bytes[index] == 0x3A && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F {
                start = index + 3
                break
            }
        }
        guard start >= 0 else { return .some(nil) }
        var end = start
        while end < bytes.count, bytes[end] != 0x2F, bytes[end] != 0x3F, bytes[end] != 0x23 { end += 1 }  // / ? #
        if let at = bytes[start..<end].lastIndex(of: 0x40) { start = at + 1 }  // @
        if let colon = bytes[start..<end].lastIndex(of: 0x3A) { end = colon }  // :
        var host = bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if host.starts(with: "www.".utf8) { host.removeFirst(4) }
        return .some(host.isEmpty ? nil : String(decoding: host, as: UTF8.self))
    }

    /// `Headline | Site` or `Headline - Site` → `Headline`, when the headline part keeps at least
    /// three words.
    static func cleanTitle(_ title: String) -> String {
        for separator in [" | ", " – ", " — ", " - ", " :: ", " » "] {
            // A byte check first: Foundation's search costs tens of thousands of instructions a
            // call, and none of these separators has another spelling it could match.
            guard title.containsBytes(separator), let range = title.range(of: separator, options: .backwards) else { continue }
            let head = String(title[..<range.lowerBound])
            if head.split(separator: " ").count >= 3 { return head }
        }
        return title
    }
}

/// Cleans author names from bylines and meta tags: drops "By", roles, dates and URLs, splits
/// "A and B" and "A, B", removes duplicates.
enum AuthorNames {
    static func clean(_ raw: [String]) -> [String] {
        var names: [String] = []
        for value in raw {
            // Byte checks before each Foundation call: most bylines have no line break, list
            // separator or " and ", and each call costs thousands of instructions.
            var text = (value.containsBytes("\n") ? value.replacingOccurrences(of: "\n", with: " ") : value).trimmedASCII()
            if text.isASCIIBytes {
                // ASCII: the prefixes compared on bytes, ignoring case (what `lowercased()` does to ASCII).
                for prefix in Self.bylinePrefixes where text.withUTF8Bytes({ Self.hasASCIIPrefixIgnoringCase($0, prefix) }) {
                    text = String(text.dropFirst(prefix.count))
                }
            } else {
                var lowered = text.lowercased()  // lower-cased again only when a prefix goes
                for prefix in Self.bylinePrefixes where lowered.hasPrefix(prefix) {
                    text = String(text.dropFirst(prefix.count))
                    lowered = text.lowercased()
                }
            }
            let listed = text.containsAnyByte(of: Self.listSeparators) ? text.components(separatedBy: CharacterSet(charactersIn: ",;|")) : [text]
            for part in listed.flatMap({ $0.containsBytes(" and ") ? $0.components(separatedBy: " and ") : [$0] }) {
                let name = removingTrailingDate(part.trimmedASCII())
                guard isPlausibleName(name) else { continue }
                if !names.contains(where: { $0.lowercased() == name.lowercased() }) { names.append(name) }
            }
        }
        return names
    }

    /// What opens a byline before the names, in lower case (one after the other may go).
    private static let bylinePrefixes = ["by ", "written by ", "story by ", "words by ", "von ", "par ", "por "]

    /// Whether ASCII `bytes` open with the lower-case ASCII `prefix`, in any case.
    private static func hasASCIIPrefixIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: String) -> Bool {
        prefix.withUTF8Bytes { expected in
            expected.count <= bytes.count && expected.indices.allSatisfy { index in
                let byte = bytes[index]
                return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == expected[index]
            }
        }
    }

    /// `,;|`: what separates names in a list.
    private static let listSeparators: [UInt8] = Array(",;|".utf8)

    /// "Associated Press November 19" → "Associated Press": a date glued to the end of a name.
    static func removingTrailingDate(_ name: String) -> String {
        // An ASCII name without a digit has no word that a number follows (for ASCII,
        // `Character.isNumber` is the digits alone): nearly every name asked.
        if name.isASCIIBytes, !name.withUTF8Bytes({ $0.contains { $0 >= 0x30 && $0 <= 0x39 } }) { return name }
        let words = name.split(separator: " ")
        for (offset, word) in words.enumerated() where offset > 0 {
            // The next word's digit first: most names have none, and trimming is costly.
            guard offset + 1 < words.count, words[offset + 1].first?.isNumber == true else { continue }
            let lower = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if DateParser.months[lower] != nil {
                return words[..<offset].joined(separator: " ")
            }
        }
        return name
    }

    private static func isPlausibleName(_ name: String) -> Bool {
        // (The bytes first: Foundation is asked only when they hold the text.)
        guard !name.isEmpty, name.count <= 60, !(name.containsBytes("://") && name.contains("://")),
              !(name.containsBytes("@") && name.contains("@")) else { return false }
        // A letter and no digit: on the bytes of an ASCII name (where Foundation's letters are
        // A–Z and a–z, its decimal digits 0–9), by Foundation's sets otherwise.
        let hasLetter: Bool, hasDigit: Bool
        if name.isASCIIBytes {
            (hasLetter, hasDigit) = name.withUTF8Bytes { bytes in
                (bytes.contains { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }, bytes.contains { $0 >= 0x30 && $0 <= 0x39 })
            }
        } else {
            hasLetter = name.rangeOfCharacter(from: .letters) != nil
            hasDigit = name.rangeOfCharacter(from: .decimalDigits) != nil
        }
        guard hasLetter, !hasDigit, DateParser.parse(name) == nil else { return false }
        let words = name.split(separator: " ")
        return words.count <= 6
    }
}
