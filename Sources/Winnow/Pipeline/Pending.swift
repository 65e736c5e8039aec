import Foundation

/// A value another thread is still making, such as the name catalog while the first pages are
/// already in work: `wait()` blocks until `fulfill` has run, then returns at once every time.
public final class Pending<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    public init() {}

    /// Sets the value (once) and wakes every waiter.
    public func fulfill(_ value: Value) {
        condition.lock()
        if self.value == nil { self.value = value }
        condition.broadcast()
        condition.unlock()
    }

    /// The value, and how many nanoseconds this call waited for it (0 once it is there).
    public func wait() -> (value: Value, waited: UInt64) {
        condition.lock()
        defer { condition.unlock() }
        if let value { return (value, 0) }
        let started = PageBudget.now()
        while value == nil { condition.wait() }
        return (value!, PageBudget.now() - started)
    }
}
