/// What sections every runbook must have (`sections:` in config).
public struct SectionRequirements: Sendable, Hashable {
    /// Required section names, in their expected order.
    public var required: [String]
    /// Other names accepted for a required section (`Mitigation: [Remediation]`).
    public var aliases: [String: [String]]
    /// The required sections must appear in the order listed.
    public var ordered: Bool
    /// Minimum number of commands per section, keyed by required name (config resolves aliases).
    public var commands: [String: Int]
    /// markdownlint MD043's form, when given: the exact heading sequence, with
    /// `*`, `+` and `?` wildcards. It replaces `required` and `ordered`.
    public var headings: [HeadingPatternItem]?

    public static let standard = SectionRequirements(
        required: ["Summary", "Symptoms", "Diagnosis", "Mitigation", "Root Cause Fix", "Escalation"],
        aliases: [:],
        ordered: true,
        commands: ["Diagnosis": 2, "Mitigation": 1],
        headings: nil
    )

    public init(
        required: [String], aliases: [String: [String]], ordered: Bool, commands: [String: Int],
        headings: [HeadingPatternItem]?
    ) {
        self.required = required
        self.aliases = aliases
        self.ordered = ordered
        self.commands = commands
        self.headings = headings
    }

    /// The required section a heading text stands for, matching names and aliases
    /// without regard to case or surrounding space; nil when it is none of them.
    public func canonicalName(for heading: String) -> String? {
        canonicalNameTable[Self.normalized(heading)]
    }

    /// Normalized heading text → required name, for every name and alias. Required
    /// names win over aliases, and among aliases the first name in sorted order.
    /// The parser builds it once per configuration rather than per heading.
    public var canonicalNameTable: [String: String] {
        var table: [String: String] = [:]
        for (name, alternatives) in aliases.sorted(by: { $0.key > $1.key }) {
            for alternative in alternatives { table[Self.normalized(alternative)] = name }
        }
        for name in requiredNames.reversed() { table[Self.normalized(name)] = name }
        return table
    }

    /// The names a section can be known by: required ones, MD043 literals, and command minimums.
    public var requiredNames: [String] {
        if let headings {
            return headings.compactMap { item in
                if case .heading(_, let text) = item { return text }
                return nil
            }
        }
        return required
    }

    public static func normalized(_ name: String) -> String {
        // Most headings are plain ASCII words with single spaces: skip the split for them.
        var previousWasSpace = true
        let simple = name.utf8.allSatisfy { byte in
            defer { previousWasSpace = byte == UInt8(ascii: " ") }
            return byte < 0x80 && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r")
                && !(byte == UInt8(ascii: " ") && previousWasSpace)
        } && name.utf8.last != UInt8(ascii: " ")
        if simple { return name.lowercased() }
        return name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }
}
