import Foundation
import Testing
import WinnowIO
import WinnowTestSupport
@testable import Winnow

/// `clean --jobs N` starts pages while the name catalog still loads: a page waits for it before
/// its normalize stage, gets the same record as with the catalog given up front, and the wait
/// does not count against its time limit.
@Suite struct PendingNamesTests {
    private static let story = "Senior General Min Aung Hlaing met Russia’s Defense Minister Sergei Shoigu in Moscow on Tuesday. "
        + "Shoigu praised the army, and the general thanked him for the visit, which lasted two days in all."

    private static let html = "<html><head><title>A visit</title></head><body><article>"
        + (1...3).map { _ in "<p>\(story)</p>" }.joined() + "</article></body></html>"

    @Test func aValueIsWaitedForOnceThenReturnedAtOnce() {
        let pending = Pending<Int>()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { pending.fulfill(7) }
        let first = pending.wait()
        #expect(first.value == 7)
        #expect(first.waited > 0)
        pending.fulfill(8)  // a second value is ignored
        let second = pending.wait()
        #expect(second.value == 7)
        #expect(second.waited == 0)
    }

    /// The same bytes as with the catalog given up front, for an HTML page and a text page,
    /// and a time limit shorter than the wait rejects nothing.
    @Test(arguments: [false, true])
    func aPageWaitsForTheCatalogOutsideItsTimeLimit(text: Bool) throws {
        let page = text ? InputPage(id: "a.txt", bytes: Array((Self.story + "\n\n" + Self.story).utf8)).as(.text)
            : InputPage(id: "a.html", bytes: Array(Self.html.utf8))
        var direct = PipelineOptions()
        direct.names = shippedNames
        let expected = DefaultPipeline(options: direct).process(page)
        #expect(expected.article?.entities.contains { $0.name == "Sergei Shoigu" } == true)

        var options = PipelineOptions()
        options.pageTimeout = 0.1
        let pending = Pending<NameCatalog>()
        options.pendingNames = pending
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.4) { pending.fulfill(shippedNames) }
        let waited = DefaultPipeline(options: options).process(page)
        #expect(waited.reject == nil)
        #expect(String(decoding: waited.line, as: UTF8.self) == String(decoding: expected.line, as: UTF8.self))
    }
}
