/// A command's match against the denylist: which entry, and why the command is dangerous.
public struct DenylistMatch: Sendable, Hashable {
    /// The entry's stable id, e.g. `rm-root`, `mkfs`, or `custom` for a pattern from `executor.deny`.
    public let entryID: String
    /// Human text completing "this command …", e.g. "recursively deletes the root filesystem".
    public let reason: String

    public init(entryID: String, reason: String) {
        self.entryID = entryID
        self.reason = reason
    }
}
