import MarkdownKit

/// One runbook file, parsed: everything the rules, the site and the executor need.
public struct Runbook: Sendable {
    /// Repository-relative path.
    public var path: String
    /// Front matter `id`, else the path under the root without `.md`.
    public var id: String
    /// Front matter `title`, else the first H1; nil when there is neither.
    public var title: String?
    public var titleLocation: SourceLocation?
    public var metadata: Metadata
    /// Set when the front matter could not be read; the body is still parsed.
    public var frontMatterError: YAMLError?
    /// Set when the file could not be read as a runbook at all (binary, not UTF-8, too large).
    public var unreadableReason: String?
    public var headings: [Heading]
    public var sections: [Section]
    public var links: [Link]
    public var steps: [Step]
    /// Steps whose braces could not be read, with why.
    public var attributeErrors: [StepAttributeError]
    public var document: MarkdownDocument
    /// Line of the first body line (after front matter).
    public var bodyLine: Int

    /// The title to show: the declared or H1 title, else the file name.
    public var displayTitle: String {
        title ?? String(path.split(separator: "/").last ?? Substring(path))
    }
}
