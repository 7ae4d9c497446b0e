import Foundation
import GitKit

/// Runs a `HistoryWalk` on a thread of its own, with its own repository
/// handle (libgit2 handles serve one thread), and hands its steps over in
/// order.
///
/// Reading commits and trees and reading blobs to compare them take about
/// the same time on a large history; overlapping them nearly halves a first
/// build. The walk runs at most `capacity` steps ahead.
final class WalkChannel: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var ready: [WalkStep] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var walkReadCount = 0
    private var walkReachedBoundary = false
    private let capacity = 4096
    private static let batchSize = 64
    /// The reading side's current batch (touched by that thread only).
    private var batch: [WalkStep] = []
    private var batchIndex = 0

    /// Starts walking from `start` in the repository at `gitDirectory`
    /// (stopping at `boundary`, as `HistoryWalk` does).
    static func start(
        gitDirectory: String, from start: ObjectID, known: [CommitFacts], boundary: HistoryWalk.Boundary? = nil
    ) -> WalkChannel {
        let channel = WalkChannel()
        let thread = Thread {
            do {
                let repository = try Repository.discover(startingAt: gitDirectory)
                var walk = try HistoryWalk(repository: repository, start: start, known: known, boundary: boundary)
                // Handed over in batches: a lock and a wake-up per commit cost
                // more than the reader gains from seeing each one early.
                var pending: [WalkStep] = []
                pending.reserveCapacity(Self.batchSize)
                while let step = try walk.next() {
                    pending.append(step)
                    if pending.count == Self.batchSize {
                        guard channel.send(pending) else { return }
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                guard channel.send(pending) else { return }
                channel.finish(readCount: walk.readCount, reachedBoundary: walk.reachedBoundary, failure: nil)
            } catch {
                channel.finish(readCount: 0, reachedBoundary: false, failure: error)
            }
        }
        thread.name = "runbook history walk"
        thread.start()
        return channel
    }

    /// The next step, waiting for the walk if needed; nil when it is over.
    /// Rethrows what stopped the walk.
    func receive() throws -> WalkStep? {
        if batchIndex == batch.count {
            condition.lock()
            while ready.isEmpty, !finished { condition.wait() }
            swap(&batch, &ready)
            ready.removeAll(keepingCapacity: true)
            let failure = self.failure
            condition.broadcast()
            condition.unlock()
            batchIndex = 0
            if batch.isEmpty {
                if let failure { throw failure }
                return nil
            }
        }
        defer { batchIndex += 1 }
        return batch[batchIndex]
    }

    /// After the walk is over: commits it read that the cache lacked.
    var readCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return walkReadCount
    }

    /// After the walk is over: whether it stopped at the boundary.
    var reachedBoundary: Bool {
        condition.lock()
        defer { condition.unlock() }
        return walkReachedBoundary
    }

    /// Stops the walk early (the reader failed or is done with it).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// False when the reader cancelled: the walk should stop.
    private func send(_ steps: [WalkStep]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= capacity, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        ready.append(contentsOf: steps)
        condition.broadcast()
        return true
    }

    private func finish(readCount: Int, reachedBoundary: Bool, failure: (any Error)?) {
        condition.lock()
        finished = true
        walkReadCount = readCount
        walkReachedBoundary = reachedBoundary
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }
}
