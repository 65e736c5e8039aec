import Foundation
import Testing
import WinnowHTML
import WinnowIO
import WinnowTestSupport
@testable import Winnow

/// The parse stage hands libxml2 the page without script and style bodies and unread attribute
/// values. These tests parse each page twice, as it is and without them, and require the same
/// tree once those bodies and values are set aside (line numbers included): the removal may
/// only ever drop raw script and style text and the values `UnreadAttributes` lists.
@Suite struct UnreadMarkupTests {
    private let unread = UnreadAttributes(rules: RuleSet())

    @Test(arguments: [
        // Plain bodies, any case, attributes quoted or not.
        "<html><head><style>p { color: red }</style><script>var a = 1 < 2;</script></head><body><p>Text</p></body></html>",
        "<SCRIPT type=text/javascript>if (a<b) document.write('<p>x</p>')</SCRIPT ><p>After</p>",
        "<script src=\"a.js\" async>var s = '<style>'; </script><p>After the script</p>",
        // A body holding another element's end tag, a comment opener, and a prefix match.
        "<div><script>document.write('</div>'); <!-- x </script><p>Kept</p></div>",
        "<script>a()</scriptx><p>Where does it end?</p>",
        // Script-like text that is not a script: in a comment, an attribute, an end tag, text.
        "<!-- <script> --><p>One</p><script>b()</script><p>Two</p>",
        "<div title=\"<script>\" data-x='<style>'>In the div</div><script>c()</script>",
        "<p>a <script>d()</script> b < script c <3 <= e</p>",
        "</\"<script>\"><p>After a bogus end tag</p><script>e()</script>",
        "<!bogus <script> ><p>After a bogus declaration</p>",
        "<?php echo '<script>' ?><p>After a processing instruction</p><style>x{}</style>",
        // Self-closing, unterminated, empty, and bodies that start with markup.
        "<script src=a.js /><p>Not a script body</p><script>f()</script>",
        "<script src=a/>g()</script><p>Unquoted value eats the slash</p>",
        "<script></script><style></style><p>Empty</p>",
        "<script></div><p>Starts with an end tag</p></script><p>x</p>",
        "<style><b>bold?</b></style><p>Starts with a tag</p>",
        "<p>Before</p><script>never closed <p>x</p>",
        "<p>Before</p><script src=\"never closed",
        // JSON-LD stays, since its text is metadata.
        "<script type=\"application/ld+json\">{\"headline\": \"<b>Title</b>\"}</script><script>h()</script><p>Body</p>",
        // Comments: the abrupt forms and `--!>` stop the scan; doctypes with quoted identifiers.
        "<!--><script>i()</script><p>After an abrupt comment</p>",
        "<!-- a --!> <script>j()</script> --><p>After</p><script>k()</script>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><script>l()</script><p>x</p>",
        "<!DOCTYPE html SYSTEM \"a>b\"><script>m()</script><p>x</p>",
        // Bogus attributes and tags.
        "<div \"odd\"=1 class=x><script>n()</script></div><p>x</p>",
        "<div class=\"a\"\"b\"><style>o{}</style></div>",
        "<#weird <script>p()</script> ><p>x</p>",
        "<.dot><script>q()</script></.dot>",
        // Unread attribute values: quoted ones are emptied, with their line breaks.
        "<svg><path d=\"M0 0\nL10 10\" fill='red'/></svg><img src=\"a.jpg\" alt=\"An image\" data-x='{\"a\": \"<script>\"}'><p title=\"t\">x</p>",
        "<a href=\"/kept\" onclick=\"go('<style>')\" data-track=unquoted>link</a><div data-empty=\"\">y</div>",
        "<img src=\"never closed><p>Text</p>",
    ])
    func sameTreeWithoutBodies(html: String) throws {
        try expectSameTree(Array(html.utf8), label: html)
    }

