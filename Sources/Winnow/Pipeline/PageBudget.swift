#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The time one page may take (`--page-timeout`), and how many elements it may hold.
/// Deadlines are cooperative (DECISIONS): the
/// pipeline checks between stages, and the loops over elements, blocks and lines ask
/// `isSpent` every few hundred steps and stop early, so the next check rejects the page. The
/// budget of the page a thread works on is thread-local: stages read it without it being
/// passed through every call.
public struct PageBudget: Sendable {
    private(set) var deadline: UInt64
    let seconds: Double?
    let maximumElements: Int

    init(seconds: Double?, maximumElements: Int) {
        self.seconds = seconds
        self.maximumElements = maximumElements
        deadline = seconds.map { Self.now() &+ UInt64(max(0, $0) * 1e9) } ?? .max
    }

    /// The same limit with its deadline moved `nanoseconds` later (time the page spent waiting
    /// for something it does not own, such as the name catalog still loading).
    func extended(by nanoseconds: UInt64) -> PageBudget {
        var moved = self
        if deadline != .max { moved.deadline = deadline &+ nanoseconds }
        return moved
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    var isSpent: Bool { deadline != .max && Self.now() > deadline }

    /// Throws when the page is over its time.
    func check(_ stage: PipelineStage) throws(Reject) {
        if isSpent, let seconds {
            throw Reject(stage: stage, reason: "over the page time limit of \(Self.format(seconds)) s (--page-timeout)")
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    // MARK: The current page's budget, per thread

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<Box>.fromOpaque(pointer).release() }
        }
        return key
    }()

    private final class Box {
        var budget: PageBudget?
    }

    private static var box: Box {
        if let pointer = pthread_getspecific(key) { return Unmanaged<Box>.fromOpaque(pointer).takeUnretainedValue() }
        let box = Box()
        pthread_setspecific(key, Unmanaged.passRetained(box).toOpaque())
        return box
    }

    /// The budget of the page this thread is working on.
    static var current: PageBudget? {
        get { box.budget }
        set { box.budget = newValue }
    }

    /// For loops: true every `stride`-th step once the page's time is spent (reading the
    /// clock every step would cost more than some of the loops it guards).
    @inline(__always)
    static func spent(at step: Int, stride: Int = 512) -> Bool {
        guard step & (stride - 1) == 0, let budget = current else { return false }
        return budget.isSpent
    }
}
