import Foundation

/// What came of running one step.
///
/// `timedOut` and `interrupted` say the runner ended the step; the termination then
/// usually shows the signal (TERM or KILL) that did it, though a shell that traps
/// TERM may still exit with a code of its own.
public struct StepResult: Sendable {
    public let termination: StepTermination
    /// The step's timeout ran out and its process group was ended.
    public let timedOut: Bool
    /// An interruption (Ctrl-C) arrived while the step ran and its process group was ended.
    public let interrupted: Bool
    /// stdout and stderr, merged in the order they were written, capped.
    public let output: CapturedOutput
    public let started: Date
    /// When the step and every process it left behind were over.
    public let ended: Date

    /// Exit code 0, and the runner did not have to stop it.
    public var succeeded: Bool { termination.isSuccess && !timedOut && !interrupted }
}
