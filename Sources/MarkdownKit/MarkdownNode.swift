/// One node of a parsed document, copied out of cmark-gfm's tree.
///
/// Nodes live in a flat array in document order (see `MarkdownDocument`), linked by
/// indices rather than nested arrays: a 10,000-level block quote must neither
/// overflow the stack while converting nor while being freed.
public struct MarkdownNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        // Blocks
        case document
        case blockQuote
        case list(ordered: Bool)
        case item
        case taskItem(checked: Bool)
        case codeBlock
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case table
        case tableRow(header: Bool)
        case tableCell
        // Inlines
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case strikethrough
        case link
        case image
        /// Anything else cmark-gfm produces (footnotes, custom nodes); its type name is in `info`.
        /// No payload, so that reading a node's kind never touches reference counts.
        case other
    }

    public var kind: Kind
    /// Index of the parent node; -1 for the document.
    public var parent: Int
    /// Index one past this node's last descendant: its subtree is `index..<end`.
    public var end: Int
    /// Nesting depth; the document is 0.
    public var depth: Int
    public var start: SourceLocation
    public var endLocation: SourceLocation
    /// Text of text, code, code block and HTML nodes; empty otherwise.
    public var literal: String
    /// A code block's info string (language and attributes); for `.other`, cmark's type name; empty otherwise.
    public var info: String
    /// A link's or image's destination; empty otherwise.
    public var url: String
    /// A code block is fenced (```), not indented.
    public var isFenced: Bool
    // The fields below fill the padding after `isFenced` (declaration order is layout
    // order), so the node grows by one string only: the parser copies a million of them.
    /// A list whose items are not separated by blank lines: HTML renders its paragraphs without `<p>`.
    public var isTight: Bool = false
    /// A table cell's column alignment; `.none` for every other node.
    public var alignment: TableAlignment = .none
    var storedListStart: Int32 = 0
    /// A link's or image's title (`[a](url "title")`); empty otherwise.
    public var title: String = ""

    /// An ordered list's first number; 0 otherwise.
    public var listStart: Int {
        get { Int(storedListStart) }
        set { storedListStart = Int32(clamping: newValue) }
    }
}
