/// One command as the shell recorded it.
public struct HistoryEntry: Sendable, Hashable {
    /// The command text; several lines for a multi-line command.
    public var command: String
    /// When it was typed (seconds since 1970, UTC), if the history says.
    public var time: Int?

    public init(command: String, time: Int?) {
        self.command = command
        self.time = time
    }
}
