/// The token indices of one run of name words (`FindNameCandidates`), in a buffer the size of
/// the text's token list (a run holds each token once at most), reused for every run of a
/// search: emptied, grown at the end and trimmed at either end in place. An array did the same
/// with a uniqueness check at every change and a copy to drop words from its front. Its memory
/// is manual: `release()` frees it.
struct TokenRun {
    private let storage: UnsafeMutablePointer<Int>
    private let capacity: Int
    private var start = 0
    private var end = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        storage = .allocate(capacity: self.capacity)
    }

    func release() { storage.deallocate() }

    var count: Int { end &- start }
    var first: Int? { end > start ? storage[start] : nil }
    var last: Int? { end > start ? storage[end &- 1] : nil }

    /// The token at `position` of the run (0 is its first word).
    subscript(position: Int) -> Int {
        precondition(position >= 0 && position < count, "TokenRun: position out of the run")
        return storage[start &+ position]
    }

    /// The run holding `token` alone.
    mutating func reset(to token: Int) {
        start = 0
        end = 0
        append(token)
    }

    mutating func append(_ token: Int) {
        precondition(end < capacity, "TokenRun: more words than tokens")
        storage[end] = token
        end &+= 1
    }

    mutating func removeFirst(_ words: Int) { start &+= min(words, count) }
    mutating func removeLast(_ words: Int = 1) { end &-= min(words, count) }
}
