/// Splits a file into its YAML front matter (between `---` lines at the top) and its body.
struct FrontMatter {
    /// The YAML text, or nil when the file has no front matter.
    var yaml: String?
    /// File line on which the YAML starts.
    var yamlLine: Int
    var body: Substring
    /// File line on which the body starts.
    var bodyLine: Int
    /// Set when a front matter block opens but never closes.
    var unclosed: Bool

    init(splitting text: String) {
        yaml = nil
        yamlLine = 2
        body = text[...]
        bodyLine = 1
        unclosed = false
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, Self.isDelimiter(first, opening: true) else { return }
        lines = lines.dropFirst()
        var lineNumber = 2
        for line in lines {
            if Self.isDelimiter(line, opening: false) {
                yaml = String(text[first.endIndex..<line.startIndex].dropFirst())
                body = text[line.endIndex...].dropFirst()
                bodyLine = lineNumber + 1
                return
            }
            lineNumber += 1
        }
        unclosed = true
        body = ""
        bodyLine = lineNumber
    }

    /// `---` (or `...` to close), ignoring trailing spaces and a carriage return.
    private static func isDelimiter(_ line: Substring, opening: Bool) -> Bool {
        let trimmed = line.utf8.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }
        let text = String(decoding: trimmed.reversed(), as: UTF8.self)
        return text == "---" || (!opening && text == "...")
    }
}
