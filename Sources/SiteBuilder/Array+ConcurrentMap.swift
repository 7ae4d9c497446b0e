import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` on all processor cores, in runs of `runLength` elements (one
    /// task and one lock per element would cost more than most transforms).
    /// The results are in the elements' order.
    func concurrentMap<Result: Sendable>(runLength: Int = 256, _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > runLength else { return map(transform) }
        let runs = Mutex([[Result]](repeating: [], count: (count + runLength - 1) / runLength))
        DispatchQueue.concurrentPerform(iterations: (count + runLength - 1) / runLength) { run in
            // By index from the buffer, not through a slice's iterator, which
            // hands out a copy of each element (a retain per reference it holds).
            let results = withUnsafeBufferPointer { elements in
                (run * runLength..<Swift.min((run + 1) * runLength, count)).map { transform(elements[$0]) }
            }
            runs.withLock { $0[run] = results }
        }
        return runs.withLock { $0 }.flatMap { $0 }
    }
}
