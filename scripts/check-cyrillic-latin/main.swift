import Foundation

// Compares Winnow's own BGN/PCGN transforms (`RussianLatin`, `CyrillicLatin`) with ICU's
// "<Language>-Latin/BGN; Latin-ASCII": for each language, every string of one to three of its
// letters (both cases), every pair of a letter or some ASCII, and RANDOM random strings of 4 to
// 12 characters, a third of them with ASCII mixed in. Built and run by
// scripts/check-cyrillic-latin.sh.

let randomCount = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1_000_000 : 1_000_000
let transforms: [(id: String, spell: (String) -> String?)] =
    [(RussianLatin.transformID, RussianLatin.ascii)]
    + [CyrillicLatin.ukrainian, .belarusian, .bulgarian, .serbian].map { table in (table.transformID, { table.ascii($0) }) }

var state: UInt64 = 11  // SplitMix64, the same strings on every run
func random(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
}

var failures = 0
for (id, spell) in transforms {
    // The transform's letters: every scalar of the Cyrillic block it takes, and the apostrophe.
    let letters = ((0x0400...0x04FF).compactMap(Unicode.Scalar.init) + ["’"]).map(Character.init).filter { spell(String($0)) != nil }
    let withASCII = letters + Array("aZy1 -.'\"")
    var texts: [String] = withASCII.map { String($0) }
    for a in withASCII { for b in withASCII { texts.append(String([a, b])) } }
    for a in letters { for b in letters { for c in letters { texts.append(String([a, b, c])) } } }
    for index in 0..<randomCount {
        let pool = index % 3 == 0 ? withASCII : letters
        texts.append(String((0..<(4 + random(9))).map { _ in pool[random(pool.count)] }))
    }
    var mismatches = 0
    var start = 0
    while start < texts.count {
        let batch = texts[start..<min(start + 5_000, texts.count)]
        let icu = batch.joined(separator: "\n")
            .applyingTransform(StringTransform(rawValue: id + "; Latin-ASCII"), reverse: false)!
            .split(separator: "\n", omittingEmptySubsequences: false)
        precondition(icu.count == batch.count)
        for (text, expected) in zip(batch, icu) where spell(text) != String(expected) {
            mismatches += 1
            if mismatches <= 20 { print("\(id)\t\(text)\tICU \(expected)\tours \(spell(text) ?? "nil")") }
        }
        start += batch.count
    }
    print("\(id): \(letters.count) letters, \(texts.count) strings, \(mismatches) differ from ICU")
    failures += mismatches
}
exit(failures == 0 ? 0 : 1)
