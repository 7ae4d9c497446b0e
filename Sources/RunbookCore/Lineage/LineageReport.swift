import GitKit

/// The result of `LineageReader.lineages(of:at:progress:)`.
public struct LineageReport: Sendable {
    /// Per requested path (each is present, with no changes if none were found).
    public var lineages: [String: Lineage]
    /// The built commit's committer: its date is the revision's date.
    public var committer: Signature
    /// The repository is a shallow clone; lineages that reach its boundary
    /// are marked `truncated`.
    public var isShallow: Bool
    /// Commits the walk visited, merges included.
    public var walkedCommits: Int
    /// Of those, commits not found in the cache and read from the repository:
    /// after one new commit, 1.
    public var readCommits: Int
    /// The first commit of an earlier walk this one stopped at, taking the
    /// rest from that walk's `LineageSnapshot`; nil when it walked the whole history.
    public var resumedFrom: ObjectID?

    public init(
        lineages: [String: Lineage], committer: Signature, isShallow: Bool, walkedCommits: Int, readCommits: Int,
        resumedFrom: ObjectID? = nil
    ) {
        self.lineages = lineages
        self.committer = committer
        self.isShallow = isShallow
        self.walkedCommits = walkedCommits
        self.readCommits = readCommits
        self.resumedFrom = resumedFrom
    }
}
