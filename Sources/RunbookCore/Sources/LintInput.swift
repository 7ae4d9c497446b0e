/// Everything a lint run needs, loaded from one source so config, runbooks and
/// the file list all describe the same tree.
public struct LintInput: Sendable {
    public var config: Config
    public var files: [SourceFile]
    /// Every path in the tree (for link checks).
    public var treePaths: Set<String>
    /// Runbooks of the tree that are not linted this time but whose ids count.
    public var otherRunbooks: [RunbookSummary]
    /// A note for the user when nothing was linted and why (e.g. no runbooks under the root).
    public var note: String?
}
