import Foundation

/// Foundation's case, diacritic and width folding (`String.folding`), done one scalar at a time
/// with each scalar's fold remembered for the process.
///
/// Why: `folding` costs some ten thousand instructions per call, and name loading folds two
/// thousand non-ASCII names (the country file holds them in a dozen scripts), pages one per
/// non-ASCII word. Folding removes combining marks after decomposing and maps each remaining
/// character on its own, so the fold of a text is the folds of its scalars put together, except
/// where scalars combine: combining marks, Hangul jamo, and the half-width forms (whose voiced
/// marks join the kana before them). A text with one of those is folded whole, as before.
/// `NameTests` checks the equality on every name, alias and variant in `config/names`.
enum ScalarFolding {
    static func fold(_ text: String) -> String {
        remembered.fold(text) ?? wholeFold(text)
    }

    /// Foundation's fold of the whole text.
    static func wholeFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Scalars whose fold depends on their neighbours: combining marks (dropped after a
    /// letter, kept alone), Hangul jamo, kana voiced sound marks, half-width and full-width forms.
    static func combinesAcrossScalars(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF: return true
        case 0x3099...0x309C: return true
        case 0xFF00...0xFFEF: return true
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    private static let remembered = Folds()

    /// The folds seen so far, as UTF-8, under one lock per text (names are short).
    private final class Folds: @unchecked Sendable {
        private let mutex = PthreadMutex()
        /// nil for a scalar that `combinesAcrossScalars`.
        private var folds: [UInt32: [UInt8]?] = [:]
        /// The same for the scalars below U+0800 (Latin, Greek, Cyrillic, Arabic: nearly every
        /// name), in a flat table read by index: one hash of a scalar cost more than its fold.
        private var small = [Fold](repeating: .unknown, count: 0x800)

        enum Fold {
            case unknown, combining
            case bytes([UInt8])
        }

        /// The scalar's fold, remembered; nil when it combines with its neighbours.
        private func fold(of scalar: Unicode.Scalar) -> [UInt8]? {
            let value = scalar.value
            if value < 0x800 {
                switch small[Int(value)] {
                case .bytes(let bytes): return bytes
                case .combining: return nil
                case .unknown:
                    let known = Self.foldOnce(scalar)
                    small[Int(value)] = known.map(Fold.bytes) ?? .combining
                    return known
                }
            }
            if let remembered = folds[value] { return remembered }
            let known = Self.foldOnce(scalar)
            folds[value] = known
            return known
        }

        private static func foldOnce(_ scalar: Unicode.Scalar) -> [UInt8]? {
            ScalarFolding.combinesAcrossScalars(scalar) ? nil : Array(ScalarFolding.wholeFold(String(scalar)).utf8)
        }

        /// The text folded scalar by scalar; nil when a scalar combines with its neighbours.
        func fold(_ text: String) -> String? {
            var folded: [UInt8] = []
            folded.reserveCapacity(text.utf8.count)
            let complete: Bool = mutex.withLock {
                for scalar in text.unicodeScalars {
                    let value = scalar.value
                    if value < 0x80 {
                        folded.append(UInt8(value) | (value >= 0x41 && value <= 0x5A ? 0x20 : 0))
                        continue
                    }
                    guard let known = fold(of: scalar) else { return false }
                    folded.append(contentsOf: known)
                }
                return true
            }
            return complete ? String(decoding: folded, as: UTF8.self) : nil
        }
    }
}
