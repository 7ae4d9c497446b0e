/// A YAML value with the position it came from, so a problem in front matter or
/// config points at the right line. Plain Swift values: built once, read anywhere.
public struct YAMLValue: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case scalar(String)
        case sequence([YAMLValue])
        case mapping([YAMLEntry])
        case null
    }

    public var kind: Kind
    /// 1-based line in the file (not in the YAML snippet).
    public var line: Int
    public var column: Int

    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    public var scalar: String? {
        if case .scalar(let text) = kind { return text }
        return nil
    }

    public var sequence: [YAMLValue]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    public var mapping: [YAMLEntry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// A scalar, or a sequence of scalars, as a list of strings (`tags: a` or `tags: [a, b]`).
    public var scalarList: [String]? {
        switch kind {
        case .scalar(let text): return [text]
        case .sequence(let items):
            let texts = items.compactMap(\.scalar)
            return texts.count == items.count ? texts : nil
        case .null: return []
        case .mapping: return nil
        }
    }

    public subscript(key: String) -> YAMLValue? {
        mapping?.first { $0.key == key }?.value
    }

    /// A short name for the kind, for messages ("expected a list, found a mapping").
    public var kindName: String {
        switch kind {
        case .scalar: return "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .null: return "nothing"
        }
    }
}
