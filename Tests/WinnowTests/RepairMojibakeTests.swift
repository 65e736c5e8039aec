import Testing
@testable import Winnow

@Suite struct RepairMojibakeTests {
    @Test(arguments: [
        ("CafÃ©", "Café"),
        ("Myanmarâ€™s junta", "Myanmar’s junta"),
        ("â€œQuotedâ€\u{9D} and â€”dashâ€”", "“Quoted” and —dash—"),
        ("CafÃƒÂ©", "Café"),                      // twice
        ("naÃ¯ve rÃ©sumÃ©", "naïve résumé"),
        ("Ã¼ber GrÃ¶ÃŸe", "über Größe"),
        ("Ð\u{9F}Ñ\u{80}Ð¸Ð²ÐµÑ\u{82}", "Привет"),  // latin-1 reading, with C1 controls
        ("æ\u{9D}±äº¬", "東京"),
        ("ðŸ˜€ smile", "😀 smile"),
        ("25Â°C and 5Â\u{A0}Â£", "25°C and 5\u{A0}£"),
    ])
    func repairs(broken: String, fixed: String) throws {
        let result = try #require(RepairMojibake.repair(broken))
        #expect(result.text == fixed)
        #expect(result.repairs > 0)
    }

    /// Correct text in many languages and scripts is never touched.
    @Test(arguments: [
        "Le président a déclaré que l’économie française était en très bonne santé — même à Noël.",
        "Größere Städte müssen mehr Wohnungen bauen; über 50 % der Bürger stimmten zu.",
        "El niño comió piña y jalapeños en Año Nuevo, ¿verdad? ¡Sí!",
        "A população de São Paulo cresceu; as ações caíram, e o coração não mente.",
        "Żołnierze wrócili do domów w piątek, a prezydent powiedział, że gospodarka rośnie.",
        "Řidiči musí zaplatit vyšší poplatky za dálnice a ještě více za mýto.",
        "Президент России заявил, что экономика страны растёт быстрее.",
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.",
        "İstanbul’da öğrenciler sınav sonuçlarını açıkladı; ağaçlar çiçek açtı.",
        "Hà Nội là thủ đô của Việt Nam, với hơn tám triệu người dân.",
        "东京で開かれた国際会議では、各国の代表が話し合いました。中国政府表示，今年的经济增长将会超过预期。",
        "الحكومة أعلنت عن إجراءات جديدة للاقتصاد في العاصمة.",
        "Árvíztűrő tükörfúrógép: Ã alone, ÃO and ÂÊ in capitals, SÃO PAULO.",
        "© 2021 — Photo: AFP · Prices: £5, €7, ¥9; ±3 °C; ½ cup; «quotes» and ‹this›.",
    ])
    func leavesCorrectTextAlone(text: String) {
        #expect(RepairMojibake.repair(text) == nil, "changed: \(text)")
    }

    @Test func thePipelineRepairsTextNodesAndCountsIt() {
        let body = (1...3).map { "<p>Paragraph \($0) is long enough to be prose, with commas, and a full stop.</p>" }.joined()
        let result = process(html: "<html><body><article>\(body)<p>The cafÃ© owner said itâ€™s fine, and more words here.</p></article></body></html>")
        #expect(result.text.contains("The café owner said it’s fine"))
        #expect(result.trace.repairs["mojibake"] == 2)
    }
}

@Suite struct RepairEntitiesTests {
    @Test(arguments: [
        ("it&#8217;s", "it’s"), ("&#x201C;quoted&#x201D;", "“quoted”"), ("wait&hellip; &mdash; done", "wait… — done"),
        ("caf&eacute;", "café"),
    ])
    func repairs(broken: String, fixed: String) throws {
        #expect(try #require(RepairEntities.repair(broken)).text == fixed)
    }

    @Test(arguments: ["AT&T and R&D; Johnson & Johnson", "write &amp; for an ampersand, &lt;p&gt; for a tag",
                      "&#0; &#x110000; &#128; &nosuchname;", "Q&A: what & why;"])
    func leavesOtherAmpersandsAlone(text: String) {
        #expect(RepairEntities.repair(text) == nil)
    }

    @Test func thePipelineRepairsDoubleEscapes() {
        let body = (1...3).map { "<p>Paragraph \($0) is long enough to be prose, with commas, and a full stop.</p>" }.joined()
        let result = process(html: "<html><body><article>\(body)<p>The minister&amp;#8217;s reply came &amp;mdash; late, they said.</p></article></body></html>")
        #expect(result.text.contains("The minister’s reply came — late"))
        #expect(result.trace.repairs["doubleEscapedEntities"] == 2)
    }
}

@Suite struct JSONLDEntityTests {
    @Test func escapedQuotesInJSONLDStringsAreDecodedAfterParsing() throws {
        let ld = #"{"@type":"NewsArticle","headline":"&quot;We needed this&nbsp;game&quot; &#8211; coach","datePublished":"2019-11-18T19:05:00-05:00"}"#
        let body = (1...3).map { "<p>Paragraph \($0) is long enough to be prose, with commas, and a full stop.</p>" }.joined()
        let result = process(html: "<html><head><script type=\"application/ld+json\">\(ld)</script></head><body><article>\(body)</article></body></html>")
        let article = try #require(result.article)
        #expect(article.title == "\"We needed this game\" – coach")
        #expect(article.published == "2019-11-18T19:05:00-05:00")
        #expect(article.publishedFrom == "json-ld")
    }
}
