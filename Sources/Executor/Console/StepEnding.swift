/// How one attempt at a step ended, as the operator and the event stream see it.
public struct StepEnding: Sendable, Hashable {
    public var decision: StepDecision
    public var exitCode: Int32?
    public var signal: Int32?
    public var timedOut: Bool
    public var note: String?

    public init(decision: StepDecision, exitCode: Int32? = nil, signal: Int32? = nil, timedOut: Bool = false, note: String? = nil) {
        self.decision = decision
        self.exitCode = exitCode
        self.signal = signal
        self.timedOut = timedOut
        self.note = note
    }

    /// How a command that ran ended.
    public init(_ result: StepResult) {
        switch result.termination {
        case .exited(let code): self.init(decision: .run, exitCode: code, timedOut: result.timedOut)
        case .signaled(let signal): self.init(decision: .run, signal: signal, timedOut: result.timedOut)
        }
    }

    /// A command that exited 0, or a manual step done.
    public var succeeded: Bool {
        switch decision {
        case .run: exitCode == 0 && signal == nil && !timedOut
        case .done: true
        default: false
        }
    }
}
