import MarkdownKit

/// A heading of a runbook, as the reader sees it.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var location: SourceLocation
    /// Index of the heading's node in the runbook's document.
    public var node: Int
}
