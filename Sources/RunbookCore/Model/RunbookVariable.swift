import Foundation

/// A value a runbook's steps need, declared in front matter under `variables:`
/// and given by the operator at the start of a run (`--var NAME=VALUE` or a prompt).
/// The executor exports it to every step as an environment variable; it is never
/// pasted into command text.
///
/// ```yaml
/// variables:
///   - name: NAMESPACE
///     prompt: Which namespace is affected?
///     default: production
///     pattern: '[a-z0-9-]+'
///   - NODE            # a name alone: asked with its name as the prompt
/// ```
public struct RunbookVariable: Sendable, Hashable {
    /// An environment variable name: `[A-Za-z_][A-Za-z0-9_]*`.
    public var name: String
    public var prompt: String?
    public var defaultValue: String?
    /// A regular expression the whole value must match.
    public var pattern: String?

    public init(name: String, prompt: String? = nil, defaultValue: String? = nil, pattern: String? = nil) {
        self.name = name
        self.prompt = prompt
        self.defaultValue = defaultValue
        self.pattern = pattern
    }

    /// Whether `value` is acceptable: it matches `pattern` in full, when there is one.
    public func accepts(_ value: String) -> Bool {
        guard let pattern else { return true }
        guard let expression = try? Self.wholeValueExpression(pattern) else { return false }
        let range = NSRange(value.startIndex..., in: value)
        return expression.firstMatch(in: value, range: range) != nil
    }

    /// `pattern` anchored at both ends, so `[a-z]+` cannot pass `prod; rm -rf ~`.
    static func wholeValueExpression(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: "^(?:\(pattern))$")
    }

    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}

extension RunbookVariable: Decodable {
    private enum CodingKeys: String, CodingKey {
        case name, prompt, pattern
        case defaultValue = "default"
    }
}
