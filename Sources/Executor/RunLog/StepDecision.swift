/// What happened to a step at one point of a run: each attempt row carries one.
///
/// `run` is the only decision whose row has an exit code and output; the others
/// record a step settled without running anything.
public enum StepDecision: String, Sendable, Hashable, CaseIterable {
    /// The command ran (see the attempt's exit code, signal and output).
    case run
    /// The operator skipped the step (before it ran, or after it failed).
    case skip
    /// The operator aborted the run at this step.
    case abort
    /// A manual step the operator confirmed as done.
    case done
    /// A manual step the operator said was not done.
    case notDone = "not-done"
    /// The tool refused to run the step (a denylisted command without the override).
    case refused
}
