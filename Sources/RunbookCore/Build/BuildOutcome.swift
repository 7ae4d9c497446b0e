/// A catalog and what else the build learnt on the way.
public struct BuildOutcome: Sendable {
    public var catalog: Catalog
    /// Files of the tree's own `site-template/` folder, by path inside it: they
    /// override the built-in templates and assets.
    public var templateOverrides: [String: [UInt8]]
    /// Things the user should know that do not fail the build (a shallow clone).
    public var warnings: [String]
    /// Commits whose history had to be read this time (the rest came from the cache).
    public var commitsRead: Int
    /// The caches this build is still writing: wait for them before the process exits.
    public var cacheWrites: CacheWrites
}
