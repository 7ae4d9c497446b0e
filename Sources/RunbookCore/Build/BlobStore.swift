import Foundation
import GitKit

/// Reads the blobs of runbooks a build left unread because their checks came
/// from the cache, for the few pages rendered again: after a commit that
/// changed one runbook, the build reads that one, not ten thousand.
///
/// One repository, read by one thread at a time (libgit2 handles are not
/// shared between threads). It is the build's own, which closures of the
/// build still hold, so it cannot be handed to a `Mutex`; the lock guards it.
public final class BlobStore: @unchecked Sendable {
    private let repository: Repository
    private let lock = NSLock()

    init(repository: Repository) {
        self.repository = repository
    }

    func bytes(of blob: ObjectID) throws -> [UInt8] {
        try lock.withLock { try repository.blob(blob) }
    }
}
