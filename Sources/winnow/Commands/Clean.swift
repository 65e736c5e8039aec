import ArgumentParser
import Dispatch
import Foundation
import Winnow
import WinnowHTML
import WinnowIO

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Extract each page's article into one JSON Lines record.",
        discussion: """
            PATH is a file, a folder (read recursively: .html/.htm/.xhtml pages, .txt flat text \
            pages, .jsonl/.ndjson files of pages, .warc archives and .warc.wet text extracts, each \
            optionally .gz) or - for standard input (recognized by its first bytes). Every page yields one line: its record, or a reject \
            record (status "rejected", with the stage and the reason). WARC records that are not \
            pages (requests, metadata, non-HTML payloads, responses other than 200) are counted in \
            the summary. Progress and the summary go to standard error.
            """)

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String]

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var nameOptions: NameOptions

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .shortAndLong, help: "Write records to this file (through FILE.partial) instead of standard output; a device or a pipe (/dev/null, a FIFO), or the file standard output is redirected to, is written in place, with the rejects among the records unless --rejects is given.")
    var output: String?

    @Option(help: "With -o, where reject records go (default: FILE.rejects.jsonl; with the records when FILE is a device, a pipe or standard output's own file).")
    var rejects: String?

    @Option(help: "URL for pages that name none (no canonical link or og:url).")
    var baseURL: String?

    @Option(help: "The date relative mentions resolve against when a page has no publication date (YYYY-MM-DD).")
    var referenceDate: String?

    @Option(name: .shortAndLong, help: "Pages processed in parallel (default: every core); output order and bytes stay those of one job.")
    var jobs: Int?

    @Option(help: ArgumentHelp("Process only the pages at positions I, I+N, I+2N, … of the input (counting from 0), to split a crawl between machines.", valueName: "I/N"))
    var shard: Shard?

    @Flag(help: "No progress line (it is drawn only when standard error is a terminal).")
    var noProgress = false

    @Flag(help: "Exit 0 even when some pages were rejected (for cluster frameworks that fail a task on any other code).")
    var allowRejects = false

    @Flag(help: "Leave the blocks array out of records (text only).")
    var noBlocks = false

    @Flag(help: "Write each resolved date's ISO value after it in text, in brackets (\"on Monday [2021-06-21]\"); dates offsets follow.")
    var rewriteDates = false

    @Flag(help: "Write each name in text as its entity's canonical name (\"Shoigu\" becomes \"Sergei Shoigu\"); entities and dates offsets follow.")
    var rewriteNames = false

    @Option(help: "Largest page, in bytes, as read and once decompressed; larger pages are rejected.")
    var maxPageBytes: Int = 20_000_000

    @Option(help: "Seconds one page may take before it is rejected and the run goes on (0: no limit).")
    var pageTimeout: Double = 60

    @Option(help: "Write the run's counts as JSON to this file (pages, records, rejected by stage and reason, skipped).")
    var stats: String?

    @Flag(help: "With -o: continue an interrupted run from what FILE.partial and its rejects hold; the result equals an uninterrupted run.")
    var resume = false

    @Flag(inversion: .prefixedNo, help: "Parse each page into an arena of its own: libxml2's allocations become pointer bumps, freed at once (--no-arena: the system allocator).")
    var arena = true

    @Flag(help: "Text pages: do not count the lines each site repeats across its pages (a pass over WET and --text-field inputs before the run).")
    var noSiteLines = false

    @Flag(name: .shortAndLong, help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        if let referenceDate, DateParser.parse(referenceDate) == nil {
            throw ValidationError("--reference-date must be a date like 2021-06-22")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if rejects != nil && output == nil { throw ValidationError("--rejects needs -o/--output") }
        if resume && output == nil { throw ValidationError("--resume needs -o/--output (standard output cannot be resumed)") }
        if resume, let output, LineWriter.isStream(output) {
            throw ValidationError("--resume needs -o/--output to name a regular file (\(output) is a device, a pipe or standard output's own file, which cannot be resumed)")
        }
        if maxPageBytes < 1 { throw ValidationError("--max-page-bytes must be at least 1") }
        if pageTimeout < 0 { throw ValidationError("--page-timeout must be 0 (no limit) or more") }
    }

    func run() throws {
        let started = DispatchTime.now()
        // Before anything touches libxml2 (site rules compile XPath): xmlMemSetup comes first.
        if arena { LibXML2.useArena() }
        let jobs = self.jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        // With several jobs, the name files load on other threads while the site rules load
        // here and the first pages go through the stages before normalize (which waits for the
        // catalog): start-up is otherwise one thread's work while the other cores idle. A bad
        // name file still stops the run before anything is written (`openedWriters`).
        let pendingNames = jobs > 1 ? Pending<NameCatalog>() : nil
        let namesLoad = pendingNames.map { pending in
            OnAnotherThread { [nameOptions] in
                let result = nameOptions.loadResult(parallel: true)
                pending.fulfill((try? result.get()) ?? NameCatalog())
                return result
            }
        }
        let rules = try ruleOptions.load()
        let listing = InputCollector().collect(paths)
        for missing in listing.missing { writeStandardError("winnow: no such file or folder: \(missing)") }
        var options = PipelineOptions(baseURL: baseURL, maximumPageBytes: maxPageBytes)
        options.pageTimeout = pageTimeout > 0 ? pageTimeout : nil
        options.includeBlocks = !noBlocks
        options.rules = rules
        options.recordsRemovalDetails = false  // records count removals; only `explain` shows them
        if let pendingNames {
            options.pendingNames = pendingNames
        } else {
            options.names = try nameOptions.report(nameOptions.loadResult())
        }
        options.referenceDate = referenceDate
        options.rewriteDates = rewriteDates
        options.rewriteNames = rewriteNames
        let reader = PageReader(maximumBytes: maxPageBytes)
        if !noSiteLines {
            options.repeatedLines = SiteLines.count(listing.entries, input: inputOptions, reader: reader, maximumBytes: options.maximumPageBytes)
        }
        let pipeline = DefaultPipeline(options: options)

        var summary = RunSummary()
        var resumePoint: ResumePoint?
        if resume, let output {
            if access(output, F_OK) == 0 && access(output + ".partial", F_OK) != 0 {
                if !quiet { writeStandardError("winnow: \(output) is complete; nothing to resume") }
                return
            }
            let point = ResumePoint.read(records: output, rejects: rejectsPath(beside: output))
            for _ in 0..<point.records { summary.countPage(rejectedAt: nil as String?, reason: nil) }
            for (stage, reason) in zip(point.rejected, point.rejectReasons) { summary.countPage(rejectedAt: stage, reason: reason) }
            summary.resumedPages = point.pages
            resumePoint = point
        }
        // The output opens when the first line is ready (or at the end of an empty run), once
        // the name catalog is known good: a bad name file leaves no file behind.
        var writers: Writers?
        func openedWriters() throws -> Writers {
            if let writers { return writers }
            if let namesLoad { _ = try nameOptions.report(namesLoad.result()) }
            do {
                let opened = try openWriters(resumingAfter: resumePoint)
                writers = opened
                return opened
            } catch {
                throw RunFailure(description: "winnow: \(error)")
            }
        }

        summary.skippedFiles = listing.skippedFiles
        var stream = inputOptions.stream(listing.entries, reader: reader)
        // A page count is known up front when every input is one page file.
        let singlePages = listing.entries.allSatisfy { entry in entry.path.map { !PageStream.isJSONLinesName($0) && !PageStream.isWARCName($0) } ?? false }
        var progress = Progress(enabled: !quiet && !noProgress,
                                expectedPages: singlePages ? listing.entries.count / (shard?.count ?? 1) : nil)
        var position = 0
        var bytesRead = 0
        // Pages between reading and writing: enough to keep every job busy while a slow page
        // holds up the ones after it, few enough that memory does not grow with the crawl.
        let window = jobs * 8
        var sinceFlush = 0
        do {
            try OrderedWorkers.run(
                jobs: jobs, window: window,
                next: {
                    // Pages are read in order on this thread.
                    while let page = stream.next() {
                        defer { position += 1 }
                        if let shard, !shard.contains(position) { continue }
                        bytesRead += page.bytes.count
                        if resumePoint?.consume(page.id) == true { continue }  // written before the interruption
                        return page
                    }
                    return nil
                },
                // The record is written as bytes on the worker that made it (this thread only
                // copies them).
                transform: { page in pipeline.process(page) },
                consume: { (result: PageResult) in
                    let (recordWriter, rejectWriter) = try openedWriters()
                    let line = result.line
                    summary.count(result)
                    progress.update(summary, bytes: bytesRead)
                    if result.isRejected, let rejectWriter {
                        try rejectWriter.write(bytes: line)
                    } else {
                        try recordWriter.write(bytes: line)
                    }
                    // Both files end at the same page every `window` pages, so an interruption
                    // tears at most that many (rejects first: a record line then never precedes
                    // the rejects of the pages before it).
                    sinceFlush += 1
                    if sinceFlush == window, let rejectWriter {
                        try rejectWriter.flush()
                        try recordWriter.flush()
                        sinceFlush = 0
                    }
                })
            let (recordWriter, rejectWriter) = try openedWriters()
            try recordWriter.finish()
            try rejectWriter?.finish()
        } catch let error as ExitCode {
            throw error
        } catch let error as RunFailure {
            throw error
        } catch {
            throw RunFailure(description: "winnow: \(error)")
        }
        progress.finish()
        summary.warc = stream.warcTally
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        if !quiet { writeStandardError(summary.line) }
        if let stats {
            do {
                try AtomicFile.write(Array(summary.json.serialized().utf8) + [0x0A], to: stats)
            } catch {
                throw RunFailure(description: "winnow: cannot write \(stats): \(error)")
            }
        }
        if summary.rejected > 0 && !allowRejects { throw ExitCodes.someRejected }
    }
}

