/// One command of a step: a shell line with its continuations and here-document joined.
public struct Command: Sendable, Hashable {
    public var text: String
    /// 1-based line of the file on which the command starts.
    public var line: Int
}
