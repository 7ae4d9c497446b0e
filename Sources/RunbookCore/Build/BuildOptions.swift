import GitKit

/// What to build a catalog from.
public struct BuildOptions: Sendable {
    /// The revision whose tree is built, and whose history gives lineage.
    public var revision: String
    /// Build the files on disk instead of the revision's tree (lineage still from `revision`).
    public var worktree: Bool
    /// `--repo`; else the repository is found from `currentDirectory`.
    public var repositoryPath: String?
    /// `--config`: a file on disk used instead of the tree's `runbook.yml`.
    public var configPath: String?
    public var currentDirectory: String
    /// Fail instead of warning when the clone is shallow.
    public var requireFullHistory: Bool
    /// Where the build's caches (lineage, checked runbooks) live; nil for the
    /// default, `runbook/` inside the Git directory.
    public var cacheDirectory: String?

    public init(
        revision: String = "HEAD", worktree: Bool = false, repositoryPath: String? = nil, configPath: String? = nil,
        currentDirectory: String,
        requireFullHistory: Bool = false, cacheDirectory: String? = nil
    ) {
        self.revision = revision
        self.worktree = worktree
        self.repositoryPath = repositoryPath
        self.configPath = configPath
        self.currentDirectory = currentDirectory
        self.requireFullHistory = requireFullHistory
        self.cacheDirectory = cacheDirectory
    }

    /// `runbook/` in the repository's common Git directory, shared by all its worktrees.
    public static func defaultCacheDirectory(of repository: Repository) -> String {
        repository.commonDirectory + "/runbook"
    }
}
