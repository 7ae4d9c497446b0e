/// `executor:` in config. `deny` extends the built-in dangerous-command list,
/// which the `dangerous-command` lint rule shares with the executor.
public struct ExecutorSettings: Sendable, Hashable {
    public var requireStatus = "approved"
    public var deny: [String] = []
    public var shell = "bash"
    /// The most output of one step attempt kept in the run log (its first and
    /// last halves); the terminal always shows all of it.
    public var outputCap = 1 << 20
    /// After a timeout or Ctrl-C, how long a step's processes have between
    /// TERM and KILL.
    public var killGrace: Duration = .seconds(5)

    public init() {}
}
