// libFuzzer target: any text through the date parser (one date, ISO 8601 and the languages'
// words) and through the date finder of the Normalize stage (absolute, partial and relative
// mentions in running text, resolved against a reference date), in two languages. Built by
// scripts/fuzz.sh against the Winnow module.
import Winnow

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDateParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = DateParser.parse(text)
    for language in ["en", "ru"] {
        var article = Article()
        article.language = language
        article.blocks = [Block(kind: .paragraph, text: text)]
        var trace = Trace()
        _ = NormalizeArticle().run(article, referenceDate: "2021-06-22", rewriteDates: true, trace: &trace)
    }
    return 0
}
