import Winnow
import WinnowIO

/// The pass before a run that counts, per site, the lines its text pages repeat
/// (`RepeatedLines`), so the text route can drop a site's boilerplate whatever the order of
/// the pages and the number of jobs. It reads only the inputs whose text pages carry a URL
/// (WET files, JSON Lines with --text-field); standard input is read once and is not counted
/// (its pages are cleaned without this signal).
enum SiteLines {
    static func count(_ entries: [InputCollector.Entry], input: InputOptions, reader: PageReader, maximumBytes: Int) -> RepeatedLines {
        var repeated = RepeatedLines()
        let counted = entries.filter { entry in
            guard let path = entry.path else { return false }
            // The bytes first: Foundation's search, asked of every input file, is asked only when
            // they hold ".wet".
            let lower = path.lowercased()
            let wet = holdsBytes(lower, Self.wetExtension) && lower.contains(".wet")
            return wet || (input.textField != nil && PageStream.isJSONLinesName(path))
        }
        guard !counted.isEmpty else { return repeated }
        var stream = input.stream(counted, reader: reader)
        while let page = stream.next() {
            guard page.format == .text, page.url != nil else { continue }
            var trace = Trace()
            // Only the text is read here: no digest of the source (the clean pass takes it).
            guard let decoded = try? DecodePage(digestsSource: false).run(page, maximumBytes: maximumBytes, trace: &trace) else { continue }
            repeated.count(text: decoded.utf8, url: page.url)
        }
        repeated.settle()
        return repeated
    }

    private static let wetExtension = Array(".wet".utf8)

    /// Whether the text's UTF-8 holds these bytes (a plain loop: the standard library's
    /// `firstRange(of:)` instantiated generic metadata at every call).
    private static func holdsBytes(_ text: String, _ needle: [UInt8]) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        return false
    }
}
