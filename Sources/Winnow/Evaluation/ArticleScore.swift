/// The article-extraction metric of the ScrapingHub benchmark, as `../shared/eval/score_articles.py`
/// defines it: tokens are runs of word characters (Python's `\w`: letters, numbers, `_`),
/// shingles are token 4-grams (a text of 1–3 tokens is one shingle), and per document
/// TP = Σ min(true, predicted) shingle counts, FP and FN the surpluses, all three divided by
/// their sum. Precision and recall are means over documents, F1 is computed from the means.
public enum ArticleScore {
    public struct Document: Sendable {
        public var id: String
        public var truePositive: Double
        public var falsePositive: Double
        public var falseNegative: Double
        public var exact: Bool

        public var precision: Double {
            if falsePositive == 0 && falseNegative == 0 { return 1 }
            return truePositive + falsePositive > 0 ? truePositive / (truePositive + falsePositive) : 0
        }

        public var recall: Double {
            if falsePositive == 0 && falseNegative == 0 { return 1 }
            return truePositive + falseNegative > 0 ? truePositive / (truePositive + falseNegative) : 0
        }

        public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    }

    public struct Summary: Sendable {
        public var documents: [Document]
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var accuracy: Double
        public var missing: Int
    }

    /// Word tokens as Python's `re.findall(r"\w+", text)` finds them.
    public static func tokens(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        for scalar in text.unicodeScalars {
            let next = text.unicodeScalars.index(after: index)
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let begin = start {
                tokens.append(text[begin..<index])
                start = nil
            }
            index = next
        }
        if let begin = start { tokens.append(text[begin..<text.endIndex]) }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return scalar.properties.numericType != nil
        }
    }

    static func shingles(_ tokens: [Substring]) -> [[Substring]: Int] {
        guard !tokens.isEmpty else { return [:] }
        guard tokens.count >= 4 else { return [tokens: 1] }
        var counts: [[Substring]: Int] = [:]
        for start in 0...(tokens.count - 4) { counts[Array(tokens[start..<(start + 4)]), default: 0] += 1 }
        return counts
    }

    public static func document(id: String, truth: String, prediction: String) -> Document {
        let trueTokens = tokens(truth)
        let predictedTokens = tokens(prediction)
        let expected = shingles(trueTokens)
        let predicted = shingles(predictedTokens)
        var truePositive = 0, falsePositive = 0, falseNegative = 0
        for key in Set(expected.keys).union(predicted.keys) {
            let a = expected[key] ?? 0, b = predicted[key] ?? 0
            let common = min(a, b)
            truePositive += common
            falsePositive += b - common
            falseNegative += a - common
        }
        let total = Double(truePositive + falsePositive + falseNegative)
        let exact = trueTokens.elementsEqual(predictedTokens)
        guard total > 0 else { return Document(id: id, truePositive: 0, falsePositive: 0, falseNegative: 0, exact: exact) }
        return Document(id: id, truePositive: Double(truePositive) / total, falsePositive: Double(falsePositive) / total,
                        falseNegative: Double(falseNegative) / total, exact: exact)
    }

    /// Scores predictions (id → text) against the truth (id → text); a missing prediction is empty.
    public static func summarize(truth: [(id: String, text: String)], predictions: [String: String]) -> Summary {
        var missing = 0
        let documents = truth.map { entry -> Document in
            if predictions[entry.id] == nil { missing += 1 }
            return document(id: entry.id, truth: entry.text, prediction: predictions[entry.id] ?? "")
        }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        let precision = mean(documents.filter { $0.truePositive + $0.falsePositive > 0 }.map(\.precision))
        let recall = mean(documents.filter { $0.truePositive + $0.falseNegative > 0 }.map(\.recall))
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        let accuracy = mean(documents.map { $0.exact ? 1 : 0 })
        return Summary(documents: documents, precision: precision, recall: recall, f1: f1, accuracy: accuracy, missing: missing)
    }

    /// An id as the scorer compares it: the last path segment without page suffixes.
    public static func normalizedID(_ raw: String) -> String {
        var name = Substring(raw.split(separator: "/").last ?? Substring(raw))
        for suffix in [".html.gz", ".htm.gz", ".txt.gz", ".html", ".htm", ".txt", ".gz"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
            break
        }
        return String(name)
    }

    /// Lines of `reference` whose words do not appear, in order, in `other`: what one text lacks.
    public static func linesMissing(from other: String, in reference: String) -> [String] {
        let haystack = " " + tokens(other).joined(separator: " ").lowercased() + " "
        return reference.split(separator: "\n").map(String.init).filter { line in
            let words = tokens(line).joined(separator: " ").lowercased()
            return !words.isEmpty && !haystack.contains(" " + words + " ")
        }
    }
}
