/// A parsed Markdown document: Swift values only, safe to share between threads.
public struct MarkdownDocument: Sendable {
    /// All nodes in document (pre-)order; `nodes[0]` is the document itself.
    public let nodes: [MarkdownNode]

    public init(nodes: [MarkdownNode]) {
        self.nodes = nodes
    }

    /// Parses GitHub-flavoured Markdown (tables, task lists, strikethrough, autolinks, tag filter).
    ///
    /// - Parameter lineOffset: added to every line number, for text that starts further down
    ///   its file (after front matter), so positions point into the original file.
    public static func parse(_ text: String, lineOffset: Int = 0) -> MarkdownDocument {
        MarkdownParser.parse(text, lineOffset: lineOffset)
    }

    /// Indices of the direct children of the node at `index`, in order.
    public func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < nodes[index].end {
            result.append(child)
            child = nodes[child].end
        }
        return result
    }

    /// The text a reader sees in the node's subtree: text and code literals joined,
    /// line breaks as spaces.
    public func plainText(of index: Int) -> String {
        var text = ""
        for child in index..<nodes[index].end {
            switch nodes[child].kind {
            case .text, .code: text += nodes[child].literal
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }

    /// The nearest known position at or above the node: cmark leaves some inlines unplaced.
    public func location(of index: Int) -> SourceLocation {
        var current = index
        while current >= 0 {
            if nodes[current].start.isKnown { return nodes[current].start }
            current = nodes[current].parent
        }
        return SourceLocation(line: 1, column: 1)
    }
}
