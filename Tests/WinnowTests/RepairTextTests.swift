import Testing
import WinnowIO
@testable import Winnow
import WinnowTestSupport

/// Leftover placeholders and markup, C1 controls, invisible characters and NFC: each repaired
/// and counted, and correct text in many languages left exactly as it was.
@Suite struct RepairLeakedTextTests {
    @Test(arguments: [
        ("You have {{numberArticlesLeft}} free articles left", "You have  free articles left"),
        ("Hello, {{ user.firstName | capitalize }}!", "Hello, !"),
        ("{% trans %}Subscribe{% endtrans %} now", "Subscribe now"),
        ("Welcome back ${userName}.", "Welcome back ."),
        ("Raw {{{body}}} here", "Raw  here"),
        ("Story text.<!-- Google tag (gtag.js) --> More text.", "Story text. More text."),
        ("First</p><p class=\"lead\">Second", "FirstSecond"),
        ("Before <script type=\"text/javascript\">var a = 1 < 2;</script>after", "Before after"),
        ("A line<br/>break and <img src='x.jpg' alt=\"a > b\"> image", "A linebreak and  image"),
    ])
    func removesLeftovers(broken: String, fixed: String) throws {
        #expect(try #require(RepairLeakedText.repair(broken)).text == fixed)
    }

    @Test(arguments: [
        "Matrices like {{1, 2}, {3, 4}} are written so.", "If a < b and b > c, then nothing.", "It costs ${5} in the template docs.",
        "The <nosuchtag> is not HTML.", "Use {{ and }} to escape braces, he wrote.", "x<y, 3<4 and 5 >2", "<3 love",
        "A sentence {{with several words, and a comma}} stays.", "Unclosed <div class=\"x\" and more",
    ])
    func leavesOtherTextAlone(text: String) {
        #expect(RepairLeakedText.repair(text) == nil, "changed: \(text)")
    }

    @Test func thePipelineRepairsAndCountsButNotInCode() {
        let body = (1...3).map { "<p>Paragraph \($0) is long enough to be prose, with commas, and a full stop.</p>" }.joined()
        let html = "<html><body><article>\(body)<p>Dear {{subscriber.firstName}}, the council met on Tuesday to vote on the budget.</p>"
            + "<p>The tag &lt;!-- Google tag --&gt; leaked here, and the sentence goes on.</p>"
            + "<pre><code>render(\"{{title}}\") // &lt;div&gt; stays</code></pre></article></body></html>"
        let result = process(html: html)
        #expect(result.text.contains("Dear , the council met on Tuesday"))
        #expect(result.text.contains("The tag leaked here"))
        #expect(result.text.contains("render(\"{{title}}\") // <div> stays"))
        #expect(result.trace.repairs["placeholders"] == 1)
        #expect(result.trace.repairs["leakedMarkup"] == 1)
    }
}

@Suite struct TextModelRepairTests {
    private func paragraphText(_ inner: String) -> (String, [String: Int]) {
        let filler = (1...3).map { "<p>Paragraph \($0) is long enough to be prose, with commas, and a full stop.</p>" }.joined()
        let result = process(html: "<html><body><article>\(filler)<p>\(inner)</p></article></body></html>")
        let blocks = result.article?.blocks.filter(\.isBody) ?? []
        return (blocks.last?.text ?? "", result.trace.repairs)
    }

    @Test func c1ControlsAreReadAsWindows1252() {
        let (text, repairs) = paragraphText("It\u{0092}s \u{0093}fine\u{0094} \u{0096} he said\u{0085} costs \u{0080}5\u{0081}.")
        #expect(text == "It’s “fine” – he said… costs €5.")
        #expect(repairs["c1Controls"] == 7)
    }

    @Test func invisibleControlsGoJoinersStay() {
        let (text, repairs) = paragraphText("\u{202B}שלום\u{202C} and \u{2067}مرحبا\u{2069} and word\u{2060}joiner; می\u{200C}خواهم 👨\u{200D}👩")
        #expect(text == "שלום and مرحبا and wordjoiner; می\u{200C}خواهم 👨\u{200D}👩")
        #expect(repairs["invisibleCharacters"] == 5)
    }

    @Test func decomposedAccentsAreComposed() {
        let (text, repairs) = paragraphText("Cafe\u{0301} in Re\u{0301}union and Nu\u{0308}rnberg")
        #expect(text == "Café in Réunion and Nürnberg")
        #expect(text.unicodeScalars.count == "Café in Réunion and Nürnberg".unicodeScalars.count)
        #expect(repairs["nfc"] == 3)
    }

