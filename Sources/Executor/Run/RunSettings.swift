import RunbookCore

/// How the runner treats one run: the answers given by flags and the limits from config.
public struct RunSettings: Sendable {
    public var shell: ShellInvocation
    public var overrides: RunOverrides
    /// `--yes`: run each step without asking (only for `autonomy: auto` runbooks; see `RunGate`).
    public var assumeYes: Bool
    public var outputCap: Int
    public var killGrace: Duration
    /// Environment every step gets on top of the runner's own.
    public var environment: [String: String]
    public var workingDirectory: String?

    public init(
        executor: ExecutorSettings, overrides: RunOverrides, assumeYes: Bool, environment: [String: String] = [:],
        workingDirectory: String? = nil
    ) {
        shell = ShellInvocation(shell: executor.shell)
        self.overrides = overrides
        self.assumeYes = assumeYes
        outputCap = executor.outputCap
        killGrace = executor.killGrace
        self.environment = environment
        self.workingDirectory = workingDirectory
    }
}