    @Test func removesTheBodiesItCan() throws {
        let page = "<head><style>body{}</style><script>var x = '<p>';\n\nf();</script>"
            + "<script type=\"application/ld+json\">{}</script></head><body><p>Text</p></body>"
        let kept = try #require(UnreadMarkup.removed(from: Array(page.utf8), unread: unread))
        #expect(String(decoding: kept, as: UTF8.self)
            == "<head><style></style><script>\n\n</script><script type=\"application/ld+json\">{}</script></head><body><p>Text</p></body>")
    }

    @Test func emptiesUnreadValuesAndKeepsReadOnes() throws {
        let page = "<link rel=\"canonical\" href=\"/a\"><div class=\"c\" data-id=\"123\" style=\"x\"><img src=\"a.jpg\" srcset=\"a 1x, b 2x\" alt=\"Alt\"><a href=\"/b\">b</a></div>"
        let kept = try #require(UnreadMarkup.removed(from: Array(page.utf8), unread: unread))
        #expect(String(decoding: kept, as: UTF8.self)
            == "<link rel=\"canonical\" href=\"/a\"><div class=\"c\" data-id=\"\" style=\"x\"><img src=\"\" srcset=\"\" alt=\"\"><a href=\"\">b</a></div>")
    }

    @Test func siteRulesKeepTheAttributesTheyRead() throws {
        func set(_ selectors: String...) throws -> UnreadAttributes {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-unread-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let list = selectors.map { "\"\($0)\"" }.joined(separator: ", ")
            try "hosts: [site.example]\ncontent: [\(list)]\n".write(to: folder.appendingPathComponent("site.example.yaml"), atomically: false, encoding: .utf8)
            return UnreadAttributes(rules: try RuleLoader.load(folders: [folder.path], required: true))
        }
        let name = { (text: String) -> [UInt8] in Array(text.utf8) }
        func reads(_ attributes: UnreadAttributes, _ attribute: String) -> Bool {
            !name(attribute).withUnsafeBufferPointer { attributes.contains($0) }
        }
        #expect(!reads(unread, "data-id") && !reads(unread, "src") && !reads(unread, "ONCLICK") && reads(unread, "class"))
        #expect(!reads(unread, "href") && name("href").withUnsafeBufferPointer { !unread.contains($0, onLink: true) })
        #expect(reads(try set("a[href^='/news']"), "href"))
        let css = try set("div[data-component=body]", "img[src]")
        #expect(reads(css, "data-id") && reads(css, "src") && !reads(css, "alt"))
        let xpath = try set("xpath://div[@title='x']")
        #expect(reads(xpath, "title") && !reads(xpath, "data-id"))
        let any = try set("xpath://div[@*='x']")
        #expect(reads(any, "d") && reads(any, "data-id"))
    }

    @Test func leavesPagesWithNULAlone() {
        #expect(UnreadMarkup.removed(from: Array("<script>a\0b</script><p>x</p>".utf8), unread: unread) == nil)
    }

    @Test func sampleAndEvaluationPagesKeepTheirTrees() throws {
        var pages: [(String, [UInt8])] = Fixtures.samplePages().compactMap { url in
            try? (url.lastPathComponent, decodedBytes(of: url))
        }
        if let shared = Fixtures.shared {
            let eval = shared.appendingPathComponent("eval")
            for folder in ["scrapinghub/html", "readability"] {
                let root = eval.appendingPathComponent(folder)
                guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
                for case let url as URL in walker where url.lastPathComponent.hasSuffix(".html.gz") || url.lastPathComponent == "source.html" {
                    pages.append((url.path, try decodedBytes(of: url)))
                }
            }
        }
        #expect(pages.count >= 3)
        var removedSomewhere = 0
        for (label, bytes) in pages {
            try expectSameTree(bytes, label: label)
            if UnreadMarkup.removed(from: bytes, unread: unread) != nil { removedSomewhere += 1 }
        }
        #expect(removedSomewhere * 2 > pages.count, "bodies removed in only \(removedSomewhere) of \(pages.count) pages")
    }

    // MARK: Helpers

    private func decodedBytes(of url: URL) throws -> [UInt8] {
        var bytes = [UInt8](try Data(contentsOf: url))
        var compression = InputPage.Compression.none
        if url.pathExtension == "gz" { compression = .gzip }
        var trace = Trace()
        let page = InputPage(id: url.lastPathComponent, path: url.path, bytes: bytes, compression: compression)
        bytes = try DecodePage().run(page, maximumBytes: 50_000_000, trace: &trace).utf8
        return bytes
    }

    private func expectSameTree(_ bytes: [UInt8], label: String) throws {
        let original = try HTMLDocument(utf8: bytes)
        let reduced = try HTMLDocument(utf8: UnreadMarkup.removed(from: bytes, unread: unread) ?? bytes)
        let expected = original.rootElement.map { outline($0, dropBodies: true) } ?? ""
        let actual = reduced.rootElement.map { outline($0, dropBodies: true) } ?? ""
        guard expected != actual else { return }
        let (left, right) = (expected.split(separator: "\n"), actual.split(separator: "\n"))
        var first = 0
        while first < min(left.count, right.count), left[first] == right[first] { first += 1 }
        let context = { (lines: [Substring]) in lines[max(0, first - 3)..<min(lines.count, first + 3)].joined(separator: "\n") }
        Issue.record("tree differs for \(label.prefix(200)) at line \(first):\n\(context(left))\n---- without bodies:\n\(context(right))")
    }

    /// The tree as text: elements with their attributes, text and comments, nested. With
    /// `dropBodies`, the text inside script and style elements (JSON-LD apart) is left out.
    private func outline(_ node: Node, dropBodies: Bool, depth: Int = 0, into text: inout String) {
        let indent = String(repeating: " ", count: depth)
        switch node.kind {
        case .element:
            let attributes = node.attributes.map { attribute in
                var name = attribute.name
                let isUnread = name.withUTF8 { unread.contains($0, onLink: node.tag == .link || node.tag == .base) }
                return " \(attribute.name)=" + (isUnread ? "…" : attribute.value)
            }
            text += indent + "\(node.line) <" + node.name + attributes.joined() + ">\n"
            let isBody = node.tag == .style
                || (node.tag == .script && node.attribute("type")?.lowercased().contains("ld+json") != true)
            for child in node.children where !(dropBodies && isBody && child.isText) {
                outline(child, dropBodies: dropBodies, depth: depth + 1, into: &text)
            }
        default:
            text += indent + "\(node.kind): " + (node.content ?? "") + "\n"
        }
    }

    private func outline(_ node: Node, dropBodies: Bool) -> String {
        var text = ""
        outline(node, dropBodies: dropBodies, into: &text)
        return text
    }
}