    /// Correct text, written for this test, in twenty languages and scripts: no repair of any
    /// kind may change a character of it.
    static let correctText = [
        "The minister’s “final” offer — 5 % more — was rejected; talks resume on Monday.",
        "Le ministre a déclaré : « L’économie française va mieux », malgré la crise.",
        "Die Bürgermeisterin sagte, die Straßenbahn fährt ab März öfter – auch nachts.",
        "El presidente señaló que la economía crecerá un 3 % en el año próximo, según él.",
        "O governo português anunciou que a inflação caiu para 2,1 % em junho.",
        "Il ministro ha detto che l’accordo è più vicino, ma non è ancora firmato.",
        "Prezydent powiedział, że gospodarka rośnie szybciej niż zakładano; żołnierze wrócili.",
        "Vláda schválila zákon o daních; řidiči zaplatí víc za dálniční známku.",
        "Президент заявил, что экономика растёт быстрее, чем ожидалось, — сообщает агентство.",
        "Міністр оборони України зустрівся з делегацією в Києві у п’ятницю.",
        "Ο πρωθυπουργός δήλωσε ότι η οικονομία της Ελλάδας αναπτύσσεται σταθερά.",
        "Bakan, ekonominin beklenenden hızlı büyüdüğünü söyledi; işsizlik düştü.",
        "Thủ tướng cho biết nền kinh tế Việt Nam tăng trưởng mạnh trong quý hai.",
        "وقال الوزير إن الاقتصاد ينمو بسرعة أكبر مما كان متوقعا هذا العام.",
        "השר אמר כי הכלכלה צומחת מהר מהצפוי השנה, לפי הדיווח.",
        "मंत्री ने कहा कि इस वर्ष अर्थव्यवस्था अनुमान से तेज़ी से बढ़ रही है।",
        "東京で開かれた会議で、首相はエネルギー問題について話しました。",
        "中国政府表示，今年的经济增长将超过预期。",
        "한국 정부는 올해 경제 성장률이 예상보다 높을 것이라고 밝혔다.",
        "นายกรัฐมนตรีกล่าวว่าเศรษฐกิจของประเทศไทยเติบโตอย่างต่อเนื่อง",
        "Café, naïve, façade, Ærø, Łódź, Ñandú, Øresund, ß and œuvre: all fine. 1 × 2 ≠ 3 ± 0.5 ° ½ € £ ¥ © ® ™ …",
    ]

    @Test(arguments: correctText)
    func correctTextIsLeftAlone(text: String) {
        let (extracted, repairs) = paragraphText(text)
        #expect(extracted == text)
        #expect(repairs.isEmpty, "repairs on correct text: \(repairs)")
    }
}

/// The one-pass quick checks say what the three separate checks say.
@Suite struct RepairHintsTests {
    @Test(arguments: [
        "", "plain text", "CafÃ© au lait", "Ã", "Ã\u{01}", "a &amp; b", "&", "<b>leak", "{{ name }}", "{% if %}", "${price}",
        "{ not a template }", "$ 5", "costs $5 {", "ends with {", "ends with $", "trailing Ã", "mixed Ã© & <i> ${x}",
        "mixed Ã© &amp; <i> ${x}", "Myanmarâ€™s", "CafÃƒÂ©", "café", "Ã©t", "AT&T", "R&D;", "&;", "&#8217;", "&#x2019;",
        "&verylongnamex;", "& amp;",
        // Longer than a word of eight bytes, each start at several offsets.
        "a plain line of text with &amp; in the middle", "0123456789abcdef&rsquo;", "0123456<b>", "01234567{{ x }}",
        "012345678901234567890123${a}", "plain text, then CafÃ© at the end", "Ã© first, then a long plain tail of ASCII",
        "no start at all in this rather long line of ASCII text",
        // Past the first sixteen bytes, and straddling the vector's end.
        "0123456789abcdefghijklmnopqrstu&amp;", "0123456789abcde&amp;", "0123456789abcdefghijklmnoCafÃ©",
    ])
    func agreeWithTheSeparateChecks(text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            let hints = RepairHints(bytes)
            #expect(hints.mojibake == RepairMojibake.mightContainMojibake(bytes))
            #expect(hints.references == RepairEntities.mightContainReference(bytes))
            #expect(hints.leaks == RepairLeakedText.mightContainLeak(bytes))
        }
    }

    /// The sixteen-byte skip stops at every byte that may start a repair, wherever it sits.
    @Test func vectorSkipSeesEveryStartByte() {
        forEachByteAtEachLane { byte, lane, vector in
            let expected = [0xC3, 0x26, 0x3C, 0x7B, 0x24].contains(byte) ? lane : nil
            #expect(ByteVector.firstLane(RepairHints.repairStarts(vector)) == expected, "byte \(byte) at \(lane)")
        }
    }

    /// The checks say no only where the repairs would find nothing, and no to correct accented
    /// text and ampersands that start no reference (so those lines skip the repairs).
    @Test(arguments: [
        ("CafÃ© au lait", true, false), ("Myanmarâ€™s", true, false), ("CafÃƒÂ©", true, false), ("café", false, false),
        ("été", false, false), ("AT&T", false, false), ("R&D;", false, true), ("&amp;rsquo;", false, true),
        ("&#8217;", false, true), ("&;", false, false), ("& amp;", false, false),
    ])
    func sayWhetherARepairCanStart(text: String, mojibake: Bool, reference: Bool) {
        var copy = text
        copy.withUTF8 { bytes in
            #expect(RepairMojibake.mightContainMojibake(bytes) == mojibake)
            #expect(RepairEntities.mightContainReference(bytes) == reference)
            if !mojibake { #expect(RepairMojibake.repair(text) == nil) }
            if !reference { #expect(RepairEntities.repair(text) == nil) }
        }
    }
}
