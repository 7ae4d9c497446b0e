/// Where a command of a session goes in a draft.
public enum CommandKind: Sendable, Hashable {
    /// It only reads: `get`, `describe`, `logs`, `status`, `cat`, `grep`, `df`, `curl -I`.
    case diagnosis
    /// It changes something: `restart`, `apply`, `delete`, `rm`, `kill`, `scale`, a write to a file.
    case mitigation
}
