/// Splits Mustache source into text and tags, following set-delimiter tags
/// (`{{=<% %>=}}`) as it goes.
struct TemplateTokenizer {
    private let bytes: [UInt8]
    private let file: String
    private var open = Array("{{".utf8)
    private var close = Array("}}".utf8)
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ source: String, file: String) {
        bytes = Array(source.utf8)
        self.file = file
    }

    mutating func tokenize() throws -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var textStart = 0
        var textLine = 1, textColumn = 1
        func flushText(upTo end: Int) {
            if end > textStart {
                tokens.append(TemplateToken(kind: .text, bytes: Array(bytes[textStart..<end]), line: textLine, column: textColumn))
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                // Text tokens end at line breaks, so standalone lines can be found.
                index += 1
                flushText(upTo: index)
                newLine(at: index)
                textStart = index
                textLine = line
                textColumn = 1
                continue
            }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            flushText(upTo: index)
            tokens.append(try tag())
            textStart = index
            textLine = line
            textColumn = index - lineStart + 1
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    /// Reads the tag starting at `index`, leaving `index` after it.
    private mutating func tag() throws -> TemplateToken {
        let tagLine = line, tagColumn = index - lineStart + 1
        var start = index + open.count
        let triple = open == Array("{{".utf8) && start < bytes.count && bytes[start] == UInt8(ascii: "{")
        if triple { start += 1 }
        let closing = triple ? Array("}}}".utf8) : close
        var end = start
        while end < bytes.count, !matches(closing, at: end) {
            if bytes[end] == UInt8(ascii: "\n") { newLine(at: end + 1) }
            end += 1
        }
        guard end < bytes.count else {
            throw SiteTemplateError(file: file, line: tagLine, column: tagColumn, message: "tag is never closed")
        }
        index = end + closing.count
        var content = ArraySlice(bytes[start..<end])
        if triple { return try token(.variable(escaped: false), content, tagLine, tagColumn) }
        let kind: TemplateToken.Kind
        switch content.first {
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .invertedSection
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): return TemplateToken(kind: .comment, bytes: [], line: tagLine, column: tagColumn)
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "&"): kind = .variable(escaped: false)
        case UInt8(ascii: "="):
            try setDelimiters(content, tagLine, tagColumn)
            return TemplateToken(kind: .setDelimiters, bytes: [], line: tagLine, column: tagColumn)
        default:
            return try token(.variable(escaped: true), content, tagLine, tagColumn)
        }
        content = content.dropFirst()
        return try token(kind, content, tagLine, tagColumn)
    }

    private func token(_ kind: TemplateToken.Kind, _ content: ArraySlice<UInt8>, _ line: Int, _ column: Int) throws -> TemplateToken {
        let name = Array(content.drop(while: Self.isSpace).reversed().drop(while: Self.isSpace).reversed())
        guard !name.isEmpty, !name.contains(where: Self.isSpace) else {
            throw SiteTemplateError(
                file: file, line: line, column: column,
                message: name.isEmpty ? "tag has no name" : "tag name '\(String(decoding: name, as: UTF8.self))' contains a space")
        }
        return TemplateToken(kind: kind, bytes: name, line: line, column: column)
    }

    /// `{{=<% %>=}}`: two delimiters without spaces or `=`, between `=` signs.
    private mutating func setDelimiters(_ content: ArraySlice<UInt8>, _ line: Int, _ column: Int) throws {
        guard content.count >= 2, content.last == UInt8(ascii: "=") else {
            throw SiteTemplateError(file: file, line: line, column: column, message: "set-delimiter tag must end with '='")
        }
        let parts = content.dropFirst().dropLast().split(whereSeparator: Self.isSpace)
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw SiteTemplateError(file: file, line: line, column: column, message: "set-delimiter tag needs two delimiters, like {{=<% %>=}}")
        }
        open = Array(parts[0])
        close = Array(parts[1])
    }

    private mutating func newLine(at position: Int) {
        line += 1
        lineStart = position
    }

    private func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
        position + delimiter.count <= bytes.count && bytes[position..<position + delimiter.count].elementsEqual(delimiter)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
