import Testing
@testable import Winnow

@Suite struct VocabularyTests {
    @Test func categoryOrderIsTheListOrder() {
        for (offset, category) in BoilerplateCategory.allCases.enumerated() { #expect(category.order == offset, "\(category)") }
    }

    @Test func everyDataFileNamesACategoryOrTheArticle() {
        let files = Set(VocabularyData.lines.map(\.file))
        for file in files {
            #expect(file == "article" || BoilerplateCategory(rawValue: file) != nil, "Vocabulary/\(file).vocab names no category")
        }
        #expect(files.count >= 12)
    }

    @Test func tablesAreFilled() {
        #expect(BoilerplateVocabulary.categoryPriority.first == .consent)
        #expect(BoilerplateVocabulary.tokenCategory["share"] == .share)
        #expect(BoilerplateVocabulary.weakCategories == [.widget, .navigation, .credit])
        #expect(BoilerplateVocabulary.positiveTokens.contains("article"))
        #expect(BoilerplateVocabulary.relatedHeadings.contains("você pode gostar"))
        #expect(BoilerplateVocabulary.roles["navigation"] == .navigation)
    }

    @Test func quotedValuesKeepTheirSpaces() {
        #expect(VocabularyData.lines.contains { $0.key == "prefix" && $0.value == "© " })
    }

    @Test func phrasesAreTriedInCategoryPriorityOrder() {
        let ranks = BoilerplateVocabulary.phrases.map { phrase in
            BoilerplateVocabulary.categoryPriority.firstIndex(of: phrase.category) ?? BoilerplateVocabulary.categoryPriority.count
        }
        #expect(ranks == ranks.sorted())
    }
}
