/// What writing a site did.
public struct SiteWriteSummary: Sendable, Hashable {
    /// Files written anew.
    public var written: Int
    /// Files whose bytes were unchanged since the previous site: hard-linked from it
    /// instead, so they keep their modification time (rsync and caches skip them).
    public var reused: Int
}
