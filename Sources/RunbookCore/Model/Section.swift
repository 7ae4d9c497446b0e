import MarkdownKit

/// A level-2 heading and everything under it up to the next heading of level 1 or 2.
public struct Section: Sendable, Hashable {
    /// The heading text as written.
    public var title: String
    /// The required section it stands for (through aliases), or nil for an extra section.
    public var name: String?
    public var location: SourceLocation
    /// Document nodes of the section's content: `nodes[contentNodes]`, after the heading.
    public var contentNodes: Range<Int>
    /// Number of commands (not blocks) of command steps in the section.
    public var commandCount: Int

    /// The name rules and messages use: the required name when it is one.
    public var displayName: String { name ?? title }
}
