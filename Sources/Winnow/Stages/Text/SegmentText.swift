#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text route, step 1: flat text into lines, the blocks of a page without markup. Each line is
/// read with the same whitespace and invisible-character model as HTML text (`TextBuilder`),
/// and repaired as HTML text nodes are (`RepairText.repairFlat`): mojibake, doubly escaped
/// entities, template placeholders and markup shown as text. The lines' texts and comparable
/// forms are written to `PageLines`' two buffers, not to a string each.
enum SegmentText {
    static let bullets: [String] = ["•", "·", "▪", "◦", "‣", "- ", "* ", "– "]

    /// Whether the line at `text` opens with a bullet; if so, `text` becomes the rest, without
    /// the spaces around it. On the bytes when that is exact (an ASCII byte after the bullet and
    /// at the end: no mark joins the bullet's last character, no Unicode space ends the line);
    /// otherwise the rest is cut by characters and written anew.
    static func dropBullet(from text: inout Range<Int32>, of page: inout PageLines) -> Bool {
        let range = text
        let (mark, rest) = page.withText(range) { bytes -> (String?, Range<Int32>?) in
            guard let first = bytes.first, first >= 0x80 || first == 0x2D || first == 0x2A,
                  let mark = bullets.first(where: bytes.hasBytePrefix) else { return (nil, nil) }
            var start = mark.utf8.count
            var end = bytes.count
            guard start >= end || bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return (mark, nil) }
            while start < end, bytes[start] == 0x20 || (bytes[start] >= 0x09 && bytes[start] <= 0x0D) { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || (bytes[end - 1] >= 0x09 && bytes[end - 1] <= 0x0D) { end -= 1 }
            guard start == end || bytes[start] < 0x80 && bytes[end - 1] < 0x80 else { return (mark, nil) }
            return (mark, range.lowerBound + Int32(start)..<range.lowerBound + Int32(end))
        }
        guard let mark else { return false }
        if let rest {
            text = rest
        } else {
            let line = page.withText(range) { String(decoding: $0, as: UTF8.self) }
            text = page.appendText(String(line.dropFirst(mark.count)).trimmedASCII())
        }
        return true
    }

    /// The page's lines. `upTo`: lines whose text is longer (in bytes) are left out, for
    /// `RepeatedLines`, which counts only shorter ones: their comparable forms, most of a
    /// page's bytes, are not made. `validUTF8`: the caller knows the bytes are valid UTF-8
    /// (`DecodePage`'s output), so the lines' strings need no validation (`PageLines.isValidUTF8`).
    static func lines(_ utf8: [UInt8], trace: inout Trace, upTo maximumBytes: Int = .max, validUTF8: Bool = false) -> PageLines {
        // About one line per 50 bytes of flat news text: the array rarely grows (each growth
        // copied every line so far).
        var page = PageLines(page: utf8, lines: utf8.count / 48 + 16, validUTF8: validUTF8)
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
                var text: Range<Int32>
                var characters: Int?  // Unicode scalars, when counted on the way
                var plainASCII = false  // `TextBuilder.isPlainASCII`: read in place, folded by lower-casing
                if pageMayNeedRepair && RepairText.mightNeedRepair(raw) {
                    let repaired = RepairText.repairFlat(String(decoding: raw, as: UTF8.self), counts: &repairs)
                    builder.append(repaired)
                    text = page.appendText(takingFrom: &builder)
                } else if TextBuilder.isPlainASCII(raw) {
                    text = Int32(first)..<Int32(end)
                    characters = raw.count
                    plainASCII = true
                } else if let scalars = TextBuilder.unchangedScalars(raw) {
                    text = Int32(first)..<Int32(end)  // the builder would copy it as it is: read in place
                    characters = scalars
                } else {
                    builder.append(raw)
                    text = page.appendText(takingFrom: &builder)
                }
                let bullet = dropBullet(from: &text, of: &page)
                if bullet {
                    characters = nil
                    plainASCII = false
                }
                if text.isEmpty {
                    blankBefore = true
                } else if text.count > maximumBytes {
                    blankBefore = false
                } else {
                    let (comparable, hash) = page.appendComparable(ofText: text, plainASCII: plainASCII)
                    page.lines.append(TextLine(number: number, text: text, comparable: comparable, comparableHash: hash,
                                               characters: characters ?? page.withText(text, \.scalarCount), indent: indent,
                                               bullet: bullet, blankBefore: blankBefore))
                    blankBefore = false
                }
                // \r\n is one line end.
                if end + 1 < count, buffer[end] == 0x0D, buffer[end + 1] == 0x0A { end += 1 }
                start = end + 1
            }
        }
        for (name, value) in builder.repairs { trace.countRepair(name, by: value) }
        repairs.record(in: &trace)
        return page
    }
}
