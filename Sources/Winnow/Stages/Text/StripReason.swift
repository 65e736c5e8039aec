extension StripText {
    /// Why a line was removed, as data: the reason's text (`description`) is written only when
    /// something shows it (`winnow explain`), not for each of the hundreds of removed lines of
    /// every page a run cleans.
    enum Reason: Equatable, CustomStringConvertible {
        /// A fixed text, or one built where it is rare (a site rule's pattern, a heading).
        case text(String)
        /// An entry of `BoilerplateVocabulary.phrases`, matched by the whole line or (`inOpening`)
        /// by the opening of a long one.
        case phrase(Int, inOpening: Bool)
        case gluedTitles(Int)
        case repeatedOnPages(Int)
        /// The line repeats the one at this line number, above it.
        case repeatsLine(Int)
        /// A short line that the line at this number repeats further down.
        case repeatedAtLine(Int)
        case shortLines(Int)
        /// One of this many lines near each other cut off with a glued ellipsis.
        case cutExcerpts(Int)
        /// Outside the article's run: how many lines, and on which side.
        case outsideRun(lines: Int, before: Bool)

        var description: String {
            switch self {
            case .text(let text): text
            case .phrase(let position, let inOpening):
                "text \(BoilerplateVocabulary.phrases[position].match)" + (inOpening ? " (in the opening of a long line)" : "")
            case .gluedTitles(let count): "\(count) icon and button titles glued into one line"
            case .repeatedOnPages(let pages): "repeated on \(pages) pages of the site in this run"
            case .repeatsLine(let number): "repeats line \(number)"
            case .repeatedAtLine(let number): "repeated at line \(number)"
            case .shortLines(let count): "run of \(count) short lines"
            case .cutExcerpts(let count): "one of \(count) lines nearby cut off with an ellipsis, as excerpts of other stories are"
            case .outsideRun(let distance, let before):
                "\(distance) line\(distance == 1 ? "" : "s") \(before ? "before" : "after") the main run of body lines"
            }
        }

        /// The line is a repeat (of a line elsewhere in the page or the site).
        var isRepeat: Bool {
            switch self {
            case .repeatedOnPages, .repeatsLine, .repeatedAtLine: true
            default: false
            }
        }
    }
}
