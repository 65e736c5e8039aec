import Testing
import WinnowHTML

@Suite struct DocumentTests {
    @Test func parsesAndNavigates() throws {
        let document = try HTMLDocument(html: "<html><head><title>T</title></head><body><p id=a class='x y'>Hello <b>big</b> world</p></body></html>")
        let body = try #require(document.body)
        let paragraph = try #require(body.childElements.first)
        #expect(paragraph.tag == .p)
        #expect(paragraph.attribute("id") == "a")
        #expect(paragraph.attribute("class") == "x y")
        #expect(paragraph.hasAttribute("id"))
        #expect(!paragraph.hasAttribute("title"))
        #expect(paragraph.textContent == "Hello big world")
        #expect(paragraph.parent == body)
        #expect(paragraph.attributes.map(\.name) == ["id", "class"])
        #expect(document.head?.firstChildElement(named: "title")?.textContent == "T")
    }

    @Test func nodeKeepsItsDocumentAlive() throws {
        var node: Node?
        do {
            let document = try HTMLDocument(html: "<p>kept alive</p>")
            node = document.body?.firstChild
        }
        // The document variable is gone; the node still holds the tree.
        #expect(node?.textContent == "kept alive")
    }

    @Test func deepNestingKeepsTextAndWalksWithoutRecursion() throws {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
        let document = try HTMLDocument(html: html)
        let body = try #require(document.body)
        var count = 0
        var found = false
        for node in body.descendants {
            count += 1
            if node.content == "deep text" { found = true }
        }
        #expect(found, "libxml2 dropped the deep text (XML_PARSE_HUGE missing?)")
        #expect(count > 1000)
    }

    @Test func walkerSkipsChildren() throws {
        let document = try HTMLDocument(html: "<body><nav><a>menu</a></nav><p>text</p></body>")
        var walker = TreeWalker(root: try #require(document.body))
        var names: [String] = []
        while let node = walker.next() {
            if node.isElement { names.append(node.name) }
            if node.tag == .nav { walker.skipChildren() }
        }
        #expect(names == ["nav", "p"])
    }

    @Test(arguments: [("blockquote", HTMLTag.blockquote), ("figcaption", .figcaption), ("h3", .h3), ("DIV", .div),
                      ("custom-element", .other), ("noscript", .noscript), ("td", .td)])
    func classifiesTags(name: String, tag: HTMLTag) throws {
        let document = try HTMLDocument(html: "<body><table><tr><\(name)>x</\(name)></tr></table></body>")
        let element = try #require(document.body?.descendants.first { $0.isElement && $0.name == name.lowercased() })
        #expect(element.tag == tag)
    }

    @Test func xpathSelectsAndReportsBadExpressions() throws {
        let document = try HTMLDocument(html: "<body><p class=a>1</p><p>2</p><div><p class=a>3</p></div></body>")
        let expression = try XPathExpression("//p[@class='a']")
        let nodes = try expression.nodes(from: document.documentNode)
        #expect(nodes.map(\.textContent) == ["1", "3"])
        #expect(throws: XPathError.self) { try XPathExpression("//p[") }
    }

    @Test func marksAreStoredPerNode() throws {
        let document = try HTMLDocument(html: "<p>a</p><p>b</p>")
        let paragraphs = try #require(document.body?.childElements)
        paragraphs[0].mark = 7
        #expect(paragraphs[0].mark == 7)
        #expect(paragraphs[1].mark == 0)
    }

    @Test func emptyInputIsAnErrorAndBrokenMarkupIsRecovered() throws {
        // libxml2 builds no document from zero bytes; the Decode stage rejects empty pages first.
        #expect(throws: HTMLParseError.noDocument) { _ = try HTMLDocument(html: "") }
        let document = try HTMLDocument(html: "<p>unclosed <b>bold <i>both</p> after")
        #expect(document.body?.textContent.contains("after") == true)
    }
}

@Suite struct NodeSurfaceTests {
    @Test func siblingsMarkupAndVersion() throws {
        let document = try HTMLDocument(html: "<body><p id=a>one</p><p id=b>two <b>bold</b></p></body>")
        let body = try #require(document.body)
        let last = try #require(body.lastChild)
        #expect(last.attribute("id") == "b")
        #expect(last.previousSibling?.attribute("id") == "a")
        #expect(last.outerHTML == "<p id=\"b\">two <b>bold</b></p>")
        #expect(last.depth == 2)
        #expect(Int(LibXML2.version) ?? 0 >= 20900)
    }
}

/// The bit set of tags answers as a `Set<HTMLTag>` would, for every tag.
@Suite struct HTMLTagSetTests {
    @Test func membershipMatchesASet() {
        let chosen: [HTMLTag] = HTMLTag.allCases.enumerated().filter { $0.offset % 3 == 0 }.map(\.element) + [HTMLTag.allCases.last!]
        var bits = HTMLTagSet()
        for tag in chosen { bits.insert(tag) }
        let reference = Set(chosen.map(\.rawValue))
        for tag in HTMLTag.allCases { #expect(bits.contains(tag) == reference.contains(tag.rawValue), "\(tag)") }
    }
}

/// One walk of an element's attributes says which of several names it has, as `hasAttribute` would.
@Suite struct AttributePresenceTests {
    @Test func bitsMatchHasAttribute() throws {
        let document = try HTMLDocument(html: "<div id=x itemprop data-a='1' CLASS='c'><a href=''>a</a><span itemtype=t>s</span><i>i</i></div>")
        let names = ["href", "itemprop", "itemtype", "class", "id", "i", "data-a", "data"]
        let asked = AttributeNames(names)
        var walker = TreeWalker(root: document.rootElement!)
        var checked = 0
        while let node = walker.next() {
            guard node.isElement else { continue }
            let bits = node.attributePresence(asked)
            for (bit, name) in names.enumerated() { #expect((bits >> UInt32(bit)) & 1 == (node.hasAttribute(name) ? 1 : 0), "\(node.tag) \(name)") }
            checked += 1
        }
        #expect(checked >= 5)
    }
}
