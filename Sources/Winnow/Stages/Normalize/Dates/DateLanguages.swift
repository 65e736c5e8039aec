/// The date words of the nine languages `FindDates` reads, one table each. Add a language by
/// adding a table here and a test table in `Tests/WinnowTests/FindDatesLanguageTests.swift`.
enum DateLanguages {
    static let all: [String: DateLanguage] = {
        var table: [String: DateLanguage] = [:]
        for var language in [english, german, french, spanish, portuguese, italian, dutch, polish, russian] {
            language.index()
            table[language.code] = language
        }
        return table
    }()

    static let english = DateLanguage(
        code: "en", capitalizedNames: true,
        months: DateLanguage.table([
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
            ["july", "jul"], ["august", "aug"], ["september", "sept", "sep"], ["october", "oct"], ["november", "nov"],
            ["december", "dec"],
        ]),
        weekdays: ["monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7],
        dayWords: ["yesterday": -1, "today": 0, "tomorrow": 1],
        monthPrepositions: ["in", "since", "until", "by", "during", "from", "early", "late", "mid"],
        weekdayPrepositions: ["on"],
        rangeLinks: ["to", "through", "until", "-", "–"],
        futureWords: ["will", "shall", "next", "upcoming", "tomorrow"],
        numbers: ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                  "nine": 9, "ten": 10],
        agoAfter: ["ago"],
        units: ["day": .day, "days": .day, "week": .week, "weeks": .week, "month": .month, "months": .month,
                "year": .year, "years": .year],
        lastPeriods: [(["last", "week"], .week), (["last", "month"], .month), (["last", "year"], .year)],
        monthBeforeDay: true, numericMonthFirst: true)

    static let german = DateLanguage(
        code: "de", capitalizedNames: true,
        months: DateLanguage.table([
            ["januar", "jänner", "jan"], ["februar", "feb"], ["märz", "maerz", "mär", "mrz"], ["april", "apr"], ["mai"],
            ["juni", "jun"], ["juli", "jul"], ["august", "aug"], ["september", "sept", "sep"], ["oktober", "okt"],
            ["november", "nov"], ["dezember", "dez"],
        ]),
        weekdays: ["montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6, "sonnabend": 6,
                   "sonntag": 7],
        dayWords: ["gestern": -1, "heute": 0, "morgen": 1],
        lowercaseDayWords: ["morgen"],
        monthPrepositions: ["im", "seit", "bis", "ab", "anfang", "ende", "mitte"],
        weekdayPrepositions: ["am", "seit"],
        rangeLinks: ["bis", "-", "–"],
        futureWords: ["wird", "werden", "soll", "sollen", "nächste", "nächsten", "nächster", "kommende", "kommenden", "morgen"],
        numbers: ["einem": 1, "einer": 1, "ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
                  "acht": 8, "neun": 9, "zehn": 10],
        agoBefore: [["vor"]],
        units: ["tag": .day, "tagen": .day, "woche": .week, "wochen": .week, "monat": .month, "monaten": .month,
                "jahr": .year, "jahren": .year],
        lastPeriods: [
            (["letzte", "woche"], .week), (["letzten", "woche"], .week), (["vergangene", "woche"], .week),
            (["vergangenen", "woche"], .week), (["letzten", "monat"], .month), (["vergangenen", "monat"], .month),
            (["letztes", "jahr"], .year), (["letzten", "jahr"], .year), (["vergangenes", "jahr"], .year),
            (["vergangenen", "jahr"], .year),
        ])

