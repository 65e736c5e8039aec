import Testing
@testable import Winnow

/// Date expressions per language, against one reference date: Monday 2021-06-21. Each row is
/// (sentence, the mention's text, its value, its kind). The sentences were written for these tests.
@Suite struct FindDatesLanguageTests {
    /// Every language's words are plain-form, so their hashed tables answer every plain word
    /// themselves ("в" and "мая" never fall through to a String lookup).
    @Test func everyLanguagesWordTablesAreComplete() {
        for (code, language) in DateLanguages.all {
            #expect(language.plainOpeners.complete, "\(code) openers")
            #expect(language.plainMonths.complete, "\(code) months")
        }
    }

    static let reference = "2021-06-21"

    static let cases: [(language: String, sentence: String, text: String, value: String, kind: String)] = [
        ("en", "The deal was signed three days ago in Geneva.", "three days ago", "2021-06-18", "relative"),
        ("en", "Prices rose last week, traders said.", "last week", "2021-06-14/2021-06-20", "relative"),
        ("en", "The form is dated 06/22/2021 by the clerk.", "06/22/2021", "2021-06-22", "absolute"),
        ("en", "It was filed on 22/06/2021 instead.", "22/06/2021", "2021-06-22", "absolute"),
        ("en", "The law passed last year after a long fight.", "last year", "2020-01-01/2020-12-31", "relative"),
        ("en", "Posted Jun 24, 2021 02:39 AM by the desk.", "Jun 24, 2021 02:39 AM", "2021-06-24T02:39", "absolute"),
        ("en", "Filed 22 June 2021 14:05 from Moscow.", "22 June 2021 14:05", "2021-06-22T14:05", "absolute"),
        ("en", "Talks resume in mid-March, she said.", "mid-March", "2021-03", "partial"),

        ("de", "Das Treffen fand am 22. Juni 2021 in Berlin statt.", "22. Juni 2021", "2021-06-22", "absolute"),
        ("de", "Der Vertrag wurde am 22.06.2021 unterzeichnet.", "22.06.2021", "2021-06-22", "absolute"),
        ("de", "Der Minister kam am Dienstag nach Wien.", "am Dienstag", "2021-06-15", "relative"),
        ("de", "Seit Februar sind die Preise gestiegen.", "Seit Februar", "2021-02", "partial"),
        ("de", "Die Regierung hatte das vor drei Tagen beschlossen.", "vor drei Tagen", "2021-06-18", "relative"),
        ("de", "Gestern sagte der Kanzler nichts dazu.", "Gestern", "2021-06-20", "relative"),
        ("de", "Die Wahl wird im September 2021 stattfinden.", "September 2021", "2021-09", "partial"),
        ("de", "Letzte Woche stiegen die Kurse stark.", "Letzte Woche", "2021-06-14/2021-06-20", "relative"),
        ("de", "Er kommt am 4. Juli zurück, wird erwartet.", "4. Juli", "2021-07-04", "partial"),

        ("fr", "La réunion a eu lieu le 22 juin 2021 à Paris.", "22 juin 2021", "2021-06-22", "absolute"),
        ("fr", "Le décret est paru le 1er juin au Journal officiel.", "1er juin", "2021-06-01", "partial"),
        ("fr", "Le ministre s’est exprimé mardi devant les députés.", "mardi", "2021-06-15", "relative"),
        ("fr", "Les prix montent depuis février dans tout le pays.", "depuis février", "2021-02", "partial"),
        ("fr", "Le texte a été adopté il y a trois jours.", "il y a trois jours", "2021-06-18", "relative"),
        ("fr", "Il l’a annoncé hier soir à la télévision.", "hier", "2021-06-20", "relative"),
        ("fr", "Les ventes ont chuté la semaine dernière.", "la semaine dernière", "2021-06-14/2021-06-20", "relative"),
        ("fr", "Il l’a dit aujourd’hui, au Sénat.", "aujourd’hui", "2021-06-21", "relative"),

        ("es", "El acuerdo se firmó el 22 de junio de 2021 en Madrid.", "22 de junio de 2021", "2021-06-22", "absolute"),
        ("es", "El ministro habló el martes ante el Congreso.", "el martes", "2021-06-15", "relative"),
        ("es", "La ley se aprobó hace tres días en el Senado.", "hace tres días", "2021-06-18", "relative"),
        ("es", "Ayer el presidente visitó la región.", "Ayer", "2021-06-20", "relative"),
        ("es", "Los precios suben desde febrero en todo el país.", "desde febrero", "2021-02", "partial"),
        ("es", "El gobierno lo anunció el 4 de marzo, según fuentes.", "4 de marzo", "2021-03-04", "partial"),
        ("es", "Las ventas cayeron la semana pasada.", "la semana pasada", "2021-06-14/2021-06-20", "relative"),

        ("pt", "O acordo foi assinado em 22 de junho de 2021 em Lisboa.", "22 de junho de 2021", "2021-06-22", "absolute"),
        ("pt", "O ministro falou na terça-feira aos deputados.", "na terça-feira", "2021-06-15", "relative"),
        ("pt", "A lei foi aprovada há três dias pelo Senado.", "há três dias", "2021-06-18", "relative"),
        ("pt", "Ontem o presidente visitou a região.", "Ontem", "2021-06-20", "relative"),
        ("pt", "Os preços sobem desde fevereiro no país.", "desde fevereiro", "2021-02", "partial"),
        ("pt", "As vendas caíram na semana passada.", "semana passada", "2021-06-14/2021-06-20", "relative"),

        ("it", "L’accordo è stato firmato il 22 giugno 2021 a Roma.", "22 giugno 2021", "2021-06-22", "absolute"),
        ("it", "Il ministro ha parlato martedì alla Camera.", "martedì", "2021-06-15", "relative"),
        ("it", "La legge è stata approvata tre giorni fa dal Senato.", "tre giorni fa", "2021-06-18", "relative"),
        ("it", "Ieri il presidente ha visitato la regione.", "Ieri", "2021-06-20", "relative"),
        ("it", "I prezzi salgono da febbraio in tutto il paese.", "da febbraio", "2021-02", "partial"),
        ("it", "Le vendite sono calate la settimana scorsa.", "la settimana scorsa", "2021-06-14/2021-06-20", "relative"),

        ("nl", "Het akkoord werd op 22 juni 2021 in Den Haag getekend.", "22 juni 2021", "2021-06-22", "absolute"),
        ("nl", "De minister sprak op dinsdag in de Kamer.", "op dinsdag", "2021-06-15", "relative"),
        ("nl", "De wet werd drie dagen geleden aangenomen.", "drie dagen geleden", "2021-06-18", "relative"),
        ("nl", "Gisteren bezocht de premier de regio.", "Gisteren", "2021-06-20", "relative"),
        ("nl", "De prijzen stijgen sinds februari in het hele land.", "sinds februari", "2021-02", "partial"),
        ("nl", "De verkoop daalde vorige week sterk.", "vorige week", "2021-06-14/2021-06-20", "relative"),

        ("pl", "Porozumienie podpisano 22 czerwca 2021 r. w Warszawie.", "22 czerwca 2021 r.", "2021-06-22", "absolute"),
        ("pl", "Minister przemawiał we wtorek w Sejmie.", "we wtorek", "2021-06-15", "relative"),
        ("pl", "Ustawę przyjęto trzy dni temu w Senacie.", "trzy dni temu", "2021-06-18", "relative"),
        ("pl", "Wczoraj premier odwiedził region.", "Wczoraj", "2021-06-20", "relative"),
        ("pl", "Ceny rosną od lutego w całym kraju.", "od lutego", "2021-02", "partial"),
        ("pl", "Sprzedaż spadła w zeszłym tygodniu.", "w zeszłym tygodniu", "2021-06-14/2021-06-20", "relative"),
        ("pl", "Wybory odbyły się w marcu, jak zwykle.", "w marcu", "2021-03", "partial"),

        ("ru", "Соглашение подписали 22 июня 2021 года в Москве.", "22 июня 2021 года", "2021-06-22", "absolute"),
        ("ru", "Министр выступил во вторник в Думе.", "во вторник", "2021-06-15", "relative"),
        ("ru", "Закон приняли три дня назад в Совете.", "три дня назад", "2021-06-18", "relative"),
        ("ru", "Вчера премьер посетил регион.", "Вчера", "2021-06-20", "relative"),
        ("ru", "Цены растут с февраля по всей стране.", "с февраля", "2021-02", "partial"),
        ("ru", "Продажи упали на прошлой неделе.", "на прошлой неделе", "2021-06-14/2021-06-20", "relative"),
        ("ru", "Выборы прошли в марте, как обычно.", "в марте", "2021-03", "partial"),
    ]

