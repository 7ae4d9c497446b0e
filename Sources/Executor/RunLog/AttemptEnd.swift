import Foundation

/// How a step's command ended: what `RunLog.finishAttempt` records.
public struct AttemptEnd: Sendable, Hashable {
    /// The exit status, or nil when a signal ended the shell.
    public var exitCode: Int32?
    /// The signal that ended the shell, or nil when it exited.
    public var signal: Int32?
    /// Whether the step's timeout ended it (its process group was killed).
    public var timedOut: Bool
    public var output: StepOutput
    /// The operator's note, if one was given after the step.
    public var note: String?
    public var end: Date

    public init(exitCode: Int32?, signal: Int32?, timedOut: Bool, output: StepOutput, note: String? = nil, end: Date) {
        self.exitCode = exitCode
        self.signal = signal
        self.timedOut = timedOut
        self.output = output
        self.note = note
        self.end = end
    }
}
