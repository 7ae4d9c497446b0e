/// Something the operator does: a fenced shell block run as one script, or a
/// task-list item the operator confirms.
public struct Step: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case command
        case manual
    }

    /// Unique within the runbook: the `name` attribute, else derived from the command or task.
    public var name: String
    public var kind: Kind
    /// Title of the section the step is in; empty before the first section.
    public var section: String
    /// The fence language (`bash`, `console`, ...); empty for manual steps.
    public var shell: String
    /// What runs: the commands joined by newlines (output lines of console blocks left out).
    /// For a manual step, the task text.
    public var script: String
    public var commands: [Command]
    /// Line and column of the fence or task item.
    public var line: Int
    public var column: Int
    /// Attributes from the fence's braces, e.g. `timeout` → `30s`.
    public var attributes: [String: String]

    /// Whether a yes/no attribute (`dangerous`, `confirm`, `ignore`) is set:
    /// `true` or `yes` in any case, as in `{dangerous=true}` or a bare `{confirm}`.
    public static func flag(_ key: String, in attributes: [String: String]) -> Bool {
        ["true", "yes"].contains(attributes[key]?.lowercased())
    }
    /// For a manual step: whether its box is already ticked in the source.
    public var checked: Bool
}
