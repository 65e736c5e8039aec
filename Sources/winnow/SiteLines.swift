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
            return path.lowercased().contains(".wet") || (input.textField != nil && PageStream.isJSONLinesName(path))
        }
        guard !counted.isEmpty else { return repeated }
        var stream = input.stream(counted, reader: reader)
        while let page = stream.next() {
            guard page.format == .text, page.url != nil else { continue }
            var trace = Trace()
            guard let decoded = try? DecodePage().run(page, maximumBytes: maximumBytes, trace: &trace) else { continue }
            repeated.count(text: decoded.utf8, url: page.url)
        }
        repeated.settle()
        return repeated
    }
}
