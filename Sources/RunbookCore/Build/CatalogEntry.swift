import GitKit

/// One runbook of a catalog: parsed, checked, and placed in history.
public struct CatalogEntry: Sendable {
    public var runbook: Runbook
    /// The Git blob id of the file's content (hashed from disk for `--worktree`).
    public var blob: ObjectID
    /// This runbook's lint problems, sorted.
    public var problems: [Problem]
    /// Its history up to the built commit; empty changes for a file not yet committed.
    public var lineage: Lineage
    /// Steps with a command on the denylist, by step name: the executor asks
    /// for an explicit override before running them, even when acknowledged.
    public var dangerousSteps: [String: DenylistMatch]

    public init(
        runbook: Runbook, blob: ObjectID, problems: [Problem], lineage: Lineage,
        dangerousSteps: [String: DenylistMatch] = [:]
    ) {
        self.runbook = runbook
        self.blob = blob
        self.problems = problems.sorted()
        self.lineage = lineage
        self.dangerousSteps = dangerousSteps
    }

    public var errorCount: Int { problems.count { $0.severity == .error } }
    public var warningCount: Int { problems.count { $0.severity == .warning } }
}
