/// A file (or a resource, for `kubectl edit`) a session changed by hand, so the
/// draft can ask the author to say what changed.
public struct EditedFile: Sendable, Hashable {
    /// As typed, or joined to the working directory when an earlier `cd` tells it.
    public var path: String
    /// How it was changed: `vim`, `sed -i`, `tee`, `a redirection`, `kubectl edit`.
    public var tool: String

    public init(path: String, tool: String) {
        self.path = path
        self.tool = tool
    }
}
