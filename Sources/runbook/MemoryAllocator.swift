#if canImport(Glibc)
import Glibc

/// Tuning of jemalloc, which the executable links in place of glibc's
/// allocator (see Package.swift), for a process that builds a large site.
enum MemoryAllocator {
    private typealias Mallctl = @convention(c) (
        UnsafePointer<CChar>, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?, Int
    ) -> Int32

    /// jemalloc keeps the pages of freed blocks for ten seconds before giving
    /// them back, in case they are wanted again. A build frees large buffers
    /// between its stages (the history walk's, then parsing's), and keeping them
    /// that long adds them to the next stage's peak: a second is enough for
    /// reuse within a stage and brings the peak of a 10,000-runbook build down by
    /// about 20 MB, at no cost in time.
    ///
    /// `mallctl` is looked up at run time: Swift's Glibc module does not
    /// declare it, and without jemalloc (another platform) there is nothing to tune.
    static func returnFreedPagesSooner() {
        guard let symbol = dlsym(nil, "mallctl") else { return }
        let mallctl = unsafeBitCast(symbol, to: Mallctl.self)
        var arenaCount: UInt32 = 0
        var size = MemoryLayout<UInt32>.size
        guard mallctl("arenas.narenas", &arenaCount, &size, nil, 0) == 0 else { return }
        // The defaults for arenas made from now on, then each arena slot so far
        // (setting a slot not in use yet fails, harmlessly: it takes the default).
        let scopes = ["arenas"] + (0..<arenaCount).map { "arena.\($0)" }
        for scope in scopes {
            for (setting, milliseconds) in [("dirty_decay_ms", dirtyDecay), ("muzzy_decay_ms", 0)] {
                var value = milliseconds
                _ = mallctl("\(scope).\(setting)", nil, nil, &value, MemoryLayout<Int>.size)
            }
        }
    }

    private static let dirtyDecay = 1000
}
#endif
