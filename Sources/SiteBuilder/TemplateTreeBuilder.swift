/// Builds the node tree from tokens, matching each closing tag to its opening one.
struct TemplateTreeBuilder {
    /// A section, block or parent whose closing tag has not come yet.
    private struct Frame {
        var kind: TemplateToken.Kind
        var name: String
        var line: Int
        var column: Int
        var nodes: [TemplateNode] = []
        /// For a parent: the blocks it replaces.
        var blocks: [String: [TemplateNode]] = [:]
    }

    private let file: String
    private var frames = [Frame(kind: .section, name: "", line: 0, column: 0)]
    private(set) var references: [Template.Reference] = []

    init(file: String) {
        self.file = file
    }

    mutating func add(_ token: TemplateToken) throws {
        switch token.kind {
        case .text:
            append(.text(token.bytes))
        case .variable(let escaped):
            append(.value(path: try path(token), escaped: escaped))
        case .comment, .setDelimiters:
            break
        case .partial:
            references.append(Template.Reference(name: token.name, line: token.line, column: token.column))
            append(.partial(token.name))
        case .section, .invertedSection, .block, .parent:
            if token.kind == .parent {
                references.append(Template.Reference(name: token.name, line: token.line, column: token.column))
            }
            if token.kind != .parent && token.kind != .block { _ = try path(token) }
            guard frames.count <= Template.maximumNesting else {
                throw error(token, "sections are nested more than \(Template.maximumNesting) deep")
            }
            frames.append(Frame(kind: token.kind, name: token.name, line: token.line, column: token.column))
        case .close:
            guard frames.count > 1, let frame = frames.last else {
                throw error(token, "{{/\(token.name)}} closes nothing")
            }
            guard frame.name == token.name else {
                throw error(token, "{{/\(token.name)}} does not match {{\(Self.sigil(frame.kind))\(frame.name)}} opened on line \(frame.line)")
            }
            frames.removeLast()
            switch frame.kind {
            case .parent: append(.parent(frame.name, blocks: frame.blocks))
            case .block: append(.block(frame.name, children: frame.nodes))
            default: append(.section(path: try path(token), inverted: frame.kind == .invertedSection, children: frame.nodes))
            }
        }
    }

    mutating func finish() throws -> [TemplateNode] {
        if frames.count > 1, let open = frames.last {
            throw SiteTemplateError(
                file: file, line: open.line, column: open.column,
                message: "{{\(Self.sigil(open.kind))\(open.name)}} is never closed")
        }
        return frames[0].nodes
    }

    /// Adds a node to the innermost open frame. Inside a parent only blocks count
    /// (the spec ignores anything else there).
    private mutating func append(_ node: TemplateNode) {
        let last = frames.count - 1
        if frames[last].kind == .parent {
            if case .block(let name, let children) = node { frames[last].blocks[name] = children }
        } else {
            frames[last].nodes.append(node)
        }
    }

    /// `a.b.c` → `["a", "b", "c"]`; `.` → `[]` (the current value).
    private func path(_ token: TemplateToken) throws -> [String] {
        let name = token.name
        if name == "." { return [] }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.contains(where: \.isEmpty) else { throw error(token, "malformed name '\(name)'") }
        return parts.map(String.init)
    }

    private func error(_ token: TemplateToken, _ message: String) -> SiteTemplateError {
        SiteTemplateError(file: file, line: token.line, column: token.column, message: message)
    }

    private static func sigil(_ kind: TemplateToken.Kind) -> String {
        switch kind {
        case .invertedSection: return "^"
        case .parent: return "<"
        case .block: return "$"
        default: return "#"
        }
    }
}
