import GitKit

/// A runbook's history: every commit that changed it, newest first, following
/// renames the way `git log --follow -- <path>` does at the built revision
/// (`LineageReader` computes it; its documentation says what that means).
public struct Lineage: Sendable, Hashable {
    /// Newest first. Merge commits never appear (as in `git log --follow`).
    public var changes: [LineageChange]
    /// The latest commit in which `status` became `approved`; nil when the
    /// runbook is not approved now or never became so within the known history.
    public var approval: Approval?
    /// History is cut off (a shallow clone reaches into this runbook's past):
    /// `created` and the earliest changes are then not the real ones.
    public var truncated: Bool

    public init(changes: [LineageChange], approval: Approval?, truncated: Bool) {
        self.changes = changes
        self.approval = approval
        self.truncated = truncated
    }

    /// The oldest known change.
    public var created: LineageChange? { changes.last }
    /// The newest change.
    public var updated: LineageChange? { changes.first }

    /// Distinct authors (after `.mailmap`), most recent first.
    public var authors: [Signature] {
        var seen = Set<String>()
        return changes.map(\.author).filter { seen.insert($0.email.lowercased() + "\u{0}" + $0.name).inserted }
    }

    /// Paths the runbook had before, newest first, without the current one.
    public var earlierPaths: [String] {
        var seen: Set<String> = [changes.first?.path ?? ""]
        return changes.compactMap(\.renamedFrom).filter { seen.insert($0).inserted }
    }
}
