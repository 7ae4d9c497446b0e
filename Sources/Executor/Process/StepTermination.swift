/// How a step's shell ended: with an exit code, or killed by a signal.
public enum StepTermination: Sendable, Hashable {
    case exited(Int32)
    case signaled(Int32)

    /// Exit code 0.
    public var isSuccess: Bool { self == .exited(0) }

    /// The exit code, if the shell exited (the run log's exit code column).
    public var exitCode: Int32? {
        if case .exited(let code) = self { return code }
        return nil
    }

    /// The signal that killed the shell, if one did (the run log's signal column).
    public var signal: Int32? {
        if case .signaled(let signal) = self { return signal }
        return nil
    }
}