    static let french = DateLanguage(
        code: "fr",
        months: DateLanguage.table([
            ["janvier", "janv"], ["février", "fevrier", "févr", "fevr"], ["mars"], ["avril", "avr"], ["mai"], ["juin"],
            ["juillet", "juil"], ["août", "aout"], ["septembre", "sept"], ["octobre", "oct"], ["novembre", "nov"],
            ["décembre", "decembre", "déc", "dec"],
        ]),
        weekdays: ["lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7],
        dayWords: ["hier": -1, "demain": 1],
        dayPhrases: [(["aujourd", "'", "hui"], 0), (["avant", "-", "hier"], -2), (["après", "-", "demain"], 2)],
        monthPrepositions: ["en", "depuis", "début", "fin", "mi"],
        weekdayPrepositions: ["le", "depuis"],
        rangeLinks: ["au", "à", "-", "–"],
        futureWords: ["sera", "seront", "va", "vont", "prochain", "prochaine", "demain", "aura", "auront"],
        numbers: ["un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
                  "neuf": 9, "dix": 10],
        agoBefore: [["il", "y", "a"]],
        units: ["jour": .day, "jours": .day, "semaine": .week, "semaines": .week, "mois": .month, "an": .year,
                "ans": .year, "année": .year, "années": .year],
        lastPeriods: [
            (["la", "semaine", "dernière"], .week), (["la", "semaine", "passée"], .week), (["le", "mois", "dernier"], .month),
            (["l", "'", "an", "dernier"], .year), (["l", "'", "année", "dernière"], .year), (["l", "'", "an", "passé"], .year),
        ])

    static let spanish = DateLanguage(
        code: "es",
        months: DateLanguage.table([
            ["enero", "ene"], ["febrero", "feb"], ["marzo", "mar"], ["abril", "abr"], ["mayo", "may"], ["junio", "jun"],
            ["julio", "jul"], ["agosto", "ago"], ["septiembre", "setiembre", "sept", "sep"], ["octubre", "oct"],
            ["noviembre", "nov"], ["diciembre", "dic"],
        ]),
        weekdays: ["lunes": 1, "martes": 2, "miércoles": 3, "miercoles": 3, "jueves": 4, "viernes": 5, "sábado": 6,
                   "sabado": 6, "domingo": 7],
        dayWords: ["ayer": -1, "hoy": 0],
        dayPhrases: [(["anteayer"], -2), (["pasado", "mañana"], 2)],
        monthPrepositions: ["en", "desde", "hasta"],
        weekdayPrepositions: ["el", "desde"],
        rangeLinks: ["a", "al", "hasta", "-", "–"],
        futureWords: ["será", "serán", "va", "van", "próximo", "próxima", "mañana", "celebrará"],
        numbers: ["un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
                  "ocho": 8, "nueve": 9, "diez": 10],
        agoBefore: [["hace"]],
        units: ["día": .day, "dia": .day, "días": .day, "dias": .day, "semana": .week, "semanas": .week, "mes": .month,
                "meses": .month, "año": .year, "años": .year],
        lastPeriods: [(["la", "semana", "pasada"], .week), (["el", "mes", "pasado"], .month), (["el", "año", "pasado"], .year)],
        dateLinks: ["de", "del"])

    static let portuguese = DateLanguage(
        code: "pt",
        months: DateLanguage.table([
            ["janeiro", "jan"], ["fevereiro", "fev"], ["março", "marco", "mar"], ["abril", "abr"], ["maio", "mai"],
            ["junho", "jun"], ["julho", "jul"], ["agosto", "ago"], ["setembro", "set"], ["outubro", "out"],
            ["novembro", "nov"], ["dezembro", "dez"],
        ]),
        weekdays: ["segunda-feira": 1, "terça-feira": 2, "terca-feira": 2, "quarta-feira": 3, "quinta-feira": 4,
                   "sexta-feira": 5, "sábado": 6, "sabado": 6, "domingo": 7],
        dayWords: ["ontem": -1, "hoje": 0, "amanhã": 1, "amanha": 1],
        dayPhrases: [(["anteontem"], -2)],
        monthPrepositions: ["em", "desde", "até"],
        weekdayPrepositions: ["na", "no", "nesta", "neste", "desde"],
        rangeLinks: ["a", "à", "até", "-", "–"],
        futureWords: ["será", "serão", "vai", "vão", "próximo", "próxima", "amanhã"],
        numbers: ["um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6,
                  "sete": 7, "oito": 8, "nove": 9, "dez": 10],
        agoBefore: [["há"], ["ha"]],
        agoAfter: ["atrás"],
        units: ["dia": .day, "dias": .day, "semana": .week, "semanas": .week, "mês": .month, "mes": .month,
                "meses": .month, "ano": .year, "anos": .year],
        lastPeriods: [
            (["semana", "passada"], .week), (["mês", "passado"], .month), (["ano", "passado"], .year),
        ],
        dateLinks: ["de"])

    static let italian = DateLanguage(
        code: "it",
        months: DateLanguage.table([
            ["gennaio", "gen"], ["febbraio", "feb"], ["marzo", "mar"], ["aprile", "apr"], ["maggio", "mag"],
            ["giugno", "giu"], ["luglio", "lug"], ["agosto", "ago"], ["settembre", "sett", "set"], ["ottobre", "ott"],
            ["novembre", "nov"], ["dicembre", "dic"],
        ]),
        weekdays: ["lunedì": 1, "lunedi": 1, "martedì": 2, "martedi": 2, "mercoledì": 3, "mercoledi": 3, "giovedì": 4,
                   "giovedi": 4, "venerdì": 5, "venerdi": 5, "sabato": 6, "domenica": 7],
        dayWords: ["ieri": -1, "oggi": 0, "domani": 1],
        dayPhrases: [(["l", "'", "altro", "ieri"], -2), (["dopodomani"], 2)],
        monthPrepositions: ["a", "in", "da", "dal", "fino", "entro"],
        weekdayPrepositions: ["da"],
        rangeLinks: ["a", "al", "-", "–"],
        futureWords: ["sarà", "saranno", "prossimo", "prossima", "domani", "terrà", "terranno"],
        numbers: ["un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
                  "otto": 8, "nove": 9, "dieci": 10],
        agoAfter: ["fa"],
        units: ["giorno": .day, "giorni": .day, "settimana": .week, "settimane": .week, "mese": .month, "mesi": .month,
                "anno": .year, "anni": .year],
        lastPeriods: [
            (["la", "settimana", "scorsa"], .week), (["settimana", "scorsa"], .week), (["il", "mese", "scorso"], .month),
            (["l", "'", "anno", "scorso"], .year),
        ])

    static let dutch = DateLanguage(
        code: "nl",
        months: DateLanguage.table([
            ["januari", "jan"], ["februari", "feb"], ["maart", "mrt"], ["april", "apr"], ["mei"], ["juni", "jun"],
            ["juli", "jul"], ["augustus", "aug"], ["september", "sept", "sep"], ["oktober", "okt"], ["november", "nov"],
            ["december", "dec"],
        ]),
        weekdays: ["maandag": 1, "dinsdag": 2, "woensdag": 3, "donderdag": 4, "vrijdag": 5, "zaterdag": 6, "zondag": 7],
        dayWords: ["gisteren": -1, "vandaag": 0, "morgen": 1],
        dayPhrases: [(["eergisteren"], -2), (["overmorgen"], 2)],
        monthPrepositions: ["in", "sinds", "tot", "begin", "eind", "half", "medio"],
        weekdayPrepositions: ["op", "sinds"],
        rangeLinks: ["tot", "-", "–"],
        futureWords: ["zal", "zullen", "volgende", "komende", "morgen"],
        numbers: ["een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
                  "negen": 9, "tien": 10],
        agoAfter: ["geleden"],
        units: ["dag": .day, "dagen": .day, "week": .week, "weken": .week, "maand": .month, "maanden": .month,
                "jaar": .year, "jaren": .year],
        lastPeriods: [
            (["vorige", "week"], .week), (["afgelopen", "week"], .week), (["vorige", "maand"], .month),
            (["afgelopen", "maand"], .month), (["vorig", "jaar"], .year), (["afgelopen", "jaar"], .year),
        ])

    static let polish = DateLanguage(
        code: "pl",
        months: DateLanguage.table([
            ["styczeń", "stycznia", "styczniu", "sty"], ["luty", "lutego", "lutym", "lut"], ["marzec", "marca", "marcu", "mar"],
            ["kwiecień", "kwietnia", "kwietniu", "kwi"], ["maj", "maja", "maju"], ["czerwiec", "czerwca", "czerwcu", "cze"],
            ["lipiec", "lipca", "lipcu", "lip"], ["sierpień", "sierpnia", "sierpniu", "sie"],
            ["wrzesień", "września", "wrześniu", "wrz"], ["październik", "października", "październiku", "paź"],
            ["listopad", "listopada", "listopadzie", "lis"], ["grudzień", "grudnia", "grudniu", "gru"],
        ]),
        weekdays: ["poniedziałek": 1, "wtorek": 2, "środa": 3, "środę": 3, "czwartek": 4, "piątek": 5, "sobota": 6,
                   "sobotę": 6, "niedziela": 7, "niedzielę": 7],
        dayWords: ["wczoraj": -1, "dzisiaj": 0, "dziś": 0, "jutro": 1],
        dayPhrases: [(["przedwczoraj"], -2), (["pojutrze"], 2)],
        monthPrepositions: ["w", "od", "do"],
        weekdayPrepositions: ["w", "we", "od"],
        rangeLinks: ["do", "-", "–"],
        futureWords: ["będzie", "będą", "przyszłym", "przyszłego", "następnym", "jutro"],
        numbers: ["jeden": 1, "jedną": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "siedem": 7,
                  "osiem": 8, "dziewięć": 9, "dziesięć": 10],
        agoAfter: ["temu"],
        units: ["dzień": .day, "dni": .day, "tydzień": .week, "tygodnie": .week, "tygodni": .week, "miesiąc": .month,
                "miesiące": .month, "miesięcy": .month, "rok": .year, "lata": .year, "lat": .year],
        lastPeriods: [
            (["w", "zeszłym", "tygodniu"], .week), (["w", "ubiegłym", "tygodniu"], .week),
            (["w", "zeszłym", "miesiącu"], .month), (["w", "ubiegłym", "miesiącu"], .month),
            (["w", "zeszłym", "roku"], .year), (["w", "ubiegłym", "roku"], .year),
        ],
        yearSuffixes: ["r"])

    static let russian = DateLanguage(
        code: "ru",
        months: DateLanguage.table([
            ["январь", "января", "январе", "янв"], ["февраль", "февраля", "феврале", "фев"], ["март", "марта", "марте", "мар"],
            ["апрель", "апреля", "апреле", "апр"], ["май", "мая", "мае"], ["июнь", "июня", "июне", "июн"],
            ["июль", "июля", "июле", "июл"], ["август", "августа", "августе", "авг"],
            ["сентябрь", "сентября", "сентябре", "сент", "сен"], ["октябрь", "октября", "октябре", "окт"],
            ["ноябрь", "ноября", "ноябре", "ноя"], ["декабрь", "декабря", "декабре", "дек"],
        ]),
        weekdays: ["понедельник": 1, "вторник": 2, "среду": 3,  // "среда" is also "environment"
                   "четверг": 4, "пятница": 5, "пятницу": 5,
                   "суббота": 6, "субботу": 6, "воскресенье": 7],
        dayWords: ["вчера": -1, "сегодня": 0, "завтра": 1],
        dayPhrases: [(["позавчера"], -2), (["послезавтра"], 2)],
        monthPrepositions: ["в", "с", "до"],
        weekdayPrepositions: ["в", "во", "с", "со"],
        rangeLinks: ["по", "до", "-", "–"],
        futureWords: ["будет", "будут", "следующей", "следующем", "предстоящей", "завтра"],
        numbers: ["один": 1, "одну": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
                  "семь": 7, "восемь": 8, "девять": 9, "десять": 10],
        agoAfter: ["назад"],
        units: ["день": .day, "дня": .day, "дней": .day, "неделю": .week, "недели": .week, "недель": .week,
                "месяц": .month, "месяца": .month, "месяцев": .month, "год": .year, "года": .year, "лет": .year],
        lastPeriods: [
            (["на", "прошлой", "неделе"], .week), (["в", "прошлом", "месяце"], .month), (["в", "прошлом", "году"], .year),
        ],
        yearSuffixes: ["года", "г"])
}
