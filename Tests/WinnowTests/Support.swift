@testable import Winnow
import WinnowIO

/// Runs the whole pipeline on inline bytes or HTML.
func process(_ bytes: [UInt8], id: String = "test.html", compression: InputPage.Compression = .none, baseURL: String? = nil) -> PageResult {
    DefaultPipeline(options: PipelineOptions(baseURL: baseURL)).process(InputPage(id: id, bytes: bytes, compression: compression))
}

func process(html: String, baseURL: String? = nil) -> PageResult {
    process(Array(html.utf8), baseURL: baseURL)
}

/// A page whose article is long enough for content selection, around `body`.
func articlePage(_ body: String, head: String = "", before: String = "", after: String = "") -> String {
    let filler = (1...4).map { "<p>Paragraph \($0) of the story, long enough to count as prose, with commas, clauses, and a full stop at the end.</p>" }.joined()
    return "<html><head>\(head)</head><body>\(before)<article><h1>The Headline</h1>\(filler)\(body)</article>\(after)</body></html>"
}

extension PageResult {
    var text: String { article?.blocks.filter(\.isBody).map(\.text).joined(separator: "\n\n") ?? "" }
    func removed(_ category: BoilerplateCategory) -> [Removal] { trace.removals.filter { $0.category == category } }
}

// String forms of byte-level helpers, for tests that state their cases as strings.

extension StripText {
    static func isBreadcrumb(_ text: String) -> Bool { text.withUTF8Bytes { isBreadcrumb($0) } }
}

extension FunctionWords {
    static func hits(in comparable: String) -> SIMD16<UInt16> { comparable.withUTF8Bytes(hits) }
}

extension TextBuilder {
    static func isUnchanged(_ text: UnsafeBufferPointer<UInt8>) -> Bool { unchangedScalars(text) != nil }
}

extension FoldedNames {
    func string(_ range: Range<Int32>) -> String { withBytes(range) { String(decoding: $0, as: UTF8.self) } }

    /// The words of a name as strings.
    func strings(of name: Name) -> [String] { (0..<name.wordCount).map { string(word($0, of: name)) } }
}

extension RepeatedLines.Site {
    func pages(of comparable: String) -> Int? { comparable.withUTF8Bytes { pages(of: $0, hash: TextHash.of($0)) } }
}

/// SplitMix64: the same pseudo-random inputs on every run and platform, so that a failure
/// reproduces.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
