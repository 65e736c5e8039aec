import Testing
@testable import Winnow

/// Values computed with ../shared/eval/score_articles.py (doc_counts, doc_precision, doc_recall).
@Suite struct ArticleScoreTests {
    @Test(arguments: [
        ("The quick brown fox jumps over the lazy dog.", "The quick brown fox jumps over the dog.", 0.8, 0.666667),
        ("naïve café 東京 2019_x", "naïve café 東京", 0.0, 0.0),
        ("one two", "one two", 1.0, 1.0),
        ("", "something", 0.0, 0.0),
        ("a b c d e f", "", 0.0, 0.0),
    ])
    func matchesThePythonScorer(truth: String, prediction: String, precision: Double, recall: Double) {
        let document = ArticleScore.document(id: "x", truth: truth, prediction: prediction)
        #expect(abs(document.precision - precision) < 1e-6)
        #expect(abs(document.recall - recall) < 1e-6)
    }

    @Test func tokenizesLikePythonWordRegex() {
        #expect(ArticleScore.tokens("naïve café 東京 2019_x, it's—ok ²").map(String.init) == ["naïve", "café", "東京", "2019_x", "it", "s", "ok", "²"])
    }

    @Test func summaryAveragesPerDocumentAndCountsMissing() {
        let summary = ArticleScore.summarize(truth: [("a", "one two three four five"), ("b", "six seven")], predictions: ["a": "one two three four five"])
        #expect(summary.missing == 1)
        #expect(summary.precision == 1.0)  // b has no predicted shingles, so it is left out of the precision mean
        #expect(summary.recall == 0.5)
        #expect(summary.accuracy == 0.5)
    }

    @Test func normalizesIDsAsTheScorerDoes() {
        #expect(ArticleScore.normalizedID("dir/abc.html.gz") == "abc")
        #expect(ArticleScore.normalizedID("abc.htm") == "abc")
    }
}
