/// Replacements and insertions in a text at code-point offsets, applied in one pass, with the
/// map from old offsets to new ones, so annotations keep indexing the text they describe
/// (`--rewrite-names`, `--rewrite-dates`). An edit overlapping an earlier one is dropped.
struct TextEdits {
    private var edits: [(start: Int, end: Int, replacement: [Unicode.Scalar])] = []

    mutating func replace(_ start: Int, _ end: Int, with replacement: String) {
        edits.append((start, end, Array(replacement.unicodeScalars)))
    }

    mutating func insert(_ text: String, at offset: Int) { replace(offset, offset, with: text) }

    /// Where an offset of the old text is in the new one.
    struct OffsetMap {
        /// The total shift after each applied edit, by the edit's end in the old text.
        fileprivate var shifts: [(at: Int, shift: Int)] = []

        func callAsFunction(_ offset: Int) -> Int { offset + (shifts.last { $0.at <= offset }?.shift ?? 0) }
    }

    func apply(to text: String) -> (text: String, map: OffsetMap) {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var map = OffsetMap()
        var position = 0
        var shift = 0
        for edit in edits.sorted(by: { $0.start < $1.start }) where edit.start >= position {
            output.append(contentsOf: scalars[position..<edit.start])
            output.append(contentsOf: edit.replacement)
            shift += edit.replacement.count - (edit.end - edit.start)
            map.shifts.append((edit.end, shift))
            position = edit.end
        }
        output.append(contentsOf: scalars[position...])
        return (String(output), map)
    }
}
