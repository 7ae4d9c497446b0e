internal import CCmarkGFM
import Synchronization

/// Runs cmark-gfm and copies its tree into Swift values.
enum MarkdownParser {
    /// cmark-gfm keeps global state while parsing (the table of special inline
    /// characters is switched per parser), so parses must not overlap. Only the
    /// parse itself is serialised; converting and freeing the tree run in parallel.
    private static let parseLock = Mutex(())

    private static let extensionNames = ["table", "tasklist", "strikethrough", "autolink", "tagfilter"]

    static func parse(_ text: String, lineOffset: Int) -> MarkdownDocument {
        var text = text
        // The tree leaves the lock but no other thread ever sees it.
        nonisolated(unsafe) var root: OpaquePointer?
        text.withUTF8 { bytes in
            parseLock.withLock { _ in
                cmark_gfm_core_extensions_ensure_registered()
                let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS)!
                defer { cmark_parser_free(parser) }
                for name in extensionNames {
                    if let syntaxExtension = cmark_find_syntax_extension(name) {
                        cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                    }
                }
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
                root = cmark_parser_finish(parser)
            }
        }
        guard let root else { return MarkdownDocument(nodes: []) }
        defer { cmark_node_free(root) }
        return MarkdownDocument(nodes: convert(root, lineOffset: lineOffset))
    }

    /// Walks the tree once with cmark's iterator (no recursion), building the flat node list.
    private static func convert(_ root: OpaquePointer, lineOffset: Int) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var open: [Int] = []   // indices of containers entered but not yet exited
        // cmark keeps alignment per table, not per cell; tables never nest (cells hold inlines only).
        var columnAlignments: [TableAlignment] = []
        var column = 0
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            let cNode = cmark_iter_get_node(iterator)!
            if event == CMARK_EVENT_EXIT {
                if let index = open.popLast() { nodes[index].end = nodes.count }
                continue
            }
            let index = nodes.count
            let type = cmark_node_get_type(cNode)
            nodes.append(node(cNode, type: type, parent: open.last ?? -1, depth: open.count, lineOffset: lineOffset, index: index))
            switch nodes[index].kind {
            case .table:
                columnAlignments = alignments(of: cNode)
            case .tableRow:
                column = 0
            case .tableCell:
                if column < columnAlignments.count { nodes[index].alignment = columnAlignments[column] }
                column += 1
            default:
                break
            }
            if isLeaf(type) {
                nodes[index].end = index + 1
            } else {
                open.append(index)
            }
        }
        return nodes
    }

    /// The node types cmark's iterator enters without a matching exit.
    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private static func node(
        _ cNode: OpaquePointer, type: cmark_node_type, parent: Int, depth: Int, lineOffset: Int, index: Int
    ) -> MarkdownNode {
        var result = MarkdownNode(
            kind: kind(cNode, type: type),
            parent: parent,
            end: index + 1,
            depth: depth,
            start: location(line: cmark_node_get_start_line(cNode), column: cmark_node_get_start_column(cNode), lineOffset: lineOffset),
            endLocation: location(line: cmark_node_get_end_line(cNode), column: cmark_node_get_end_column(cNode), lineOffset: lineOffset),
            literal: "",
            info: "",
            url: "",
            isFenced: false
        )
        switch type {
        case _ where result.kind == .other:
            result.info = typeName(cNode)
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            result.literal = string(cmark_node_get_literal(cNode))
        case CMARK_NODE_CODE_BLOCK:
            result.literal = string(cmark_node_get_literal(cNode))
            result.info = string(cmark_node_get_fence_info(cNode))
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            result.isFenced = cmark_node_get_fenced(cNode, &length, &offset, &character) != 0
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            result.url = string(cmark_node_get_url(cNode))
            result.title = string(cmark_node_get_title(cNode))
        case CMARK_NODE_LIST:
            if cmark_node_get_list_type(cNode) == CMARK_ORDERED_LIST {
                result.listStart = Int(cmark_node_get_list_start(cNode))
            }
            result.isTight = cmark_node_get_list_tight(cNode) != 0
        default:
            break
        }
        return result
    }

    private static func kind(_ cNode: OpaquePointer, type: cmark_node_type) -> MarkdownNode.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(cNode) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM:
            if typeName(cNode) == "tasklist" {
                return .taskItem(checked: cmark_gfm_extensions_get_tasklist_item_checked(cNode))
            }
            return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(cNode)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default:
            // Extension node types are numbered at registration, so they are known by name.
            switch typeName(cNode) {
            case "table": return .table
            case "table_header": return .tableRow(header: true)
            case "table_row": return .tableRow(header: false)
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .other
            }
        }
    }

    private static func alignments(of table: OpaquePointer) -> [TableAlignment] {
        let count = Int(cmark_gfm_extensions_get_table_columns(table))
        guard let bytes = cmark_gfm_extensions_get_table_alignments(table) else { return [] }
        return (0..<count).map { column in
            switch bytes[column] {
            case UInt8(ascii: "l"): return .left
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            default: return .none
            }
        }
    }

    private static func typeName(_ cNode: OpaquePointer) -> String {
        string(cmark_node_get_type_string(cNode))
    }

    private static func location(line: Int32, column: Int32, lineOffset: Int) -> SourceLocation {
        line > 0 ? SourceLocation(line: Int(line) + lineOffset, column: Int(column)) : SourceLocation(line: 0, column: 0)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
