import Foundation
import Testing
@testable import Winnow

/// The streaming parallel map under `winnow clean --jobs N`: results in input order whatever
/// the time each item takes, never more than `window` items between reading and consuming,
/// and a consumer's error stops the run.
struct OrderedWorkersTests {
    /// Items that take uneven times (the later ones often finish first) come out in order.
    @Test(arguments: [1, 2, 4])
    func resultsComeInInputOrder(jobs: Int) {
        var source = (0..<200).makeIterator()
        var seen: [Int] = []
        OrderedWorkers.run(
            jobs: jobs, window: jobs * 3,
            next: { source.next() },
            transform: { item in
                usleep(UInt32((item * 7919) % 5) * 100)
                return item * item
            },
            consume: { seen.append($0) })
        #expect(seen == (0..<200).map { $0 * $0 })
    }

    /// Reading stops while `window` items wait: memory does not grow with the input.
    @Test func noMoreThanTheWindowIsInFlight() {
        let window = 5
        var read = 0
        var consumed = 0
        var largestGap = 0
        OrderedWorkers.run(
            jobs: 3, window: window,
            next: { () -> Int? in
                guard read < 100 else { return nil }
                read += 1
                largestGap = max(largestGap, read - consumed)
                return read
            },
            transform: { (item: Int) -> Int in
                // The first item of every ten is slow, so the others pile up behind it.
                if item % 10 == 1 { usleep(2_000) }
                return item
            },
            consume: { _ in consumed += 1 })
        #expect(consumed == 100)
        #expect(largestGap <= window)
    }

    struct Stop: Error {}

    /// An error from the consumer comes back to the caller, and the workers stop: far fewer
    /// items are transformed than the input holds.
    @Test(arguments: [1, 2])
    func aConsumerErrorStopsTheRun(jobs: Int) {
        let transformed = Counter()
        var source = (0..<10_000).makeIterator()
        var consumed = 0
        #expect(throws: Stop.self) {
            try OrderedWorkers.run(
                jobs: jobs, window: 4,
                next: { source.next() },
                transform: { item in transformed.increment(); return item },
                consume: { item in
                    consumed += 1
                    if item == 20 { throw Stop() }
                })
        }
        #expect(consumed == 21)
        #expect(transformed.value < 30)
    }

    /// An empty input runs nothing and returns.
    @Test func anEmptyInputReturns() {
        var calls = 0
        OrderedWorkers.run(jobs: 2, window: 4, next: { nil as Int? }, transform: { $0 }, consume: { _ in calls += 1 })
        #expect(calls == 0)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }
}
