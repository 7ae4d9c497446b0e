import Synchronization

/// Keeps a rendered site in memory: for tests, and for callers that want the bytes.
public final class MemorySiteOutput: SiteOutput {
    private let stored = Mutex<[String: [UInt8]]>([:])

    public init() {}

    public func write(_ bytes: [UInt8], to path: String) throws {
        stored.withLock { $0[path] = bytes }
    }

    /// Every file written so far, by path.
    public var files: [String: [UInt8]] { stored.withLock { $0 } }
}
