#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text route, step 1: flat text into lines, the blocks of a page without markup. Each line is
/// read with the same whitespace and invisible-character model as HTML text (`TextBuilder`),
/// and repaired as HTML text nodes are (`RepairText.repairFlat`): mojibake, doubly escaped
/// entities, template placeholders and markup shown as text.
struct TextLine: Sendable {
    /// 1-based line number in the decoded text (what `winnow explain` shows).
    var number: Int
    var text: String
    /// Lower case, one space between words, straight apostrophes: what vocabularies match.
    var comparable: String
    /// `TextHash` of `comparable`, taken once: the exact phrases and the repeats within the
    /// page are looked up by it.
    var comparableHash: UInt64
    /// Unicode scalars in `text` (its length as the vocabularies' limits count it).
    var characters: Int
    /// Leading spaces (a tab counts 4): scrapers indent nested menu items.
    var indent: Int
    /// The line opened with a bullet ("•", "·", "▪", "- ", "* "); `text` is without it.
    var bullet: Bool
    /// A blank line came before: the line opens a block of its own.
    var blankBefore: Bool
    var signals = LineSignals()
}

enum SegmentText {
    static let bullets: [String] = ["•", "·", "▪", "◦", "‣", "- ", "* ", "– "]

    static func lines(_ utf8: [UInt8], trace: inout Trace) -> [TextLine] {
        var lines: [TextLine] = []
        // About one line per 50 bytes of flat news text: the array rarely grows (each growth
        // copied every line so far).
        lines.reserveCapacity(utf8.count / 48 + 16)
        var builder = TextBuilder()
        var number = 0
        var blankBefore = true
        var repairs = RepairText.Counts()
        var start = 0
        let count = utf8.count
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // Without a carriage return in the page (nearly always), a line ends at the next
            // "\n", found by memchr rather than byte by byte.
            let hasCarriageReturn = memchr(base, 0x0D, count) != nil
            // Most pages hold nothing to repair: one pass over the page answers for every line
            // (what marks a line for repair lies within the line, so the page holds it too).
            let pageMayNeedRepair = RepairText.mightNeedRepair(buffer)
            while start <= count {
                if PageBudget.spent(at: number) { break }  // the pipeline rejects the page next
                var end = start
                if hasCarriageReturn {
                    while end < count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
                } else if start < count {
                    end = memchr(base + start, 0x0A, count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
                }
                number += 1
                var indent = 0
                var first = start
                while first < end, buffer[first] == 0x20 || buffer[first] == 0x09 {
                    indent += buffer[first] == 0x09 ? 4 : 1
                    first += 1
                }
                let raw = UnsafeBufferPointer(rebasing: buffer[first..<end])
                // Repairs come first, so that what they remove leaves no double space behind.
                var text: String
                if pageMayNeedRepair && RepairText.mightNeedRepair(raw) {
                    let repaired = RepairText.repairFlat(String(decoding: raw, as: UTF8.self), counts: &repairs)
                    builder.append(repaired)
                    text = builder.take()
                } else if TextBuilder.isUnchanged(raw) {
                    text = String(decoding: raw, as: UTF8.self)  // the builder would copy it as it is
                } else {
                    builder.append(raw)
                    text = builder.take()
                }
                var bullet = false
                let firstByte = text.utf8.first ?? 0
                for mark in bullets where (firstByte >= 0x80 || firstByte == 0x2D || firstByte == 0x2A) && text.hasBytePrefix(mark) {
                    bullet = true
                    text = String(text.dropFirst(mark.count)).trimmedASCII()
                    break
                }
                if text.isEmpty {
                    blankBefore = true
                } else {
                    let characters = text.scalarCount
                    let comparable = BuildBlocks.comparable(text)
                    lines.append(TextLine(number: number, text: text, comparable: comparable, comparableHash: TextHash.of(comparable),
                                          characters: characters, indent: indent, bullet: bullet, blankBefore: blankBefore))
                    blankBefore = false
                }
                // \r\n is one line end.
                if end + 1 < count, buffer[end] == 0x0D, buffer[end + 1] == 0x0A { end += 1 }
                start = end + 1
            }
        }
        for (name, value) in builder.repairs { trace.countRepair(name, by: value) }
        repairs.record(in: &trace)
        return lines
    }
}
