/// A piece of template source: text (never spanning a line break) or a tag.
struct TemplateToken {
    enum Kind: Equatable {
        case text
        case variable(escaped: Bool)
        case section
        case invertedSection
        case close
        case comment
        case partial
        case parent
        case block
        case setDelimiters

        /// Tags that, alone on their line, take the whole line with them (the Mustache spec's "standalone" rule).
        var canStandAlone: Bool {
            switch self {
            case .text, .variable: return false
            default: return true
            }
        }
    }

    var kind: Kind
    /// The text's bytes, or the tag's name with surrounding spaces removed.
    var bytes: [UInt8]
    var line: Int
    var column: Int

    var name: String { String(decoding: bytes, as: UTF8.self) }

    /// Text made of spaces and tabs only, with at most a final line break.
    var isBlank: Bool {
        kind == .text && bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
    }
}
