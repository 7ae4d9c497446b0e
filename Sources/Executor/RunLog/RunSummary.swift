/// A run as `runbook runs` lists it.
public struct RunSummary: Sendable, Hashable {
    public var run: RunRecord
    /// How many steps are completed (see `AttemptRecord.completesStep`).
    public var completedStepCount: Int
    public var resumeCount: Int
}
