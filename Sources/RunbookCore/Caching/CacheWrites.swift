import Dispatch

/// Cache files being written on another thread while the build goes on: after
/// a commit that changed one runbook, writing tens of megabytes of caches is a
/// good part of the build, and the second core is free while the site is laid
/// out. Whoever holds the build's outcome waits for them before exiting (a
/// write cut short leaves a temporary file, never a damaged cache).
public final class CacheWrites: Sendable {
    private let group = DispatchGroup()

    init() {}

    /// Starts `write` on another thread.
    func start(_ write: @escaping @Sendable () -> Void) {
        DispatchQueue.global().async(group: group, execute: write)
    }

    /// Returns once every write started has finished.
    public func wait() {
        group.wait()
    }
}
