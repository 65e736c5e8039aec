import Foundation

/// A streaming parallel map: `jobs` worker threads take items from a bounded queue, and the
/// calling thread reads the input, hands each result on in input order, and writes it.
///
/// Why not batches with a barrier: a batch waits for its slowest page while the other cores
/// idle, and reading and writing stop the workers. Here the calling thread keeps at most
/// `window` items between reading and consuming (queued, in work, or waiting for an earlier
/// one in the reorder buffer), so memory stays bounded and the output is the same for any
/// number of jobs.
public enum OrderedWorkers {
    /// Calls `next` until it returns nil, runs `transform` on each item on one of `jobs`
    /// threads, and calls `consume` with the results in the order `next` gave the items.
    /// `next` and `consume` run on the calling thread. If `consume` throws, the workers stop
    /// after their current item and the error is rethrown.
    public static func run<Input, Output>(
        jobs: Int, window: Int,
        next: () -> Input?,
        transform: @escaping @Sendable (Input) -> Output,
        consume: (Output) throws -> Void
    ) rethrows {
        guard jobs > 1 else {
            while let item = next() { try consume(transform(item)) }
            return
        }
        let state = SharedState<Input, Output>()
        let finished = DispatchGroup()
        for _ in 0..<jobs {
            finished.enter()
            let worker = Thread {
                while let (position, item) = state.take() {
                    state.deliver(transform(item), at: position)
                }
                finished.leave()
            }
            // The pipeline's tree walks recurse; give workers the main thread's usual stack.
            worker.stackSize = 8 << 20
            worker.start()
        }
        defer {
            state.close()
            finished.wait()
        }
        var read = 0
        var consumed = 0
        var inputEnded = false
        while true {
            while !inputEnded, read - consumed < window {
                if let item = next() {
                    state.submit(item, at: read)
                    read += 1
                } else {
                    inputEnded = true
                }
            }
            if consumed == read { break }
            try consume(state.result(at: consumed))
            consumed += 1
        }
    }

    /// The queue and the reorder buffer, under one condition variable (a handful of threads
    /// wait on it, so every change wakes them all).
    private final class SharedState<Input, Output>: @unchecked Sendable {
        private let condition = NSCondition()
        private var queue: [(Int, Input)] = []
        private var queueHead = 0
        private var results: [Int: Output] = [:]
        private var closed = false

        func submit(_ item: Input, at position: Int) {
            condition.lock()
            if queueHead > 64, queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            queue.append((position, item))
            condition.broadcast()
            condition.unlock()
        }

        /// The next item for a worker; nil once the run is closed.
        func take() -> (Int, Input)? {
            condition.lock()
            defer { condition.unlock() }
            while !closed, queueHead == queue.count { condition.wait() }
            if closed { return nil }
            let item = queue[queueHead]
            queueHead += 1
            return item
        }

        func deliver(_ result: Output, at position: Int) {
            condition.lock()
            results[position] = result
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the result at `position` and takes it out of the buffer.
        func result(at position: Int) -> Output {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = results.removeValue(forKey: position) { return result }
                condition.wait()
            }
        }

        /// Stops the workers: each returns after its current item.
        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
