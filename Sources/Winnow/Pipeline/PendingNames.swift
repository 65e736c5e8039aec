import Foundation

/// A names catalog still being loaded on another thread. A run with several jobs starts on its
/// first pages meanwhile (loading the names folder takes tens of milliseconds, a tenth of a
/// short run, and would otherwise keep every core waiting); the name stage of each page asks
/// `catalog()`, which waits until the loader hands it over.
public final class PendingNames: @unchecked Sendable {
    private let condition = NSCondition()
    private var catalog: NameCatalog?

    public init() {}

    /// Hands the loaded catalog over (an empty one when loading failed: the caller reports the
    /// failure before writing anything).
    public func fulfil(_ loaded: NameCatalog) {
        condition.lock()
        catalog = loaded
        condition.broadcast()
        condition.unlock()
    }

    /// The catalog, once loaded.
    public func wait() -> NameCatalog {
        condition.lock()
        defer { condition.unlock() }
        while catalog == nil { condition.wait() }
        return catalog!
    }
}
