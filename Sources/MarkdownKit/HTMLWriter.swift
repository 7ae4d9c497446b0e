/// The state of one `HTMLRenderer.render()`: the output, the open nodes and the
/// heading anchors handed out so far.
struct HTMLWriter {
    /// What to emit when an entered node is left.
    private enum Closing {
        case nothing
        case markup(StaticString)
        case heading(level: Int, id: String)
        case paragraphInTightList(moreFollow: Bool)
        case tableRow(header: Bool)
        case table
    }

    private let renderer: HTMLRenderer
    private let nodes: [MarkdownNode]
    private(set) var buffer: HTMLBuffer
    private(set) var headingIDs: [Int: String] = [:]
    private var slugger: HeadingSlugger
    /// Entered nodes whose subtree is being written, innermost last.
    private var open: [(node: Int, closing: Closing)] = []
    /// Tables never nest (cells hold inlines only), so one flag serves.
    private var tableBodyOpen = false
    /// `skippedNodes` in order, and the next one the walk will meet: nodes are
    /// visited in index order, so no set lookup is needed per node.
    private let skipped: [Int]
    private var nextSkipped = 0

    init(renderer: HTMLRenderer) {
        self.renderer = renderer
        nodes = renderer.document.nodes
        slugger = HeadingSlugger(reserving: renderer.reservedIDs)
        skipped = renderer.skippedNodes.sorted()
        // Roughly the size of the source: reading every literal's length costs more than regrowing.
        buffer = HTMLBuffer(capacity: nodes.count * 64)
    }

    mutating func write() {
        var index = 1   // nodes[0] is the document itself
        while index < nodes.count {
            while let top = open.last, index >= nodes[top.node].end {
                close(top.closing)
                open.removeLast()
            }
            while nextSkipped < skipped.count, skipped[nextSkipped] < index { nextSkipped += 1 }
            if nextSkipped < skipped.count, skipped[nextSkipped] == index {
                index = nodes[index].end
                continue
            }
            if let closing = enter(index) {
                open.append((index, closing))
                index += 1
            } else {
                index = nodes[index].end
            }
        }
        while let top = open.popLast() { close(top.closing) }
    }

    /// Writes the start of a node. Returns how to close it when its children are to
    /// be written next, or nil when the node is complete (leaves, dropped HTML, images).
    private mutating func enter(_ index: Int) -> Closing? {
        // Fields are read in place: copying a node costs four string retains.
        switch nodes[index].kind {
        case .document, .other:
            return .nothing
        case .blockQuote:
            buffer.append("<blockquote>\n")
            return .markup("</blockquote>\n")
        case .list(let ordered):
            return enterList(index, ordered: ordered)
        case .item:
            buffer.append("<li>")
            return .markup("</li>\n")
        case .taskItem(let checked):
            buffer.append("<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"\"")
            if checked { buffer.append(" checked=\"\"") }
            buffer.append(" /> ")
            return .markup("</li>\n")
        case .codeBlock:
            writeCodeBlock(index)
            return nil
        case .htmlBlock, .htmlInline:
            return nil
        case .paragraph:
            if isInTightList(index) {
                return .paragraphInTightList(moreFollow: nodes[index].end < nodes[nodes[index].parent].end)
            }
            buffer.append("<p>")
            return .markup("</p>\n")
        case .heading(let level):
            let id = slugger.slug(for: renderer.document.plainText(of: index))
            headingIDs[index] = id
            let level = min(max(level, 1), 6)
            buffer.append("<h")
            buffer.append(level)
            buffer.append(" id=\"")
            buffer.appendEscaped(id)
            buffer.append("\">")
            return .heading(level: level, id: id)
        case .thematicBreak:
            buffer.append("<hr />\n")
            return nil
        case .table:
            tableBodyOpen = false
            buffer.append("<table>\n")
            return .table
        case .tableRow(let header):
            if header {
                buffer.append("<thead>\n")
            } else if !tableBodyOpen {
                tableBodyOpen = true
                buffer.append("<tbody>\n")
            }
            buffer.append("<tr>\n")
            return .tableRow(header: header)
        case .tableCell:
            return enterCell(index)
        case .text:
            buffer.appendEscaped(nodes[index].literal)
            return nil
        case .softBreak:
            buffer.append("\n")
            return nil
        case .lineBreak:
            buffer.append("<br />\n")
            return nil
        case .code:
            buffer.append("<code>")
            buffer.appendEscaped(nodes[index].literal)
            buffer.append("</code>")
            return nil
        case .emphasis:
            buffer.append("<em>")
            return .markup("</em>")
        case .strong:
            buffer.append("<strong>")
            return .markup("</strong>")
        case .strikethrough:
            buffer.append("<del>")
            return .markup("</del>")
        case .link:
            // An unsafe link keeps its text: the reader still sees what was written.
            guard let url = destination(of: nodes[index], isImage: false) else { return .nothing }
            buffer.append("<a href=\"")
            buffer.appendURL(url)
            buffer.append("\"")
            writeTitle(nodes[index].title)
            buffer.append(">")
            return .markup("</a>")
        case .image:
            writeImage(index)
            return nil
        }
    }

