/// One file after parsing and checking: its problems, and what the caller kept of it.
public struct CheckedFile<Kept: Sendable>: Sendable {
    /// Repository-relative path.
    public var path: String
    public var problems: [Problem]
    /// Its id and where it is declared; nil for a file that could not be read as a runbook.
    public var summary: RunbookSummary?
    /// What the caller's `keep` took from the parsed runbook; nil when unreadable.
    public var kept: Kept?
}
