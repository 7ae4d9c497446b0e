import Foundation

/// One item of markdownlint MD043's `headings` list.
public enum HeadingPatternItem: Sendable, Hashable, CustomStringConvertible {
    /// `## Diagnosis`: exactly this heading at this level.
    case heading(level: Int, text: String)
    /// `?`: exactly one heading, any text.
    case any
    /// `*`: zero or more headings.
    case zeroOrMore
    /// `+`: one or more headings.
    case oneOrMore

    /// Parses `## Title`, `*`, `+` or `?`; nil for anything else.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "*": self = .zeroOrMore
        case "+": self = .oneOrMore
        case "?": self = .any
        default:
            let hashes = trimmed.prefix { $0 == "#" }.count
            let rest = trimmed.dropFirst(hashes)
            guard (1...6).contains(hashes), rest.first == " " else { return nil }
            let title = rest.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { return nil }
            self = .heading(level: hashes, text: title)
        }
    }

    public var description: String {
        switch self {
        case .heading(let level, let text): return String(repeating: "#", count: level) + " " + text
        case .any: return "?"
        case .zeroOrMore: return "*"
        case .oneOrMore: return "+"
        }
    }
}
