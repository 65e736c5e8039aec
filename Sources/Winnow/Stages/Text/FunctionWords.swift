/// The commonest function words (articles, pronouns, prepositions, conjunctions, auxiliaries)
/// of the languages Winnow's date and name stages know. Running prose is dense in them and
/// menus, buttons and credits are not: the share of function words is the text route's
/// best sign of a body line, and the language with the most hits is the page's language.
enum FunctionWords {
    static let lists: [(language: String, words: String)] = [
        ("en", "the of and to a in is that for it as was with be by on not he she his her they their this are at from or an have had has which were been but its who will would said there than also after into about more when")
        , ("de", "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis")
        , ("fr", "le la les de des du et en un une est que qui dans pour pas au aux sur par plus ne se ce il elle sont avec son sa ses ont été mais comme leur cette ou nous vous a été était")
        , ("es", "el la los las de del y en un una es que por para con no se su sus al lo como más pero fue ha han este esta entre cuando sobre también ya o le muy sin hasta desde")
        , ("it", "il lo la i gli le di del della dei delle e in un una è che per con non si da al alla sono ha come anche più ma nel nella questo questa o dopo tra stato")
        , ("pt", "o a os as de do da dos das e em um uma é que para com não se por no na nos nas ao mais como mas foi ser são seu sua também pelo pela entre")
        , ("nl", "de het een en van in is dat op te voor met zijn niet aan er maar om ook als bij door over naar uit dan nog wel heeft werd worden hij zij was")
        , ("ru", "и в не на что с по как из к у за от о это но же для так его её их был была было были он она они то бы при также только уже")
        , ("pl", "i w nie na z się że do to jest o jak po przez za od dla ale jego jej ich był była było są oraz także tylko już który która które")
    ]

    /// Each word with the languages that list it, as a bit set over `lists`.
    static let table: [String: UInt16] = {
        var table: [String: UInt16] = [:]
        for (offset, list) in lists.enumerated() {
            for word in list.words.split(separator: " ") { table[String(word), default: 0] |= 1 << UInt16(offset) }
        }
        return table
    }()

    /// The language whose function words the lines use most, when they use enough of them to
    /// say (at least 20 hits and a fifth more than the runner-up).
    static func language(of lines: [TextLine]) -> (code: String, index: Int)? {
        var hits = [Int](repeating: 0, count: lists.count)
        var seen = 0
        for line in lines where line.text.utf8.count >= 40 {
            for word in words(line.comparable) {
                guard let mask = table[String(word)] else { continue }
                for index in 0..<lists.count where mask & (1 << UInt16(index)) != 0 { hits[index] += 1 }
            }
            seen += 1
            if seen >= 200 { break }
        }
        let ranked = hits.enumerated().sorted { $0.element > $1.element }
        guard let best = ranked.first, best.element >= 20, Double(best.element) >= Double(ranked[1].element) * 1.2 else { return nil }
        return (lists[best.offset].language, best.offset)
    }

    /// The words of a comparable line: letters and apostrophes, split at everything else.
    static func words(_ comparable: String) -> [Substring] {
        comparable.split { !($0.isLetter || $0 == "'") }
    }
}
