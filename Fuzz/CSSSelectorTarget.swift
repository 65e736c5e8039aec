// libFuzzer target: any text as a CSS selector (the site rules' language): compiled to XPath,
// the XPath compiled by libxml2, and evaluated on a small fixed document. Built by
// scripts/fuzz.sh against the Winnow module.
import WinnowHTML

private let document = try! HTMLDocument(html: """
    <html><head><title>t</title></head><body><div id="a" class="x y"><p class="p">one <a href="/l">link</a></p>
    <ul><li>1</li><li class="z">2</li></ul><section data-k="v"><h2>h</h2><span lang="en-GB">s</span></section></div></body></html>
    """)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSSSelector(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let selector = try? CSSSelector(source), let expression = try? XPathExpression(selector.xpath) else { return 0 }
    _ = try? expression.nodes(from: document.documentNode)
    return 0
}
