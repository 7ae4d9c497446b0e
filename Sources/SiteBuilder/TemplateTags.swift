/// A light reading of a Mustache template's tags, before swift-mustache parses it,
/// to catch what would otherwise crash or fail silently at render time: a partial
/// that includes itself (endless recursion), a partial that does not exist
/// (rendered as nothing), a dynamic partial (named by data), and sections nested
/// deeper than the parser's recursion can safely go.
struct TemplateTags {
    /// A partial (`{{>name}}`) or parent (`{{<name}}`) reference.
    struct Reference: Hashable {
        var name: String
        var line: Int
        var column: Int
    }

    static let maximumNesting = 100

    private(set) var references: [Reference] = []

    /// - Throws: `SiteTemplateError` for a dynamic partial or too deep nesting.
    init(_ text: String, file: String) throws {
        var start = Array("{{".utf8)
        var end = Array("}}".utf8)
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var depth = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard Self.matches(start, in: bytes, at: index) else {
                index += 1
                continue
            }
            let tagLine = line, tagColumn = index - lineStart + 1
            let contentStart = index + start.count
            var contentEnd = contentStart
            while contentEnd < bytes.count, !Self.matches(end, in: bytes, at: contentEnd) {
                if bytes[contentEnd] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = contentEnd + 1
                }
                contentEnd += 1
            }
            // An unclosed tag is swift-mustache's to report, with its own message.
            guard contentEnd < bytes.count else { return }
            index = contentEnd + end.count
            let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
            guard let sigil = content.first else { continue }
            let name = content.dropFirst().trimmingWhitespace()
            switch sigil {
            case ">", "<":
                if name.hasPrefix("*") {
                    throw SiteTemplateError(
                        file: file, line: tagLine, column: tagColumn,
                        message: "dynamic partial '\(name)' is not supported: name the partial")
                }
                references.append(Reference(name: name, line: tagLine, column: tagColumn))
                if sigil == "<" { depth += 1 }
            case "#", "^", "$":
                depth += 1
            case "/":
                depth -= 1
            case "=":
                // `{{=<% %>=}}` switches delimiters for the rest of the template.
                let parts = content.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 {
                    start = Array(parts[0].utf8)
                    end = Array(parts[1].utf8)
                }
            default:
                break
            }
            if depth > Self.maximumNesting {
                throw SiteTemplateError(
                    file: file, line: tagLine, column: tagColumn,
                    message: "sections are nested more than \(Self.maximumNesting) deep")
            }
        }
    }

    private static func matches(_ delimiter: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard !delimiter.isEmpty, index + delimiter.count <= bytes.count else { return false }
        return bytes[index..<index + delimiter.count].elementsEqual(delimiter)
    }
}

private extension Substring {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
