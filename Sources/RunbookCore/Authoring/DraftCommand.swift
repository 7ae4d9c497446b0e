/// A command kept for a draft, secrets already redacted.
public struct DraftCommand: Sendable, Hashable {
    public var text: String
    /// Where it ran, when earlier `cd`s in the session tell.
    public var workingDirectory: String?

    public init(text: String, workingDirectory: String?) {
        self.text = text
        self.workingDirectory = workingDirectory
    }
}
