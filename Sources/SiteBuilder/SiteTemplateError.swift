/// A template or asset of `site-template/` that cannot be used, with where.
public struct SiteTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Path inside `site-template/` (`runbook.mustache`).
    public var file: String
    /// 1-based; 0 when the problem is the file as a whole.
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int = 0, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `site-template/runbook.mustache:12:5: error: …`, the compiler form editors read.
    public var description: String {
        let place = line > 0 ? ":\(line):\(max(column, 1))" : ""
        return "\(SiteTemplate.folderName)/\(file)\(place): error: \(message)"
    }
}
