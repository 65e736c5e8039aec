import WinnowHTML

/// A container whose first heading announces links to other stories ("Related stories",
/// "Você pode gostar...", "Lesen Sie auch") is a related block as a whole, whatever its
/// class names say. Strip checks this for containers no other rule claimed.
enum RelatedHeading {
    static func isContainer(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .div, .section, .article, .aside, .other, .ul, .ol: return true
        default: return false
        }
    }

    /// The text of a first heading that announces related links, if the container has one.
    static func relatedHeading(of node: Node, index: PageIndex) -> String? {
        var child = node.firstChild
        while let current = child {
            defer { child = current.nextSibling }
            if current.isText {
                if current.withContentBytes({ $0.contains { $0 > 0x20 } }) == true { return nil }
                continue
            }
            guard current.isElement else { continue }
            let tag = current.tag
            if PageIndex.invisibleTags.contains(tag) { continue }
            guard [.h1, .h2, .h3, .h4, .h5, .h6].contains(tag) || current.hasAttribute("class") else { return nil }
            // The index knows the visible length: long first children are never such headings.
            if let position = index.entryIndex(of: current), index.elements[position].text > 60 { return nil }
            let text = BlockText.text(of: current, index: nil)
            guard !text.isEmpty, text.count <= 60 else { return nil }
            var phrase = BuildBlocks.comparable(text)
            while let last = phrase.unicodeScalars.last, ".:…!".unicodeScalars.contains(last) { phrase.unicodeScalars.removeLast() }
            return BoilerplateVocabulary.relatedHeadings.contains(phrase) ? text : nil
        }
        return nil
    }

}