    private mutating func close(_ closing: Closing) {
        switch closing {
        case .nothing:
            break
        case .markup(let markup):
            buffer.append(markup)
        case .heading(let level, let id):
            buffer.append(" <a class=\"anchor\" href=\"#")
            buffer.appendURL(id)
            buffer.append("\" aria-label=\"Link to this section\">#</a></h")
            buffer.append(level)
            buffer.append(">\n")
        case .paragraphInTightList(let moreFollow):
            if moreFollow { buffer.append("\n") }
        case .tableRow(let header):
            buffer.append(header ? "</tr>\n</thead>\n" : "</tr>\n")
        case .table:
            if tableBodyOpen { buffer.append("</tbody>\n") }
            buffer.append("</table>\n")
        }
    }

    private mutating func enterList(_ index: Int, ordered: Bool) -> Closing {
        let node = nodes[index]
        if ordered {
            buffer.append("<ol")
            if node.listStart != 1 {
                buffer.append(" start=\"")
                buffer.append(node.listStart)
                buffer.append("\"")
            }
        } else {
            buffer.append("<ul")
        }
        if containsTask(index) { buffer.append(" class=\"contains-task-list\"") }
        buffer.append(">\n")
        return .markup(ordered ? "</ol>\n" : "</ul>\n")
    }

    private mutating func enterCell(_ index: Int) -> Closing {
        let header = nodes[nodes[index].parent].kind == .tableRow(header: true)
        buffer.append(header ? "<th" : "<td")
        switch nodes[index].alignment {
        case .none: break
        case .left: buffer.append(" align=\"left\"")
        case .center: buffer.append(" align=\"center\"")
        case .right: buffer.append(" align=\"right\"")
        }
        buffer.append(">")
        return .markup(header ? "</th>\n" : "</td>\n")
    }

    private mutating func writeCodeBlock(_ index: Int) {
        let node = nodes[index]
        var code = HTMLBuffer(capacity: node.literal.utf8.count + 64)
        code.append("<pre><code")
        let language = Self.language(of: node.info)
        if !language.isEmpty {
            code.append(" class=\"language-")
            code.appendEscaped(language)
            code.append("\"")
        }
        code.append(">")
        code.appendEscaped(node.literal)
        code.append("</code></pre>\n")
        if let decorate = renderer.decorateCodeBlock, let decorated = decorate(index, code.string) {
            buffer.appendTrusted(decorated)
        } else {
            buffer.append(contentsOf: code)
        }
    }

    private mutating func writeImage(_ index: Int) {
        let node = nodes[index]
        let alt = renderer.document.plainText(of: index)
        guard let url = destination(of: node, isImage: true) else {
            buffer.appendEscaped(alt)
            return
        }
        buffer.append("<img src=\"")
        buffer.appendURL(url)
        buffer.append("\" alt=\"")
        buffer.appendEscaped(alt)
        buffer.append("\"")
        writeTitle(node.title)
        buffer.append(" loading=\"lazy\" />")
    }

    private mutating func writeTitle(_ title: String) {
        guard !title.isEmpty else { return }
        buffer.append(" title=\"")
        buffer.appendEscaped(title)
        buffer.append("\"")
    }

    /// The destination to link to, or nil when it is not safe.
    private func destination(of node: MarkdownNode, isImage: Bool) -> String? {
        let url = renderer.rewriteURL?(node.url, isImage) ?? node.url
        return URLSafety.isSafe(url) ? url : nil
    }

    /// A paragraph directly in an item of a tight list renders without `<p>`, as on GitHub.
    private func isInTightList(_ index: Int) -> Bool {
        let item = nodes[index].parent
        guard item > 0 else { return false }
        switch nodes[item].kind {
        case .item, .taskItem:
            return nodes[nodes[item].parent].isTight
        default:
            return false
        }
    }

    private func containsTask(_ list: Int) -> Bool {
        renderer.document.children(of: list).contains {
            if case .taskItem = nodes[$0].kind { return true }
            return false
        }
    }

    /// The info string's first word, limited to characters that make a sensible class name.
    private static func language(of info: String) -> String {
        let word = info.utf8.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "{") }
        return String(decoding: word.filter { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "#"):
                return true
            default:
                return false
            }
        }, as: UTF8.self)
    }
}
