#if canImport(Glibc)
import Glibc

/// Tuning of jemalloc, which the executable links in place of glibc's
/// allocator (see Package.swift), for a process that builds a large site.
enum MemoryAllocator {
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
        typealias Mallctl = @convention(c) (
            UnsafePointer<CChar>, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?, Int
        ) -> Int32
        guard let symbol = dlsym(nil, "mallctl") else { return }
        let mallctl = unsafeBitCast(symbol, to: Mallctl.self)
        // Arenas made from now on, then every arena made so far (4096 is MALLCTL_ARENAS_ALL).
        for name in ["arenas.dirty_decay_ms", "arena.4096.dirty_decay_ms", "arenas.muzzy_decay_ms", "arena.4096.muzzy_decay_ms"] {
            var milliseconds = name.contains("dirty") ? dirtyDecay : 0
            _ = mallctl(name, nil, nil, &milliseconds, MemoryLayout<Int>.size)
        }
    }

    private static let dirtyDecay = 1000
}
#endif
