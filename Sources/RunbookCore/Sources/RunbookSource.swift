/// Where the runbooks to lint come from.
public enum RunbookSource: Sendable, Hashable {
    /// Files and folders on disk (what the pre-commit framework passes), relative to the current directory.
    case paths([String])
    /// The blobs in the Git index: exactly what the next commit will hold.
    case staged
    /// A commit's tree (CI gates, server-side hooks; works in bare repositories).
    case revision(String)
    /// The working tree under the configured root.
    case workingTree
}
