/// What an earlier check of a file with the same path, bytes and settings
/// found, for `Linter.checkEach` to use instead of parsing it again: the
/// parse, its problems and what was kept of it.
public struct ReusedCheck<Kept: Sendable>: Sendable {
    public var runbook: Runbook
    /// The problems the file had by itself then. Those of rules that read the
    /// tree's paths are found again, as the tree may differ.
    public var problems: [Problem]
    public var kept: Kept

    public init(runbook: Runbook, problems: [Problem], kept: Kept) {
        self.runbook = runbook
        self.problems = problems
        self.kept = kept
    }
}
