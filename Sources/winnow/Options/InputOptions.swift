import Foundation
import ArgumentParser
import WinnowIO

extension PageStream.Format: ExpressibleByArgument {}

/// How inputs are read: the format (by extension and content unless given) and, for JSON Lines,
/// which fields hold the page (HTML, or flat text), its URL and its id, and which fields to pass through.
struct InputOptions: ParsableArguments {
    @Option(help: "auto (by extension, else by the first bytes: WARC/, {, HTML tags, else flat text), html, text, jsonl or warc.")
    var inputFormat: PageStream.Format = .auto

    @Option(help: "JSON Lines: the field holding the page's HTML (text or base64).")
    var htmlField = "html"

    @Option(help: "JSON Lines: a field holding flat text (a scraper's output); the pages then take the text route.")
    var textField: String?

    @Option(help: "JSON Lines: the field holding the page's URL.")
    var urlField = "url"

    @Option(help: "JSON Lines: the field holding the record id (default: FILE:LINE).")
    var idField = "id"

    @Option(help: "JSON Lines: fields copied into the record's meta (comma-separated).")
    var keepFields: String = ""

    func stream(_ entries: [InputCollector.Entry], reader: PageReader) -> PageStream {
        let keep = keepFields.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return PageStream(entries: entries, reader: reader, format: inputFormat,
                          fields: PageStream.JSONLinesFields(html: htmlField, text: textField, url: urlField, id: idField, keep: keep))
    }
}
