/// How a step's shell ended: with an exit code, or killed by a signal.
public enum StepTermination: Sendable, Hashable {
    case exited(Int32)
    case signaled(Int32)

    /// Exit code 0.
    public var isSuccess: Bool { self == .exited(0) }
}
