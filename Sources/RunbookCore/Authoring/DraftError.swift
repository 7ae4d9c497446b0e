/// Why `runbook draft` or `runbook new` could not do its job (exit 2): a history it
/// cannot use, a session that does not exist, a file it will not replace.
public struct DraftError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
