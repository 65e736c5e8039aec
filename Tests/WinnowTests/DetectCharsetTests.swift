import Foundation
import Testing
import WinnowIO
import WinnowTestSupport
@testable import Winnow

/// Unlabeled pages in each supported legacy charset: the detector names the charset and the
/// text comes back exactly. The sentences were written for these tests.
@Suite struct DetectCharsetTests {
    static let cases: [(encoding: String, text: String)] = [
        ("windows-1252", "Le président a déclaré que l’économie française était en très bonne santé, malgré les inquiétudes des marchés européens."),
        ("windows-1252", "Die Regierung hat beschlossen, die Steuern für Familien zu senken. Größere Städte müssen mehr Wohnungen bauen."),
        ("windows-1252", "Myanmar’s junta chief said on Monday — in Moscow — that “ties are strong”, analysts said Wednesday."),
        ("ISO-8859-2", "Prezydent powiedział, że gospodarka rośnie szybciej niż oczekiwano. Żołnierze wrócili do domów w piątek."),
        ("ISO-8859-2", "Vláda schválila nový zákon o daních. Řidiči musí zaplatit vyšší poplatky za dálnice a ještě více za mýto."),
        ("windows-1251", "Президент России заявил, что экономика страны растёт быстрее, чем ожидалось. Министр обороны встретился с делегацией."),
        ("KOI8-R", "Президент России заявил, что экономика страны растёт быстрее, чем ожидалось. Министр обороны встретился с делегацией."),
        ("Shift_JIS", "東京で開かれた国際会議では、各国の代表がエネルギー問題について話し合いました。日本の首相も参加しました。"),
        ("EUC-JP", "東京で開かれた国際会議では、各国の代表がエネルギー問題について話し合いました。日本の首相も参加しました。"),
        ("gb18030", "中国政府表示，今年的经济增长将会超过预期。国家主席在北京会见了来自欧洲的代表团。"),
        ("Big5", "台灣政府表示，今年的經濟成長將會超過預期。總統在台北會見了來自歐洲的代表團。"),
        ("EUC-KR", "한국 정부는 올해 경제 성장률이 예상보다 높을 것이라고 발표했습니다. 대통령은 서울에서 유럽 대표단을 만났습니다."),
    ]

    @Test(arguments: cases.indices)
    func detectsAndDecodesUnlabeledPages(index: Int) throws {
        let (encoding, text) = Self.cases[index]
        let html = "<html><head><title>t</title></head><body><p>\(text)</p><p>\(text)</p></body></html>"
        let bytes = try #require(Transcode.fromUTF8(html, encoding: encoding), "ICU cannot write \(encoding)")
        var trace = Trace()
        let decoded = try DecodePage().run(InputPage(id: "t", bytes: bytes), maximumBytes: 1 << 20, trace: &trace)
        #expect(decoded.charset == encoding.lowercased(), "\(encoding): detected \(decoded.charset)")
        #expect(decoded.charsetFrom == "detected")
        #expect(String(decoding: decoded.utf8, as: UTF8.self).contains(text), "\(encoding): text changed")
    }

    /// An English page in a CJK charset carries only its typography as two-byte characters:
    /// too little to name the charset for sure, enough to decode it right.
    @Test(arguments: ["gb18030", "EUC-KR", "Shift_JIS", "Big5"])
    func englishWithOnlyTypographyInACJKCharset(encoding: String) throws {
        let text = "The minister said “the talks went well”, and the opposition agreed, which was a surprise."
        let html = "<html><head><title>t</title></head><body><p>\(text)</p><p>\(text)</p></body></html>"
        let bytes = try #require(Transcode.fromUTF8(html, encoding: encoding))
        var trace = Trace()
        let decoded = try DecodePage().run(InputPage(id: "t", bytes: bytes), maximumBytes: 1 << 20, trace: &trace)
        #expect(String(decoding: decoded.utf8, as: UTF8.self).contains(text), "\(encoding): read as \(decoded.charset)")
    }

    @Test func labelsStillWinAndASCIIStaysDefault() throws {
        var trace = Trace()
        let labelled = Array("<meta charset=koi8-r><p>".utf8) + (Transcode.fromUTF8("Привет, мир", encoding: "windows-1251") ?? [])
        #expect(try DecodePage().run(InputPage(id: "t", bytes: labelled), maximumBytes: 1 << 20, trace: &trace).charsetFrom == "meta")
        let ascii = try DecodePage().run(InputPage(id: "t", bytes: Array("<p>plain ascii</p>".utf8)), maximumBytes: 1 << 20, trace: &trace)
        #expect(ascii.charset == "utf-8" && ascii.charsetFrom == "default")
    }
}

@Suite struct DetectCharsetOnSamplesTests {
    @Test func theWindows1252SeedWithoutItsLabel() throws {
        let page = try #require(Fixtures.samplePages().first { $0.lastPathComponent.hasPrefix("004") })
        let html = String(decoding: try Data(contentsOf: page), as: UTF8.self)  // only to find the label
        #expect(html.contains("charset=iso-8859-1"))
        var bytes = Array(try Data(contentsOf: page))
        let label = Array("charset=iso-8859-1".utf8)
        let start = try #require(bytes.firstRange(of: label))
        bytes.replaceSubrange(start, with: Array("charset-none-here".utf8))
        let result = process(bytes)
        #expect(result.record["source"]?["charset"] == .string("windows-1252"))
        #expect(result.record["source"]?["charset_from"] == .string("detected"))
        #expect(result.text.contains("Myanmar’s junta chief Senior General"))
    }
}
