import GitKit

/// Everything a lint run needs, loaded from one source so config, runbooks and
/// the file list all describe the same tree. The files themselves are read on
/// demand (`read`), so reading from Git overlaps with linting.
public struct LintInput {
    public var config: Config
    /// Repository-relative paths of the runbooks to lint.
    public var paths: [String]
    /// Reads the file at `paths[index]`; called on the thread that runs the lint, in order.
    public var read: (Int) throws -> SourceFile
    /// The blob id of `paths[index]`, when it is known without reading the
    /// file (from a commit's tree) and the file would be read as a runbook
    /// (not a symbolic link): a cache may answer for it instead.
    public var blobWithoutReading: ((Int) -> ObjectID?)? = nil
    /// Every path in the tree (for link checks).
    public var treePaths: Set<String>
    /// Runbooks of the tree that are not linted this time but whose ids count.
    public var otherRunbooks: [RunbookSummary]
    /// A note for the user when nothing was linted and why (e.g. no runbooks under the root).
    public var note: String?

    /// Reads every file and lints them with `linter`.
    public func lint(with linter: Linter) throws -> LintReport {
        try linter.lint(count: paths.count, treePaths: treePaths, otherRunbooks: otherRunbooks, read: read)
    }
}
