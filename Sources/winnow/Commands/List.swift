import ArgumentParser
import Dispatch
import Foundation
import Winnow
import WinnowIO

/// Reads inputs as `clean` does, without extracting: what pages an archive or dump holds, and
/// how fast they can be read (the decode-only throughput in docs/benchmarks.md).
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the pages the inputs hold (one JSON line each), without extracting them.",
        discussion: """
            Each page's line gives its id, URL, fetch date, stored size and, when it cannot be read, \
            the reason. With --decode, each page also goes through the decode stage (content \
            encoding, charset, transcoding to UTF-8) and its line gives the charset and how it was \
            decided. The summary counts pages, WARC records that are not pages, and megabytes read \
            per second.
            """)

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String]

    @OptionGroup var inputOptions: InputOptions

    @Flag(help: "Also run the decode stage on each page.")
    var decode = false

    @Flag(help: "Print only the summary.")
    var count = false

    func run() throws {
        let started = DispatchTime.now()
        let listing = InputCollector().collect(paths)
        var stream = inputOptions.stream(listing.entries, reader: PageReader())
        var summary = RunSummary()
        summary.skippedFiles = listing.skippedFiles
        var storedBytes = 0
        let writer = LineWriter()
        while let page = stream.next() {
            storedBytes += page.bytes.count
            var fields: [(String, JSONValue)] = [("id", .string(page.id))]
            if let url = page.url { fields.append(("url", .string(url))) }
            if let fetchedAt = page.fetchedAt { fields.append(("fetched_at", .string(fetchedAt))) }
            fields.append(("bytes", .int(page.bytes.count)))
            var reject: Reject?
            if let readError = page.readError {
                reject = Reject(stage: .read, reason: readError)
            } else if decode {
                var trace = Trace()
                do throws(Reject) {
                    let decoded = try DecodePage().run(page, maximumBytes: PipelineOptions().maximumPageBytes, trace: &trace)
                    fields += [("charset", .string(decoded.charset)), ("charset_from", .string(decoded.charsetFrom)),
                               ("utf8_bytes", .int(decoded.utf8.count))]
                } catch {
                    reject = error
                }
            }
            if let reject { fields += [("stage", .string(reject.stage.rawValue)), ("reason", .string(reject.reason))] }
            summary.countPage(rejectedAt: reject?.stage)
            if !count { try writer.write(line: JSONValue.object(fields).serialized()) }
        }
        try writer.finish()
        summary.warc = stream.warcTally
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        summary.goodNoun = "readable"
        var line = summary.line
        // Throughput over the files as stored (compressed archives count compressed), as WARC tools report it.
        let fileBytes = listing.entries.compactMap { $0.path }.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        if summary.seconds > 0 {
            let megabytes = Double(fileBytes > 0 ? fileBytes : storedBytes) / 1e6
            line += String(format: "; %.1f MB read at %.0f MB/s", megabytes, megabytes / summary.seconds)
        }
        writeStandardError(line)
    }
}
