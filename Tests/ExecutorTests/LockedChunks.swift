import Synchronization

/// Collects the chunks a step's output callback receives, from whichever thread.
final class LockedChunks: Sendable {
    private let chunks = Mutex<[[UInt8]]>([])

    func append(_ chunk: [UInt8]) {
        chunks.withLock { $0.append(chunk) }
    }

    var joined: [UInt8] { chunks.withLock { $0.flatMap { $0 } } }
}
