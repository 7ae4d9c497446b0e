/// A JSON value whose objects keep their keys in the order written, so the
/// index has a stable key order and two builds of one commit are byte-identical.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let members):
            for (key, value) in members {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// `.string`, or `.null` for nil.
    public static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// Pretty-printed UTF-8 with two-space indents and a final newline.
    public func rendered() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    private func write(to output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output += Array("null".utf8)
        case .bool(let value): output += Array((value ? "true" : "false").utf8)
        case .int(let value): output += Array(String(value).utf8)
        case .string(let value): output += Array(JSONText.quote(value).utf8)
        case .array(let values):
            guard !values.isEmpty else { return output += Array("[]".utf8) }
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                output += Array((index == 0 ? "\n" : ",\n").utf8)
                Self.indent(&output, indent + 1)
                value.write(to: &output, indent: indent + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.indent(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return output += Array("{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                output += Array((index == 0 ? "\n" : ",\n").utf8)
                Self.indent(&output, indent + 1)
                output += Array(JSONText.quote(key).utf8)
                output += Array(": ".utf8)
                value.write(to: &output, indent: indent + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.indent(&output, indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ output: inout [UInt8], _ depth: Int) {
        output += repeatElement(UInt8(ascii: " "), count: depth * 2)
    }
}
