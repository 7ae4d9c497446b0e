import MarkdownKit

/// A link or image in a runbook's body.
public struct Link: Sendable, Hashable {
    public var destination: String
    public var text: String
    public var isImage: Bool
    public var location: SourceLocation
}
