/// Splits a file into its YAML front matter (between `---` lines at the top) and its body.
struct FrontMatter {
    /// The YAML text, or nil when the file has no front matter.
    var yaml: Substring?
    /// File line on which the YAML starts.
    let yamlLine = 2
    var body: Substring
    /// File line on which the body starts.
    var bodyLine = 1
    /// Set when a front matter block opens but never closes.
    var unclosed = false

    /// Scans bytes line by line and stops at the closing delimiter: the body is never split.
    init(splitting text: String) {
        body = text[...]
        let bytes = text.utf8
        guard let firstEnd = Self.lineEnd(bytes, from: bytes.startIndex),
              Self.isDelimiter(bytes[bytes.startIndex..<firstEnd], opening: true) else { return }
        let yamlStart = bytes.index(after: firstEnd)
        var lineStart = yamlStart
        var lineNumber = 2
        while lineStart < bytes.endIndex {
            let end = Self.lineEnd(bytes, from: lineStart) ?? bytes.endIndex
            if Self.isDelimiter(bytes[lineStart..<end], opening: false) {
                yaml = text[yamlStart..<lineStart]
                body = end < bytes.endIndex ? text[bytes.index(after: end)...] : ""
                bodyLine = lineNumber + 1
                return
            }
            lineNumber += 1
            lineStart = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        unclosed = true
        body = ""
        bodyLine = lineNumber
    }

    private static func lineEnd(_ bytes: String.UTF8View, from start: String.Index) -> String.Index? {
        bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
    }

    /// `---` (or `...` to close), ignoring trailing spaces and a carriage return.
    private static func isDelimiter(_ line: Substring.UTF8View, opening: Bool) -> Bool {
        var trimmed = line[...]
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\r") { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8) || (!opening && trimmed.elementsEqual("...".utf8))
    }
}
