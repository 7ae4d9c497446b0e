/// Renders a parsed document to HTML the way GitHub shows it (tables with
/// alignment, task lists, strikethrough, autolinks, heading anchors), but safe to
/// put on a page: raw HTML is dropped, text is escaped, and links and images with
/// unsafe schemes lose their destination (see `URLSafety`).
///
/// Rendering walks the flat node list with an explicit stack, so any nesting depth
/// renders without recursion.
public struct HTMLRenderer {
    public let document: MarkdownDocument
    /// Ids the page uses itself: no heading is given one of them.
    public var reservedIDs: Set<String> = []
    /// Nodes left out together with their subtrees (a page shows the first H1 as its title).
    public var skippedNodes: Set<Int> = []
    /// Gives a link's or image's destination a new one (a relative link to another
    /// runbook becomes a link to its page); nil keeps the destination. The result is
    /// checked for safety like any destination.
    public var rewriteURL: ((_ destination: String, _ isImage: Bool) -> String?)?
    /// Gets a code block's node index and its `<pre><code>` HTML and returns the HTML
    /// to emit instead (a step with its name and a copy button); nil keeps it. The
    /// result is emitted as it is: it must be safe HTML.
    public var decorateCodeBlock: ((_ node: Int, _ html: String) -> String?)?

    public init(document: MarkdownDocument) {
        self.document = document
    }

    public func render() -> RenderedHTML {
        var writer = HTMLWriter(renderer: self)
        writer.write()
        return RenderedHTML(html: writer.buffer.string, headingIDs: writer.headingIDs)
    }
}
