/// A run with its whole history, as `runbook runs show` prints it.
public struct RunDetail: Sendable, Hashable {
    public var run: RunRecord
    /// Every attempt and decision, in the order recorded.
    public var attempts: [AttemptRecord]
    /// Every resume, oldest first.
    public var resumptions: [RunResumption]

    /// The names of the steps `resume` passes by: those whose latest row
    /// completes them (see `AttemptRecord.completesStep`).
    public var completedSteps: Set<String> { AttemptRecord.completedSteps(in: attempts) }
}