extension Clean {
    /// Where records go, and where rejects go when not with the records.
    typealias Writers = (records: LineWriter, rejects: LineWriter?)

    /// `--rejects`, else `FILE.rejects.jsonl` beside the records.
    func rejectsPath(beside output: String) -> String { rejects ?? output + ".rejects.jsonl" }

    /// Standard output; a device or a pipe, in place (rejects with the records unless
    /// `--rejects`); a file through `FILE.partial`, with its rejects beside it, continued after
    /// `point` on `--resume`.
    func openWriters(resumingAfter point: ResumePoint?) throws -> Writers {
        guard let output else { return (LineWriter(), nil) }
        if LineWriter.isStream(output) {
            return (try LineWriter(path: output), try rejects.map { try LineWriter(path: $0) })
        }
        let rejectsPath = rejectsPath(beside: output)
        if let point {
            return (try LineWriter(path: output, resumingAfter: point.recordBytes),
                    try LineWriter(path: rejectsPath, resumingAfter: point.rejectBytes))
        }
        return (try LineWriter(path: output), try LineWriter(path: rejectsPath))
    }
}

/// A value computed on a thread of its own, waited for when needed (any number of times).
final class OnAnotherThread<Value: Sendable>: Sendable {
    private let pending = Pending<Value>()

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [pending] in pending.fulfill(work()) }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the value.
    func result() -> Value { pending.wait().value }
}
