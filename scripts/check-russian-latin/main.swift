import Foundation

// Compares `RussianLatin.ascii` with ICU's "Russian-Latin/BGN; Latin-ASCII" on every string of
// one to three Russian letters (both cases) and on RANDOM random strings of 4 to 12 characters,
// a third of them with ASCII mixed in. Built and run by scripts/check-russian-latin.sh.

let randomCount = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 2_000_000 : 2_000_000
let small = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
let letters = small + small.map { Character($0.uppercased()) }
let withASCII = letters + Array("aZy1 -.'\"")

var texts: [String] = letters.map { String($0) }
for a in letters { for b in letters { texts.append(String([a, b])) } }
for a in letters { for b in letters { for c in letters { texts.append(String([a, b, c])) } } }
var state: UInt64 = 11  // SplitMix64, the same strings on every run
func random(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
}
for index in 0..<randomCount {
    let pool = index % 3 == 0 ? withASCII : letters
    texts.append(String((0..<(4 + random(9))).map { _ in pool[random(pool.count)] }))
}

var mismatches = 0
var start = 0
while start < texts.count {
    let batch = texts[start..<min(start + 5_000, texts.count)]
    let icu = batch.joined(separator: "\n")
        .applyingTransform(StringTransform(rawValue: RussianLatin.transformID + "; Latin-ASCII"), reverse: false)!
        .split(separator: "\n", omittingEmptySubsequences: false)
    precondition(icu.count == batch.count)
    for (text, expected) in zip(batch, icu) where RussianLatin.ascii(text) != String(expected) {
        mismatches += 1
        if mismatches <= 20 { print("\(text)\tICU \(expected)\tours \(RussianLatin.ascii(text) ?? "nil")") }
    }
    start += batch.count
}
print("\(texts.count) strings, \(mismatches) differ from ICU")
exit(mismatches == 0 ? 0 : 1)
