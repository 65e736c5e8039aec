import Foundation
import Testing
import WinnowIO
import WinnowTestSupport

/// WARC files written by an independent implementation (Python's warcio, which `.ci/run`
/// installs), read back by `winnow clean`: every response that holds a page becomes one record,
/// every other record is counted, and damage costs only the records it touches.
@Suite(.serialized, .enabled(if: Fixtures.toolsPython != nil, "no Python with warcio (.ci/run makes .venv-tools)"))
struct WARCRoundTripTests {
    struct Manifest {
        struct Page {
            var id: String
            var url: String
            var date: String?
            var charset: String?
            var offset: Int
            var end: Int
        }
        var pages: [Page]
        var skipped: [String: Int]
        var records: Int
    }

    /// Removed after each test.
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }

    init() throws {
        temporary = try TemporaryFolder("winnow-warc")
    }

    /// Writes `name` with warcio from the sample pages and returns its manifest.
    private func makeWARC(_ name: String, records: Int = 0, plain: Bool = false) throws -> (URL, Manifest) {
        let warc = folder.appendingPathComponent(name)
        let manifestURL = folder.appendingPathComponent(name + ".json")
        var arguments = [Fixtures.repositoryRoot.appendingPathComponent("scripts/make-test-warc.py").path, warc.path, manifestURL.path]
        arguments += Fixtures.samplePages().map(\.path)
        if records > 0 { arguments += ["--records", String(records)] }
        if plain { arguments.append("--plain") }
        let run = try Fixtures.runProgram(Fixtures.toolsPython!, arguments)
        #expect(run.status == 0, "make-test-warc.py: \(run.standardError)")
        let json = try JSONParser.parse(String(decoding: try Data(contentsOf: manifestURL), as: UTF8.self))
        guard case .array(let pageValues)? = json["pages"], case .object(let skippedFields)? = json["skipped"],
              case .int(let recordCount)? = json["records"] else { throw ManifestError() }
        let pages = pageValues.map { value in
            Manifest.Page(id: value["id"]?.stringValue ?? "", url: value["url"]?.stringValue ?? "", date: value["date"]?.stringValue,
                          charset: value["charset"]?.stringValue, offset: value["offset"]?.intValue ?? 0, end: value["end"]?.intValue ?? 0)
        }
        let skipped = Dictionary(uniqueKeysWithValues: skippedFields.map { ($0.0, $0.1.intValue ?? 0) })
        return (warc, Manifest(pages: pages, skipped: skipped, records: recordCount))
    }

    struct ManifestError: Error {}

    private func clean(_ warc: URL, _ extra: [String] = []) throws -> (output: WinnowBinary.Output, records: [JSONValue]) {
        let output = try WinnowBinary.run(["clean", warc.path, "--allow-rejects"] + extra)
        return (output, try output.lines.map { try JSONParser.parse($0) })
    }

    @Test(arguments: [false, true])
    func everyPageResponseBecomesOneRecord(plain: Bool) throws {
        let (warc, manifest) = try makeWARC(plain ? "crawl.warc" : "crawl.warc.gz", plain: plain)
        let (output, records) = try clean(warc)
        #expect(output.status == 0)
        #expect(records.map { $0["id"]?.stringValue } == manifest.pages.map(\.id))
        for (record, page) in zip(records, manifest.pages) {
            #expect(record["status"] == .string("ok"), "\(page.id): \(record["reason"] ?? .null)")
            #expect(record["source"]?["url"] == .string(page.url))
            #expect(record["source"]?["container"] == .string("warc"))
            if let date = page.date { #expect(record["fetched_at"] == .string(date)) }
            if let charset = page.charset {
                #expect(record["source"]?["charset"] == .string(charset))
                #expect(record["source"]?["charset_from"] == .string("http"))
                #expect(record["text"]?.stringValue?.contains("в Москве прошла встреча") == true)
            }
        }
        // The summary accounts for every record of the file.
        #expect(output.standardError.contains("\(manifest.pages.count) pages: \(manifest.pages.count) records, 0 rejected"))
        let skippedTotal = manifest.skipped.values.reduce(0, +)
        #expect(output.standardError.contains("WARC: \(manifest.records) records, \(skippedTotal) not pages"))
        #expect(manifest.records == manifest.pages.count + skippedTotal)
        for (reason, count) in manifest.skipped { #expect(output.standardError.contains("\(reason) \(count)")) }
    }

    @Test func standardInputIsToldByItsFirstBytes() throws {
        let (warc, manifest) = try makeWARC("piped.warc.gz")
        let compressed = try Data(contentsOf: warc)
        for input in [compressed, Data(try #require(try? Gzip.decompress([UInt8](compressed)).get()))] {
            let output = try WinnowBinary.run(["clean", "-"], standardInput: input)
            #expect(output.status == 0)
            #expect(output.lines.count == manifest.pages.count)
            #expect(output.standardError.contains("WARC: \(manifest.records) records"))
        }
    }

    @Test func aCorruptRecordIsRejectedAndTheOthersKept() throws {
        let (warc, manifest) = try makeWARC("crawl.warc.gz")
        var bytes = [UInt8](try Data(contentsOf: warc))
        let victim = manifest.pages[2]
        let middle = (victim.offset + victim.end) / 2
        for index in middle..<(middle + 24) { bytes[index] ^= 0xA5 }
        let damaged = folder.appendingPathComponent("damaged.warc.gz")
        try Data(bytes).write(to: damaged)
        let (output, records) = try clean(damaged)
        let ok = records.filter { $0["status"] == .string("ok") }.compactMap { $0["id"]?.stringValue }
        let rejected = records.filter { $0["status"] == .string("rejected") }
        #expect(ok == manifest.pages.map(\.id).filter { $0 != victim.id })
        #expect(rejected.count == 1)
        #expect(rejected.first?["stage"] == .string("read"))
        #expect(rejected.first?["reason"]?.stringValue?.contains("at byte \(victim.offset)") == true)
        #expect(output.standardError.contains("\(manifest.pages.count) pages: \(manifest.pages.count - 1) records, 1 rejected"))
    }

    @Test(arguments: [false, true])
    func aTruncatedFileKeepsEveryCompleteRecord(plain: Bool) throws {
        let (warc, manifest) = try makeWARC(plain ? "crawl.warc" : "crawl.warc.gz", plain: plain)
        let bytes = try Data(contentsOf: warc)
        let victim = manifest.pages[3]
        let cut = folder.appendingPathComponent(plain ? "cut.warc" : "cut.warc.gz")
        try bytes.prefix((victim.offset + victim.end) / 2).write(to: cut)
        let (_, records) = try clean(cut)
        let ok = records.filter { $0["status"] == .string("ok") }.compactMap { $0["id"]?.stringValue }
        #expect(ok == manifest.pages.prefix(3).map(\.id))
        #expect(records.last?["status"] == .string("rejected"))
        #expect(records.last?["reason"]?.stringValue?.contains("truncated") == true
                || records.last?["reason"]?.stringValue?.contains("cut short") == true)
    }

    /// Thousands of records through `clean` with flat memory: ten times the records, about the same peak.
    @Test func aMultiThousandRecordArchiveStreamsWithFlatMemory() throws {
        let (small, smallManifest) = try makeWARC("small.warc.gz", records: 300)
        let (large, largeManifest) = try makeWARC("large.warc.gz", records: 3000)
        #expect(largeManifest.records >= 3000)
        var peaks: [Double] = []
        for (warc, manifest) in [(small, smallManifest), (large, largeManifest)] {
            let output = try WinnowBinary.run(["clean", warc.path, "--jobs", "2", "--no-blocks", "-o", folder.appendingPathComponent("out.jsonl").path])
            #expect(output.status == 0, "\(output.standardError)")
            let skipped = manifest.skipped.values.reduce(0, +)
            #expect(output.standardError.contains("\(manifest.pages.count) pages: \(manifest.pages.count) records, 0 rejected"))
            #expect(output.standardError.contains("WARC: \(manifest.records) records, \(skipped) not pages"))
            let peak = output.standardError.firstMatch(of: /peak memory ([0-9]+) MiB/).flatMap { Double($0.1) }
            #expect(peak != nil)
            peaks.append(peak ?? 0)
        }
        #expect(peaks[1] <= peaks[0] * 1.25 + 8, "peak memory grew from \(peaks[0]) to \(peaks[1]) MiB")
    }
}
