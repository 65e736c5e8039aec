import ArgumentParser
import Foundation
import Winnow
import WinnowIO

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a page's blocks in order, each kept or removed, with the category and the rule.")

    @Argument(help: "One page: a file (.html, .txt, either gzipped) or - for standard input; for a WARC, WET or JSON Lines file, its first page.")
    var page: String

    @OptionGroup var inputOptions: InputOptions

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var nameOptions: NameOptions

    @Option(help: "URL for a page that names none.")
    var baseURL: String?

    func run() throws {
        let listing = InputCollector().collect([page])
        guard let entry = listing.entries.first else { throw ValidationError("no page at \(page)") }
        var stream = inputOptions.stream([entry], reader: PageReader())
        guard let input = stream.next() else { throw ValidationError("no page in \(page)") }
        var options = PipelineOptions(baseURL: baseURL)
        options.rules = try ruleOptions.load()
        options.names = try nameOptions.load()
        let result = DefaultPipeline(options: options).process(input)
        print(RenderExplanation().run(result))
        if result.isRejected { throw ExitCodes.someRejected }
    }
}