    @Test(arguments: cases.indices)
    func findsAndResolves(index: Int) throws {
        let row = Self.cases[index]
        let mentions = FindDates(reference: Self.reference, language: row.language).find(in: row.sentence)
        let mention = try #require(mentions.first { $0.text == row.text }, "\(row.language): \(row.text) not in \(mentions.map(\.text))")
        #expect(mention.value == row.value, "\(row.language): \(row.text)")
        #expect(mention.kind.rawValue == row.kind, "\(row.language): \(row.text)")
        let scalars = Array(row.sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == row.text)
    }

    /// Words that look like dates in one language and are not: no mention at all.
    static let nonDates: [(language: String, sentence: String)] = [
        ("en", "You may go now, and march on."), ("en", "A man and a dog met."),
        ("de", "Vor der Wahl war alles anders."), ("de", "Am Morgen regnete es."),
        ("fr", "La planète Mars est rouge."), ("fr", "Il y a des gens partout."),
        ("es", "Hace frío en la montaña."), ("pt", "A segunda opção é melhor."),
        ("it", "Da qui si vede il mare."), ("nl", "Op de tafel ligt een boek."),
        ("pl", "W domu było ciepło."), ("ru", "Окружающая среда важна для всех."),
    ]

    @Test(arguments: nonDates.indices)
    func ignoresLookalikes(index: Int) {
        let row = Self.nonDates[index]
        let mentions = FindDates(reference: Self.reference, language: row.language).find(in: row.sentence)
        #expect(mentions.isEmpty, "\(row.language): \(mentions.map(\.text))")
    }

    @Test func thePageLanguageChoosesTheTable() {
        // "mars" is March in French, nothing in English.
        #expect(FindDates(reference: Self.reference, language: "fr").find(in: "Depuis mars 2020, rien.").map(\.value) == ["2020-03"])
        #expect(FindDates(reference: Self.reference, language: "en").find(in: "Depuis mars 2020, rien.").isEmpty)
        // No language, or one without a table: English.
        #expect(FindDates(reference: Self.reference, language: nil).find(in: "On Monday.").count == 1)
        #expect(FindDates(reference: Self.reference, language: "fi").find(in: "On Monday.").count == 1)
    }
}
