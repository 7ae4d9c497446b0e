import Foundation

/// One run as the log holds it: what was known when it began, and how it ended.
/// The facts of the beginning read as the record's own (`run.title`, `run.start`).
@dynamicMemberLookup
public struct RunRecord: Sendable, Hashable {
    /// What operators type: `runbook resume 12`.
    public var id: Int64
    public var started: RunStart
    /// Nil while the run is `running`.
    public var end: Date?
    public var outcome: RunOutcome

    public subscript<Value>(dynamicMember keyPath: KeyPath<RunStart, Value>) -> Value {
        started[keyPath: keyPath]
    }
}
