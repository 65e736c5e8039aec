import Foundation
import Testing
import WinnowIO
import WinnowTestSupport
@testable import Winnow

/// Inputs that once crashed a Winnow fuzz target (Fuzz/regressions/TARGET/), replayed the way
/// the target feeds them. (The WinnowIO targets' inputs are replayed in WinnowIOTests.)
@Suite struct WinnowFuzzRegressionTests {
    static func inputs(_ target: String) -> [URL] {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Fuzz/regressions/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []).sorted { $0.path < $1.path }
    }

    @Test func htmlExtractInputsGiveARecordOrAReject() throws {
        let inputs = Self.inputs("HTMLExtract")
        #expect(!inputs.isEmpty)
        var options = PipelineOptions(baseURL: "https://fuzz.example/page")
        options.referenceDate = "2021-06-22"
        let pipeline = DefaultPipeline(options: options)
        for input in inputs {
            let bytes = Array(try Data(contentsOf: input))
            for page in [InputPage(id: "fuzz.html", bytes: bytes), InputPage(id: "fuzz.txt", bytes: bytes).as(.text)] {
                let result = pipeline.process(page)
                #expect(result.record["status"] != nil, "\(input.lastPathComponent)")
            }
        }
    }

    /// The first crash: a date pattern read a token past the end of a text ending in "2021-".
    @Test func aYearAndADashAtTheEndOfTheText() {
        var article = Article()
        article.blocks = [Block(kind: .paragraph, text: "The archive runs to 2021-")]
        var trace = Trace()
        let normalized = NormalizeArticle().run(article, referenceDate: "2021-06-22", trace: &trace)
        #expect(normalized.blocks.count == 1)
    }
}
