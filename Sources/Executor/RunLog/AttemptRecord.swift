import Foundation
import RunbookCore

/// One row of a run's step history: an attempt at a step, or a decision that
/// settled it without running anything.
public struct AttemptRecord: Sendable, Hashable {
    public var id: Int64
    public var runID: Int64
    public var step: LoggedStep
    /// 1, 2, … for each row of this step in this run, in the order recorded
    /// (retries, and decisions such as a skip after a failure, count too).
    public var number: Int
    public var decision: StepDecision
    public var note: String?
    public var exitCode: Int32?
    public var signal: Int32?
    public var timedOut: Bool
    /// What the command printed; nil for a decision without running, and for a
    /// command that has not finished (or whose runner died before it did).
    public var output: StepOutput?
    public var start: Date
    /// Nil while the command runs, and forever if its runner was killed meanwhile.
    public var end: Date?

    /// The command ran to its end and succeeded: exit 0, no signal, no timeout.
    public var succeeded: Bool {
        decision == .run && end != nil && exitCode == 0 && signal == nil && !timedOut
    }

    /// Whether this row, as a step's latest, lets `resume` pass the step by:
    /// it succeeded, the operator confirmed it done, or the operator skipped it.
    /// A failure, a timeout, `not-done`, `refused`, `abort` and an attempt
    /// without an end (its runner died) leave the step to be done again.
    public var completesStep: Bool {
        succeeded || decision == .done || decision == .skip
    }

    /// The names of the steps whose latest row (highest number) completes them.
    static func completedSteps(in attempts: some Sequence<AttemptRecord>) -> Set<String> {
        var latest: [String: AttemptRecord] = [:]
        for attempt in attempts where attempt.number > latest[attempt.step.name]?.number ?? 0 {
            latest[attempt.step.name] = attempt
        }
        return Set(latest.values.filter(\.completesStep).map(\.step.name))
    }
}
