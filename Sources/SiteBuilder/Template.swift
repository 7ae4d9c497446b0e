/// A compiled Mustache template: the spec's variables, sections, inverted
/// sections, comments, partials, set delimiters and inheritance (parents and
/// blocks), without lambdas or dynamic names. Standalone tag lines are removed as
/// the spec says; partials are not re-indented (HTML does not care).
///
/// Written for this tool instead of using a general library: it renders typed
/// values into bytes, which is what makes 20,000 pages take well under a second.
struct Template: Sendable {
    /// A partial or parent this template names, with where, for error messages.
    struct Reference: Sendable, Hashable {
        var name: String
        var line: Int
        var column: Int
    }

    static let maximumNesting = 100

    let nodes: [TemplateNode]
    let references: [Reference]

    /// - Throws: `SiteTemplateError` with the line and column of the problem.
    init(_ source: String, file: String) throws {
        var tokenizer = TemplateTokenizer(source, file: file)
        let tokens = Self.removingStandaloneLines(try tokenizer.tokenize())
        var builder = TemplateTreeBuilder(file: file)
        for token in tokens { try builder.add(token) }
        nodes = try builder.finish()
        references = builder.references
    }

    /// Drops the blank text around a tag that is alone on its line (a section, a
    /// comment, a partial, …), line break included, so templates can be laid out
    /// readably without leaving empty lines in the page.
    private static func removingStandaloneLines(_ tokens: [TemplateToken]) -> [TemplateToken] {
        var result: [TemplateToken] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count - 1, !(tokens[lineEnd].kind == .text && tokens[lineEnd].bytes.last == UInt8(ascii: "\n")) {
                lineEnd += 1
            }
            let line = tokens[lineStart...lineEnd]
            let tags = line.filter { $0.kind != .text }
            if tags.count == 1, tags[0].kind.canStandAlone, line.allSatisfy({ $0.kind != .text || $0.isBlank }) {
                result.append(tags[0])
            } else {
                result.append(contentsOf: line)
            }
            lineStart = lineEnd + 1
        }
        return result
    }
}
