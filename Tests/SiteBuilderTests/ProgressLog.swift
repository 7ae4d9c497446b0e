import Synchronization

/// Collects progress calls from the renderer's threads.
final class ProgressLog: Sendable {
    private let stored = Mutex<[(Int, Int)]>([])

    func append(_ done: Int, _ total: Int) {
        stored.withLock { $0.append((done, total)) }
    }

    var calls: [(Int, Int)] { stored.withLock { $0 } }
}
