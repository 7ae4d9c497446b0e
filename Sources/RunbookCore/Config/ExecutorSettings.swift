/// `executor:` in config. `deny` extends the built-in dangerous-command list,
/// which the `dangerous-command` lint rule shares with the executor.
public struct ExecutorSettings: Sendable, Hashable {
    public var requireStatus = "approved"
    public var deny: [String] = []
    public var shell = "bash"

    public init() {}
}
