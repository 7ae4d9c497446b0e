import GitKit

/// Where a catalog's runbooks came from.
public struct CatalogSource: Sendable, Hashable {
    /// The revision as the user named it (`HEAD`, `main`, `v1.2`).
    public var ref: String
    /// The commit it resolved to; nil for a repository with no commit yet.
    public var commit: ObjectID?
    /// The commit's committer date, used as the site's "updated" time (never the build machine's clock).
    public var commitDate: Signature?
    /// Built from the files on disk (`--worktree`) rather than the commit's tree.
    public var isWorkingTree: Bool
    /// The repository is a shallow clone: lineage may be cut off.
    public var isShallow: Bool

    public init(ref: String, commit: ObjectID?, commitDate: Signature?, isWorkingTree: Bool, isShallow: Bool) {
        self.ref = ref
        self.commit = commit
        self.commitDate = commitDate
        self.isWorkingTree = isWorkingTree
        self.isShallow = isShallow
    }
}
