/// Why `runbook draft`, `runbook new` or a runbook pattern cannot be used: a history it
/// cannot use, a session that does not exist, a file it will not replace.
public struct AuthoringError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
