import MarkdownKit

/// Renders compiled templates into bytes. One per page; recursion follows the
/// templates' own nesting, never the data's, and stops `maximumExpansions`
/// partials, parents and blocks deep: a parent placed inside a block that
/// replaces its own block expands forever without any partial cycle.
struct TemplateRenderer {
    static let maximumExpansions = 64

    private let library: [String: Template]
    private(set) var output: [UInt8] = []
    /// Set when an expansion was cut off at `maximumExpansions`.
    private(set) var expandedTooDeep = false
    private var expansions = 0
    /// Values of the enclosing sections, innermost last: names are looked up from the top.
    private var stack: [TemplateValue]

    /// - Parameter stack: the outermost values first; lookups start at the last.
    init(library: [String: Template], stack: [TemplateValue], capacity: Int) {
        self.library = library
        self.stack = stack
        output.reserveCapacity(capacity)
    }

    mutating func render(template name: String) {
        guard let template = library[name] else { return }
        render(template.nodes, blocks: [:])
    }

    private mutating func render(_ nodes: [TemplateNode], blocks: [String: [TemplateNode]]) {
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .value(let path, let escaped):
                guard let value = lookUp(path) else { continue }
                write(value, escaped: escaped)
            case .section(let path, let inverted, let children):
                let value = lookUp(path)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(children, blocks: blocks) }
                    continue
                }
                guard let value, value.isTruthy else { continue }
                switch value {
                case .bool:
                    render(children, blocks: blocks)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(children, blocks: blocks)
                        stack.removeLast()
                    }
                default:
                    stack.append(value)
                    render(children, blocks: blocks)
                    stack.removeLast()
                }
            case .partial(let name):
                if let template = library[name] { expand(template.nodes, blocks: blocks) }
            case .parent(let name, let replaced):
                // The outermost page's blocks win, as in the spec.
                if let template = library[name] { expand(template.nodes, blocks: replaced.merging(blocks) { _, outer in outer }) }
            case .block(let name, let children):
                expand(blocks[name] ?? children, blocks: blocks)
            }
        }
    }

    private mutating func expand(_ nodes: [TemplateNode], blocks: [String: [TemplateNode]]) {
        guard expansions < Self.maximumExpansions else {
            expandedTooDeep = true
            return
        }
        expansions += 1
        render(nodes, blocks: blocks)
        expansions -= 1
    }

    /// The first name is looked up in the enclosing values from the innermost out;
    /// the rest only inside what it found (the spec's dotted names).
    private func lookUp(_ path: [String]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        var found: TemplateValue?
        var level = stack.count - 1
        while level >= 0 {
            if let member = stack[level].member(first) {
                found = member
                break
            }
            level -= 1
        }
        for name in path.dropFirst() {
            found = found?.member(name)
        }
        return found
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        let text: String
        switch value {
        case .text(let string): text = string
        case .number(let number): text = String(number)
        case .bool(let bool): text = bool ? "true" : "false"
        case .list, .object: return
        }
        if escaped {
            HTMLEscaping.append(text, to: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
    }
}
